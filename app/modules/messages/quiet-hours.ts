/**
 * Quiet hours for SMS: no texts at night. `SMS_QUIET_HOURS` is "HH:MM-HH:MM" in `SMS_TIME_ZONE` (default
 * 21:00-08:00 in Asia/Shanghai); "off" turns them off. A window may cross midnight.
 */
export interface QuietHours {
  /** Minutes after local midnight. */
  start: number;
  end: number;
  timeZone: string;
}

export const defaultQuietHours = "21:00-08:00";
export const defaultSmsTimeZone = "Asia/Shanghai";

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** The configured quiet hours, null when turned off; a value that cannot be read is a startup error. */
export function quietHoursFromEnv(env: Record<string, string | undefined> = process.env): QuietHours | null {
  const raw = (env.SMS_QUIET_HOURS ?? "").trim() || defaultQuietHours;
  if (raw === "off") return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!match) throw new Error(`SMS_QUIET_HOURS="${raw}": write it as HH:MM-HH:MM (e.g. ${defaultQuietHours}) or "off"`);
  const timeZone = (env.SMS_TIME_ZONE ?? "").trim() || defaultSmsTimeZone;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw new Error(`SMS_TIME_ZONE="${timeZone}" is not a time zone (e.g. ${defaultSmsTimeZone})`);
  }
  const [start, end] = raw.split("-").map(minutes);
  if (start === end) return null;
  return { start, end, timeZone };
}

/** Local time of day in the zone, in minutes and seconds after midnight. */
function localTimeOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute") + get("second") / 60;
}

export function inQuietHours(at: Date, quiet: QuietHours): boolean {
  const now = localTimeOfDay(at, quiet.timeZone);
  return quiet.start < quiet.end ? now >= quiet.start && now < quiet.end : now >= quiet.start || now < quiet.end;
}

/** When the quiet hours around `at` end (the morning), or null when `at` is not in quiet hours. */
export function quietHoursEnd(at: Date, quiet: QuietHours): Date | null {
  if (!inQuietHours(at, quiet)) return null;
  const now = localTimeOfDay(at, quiet.timeZone);
  const wait = (quiet.end - now + 24 * 60) % (24 * 60);
  // The time of day above is to the second: count from the start of that second.
  return new Date(Math.floor(at.getTime() / 1000) * 1000 + Math.round(wait * 60_000));
}

/**
 * Dates and times the way each language writes them, always in China Standard Time (the portal serves
 * Qingyuan): zh-CN "2026年12月5日 星期六 14:30", en "Saturday, 5 December 2026, 14:30". Built-in Intl: no library.
 */
export const portalTimeZone = "Asia/Shanghai";

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // A bare date is a calendar day in China; noon there is the same day in every zone we format for.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00+08:00`);
  return new Date(value);
}

const intlLocale = (locale: string) => (locale === "en" ? "en-GB" : "zh-CN");

/** Building an Intl.DateTimeFormat costs far more than using one: keep one per locale and style. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, style: "date" | "weekday" | "time"): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      intlLocale(locale),
      style === "time"
        ? { timeZone: portalTimeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
        : { timeZone: portalTimeZone, year: "numeric", month: "long", day: "numeric", weekday: style === "weekday" ? "long" : undefined },
    );
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(value: string | Date, locale: string, options: { weekday?: boolean } = {}): string {
  return formatter(locale, options.weekday ? "weekday" : "date").format(toDate(value));
}

export function formatTime(value: string | Date, locale: string): string {
  return formatter(locale, "time").format(toDate(value));
}

/** Date, weekday and time: "2026年12月5日星期六 14:30", "Saturday, 5 December 2026, 14:30". */
export function formatDateTime(value: string | Date, locale: string): string {
  const date = formatDate(value, locale, { weekday: true });
  return locale === "en" ? `${date}, ${formatTime(value, locale)}` : `${date} ${formatTime(value, locale)}`;
}

import { describe, expect, it } from "vitest";
import { inQuietHours, quietHoursEnd, quietHoursFromEnv } from "./quiet-hours";

const shanghai = quietHoursFromEnv({})!;

describe("SMS quiet hours", () => {
  it("are 21:00–08:00 in Asia/Shanghai unless configured", () => {
    expect(shanghai).toEqual({ start: 21 * 60, end: 8 * 60, timeZone: "Asia/Shanghai" });
    // 20:59 Beijing time is 12:59 UTC: still allowed; 21:00 is quiet; 07:59 quiet; 08:00 allowed.
    expect(inQuietHours(new Date("2026-12-02T12:59:00Z"), shanghai)).toBe(false);
    expect(inQuietHours(new Date("2026-12-02T13:00:00Z"), shanghai)).toBe(true);
    expect(inQuietHours(new Date("2026-12-02T23:59:00Z"), shanghai)).toBe(true);
    expect(inQuietHours(new Date("2026-12-03T00:00:00Z"), shanghai)).toBe(false);
  });

  it("make a text due at night wait until 08:00 the next morning, local time", () => {
    // 23:30:15.5 Beijing time on 2 December → 08:00:00 on 3 December (00:00 UTC).
    expect(quietHoursEnd(new Date("2026-12-02T15:30:15.500Z"), shanghai)?.toISOString()).toBe("2026-12-03T00:00:00.000Z");
    // 02:00 Beijing time on 3 December → 08:00 the same morning.
    expect(quietHoursEnd(new Date("2026-12-02T18:00:00Z"), shanghai)?.toISOString()).toBe("2026-12-03T00:00:00.000Z");
    expect(quietHoursEnd(new Date("2026-12-03T02:00:00Z"), shanghai)).toBeNull();
  });

  it("follow SMS_QUIET_HOURS and SMS_TIME_ZONE, can be turned off, and refuse what they cannot read", () => {
    const london = quietHoursFromEnv({ SMS_QUIET_HOURS: "22:30-07:00", SMS_TIME_ZONE: "Europe/London" })!;
    expect(inQuietHours(new Date("2026-12-02T22:29:00Z"), london)).toBe(false);
    expect(inQuietHours(new Date("2026-12-02T22:30:00Z"), london)).toBe(true);
    expect(quietHoursEnd(new Date("2026-12-02T23:00:00Z"), london)?.toISOString()).toBe("2026-12-03T07:00:00.000Z");
    const daytime = quietHoursFromEnv({ SMS_QUIET_HOURS: "12:00-14:00" })!;
    expect(inQuietHours(new Date("2026-12-02T05:00:00Z"), daytime)).toBe(true);
    expect(inQuietHours(new Date("2026-12-02T06:00:00Z"), daytime)).toBe(false);
    expect(quietHoursFromEnv({ SMS_QUIET_HOURS: "off" })).toBeNull();
    expect(() => quietHoursFromEnv({ SMS_QUIET_HOURS: "9pm-8am" })).toThrow(/SMS_QUIET_HOURS/);
    expect(() => quietHoursFromEnv({ SMS_TIME_ZONE: "Mars/Olympus" })).toThrow(/SMS_TIME_ZONE/);
  });
});

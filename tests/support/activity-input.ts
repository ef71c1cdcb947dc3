import type { ActivityInput } from "~/modules/centre/index.server";

/** A published screen-reader course in December 2026, signing up from 20 November: the module tests' activity. */
export function activityInput(patch: Partial<ActivityInput> = {}): ActivityInput {
  return {
    type: "training",
    associationId: null,
    title: { zh: "读屏软件培训", en: "Screen reader course" },
    summary: { zh: "小班培训", en: "Small group" },
    place: { zh: "区域中心", en: "Regional centre" },
    startsAt: "2026-12-10T06:30:00.000Z",
    durationMinutes: 120,
    capacity: 3,
    waitlistSize: 1,
    accessibility: [],
    signupOpensAt: "2026-11-20T00:00:00.000Z",
    signupClosesAt: "2026-12-09T10:00:00.000Z",
    status: "published",
    ...patch,
  };
}

/**
 * What a person can withdraw themselves (issue 17, item 6), zod-free so pages can import it in the browser. The
 * kind is the last segment of the withdrawal page's path: /withdraw/device-request.
 */
export const withdrawalKinds = ["device-request", "library-card", "activity-signup", "waiting-list", "feedback", "home-modification"] as const;
export type WithdrawalKind = (typeof withdrawalKinds)[number];

export const isWithdrawalKind = (value: string | undefined): value is WithdrawalKind => (withdrawalKinds as readonly string[]).includes(value ?? "");

/** Feedback may have been left with a phone or an e-mail address; everything else was given with a mobile number. */
export const secretField = (kind: WithdrawalKind): "phone" | "contact" => (kind === "feedback" ? "contact" : "phone");

/** Locale-neutral path of the withdrawal page, optionally with the reference filled in. */
export const withdrawalPath = (kind: WithdrawalKind, reference?: string) => `/withdraw/${kind}${reference ? `?reference=${encodeURIComponent(reference)}` : ""}`;

/** Where a person looks the record up otherwise: the withdrawal page's way back. */
export const withdrawalHome: Record<WithdrawalKind, string> = {
  "device-request": "/devices/request",
  "library-card": "/library/status",
  "activity-signup": "/activities/signup",
  "waiting-list": "/cinema",
  feedback: "/feedback",
  "home-modification": "/home-modification/status",
};

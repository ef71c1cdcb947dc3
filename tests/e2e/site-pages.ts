/**
 * Every page of the portal, locale-neutral. The page suite visits each in Chinese and English, with default
 * and with large-text + high-contrast display settings. Add new pages here.
 */
export const sitePages: Array<{ path: string; name: string; status?: number }> = [
  { path: "/", name: "home" },
  { path: "/contact", name: "contact" },
  { path: "/accessibility", name: "accessibility statement" },
  { path: "/feedback", name: "feedback form" },
  { path: "/feedback/sent?ref=YJ-2345-6789", name: "feedback sent" },
  { path: "/settings", name: "display settings" },
  { path: "/policies", name: "policies" },
  { path: "/policies?type=regulation&topic=subsidy", name: "policies filtered" },
  { path: "/guides", name: "guides" },
  { path: "/policies/disability-protection-law", name: "regulation" },
  { path: "/policies/living-allowance-guide", name: "guide with easy read and steps" },
  { path: "/policies/cdpf-rectification-report-2025-fulltext", name: "official full text" },
  { path: "/policies/contact-federation", name: "faq" },
  { path: "/search", name: "search form" },
  { path: "/search?q=残疾证怎么办", name: "search results" },
  { path: "/search?q=qqqxyz", name: "search without results" },
  { path: "/login", name: "staff login" },
  { path: "/logout", name: "staff logout" },
  { path: "/cinema", name: "cinema" },
  { path: "/cinema?ad=1&cc=1", name: "cinema filtered" },
  { path: "/cinema/booking", name: "cinema booking lookup" },
  { path: "/devices", name: "devices" },
  { path: "/devices?disability=vision&q=放大", name: "devices filtered" },
  { path: "/devices/manual-wheelchair", name: "device page" },
  { path: "/devices/bte-hearing-aid", name: "device page (fitting)" },
  { path: "/devices/request", name: "device request status" },
  { path: "/devices/renew", name: "loan renewal" },
  { path: "/assistant", name: "assistant" },
  { path: "/library", name: "library for visually impaired readers" },
  { path: "/library/status", name: "library card status" },
  { path: "/withdraw/device-request?reference=JY-2345-6789", name: "withdraw a device request" },
  { path: "/withdraw/library-card", name: "withdraw a library card application" },
  { path: "/withdraw/activity-signup", name: "withdraw an activity sign-up" },
  { path: "/withdraw/waiting-list", name: "leave a cinema waiting list" },
  { path: "/withdraw/feedback", name: "withdraw a feedback message" },
  { path: "/withdraw/something-else", name: "unknown withdrawal", status: 404 },
  { path: "/activities", name: "activities" },
  { path: "/activities?type=training", name: "activities filtered" },
  // The seed's example activities are staff-only (issue 19); centre.test.ts visits a published one.
  { path: "/activities/example-outreach", name: "example activity (not found for the public)", status: 404 },
  { path: "/activities/signup", name: "activity sign-up lookup" },
  { path: "/associations", name: "specialised associations" },
  { path: "/figures", name: "open figures" },
  { path: "/no-such-page", name: "not found", status: 404 },
];

export const withLocale = (path: string, locale: "zh-CN" | "en") =>
  locale === "en" ? (path === "/" ? "/en" : `/en${path}`) : path;

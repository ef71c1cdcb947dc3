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
  { path: "/devices", name: "devices" },
  { path: "/assistant", name: "assistant" },
  { path: "/no-such-page", name: "not found", status: 404 },
];

export const withLocale = (path: string, locale: "zh-CN" | "en") =>
  locale === "en" ? (path === "/" ? "/en" : `/en${path}`) : path;

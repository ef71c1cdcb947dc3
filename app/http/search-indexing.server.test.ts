import { describe, expect, it } from "vitest";
import { isIndexable } from "./search-indexing.server";

describe("which pages a search engine may index", () => {
  it("public pages in both languages, filtered lists and list pages included", () => {
    for (const path of ["/", "/en", "/policies", "/en/policies/disability-protection-law", "/guides", "/cinema", "/cinema/s1", "/devices/manual-wheelchair", "/activities", "/library", "/associations", "/figures", "/contact", "/accessibility", "/feedback", "/settings", "/assistant", "/en/assistant/eligibility"]) {
      expect(isIndexable(path), path).toBe(true);
    }
    expect(isIndexable("/policies", "?type=regulation&topic=subsidy")).toBe(true);
    expect(isIndexable("/devices", "?page=2")).toBe(true);
  });

  it("never staff pages, sign-in, steps, checks, confirmations or lookups", () => {
    for (const path of [
      "/admin",
      "/en/admin/cinema/s1",
      "/admin/devices/export/requests",
      "/login",
      "/en/logout",
      "/cinema/booking",
      "/cinema/booking/DY-7K3Q-M9TD/token/confirmation",
      "/cinema/booking/DY-7K3Q-M9TD/token/calendar.ics",
      "/cinema/offer/HB-7K3Q-M9TD/token",
      "/activities/offer/HD-7K3Q-M9TD/token",
      "/cinema/s1/book/d1/check",
      "/cinema/s1/waiting-list/joined",
      "/devices/request",
      "/devices/renew",
      "/en/devices/manual-wheelchair/apply/d1/contact",
      "/library/apply/d1/check",
      "/library/status",
      "/activities/signup",
      "/activities/a1/signup/d1/needs",
      "/assistant/eligibility/certificate",
      "/feedback/sent",
    ]) {
      expect(isIndexable(path), path).toBe(false);
    }
  });

  it("never search results, a list filtered by typed words, a personal number in the query, or the API", () => {
    expect(isIndexable("/search")).toBe(false);
    expect(isIndexable("/en/search", "?q=wheelchair")).toBe(false);
    expect(isIndexable("/devices", "?q=放大")).toBe(false);
    expect(isIndexable("/policies", "?topic=13800138000")).toBe(false);
    expect(isIndexable("/api/v1/screenings")).toBe(false);
    expect(isIndexable("/policies.data")).toBe(false);
    // An empty search box is no search.
    expect(isIndexable("/devices", "?q=")).toBe(true);
  });
});

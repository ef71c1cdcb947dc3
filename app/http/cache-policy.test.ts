import { describe, expect, it } from "vitest";
import { cacheControlFor, isPersonalPath, isPublicPage } from "./cache-policy";

describe("which answers are never stored", () => {
  it("personal pages and the personal-data API, in both languages and as single-fetch data", () => {
    for (const path of [
      "/admin",
      "/en/admin/audit",
      "/admin/devices/export/requests",
      "/login",
      "/cinema/booking",
      "/cinema/booking/QY-ABC/token/ticket",
      "/cinema/booking/QY-ABC/token/calendar.ics",
      "/cinema/offer/HB-ABC/token",
      "/activities/offer/HD-ABC/token",
      "/cinema/s1/book/d1/contact",
      "/cinema/s1/book/d1/contact.data",
      "/cinema/s1/waiting-list",
      "/devices/request",
      "/devices/renew",
      "/devices/wheelchair/apply/d1/contact",
      "/library/status",
      "/library/apply/d1/contact",
      "/activities/signup",
      "/activities/a1/signup/d1/contact",
      "/assistant",
      "/en/assistant/eligibility/disability",
      "/feedback/sent",
      "/api/v1/bookings/QY-ABC",
      "/api/v1/loan-requests",
      "/api/v1/loan-requests/QY-ABC",
      "/api/v1/screenings/s1/bookings",
      "/api/v1/chat",
    ]) {
      expect(isPersonalPath(path), path).toBe(true);
    }
  });

  it("leave public pages and the public catalogue to their own caching", () => {
    for (const path of ["/", "/_root.data", "/en", "/policies", "/policies/x", "/guides", "/cinema", "/cinema/s1", "/devices", "/devices/wheelchair", "/library", "/activities", "/activities/a1", "/feedback", "/figures", "/api/v1/screenings", "/api/v1/devices", "/api/v1/health"]) {
      expect(cacheControlFor("GET", path), path).toBeNull();
    }
  });

  it("never store the answer to a submission", () => {
    expect(cacheControlFor("POST", "/feedback")).toBe("no-store");
    expect(cacheControlFor("DELETE", "/api/v1/bookings/QY-ABC")).toBe("no-store");
  });

  it("cache only public content pages: never a personal page, a form, a lookup, single-fetch data or the API", () => {
    for (const path of ["/", "/en", "/policies", "/en/policies/x", "/guides", "/cinema", "/cinema/s1", "/devices", "/devices/wheelchair", "/activities", "/activities/a1", "/associations", "/contact", "/accessibility", "/figures", "/library", "/feeds/policies.xml", "/en/feeds/policies.xml"]) {
      expect(isPublicPage(path), path).toBe(true);
    }
    for (const path of ["/search", "/en/search", "/cinema/booking", "/en/cinema/booking", "/devices/request", "/activities/signup", "/library/status", "/library/apply", "/assistant", "/admin", "/login", "/feedback", "/settings", "/cinema/s1/waiting-list", "/cinema/s1.data", "/_root.data", "/api/v1/screenings", "/policies/x/y", "/policies/", "/feeds", "/feeds/other.xml", "/feeds/policies.xml.data"]) {
      expect(isPublicPage(path), path).toBe(false);
    }
  });

  it("never store an answer whose query carries a personal number, on any page", () => {
    expect(cacheControlFor("GET", "/search", "?q=" + encodeURIComponent("我的残疾证号 44180219800101123X"))).toBe("no-store");
    expect(cacheControlFor("GET", "/devices", "?q=13812345678")).toBe("no-store");
    expect(cacheControlFor("GET", "/search", "?q=" + encodeURIComponent("轮椅"))).toBeNull();
    expect(cacheControlFor("GET", "/cinema", "?ad=1")).toBeNull();
  });
});

import { UNSAFE_defineRoutes as defineRoutes } from "@remix-run/dev";
import { describe, expect, it } from "vitest";
import { localizedRoutes } from "../../remix.config.js";
import { createRouteLabeller } from "./route-label.server";
import type { RouteEntry } from "./route-partition.server";

/** The portal's real route table (app/routes.ts, from remix.config.js), with the root, as the server build has it. */
const table: Record<string, RouteEntry> = { root: { id: "root", path: "" }, ...(localizedRoutes(defineRoutes as never) as Record<string, RouteEntry>) };

describe("a request's route label", () => {
  const label = createRouteLabeller(table);

  it("is the pattern of the route the URL reaches, never the URL", () => {
    expect(label("/")).toBe("/");
    expect(label("/cinema/s-1234")).toBe("/cinema/:screeningId");
    expect(label("/en/cinema/s-1234")).toBe("/:lang/cinema/:screeningId");
    expect(label("/api/v1/bookings/DY-7K3Q-M9TD")).toBe("/api/v1/bookings/:reference");
    expect(label("/policies/13812345678")).toBe("/policies/:id");
    expect(label("/api/v1/health")).toBe("/api/v1/health");
    expect(label("/api/v1/ready")).toBe("/api/v1/ready");
  });

  it("marks single-fetch data requests, and names the catch-alls", () => {
    expect(label("/cinema.data")).toBe("/cinema.data");
    expect(label("/_root.data")).toBe("/.data");
    // As Remix matches it: a first segment could be a language (a wrong one is a 404 in route-locale.ts).
    expect(label("/no/such/page")).toBe("/:lang/*");
    expect(label("/en/no/such/page")).toBe("/:lang/*");
    expect(label("/api/v1/nothing")).toBe("/api/*");
    expect(label("/__manifest")).toBe("/__manifest");
  });

  it("takes a bounded set of values: every URL of a route gives the same label", () => {
    const labels = new Set(Array.from({ length: 200 }, (_, i) => label(`/cinema/booking/DY-${i}/t${i * 7}`)));
    expect(labels.size).toBe(1);
  });
});

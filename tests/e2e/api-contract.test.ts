import { describe, expect, it } from "vitest";
import { checkedFetch } from "../support/openapi-check";
import { baseURL } from "./browser";

/**
 * The JSON API of docs/contracts.md against the real server (status codes included: a route function's result
 * and what the server sends can differ). Bad input is always a clear 4xx with { error, message }. Every answer is
 * checked against the OpenAPI document the server serves (tests/support/openapi-check.ts).
 */
const json = (path: string, init: RequestInit = {}) =>
  checkedFetch(`${baseURL()}${path}`, { ...init, headers: { "Content-Type": "application/json", ...(init.headers ?? {}) } });

describe("JSON API contract", () => {
  it("health", async () => {
    const res = await json("/api/v1/health");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: "sqlite" });
    expect(body.index.documents).toBeGreaterThan(30);
    expect(body.index.chunks).toBeGreaterThan(body.index.documents);
  });

  it("screenings and bookings: 201 with seats, the booking by reference + phone, the wrong phone like an unknown reference", async () => {
    const { screenings } = await (await json("/api/v1/screenings")).json();
    expect(screenings[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), startsAt: expect.any(String), seatsTotal: expect.any(Number) });
    const created = await json(`/api/v1/screenings/${screenings[0].id}/bookings`, {
      method: "POST",
      body: JSON.stringify({ name: "接口测试", phone: "13900000000", tickets: 2 }),
    });
    expect(created.status).toBe(201);
    const booking = await created.json();
    expect(booking.seats).toHaveLength(2);
    expect(booking.seats[0]).toMatch(/^\d+排\d+座$/);
    expect((await json(`/api/v1/bookings/${booking.reference}?phone=13900000000`)).status).toBe(200);
    const wrong = await json(`/api/v1/bookings/${booking.reference}?phone=13900000001`);
    const unknown = await json(`/api/v1/bookings/ZZ-0000-0000?phone=13900000000`);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect((await wrong.json()).error).toBe((await unknown.json()).error);
    expect((await json(`/api/v1/bookings/${booking.reference}?phone=13900000000`, { method: "DELETE" })).status).toBe(200);
  });

  it("devices and loan requests: 201 pending, status by reference + phone", async () => {
    const { devices } = await (await json("/api/v1/devices")).json();
    expect(devices.length).toBeGreaterThanOrEqual(20);
    expect(devices[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), available: expect.any(Number), total: expect.any(Number) });
    const created = await json("/api/v1/loan-requests", {
      method: "POST",
      body: JSON.stringify({ deviceId: devices[0].id, name: "接口测试", phone: "13900000002", disabilityCategory: "physical" }),
    });
    expect(created.status).toBe(201);
    const request = await created.json();
    expect(request).toMatchObject({ reference: expect.any(String), status: "pending" });
    expect((await json(`/api/v1/loan-requests/${request.reference}?phone=13900000002`)).status).toBe(200);
    expect((await json(`/api/v1/loan-requests/${request.reference}?phone=13900000003`)).status).toBe(404);
  });

  it("never answers 5xx to anything a client can send", async () => {
    const attempts: Array<[string, RequestInit]> = [
      ["/api/v1/chat", { method: "POST", body: "{not json" }],
      ["/api/v1/chat", { method: "POST", body: JSON.stringify({ question: 42 }) }],
      ["/api/v1/screenings/nope/bookings", { method: "POST", body: JSON.stringify({ name: "x", phone: "1", tickets: 9 }) }],
      ["/api/v1/screenings/nope/bookings", { method: "POST", body: "[]" }],
      ["/api/v1/loan-requests", { method: "POST", body: JSON.stringify({ deviceId: "nope", name: "", phone: "abc" }) }],
      ["/api/v1/loan-requests", { method: "POST", body: "\u0000\u0001" }],
      ["/api/v1/bookings/%E0%A4%A?phone=1", { method: "GET" }],
      ["/api/v1/devices", { method: "DELETE" }],
    ];
    for (const [path, init] of attempts) {
      const res = await json(path, init);
      expect(res.status, `${init.method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${init.method} ${path}`).toBeLessThan(500);
      const body = await res.json().catch(() => null);
      if (body) expect(body, path).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
  });

  it("serves its OpenAPI 3.1 document, cacheable for five minutes, read-only", async () => {
    const res = await json("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
    const document = await res.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/health", "/chat", "/screenings", "/screenings/{id}/bookings", "/bookings/{reference}", "/devices", "/loan-requests", "/loan-requests/{reference}"]));
    const refused = await json("/api/v1/openapi.json", { method: "POST", body: "{}" });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("Allow")).toBe("GET");
  });
});

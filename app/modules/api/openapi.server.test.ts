import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { createOpenApiCheck, type ApiAnswer } from "../../../tests/support/openapi-check";
import { domainErrorStatus, type DomainErrorCode } from "~/modules/shared/domain-error";
import { apiDeprecations, buildOpenApiDocument, deprecationHeaders, openApiDocument } from "./openapi.server";

/**
 * The OpenAPI document of /api/v1 covers every API route the repository has (and nothing else), and the suite's
 * check of answers against it (tests/support/openapi-check.ts) refuses what the document does not describe.
 */
const document = openApiDocument();
const check = createOpenApiCheck(document);
const methods = ["get", "post", "put", "patch", "delete"];

/** `api.v1.bookings.$reference.ts` → `/bookings/{reference}` (flat routes: `_` ends nesting, `[.json]` is literal). */
function documentedPath(file: string): string {
  const segments = file
    .replace(/\.ts$/, "")
    .replace(/\[\.(\w+)\]/g, "%DOT%$1")
    .split(".")
    .slice(2)
    .map((segment) => segment.replace(/_$/, "").replace(/^\$(.+)$/, "{$1}").replace("%DOT%", "."));
  return `/${segments.join("/")}`;
}

const answer = (overrides: Partial<ApiAnswer>): ApiAnswer => ({ method: "GET", url: "/api/v1/health", status: 200, headers: new Headers({ "Content-Type": "application/json" }), body: null, ...overrides });
const health = { status: "ok", database: "sqlite", index: { documents: 40, chunks: 400, builtAt: "2026-12-02T00:00:00.000Z" } };
const error = (code: string, extra: Record<string, unknown> = {}) => ({ error: code, message: "…", ...extra });

describe("the OpenAPI document of /api/v1", () => {
  it("is OpenAPI 3.1 and has exactly one path for each api.v1 route file", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "/api/v1" }]);
    const files = fs.readdirSync(path.join(__dirname, "../../routes")).filter((f) => f.startsWith("api.v1.") && !f.includes(".test."));
    expect(Object.keys(document.paths ?? {}).sort()).toEqual(files.map(documentedPath).sort());
  });

  it("gives every operation an id, the edge's refusals and the error shape with its codes per status", () => {
    for (const [route, item] of Object.entries(document.paths ?? {})) {
      for (const method of methods.filter((m) => m in item)) {
        const operation = (item as Record<string, { operationId?: string; responses: Record<string, any> }>)[method]!;
        expect(operation.operationId, `${method} ${route}`).toBeTruthy();
        expect(Object.keys(operation.responses), `${method} ${route}`).toEqual(expect.arrayContaining(method === "get" ? ["400", "503"] : ["400", "403", "413", "503"]));
        for (const [status, response] of Object.entries(operation.responses)) {
          // (/health's and /ready's own 503 say what is wrong with the storage or what is missing, beside the error shape.)
          if (Number(status) < 400 || ((route === "/health" || route === "/ready") && status === "503")) continue;
          const schema = response.content["application/json"].schema;
          expect(schema.required, `${method} ${route} ${status}`).toEqual(["error", "message"]);
          expect(schema.properties.error.enum.length, `${method} ${route} ${status}`).toBeGreaterThan(0);
          if (status === "429") expect(response.headers["Retry-After"].required).toBe(true);
        }
      }
    }
  });

  it("lists each domain error code under the one status the edge answers it with (busy: 503 with Retry-After)", () => {
    let busy = 0;
    for (const [route, item] of Object.entries(document.paths ?? {})) {
      for (const method of methods.filter((m) => m in item)) {
        const operation = (item as Record<string, { responses: Record<string, any> }>)[method]!;
        for (const [status, response] of Object.entries(operation.responses)) {
          const codes: string[] = response.content?.["application/json"]?.schema?.properties?.error?.enum ?? [];
          for (const code of codes.filter((c): c is DomainErrorCode => c in domainErrorStatus)) {
            // invalid_input is also the edge's 400 (a body or URL it cannot read), before any domain rule.
            if (code === "invalid_input" && status === "400") continue;
            expect(Number(status), `${method} ${route}: ${code}`).toBe(domainErrorStatus[code]);
            if (code === "busy") {
              busy++;
              expect(response.headers["Retry-After"].required, `${method} ${route}: busy`).toBe(true);
            }
          }
        }
      }
    }
    // The booking, lookup, cancel and both loan-request calls can be busy.
    expect(busy).toBeGreaterThanOrEqual(6);
  });

  it("describes request bodies, queries and headers from the schemas the routes parse with", () => {
    const booking = (document.paths!["/screenings/{id}/bookings"] as any).post;
    expect(booking.requestBody.content["application/json"].schema).toMatchObject({ required: ["name", "phone", "tickets"], properties: { tickets: { type: "integer", minimum: 1, maximum: 4 } } });
    expect(booking.parameters.map((p: { in: string; name: string }) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(["path:id", "header:Idempotency-Key"]));
    const lookup = (document.paths!["/bookings/{reference}"] as any).get;
    expect(lookup.parameters.map((p: { in: string; name: string }) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(["path:reference", "query:phone", "query:locale"]));
    const chat = (document.paths!["/chat"] as any).post;
    expect(chat.requestBody.content["application/json"].schema.properties.conversationId.pattern).toBe("^[A-Za-z0-9_-]{24}$");
  });

  it("has examples that match their own schemas, for every request body and success answer", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    let seen = 0;
    for (const [route, item] of Object.entries(document.paths ?? {})) {
      for (const method of methods.filter((m) => m in item)) {
        const operation = (item as Record<string, any>)[method];
        const url = `/api/v1${route.replace(/\{[^}]+\}/g, "x")}`;
        const body = operation.requestBody?.content["application/json"];
        if (body) {
          expect(body.example, `${method} ${route} request`).toBeDefined();
          const validate = ajv.compile({ ...body.schema, components: document.components });
          expect(validate(body.example), `${method} ${route} request: ${ajv.errorsText(validate.errors)}`).toBe(true);
        }
        for (const [status, response] of Object.entries<any>(operation.responses)) {
          const example = response.content?.["application/json"]?.example;
          if (Number(status) >= 300 || route === "/openapi.json") continue;
          expect(example, `${method} ${route} ${status}`).toBeDefined();
          const headers = new Headers({ "Content-Type": "application/json" });
          expect(() => check({ method, url, status: Number(status), headers, body: example })).not.toThrow();
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThanOrEqual(9);
  });
});

describe("checking an answer against the document", () => {
  it("accepts an answer the document describes", () => {
    expect(() => check(answer({ body: health }))).not.toThrow();
    expect(() => check(answer({ headers: null, body: health }))).not.toThrow();
    const limited = new Headers({ "Content-Type": "application/json", "Retry-After": "30" });
    expect(() => check(answer({ method: "POST", url: "/api/v1/chat", status: 429, headers: limited, body: error("rate_limited") }))).not.toThrow();
  });

  it("refuses a status the operation does not list", () => {
    expect(() => check(answer({ status: 500, body: error("oops") }))).toThrow(/status 500 is not documented for GET \/health/);
    expect(() => check(answer({ method: "POST", url: "/api/v1/loan-requests", status: 200, body: { reference: "JQ-1", status: "pending" } }))).toThrow(/status 200/);
  });

  it("refuses a body that does not match: a missing or extra field, a code the status does not carry", () => {
    expect(() => check(answer({ body: { ...health, index: { documents: 1 } } }))).toThrow(/does not match/);
    expect(() => check(answer({ body: { ...health, secret: "x" } }))).toThrow(/does not match/);
    expect(() => check(answer({ method: "POST", url: "/api/v1/chat", status: 400, body: error("sold_out") }))).toThrow(/does not match/);
  });

  it("refuses the wrong content type, a missing required header, and anything but 404 not_found for a path the document lacks", () => {
    expect(() => check(answer({ headers: new Headers({ "Content-Type": "text/html" }), body: "<p>" }))).toThrow(/content type "text\/html"/);
    expect(() => check(answer({ method: "POST", url: "/api/v1/chat", status: 429, body: error("rate_limited") }))).toThrow(/Retry-After is missing/);
    expect(() => check(answer({ url: "/api/v1/nothing", status: 200, body: health }))).toThrow(/no path of the document/);
    expect(() => check(answer({ url: "/api/v1/nothing", status: 404, body: error("rate_limited") }))).toThrow(/does not match/);
    expect(() => check(answer({ url: "/api/v1/nothing", status: 404, body: error("not_found") }))).not.toThrow();
  });

  it("wants an undocumented method answered 405 with Allow naming the documented ones", () => {
    const allow = (value: string) => new Headers({ "Content-Type": "application/json", Allow: value });
    const refused = { method: "PUT", url: "/api/v1/bookings/DY-AAAA-AAAA", status: 405, body: error("method_not_allowed") };
    expect(() => check(answer({ ...refused, headers: allow("GET, DELETE") }))).not.toThrow();
    expect(() => check(answer({ ...refused, headers: allow("GET") }))).toThrow(/Allow is "GET"/);
    expect(() => check(answer({ ...refused, status: 404, headers: allow("GET, DELETE"), body: error("not_found") }))).toThrow(/must be 405/);
  });

  it("lets the edge refuse a state-changing request on any path first, 403 or 413, never a GET", () => {
    const foreign = { method: "POST", url: "/api/v1/bookings/DY-AAAA-AAAA", status: 403, body: error("cross_site_request") };
    expect(() => check(answer(foreign))).not.toThrow();
    expect(() => check(answer({ ...foreign, url: "/api/v1/nothing" }))).not.toThrow();
    expect(() => check(answer({ ...foreign, status: 413, body: error("payload_too_large") }))).not.toThrow();
    expect(() => check(answer({ ...foreign, body: error("not_found") }))).toThrow(/does not match/);
    expect(() => check(answer({ ...foreign, method: "GET", url: "/api/v1/nothing" }))).toThrow(/UnknownPath 404/);
  });
});

describe("a deprecated call", () => {
  it("is deprecated: true in the document, and an answer without Deprecation and Sunset fails the check", () => {
    apiDeprecations.getHealth = { since: "2026-12-01T00:00:00Z", sunset: "2027-12-01T00:00:00Z" };
    try {
      const deprecated = buildOpenApiDocument();
      expect((deprecated.paths!["/health"] as any).get.deprecated).toBe(true);
      const headers = deprecationHeaders("getHealth");
      expect(headers).toEqual({ Deprecation: "@1796083200", Sunset: "Wed, 01 Dec 2027 00:00:00 GMT" });
      const strict = createOpenApiCheck(deprecated);
      expect(() => strict(answer({ body: health }))).toThrow(/Deprecation is missing/);
      expect(() => strict(answer({ headers: new Headers({ "Content-Type": "application/json", ...headers }), body: health }))).not.toThrow();
    } finally {
      delete apiDeprecations.getHealth;
    }
    expect(deprecationHeaders("getHealth")).toEqual({});
    expect((openApiDocument().paths!["/health"] as any).get.deprecated).toBeUndefined();
  });
});

import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodTypeAny } from "zod";
import { chatInputSchema } from "../assistant/chat-schema";
import { apiBookingSchema } from "../cinema/cinema-schema";
import { apiLoanRequestSchema } from "../lending/lending-schema";
import { bookingHeadersSchema, cancelBodySchema, devicesQuerySchema, lookupQuerySchema, referencePathSchema, screeningPathSchema, screeningsQuerySchema } from "./api-requests.server";
import { domainErrorsByStatus } from "~/modules/shared/domain-error";
import { examples } from "./api-examples";
import {
  bookingCreatedSchema,
  bookingSchema,
  chatReplySchema,
  degradedHealthSchema,
  deviceListSchema,
  errorSchema,
  healthSchema,
  loanRequestCreatedSchema,
  notReadySchema,
  readySchema,
  loanRequestSchema,
  openApiDocumentSchema,
  screeningListSchema,
} from "./api-responses.server";

/**
 * The OpenAPI 3.1 document of /api/v1 (served at /api/v1/openapi.json, docs/api.md is written from it), generated
 * with @asteasolutions/zod-to-openapi from the very zod schemas the routes parse bodies, queries and headers with.
 * Error answers carry, per call and status, the codes docs/contracts.md gives; a domain error's code is listed under
 * the status app/modules/shared/domain-error.ts gives it (domainErrorsByStatus: the table the edge answers with).
 * Every answer the suite reads is checked against it (tests/support/openapi-check.ts). A method a path does not document is answered 405
 * `method_not_allowed` with `Allow` listing the documented ones (components.responses.MethodNotAllowed); an /api URL
 * that is none of its paths, 404 `not_found` (components.responses.UnknownPath). The edge's 403 and 413 come before
 * either, for any method but GET and HEAD (components.responses.CrossSiteRequest, PayloadTooLarge).
 */
extendZodWithOpenApi(z);

export const apiVersion = "1.0.1";

type Codes = readonly [string, ...string[]];
type Errors = Partial<Record<400 | 403 | 404 | 409 | 413 | 422 | 429 | 503, Codes>>;

const statusText: Record<number, string> = {
  400: "The body or URL cannot be read (not JSON, not an object, a NUL byte), or a malformed header.",
  403: "A state-changing request from another site (its `Origin` / `Sec-Fetch-Site`).",
  404: "Not found; for a lookup, also the answer to a wrong phone.",
  409: "The state does not allow it.",
  413: "The body is larger than 16 KB (bodies are limited while they are read).",
  422: "The input is refused; `fields` says which field and why.",
  429: "Too many requests from this client (or for this reference); wait `Retry-After` seconds.",
  503: "The server cannot serve now (a full disk, a read-only database, a database that stays busy).",
};

const retryAfter = { "Retry-After": { description: "Seconds to wait before trying again.", required: true, schema: { type: "string" as const, pattern: "^[0-9]+$" } } };
const headersFor = (status: number, codes: Codes) => {
  if (status === 429) return retryAfter;
  if (status === 503 && codes.every((c) => c === "busy" || c === "storage_unavailable")) return retryAfter;
  return undefined;
};

const json = (schema: ZodTypeAny, example?: unknown) => ({ content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } } });

function errorResponses(errors: Errors): Record<number, ResponseConfig> {
  return Object.fromEntries(
    Object.entries(errors).map(([key, codes]) => {
      const status = Number(key);
      return [status, { description: statusText[status]!, headers: headersFor(status, codes!), ...json(errorSchema(codes!, status === 422)) }];
    }),
  );
}

/** The refusals of the edge (app/http/portal-handler.server.ts), which every call can meet. */
const edgeErrors = (writes: boolean): Errors => ({
  400: ["invalid_input"],
  ...(writes ? { 403: ["cross_site_request"], 413: ["payload_too_large"] } : {}),
  503: ["storage_unavailable"],
});

/** Codes of one status from several sources, once each. */
function merge(...sets: Errors[]): Errors {
  const merged: Record<number, string[]> = {};
  for (const set of sets) for (const [status, codes] of Object.entries(set)) merged[Number(status)] = [...new Set([...(merged[Number(status)] ?? []), ...codes!])];
  return merged as unknown as Errors;
}

/**
 * Deprecated calls, by operationId (docs/api.md, "Versioning and deprecation"): since when, and the day they stop
 * working, at least 12 months later. None yet. A deprecated call is `deprecated: true` in the document, and every
 * answer of it carries `Deprecation` (RFC 9745) and `Sunset` (RFC 8594): the route adds `deprecationHeaders(id)`,
 * and the suite's check fails an answer without them (the document marks them required).
 */
export const apiDeprecations: Record<string, { since: string; sunset: string }> = {};

/** The headers every answer of a deprecated call carries; none for a call that is not deprecated. */
export function deprecationHeaders(operationId: string): Record<string, string> {
  const deprecation = apiDeprecations[operationId];
  if (!deprecation) return {};
  return {
    Deprecation: `@${Math.floor(Date.parse(deprecation.since) / 1000)}`,
    Sunset: new Date(deprecation.sunset).toUTCString(),
  };
}

const deprecationHeaderDocs = {
  Deprecation: { description: "RFC 9745: since when the call is deprecated, as `@<Unix seconds>`.", required: true, schema: { type: "string" as const, pattern: "^@[0-9]+$" } },
  Sunset: { description: "RFC 8594: the HTTP date after which the call stops working.", required: true, schema: { type: "string" as const } },
};

type Call = Omit<RouteConfig, "responses" | "operationId"> & { operationId: string; success: Record<number, ResponseConfig>; errors: Errors };

function call(registry: OpenAPIRegistry, { success, errors, ...route }: Call) {
  const writes = route.method !== "get";
  // A call's own answer for a status (health's degraded 503) stands over the edge's.
  let responses: Record<number, ResponseConfig> = { ...errorResponses(merge(edgeErrors(writes), errors)), ...success };
  const deprecated = route.operationId in apiDeprecations;
  if (deprecated) {
    responses = Object.fromEntries(Object.entries(responses).map(([status, r]) => [status, { ...r, headers: { ...(r.headers as object), ...deprecationHeaderDocs } }]));
  }
  registry.registerPath({ ...route, ...(deprecated ? { deprecated: true } : {}), responses });
}

const jsonBody = (schema: ZodTypeAny, description: string, example: unknown) => ({ description, required: true, content: { "application/json": { schema, example } } });
// raw: describes the header in the document; apiLocale reads it, only ever comparing it with "en"
const localeHeader = z.object({ "Accept-Language": z.string().optional().describe("`en…` for English; the `locale` field or parameter wins.") });

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  const Health = registry.register("Health", healthSchema);
  const DegradedHealth = registry.register("DegradedHealth", degradedHealthSchema);
  const Ready = registry.register("Ready", readySchema);
  const NotReady = registry.register("NotReady", notReadySchema);
  const ChatReply = registry.register("ChatReply", chatReplySchema);
  const ScreeningList = registry.register("ScreeningList", screeningListSchema);
  const BookingCreated = registry.register("BookingCreated", bookingCreatedSchema);
  const Booking = registry.register("Booking", bookingSchema);
  const DeviceList = registry.register("DeviceList", deviceListSchema);
  const LoanRequestCreated = registry.register("LoanRequestCreated", loanRequestCreatedSchema);
  const LoanRequest = registry.register("LoanRequest", loanRequestSchema);
  registry.register("Error", errorSchema(["bad_json", "invalid_input", "not_found", "method_not_allowed", "rate_limited", "storage_unavailable"], true));
  registry.registerComponent("responses", "MethodNotAllowed", {
    description: "A method the path does not document. `Allow` lists the ones it does.",
    headers: { Allow: { description: "The documented methods, e.g. `GET` or `GET, DELETE`.", required: true, schema: { type: "string" } } },
    content: { "application/json": { schema: { $ref: "#/components/schemas/MethodNotAllowedError" } } },
  });
  registry.register("MethodNotAllowedError", errorSchema(["method_not_allowed"]));
  // The edge judges a state-changing request before any route: on a path without that method too.
  // (Components hold JSON Schema, not zod: each names a registered schema.)
  const refused = (name: string, status: 403 | 413, code: string) => {
    registry.register(`${name}Error`, errorSchema([code]));
    registry.registerComponent("responses", name, {
      description: `Any method but GET and HEAD, any path: ${statusText[status]}`,
      content: { "application/json": { schema: { $ref: `#/components/schemas/${name}Error` } } },
    });
  };
  refused("CrossSiteRequest", 403, "cross_site_request");
  refused("PayloadTooLarge", 413, "payload_too_large");
  registry.registerComponent("responses", "UnknownPath", {
    description: "An /api URL that is none of the paths here.",
    content: { "application/json": { schema: { $ref: "#/components/schemas/UnknownPathError" } } },
  });
  registry.register("UnknownPathError", errorSchema(["not_found"]));

  call(registry, {
    method: "get",
    path: "/health",
    operationId: "getHealth",
    tags: ["Service"],
    summary: "Whether the portal can serve: the database and the knowledge index",
    description: "503 with `status: \"degraded\"` when the database cannot take writes (full, read-only, unreachable, or a storage failure in the last minute), for a load balancer or monitor.",
    success: {
      200: { description: "Healthy.", ...json(Health, examples.health) },
      503: { description: "Degraded: what is wrong with the storage (or, from the edge, the error shape).", headers: retryAfter, ...json(z.union([DegradedHealth, errorSchema(["storage_unavailable"])])) },
    },
    errors: { 400: ["invalid_input"] },
  });

  call(registry, {
    method: "get",
    path: "/ready",
    operationId: "getReadiness",
    tags: ["Service"],
    summary: "Whether this instance should get traffic: the database answers a query and the indexes are loaded",
    description: "For a load balancer's readiness check; `/health` is the liveness answer. A full or read-only database does not make an instance unready (it still serves reads): `/health` reports that. Never cached.",
    success: {
      200: { description: "Ready.", ...json(Ready, examples.ready) },
      503: { description: "Not ready: what is missing (or, from the edge, the error shape).", headers: retryAfter, ...json(z.union([NotReady, errorSchema(["storage_unavailable"])])) },
    },
    errors: { 400: ["invalid_input"] },
  });

  call(registry, {
    method: "post",
    path: "/chat",
    operationId: "askAssistant",
    tags: ["Assistant"],
    summary: "Ask the policy assistant a question",
    description: "Answers only from the regulations it indexes. Send the reply's `conversationId` back to ask a follow-up question (docs/decisions/0007). An id with no stored turns starts a conversation under it. Rate limited per client.",
    request: { headers: localeHeader, body: jsonBody(chatInputSchema, "The question (at most 500 characters once cleaned), its language, and the conversation it belongs to.", examples.question) },
    success: { 200: { description: "The answer with its citations.", ...json(ChatReply, examples.reply) } },
    errors: { 400: ["bad_json"], 422: ["invalid_input", "empty", "too_long"], 429: ["rate_limited"] },
  });

  call(registry, {
    method: "get",
    path: "/screenings",
    operationId: "listScreenings",
    tags: ["Cinema"],
    summary: "Upcoming screenings of the barrier-free cinema, with seats left",
    request: { query: screeningsQuerySchema, headers: localeHeader },
    success: { 200: { description: "The upcoming screenings.", ...json(ScreeningList, examples.screenings) } },
    errors: domainErrorsByStatus("busy"),
  });

  call(registry, {
    method: "post",
    path: "/screenings/{id}/bookings",
    operationId: "bookSeats",
    tags: ["Cinema"],
    summary: "Book seats: the best available seats together",
    description: "`needs: [\"wheelchair\"]` books a wheelchair space. Rate limited per client. A request that did not book (409, 422) records nothing.",
    request: { params: screeningPathSchema, headers: bookingHeadersSchema.merge(localeHeader), body: jsonBody(apiBookingSchema, "Who books, how many tickets (1 to 4) and what they need.", examples.bookingInput) },
    success: {
      201: {
        description: "Booked.",
        headers: { "Idempotent-Replayed": { description: "`true` when this is the answer to an earlier request with the same `Idempotency-Key`.", schema: { type: "string", enum: ["true"] } } },
        ...json(BookingCreated, examples.bookingCreated),
      },
    },
    errors: merge(domainErrorsByStatus("not_found", "sold_out", "no_wheelchair_space", "booking_closed", "hold_limit", "invalid_input", "busy"), {
      400: ["bad_json", "invalid_idempotency_key"],
      422: ["idempotency_key_reused"],
      429: ["rate_limited"],
    }),
  });

  const lookupErrors: Errors = { ...domainErrorsByStatus("not_found", "invalid_input"), 429: ["rate_limited", "lookup_locked"] };
  const lookup = { params: referencePathSchema, query: lookupQuerySchema, headers: localeHeader };
  call(registry, {
    method: "get",
    path: "/bookings/{reference}",
    operationId: "getBooking",
    tags: ["Cinema"],
    summary: "A booking, by reference and phone",
    description: "The wrong phone is refused exactly like an unknown reference. Throttled per client and per reference; a reference is locked after five wrong phones (429 `lookup_locked`).",
    request: lookup,
    success: { 200: { description: "The booking (the phone masked).", ...json(Booking, examples.booking) } },
    errors: merge(lookupErrors, domainErrorsByStatus("busy")),
  });
  call(registry, {
    method: "delete",
    path: "/bookings/{reference}",
    operationId: "cancelBooking",
    tags: ["Cinema"],
    summary: "Cancel a booking, by reference and phone",
    description: "The phone in the query (or, with a JSON body, its `phone` field). Answers the cancelled booking; cancelling twice answers it again. A checked-in booking cannot be cancelled (409 `not_allowed`).",
    request: {
      ...lookup,
      body: { description: "Optional: the phone (and locale) in a JSON body instead of the query.", required: false, content: { "application/json": { schema: cancelBodySchema, example: examples.cancelBody } } },
    },
    success: { 200: { description: "The cancelled booking.", ...json(Booking, examples.cancelled) } },
    errors: merge(lookupErrors, domainErrorsByStatus("not_allowed", "busy")),
  });

  call(registry, {
    method: "get",
    path: "/devices",
    operationId: "listDevices",
    tags: ["Lending"],
    summary: "Assistive devices to borrow, with availability",
    description: "`locations` and the counts cover the public lending points only.",
    request: { query: devicesQuerySchema, headers: localeHeader },
    success: { 200: { description: "The devices.", ...json(DeviceList, examples.devices) } },
    errors: {},
  });

  call(registry, {
    method: "post",
    path: "/loan-requests",
    operationId: "requestLoan",
    tags: ["Lending"],
    summary: "Ask to borrow a device",
    description: "The certificate number (残疾人证号, optional) is kept only as a keyed hash and a masked form. Rate limited per client (shared with the request pages).",
    request: { headers: localeHeader, body: jsonBody(apiLoanRequestSchema, "The device, the applicant and their disability category.", examples.loanInput) },
    success: { 201: { description: "Requested: staff decide.", ...json(LoanRequestCreated, examples.loanCreated) } },
    errors: merge(domainErrorsByStatus("not_found", "invalid_input", "busy"), { 400: ["bad_json"], 429: ["rate_limited"] }),
  });

  call(registry, {
    method: "get",
    path: "/loan-requests/{reference}",
    operationId: "getLoanRequest",
    tags: ["Lending"],
    summary: "A loan request, by reference and phone",
    description: "The wrong phone is refused exactly like an unknown reference. Throttled like GET /bookings/{reference}.",
    request: lookup,
    success: { 200: { description: "The request (the phone masked).", ...json(LoanRequest, examples.loanRequest) } },
    errors: merge(lookupErrors, domainErrorsByStatus("busy")),
  });

  call(registry, {
    method: "get",
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    tags: ["Service"],
    summary: "This document",
    success: { 200: { description: "The OpenAPI 3.1 document of /api/v1.", headers: { "Cache-Control": { description: "`public, max-age=300`", schema: { type: "string" } } }, ...json(openApiDocumentSchema) } },
    errors: {},
  });
  return registry;
}

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

/** The document as the schemas and apiDeprecations say now. */
export function buildOpenApiDocument(): OpenApiDocument {
  return new OpenApiGeneratorV31(buildRegistry().definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Qingyuan Access JSON API",
      version: apiVersion,
      description:
        "The JSON API of the public-service portal of the Qingyuan City Disabled Persons' Federation, for partner apps and checks. " +
        "All bodies are JSON. Errors are `{ error, message, fields? }`, in the client's language (`locale` in the body or query, else `Accept-Language`). " +
        "Never 5xx for anything a client sends; 503 only when the server itself cannot serve. " +
        "A method a path does not list is answered 405 `method_not_allowed` with `Allow`. Unknown /api paths answer 404 `not_found`. " +
        "Any method but GET and HEAD, on any path, may be refused first with 403 `cross_site_request` or 413 `payload_too_large`. " +
        "Versioning and deprecation: docs/api.md.",
    },
    servers: [{ url: "/api/v1" }],
    tags: [
      { name: "Service", description: "Health and this document." },
      { name: "Assistant", description: "The policy assistant." },
      { name: "Cinema", description: "The barrier-free cinema of the Yuebei regional centre." },
      { name: "Lending", description: "Assistive-device lending." },
    ],
  });
}

let document: OpenApiDocument | null = null;

/** The document, generated once per process. */
export function openApiDocument(): OpenApiDocument {
  document ??= buildOpenApiDocument();
  return document;
}

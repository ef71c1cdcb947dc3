import { z } from "zod";
import { cinemaNeeds } from "../cinema/cinema-constants";
import { deviceCategories, requestStatuses } from "../lending/lending-constants";

/**
 * What the JSON API answers (docs/contracts.md), as zod schemas for the OpenAPI document (openapi.server.ts). The
 * routes build these shapes by hand; the suite checks every answer it reads against the served document
 * (tests/support/openapi-check.ts), so a route and its schema cannot drift apart unnoticed.
 */
const instant = z.string().describe("An ISO 8601 instant, e.g. `2026-12-05T06:30:00.000Z`.");

export const healthSchema = z.strictObject({
  status: z.literal("ok"),
  database: z.enum(["sqlite", "postgres"]),
  index: z.strictObject({
    documents: z.number().int().describe("Documents in the knowledge index."),
    chunks: z.number().int().describe("Chunks (one overview per document plus one per section)."),
    builtAt: instant.nullable(),
  }),
});

export const degradedHealthSchema = healthSchema.extend({
  status: z.literal("degraded"),
  storage: z.strictObject({
    problem: z.enum(["full", "read_only", "unreachable", "io", "busy"]),
    code: z.string().describe("The database's own error code."),
    since: instant,
  }),
});

const readinessParts = {
  database: z.strictObject({ kind: z.enum(["sqlite", "postgres"]), answers: z.boolean().describe("The database answered a query within 2 s.") }),
  index: z.strictObject({
    documents: z.number().int().describe("Documents in the search index."),
    chunks: z.number().int().describe("Chunks in the search index."),
    builtAt: instant.nullable(),
    assistantChunks: z.number().int().describe("Chunks in the assistant's index (0 while it loads)."),
  }),
};

export const readySchema = z.strictObject({ status: z.literal("ready"), ...readinessParts });

export const notReadySchema = z.strictObject({
  status: z.literal("not_ready"),
  missing: z.array(z.enum(["database", "index"])).min(1).describe("What is not ready yet."),
  ...readinessParts,
});

export const chatReplySchema = z.strictObject({
  answer: z.string(),
  grounded: z.boolean().describe("false when the corpus does not cover the question: then `answer` says so and where to ask a person."),
  citations: z.array(z.strictObject({ title: z.string(), url: z.string(), quote: z.string() })),
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{24}$/).describe("Send it back with the next question to ask a follow-up."),
});

export const screeningListSchema = z.strictObject({
  screenings: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      startsAt: instant,
      hall: z.string(),
      audioDescription: z.boolean(),
      captions: z.boolean(),
      seatsTotal: z.number().int(),
      seatsAvailable: z.number().int().describe("What a party without a wheelchair can book."),
      wheelchairSpacesAvailable: z.number().int().describe("Wheelchair spaces, counted apart: never sold to others."),
    }),
  ),
});

const seats = z.array(z.string().describe("A seat, e.g. `3排5座`."));

export const bookingCreatedSchema = z.strictObject({
  reference: z.string().describe("e.g. `DY-7K3Q-M9TD`"),
  seats,
});

export const bookingSchema = z.strictObject({
  reference: z.string(),
  status: z.enum(["confirmed", "cancelled", "checked_in"]),
  screening: z.strictObject({ id: z.string(), title: z.string(), startsAt: instant, hall: z.string() }),
  name: z.string(),
  phone: z.string().describe("Masked: `139****1111`."),
  tickets: z.number().int(),
  seats,
  needs: z.array(z.enum(cinemaNeeds)),
  createdAt: instant,
  cancelledAt: instant.nullable(),
});

export const deviceListSchema = z.strictObject({
  devices: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      category: z.enum(deviceCategories),
      available: z.number().int(),
      total: z.number().int(),
      locations: z
        .array(z.strictObject({ id: z.string(), name: z.string(), available: z.number().int(), total: z.number().int() }))
        .describe("Availability by public lending point."),
    }),
  ),
});

export const loanRequestCreatedSchema = z.strictObject({ reference: z.string(), status: z.literal("pending") });

export const loanRequestSchema = z.strictObject({
  reference: z.string(),
  status: z.enum(requestStatuses),
  statusText: z.string().describe("The status in the client's language."),
  device: z.strictObject({ id: z.string(), name: z.string(), mode: z.enum(["loan", "fitting"]) }),
  pickupLocation: z.string().nullable(),
  reason: z.string().nullable().describe("Why, when the request was rejected or cancelled; otherwise null."),
  phone: z.string().describe("Masked: `139****1111`."),
  createdAt: instant,
  updatedAt: instant,
  loan: z.strictObject({ outAt: instant, dueDate: z.string().nullable(), returnedAt: instant.nullable() }).nullable(),
});

export const openApiDocumentSchema = z.object({ openapi: z.string() }).passthrough();

/** The error shape, with the codes one status of one call can carry. */
export function errorSchema(codes: readonly [string, ...string[]], withFields = false) {
  const fields = z.record(z.string()).describe("Field name → a message for that field, in the client's language.");
  return z.strictObject({
    error: z.enum(codes),
    message: z.string().describe("In the client's language."),
    ...(withFields ? { fields: fields.optional() } : {}),
  });
}

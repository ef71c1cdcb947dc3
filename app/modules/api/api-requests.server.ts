import { z } from "zod";
import { deviceCategories, disabilities, type DeviceCategory, type Disability } from "../lending/lending-constants";
import { idempotencyKeyPattern } from "../security/idempotency.server";

/**
 * What the JSON API reads from a URL or a header (docs/contracts.md), as zod schemas that the routes parse with and
 * the OpenAPI document (openapi.server.ts) describes: one object for both. The bodies' schemas live with their
 * domains (cinema-schema.ts, lending-schema.ts, chat-schema.ts). A query never fails to parse: a value the API does
 * not know is ignored, as it always was (an unknown category lists every device, an unknown locale falls back to
 * Accept-Language); only a missing phone is refused, by the route, with 422.
 */

/** A URL's query as an object of its first values (`searchParams.get`), for the schemas below. */
export function queryValues(url: URL): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (!(name in values)) values[name] = value;
  return values;
}

const locale = z
  .string()
  .optional()
  .describe("`zh-CN` or `en`: the language of names and messages. Any other value, or none, falls back to `Accept-Language`, else zh-CN.");

const flag = (what: string) =>
  z
    .string()
    .optional()
    .transform((value) => value === "1" || value === "true")
    .describe(`\`1\` or \`true\`: only screenings ${what}. Any other value does not filter.`);

const oneOf = <T extends string>(values: readonly T[], what: string) =>
  z
    .string()
    .optional()
    .transform((value) => ((values as readonly string[]).includes(value ?? "") ? (value as T) : undefined))
    .describe(`${what}: one of ${values.map((v) => `\`${v}\``).join(", ")}. Any other value does not filter.`);

/** GET /api/v1/screenings */
export const screeningsQuerySchema = z.object({
  audioDescription: flag("with audio description"),
  captions: flag("with captions"),
  locale,
});

/** GET /api/v1/devices */
export const devicesQuerySchema = z.object({
  category: oneOf<DeviceCategory>(deviceCategories, "Only devices of this category"),
  disability: oneOf<Disability>(disabilities, "Only devices for this kind of disability"),
  q: z
    .string()
    .optional()
    .transform((value) => (value ?? "").slice(0, 100))
    .describe("Words in the device's name or description (the first 100 characters are used)."),
  locale,
});

/** GET (and DELETE) /api/v1/bookings/:reference, GET /api/v1/loan-requests/:reference */
export const lookupQuerySchema = z.object({
  phone: z
    .string()
    .optional()
    .transform((value) => value ?? "")
    .describe("The mobile number the booking or request was made with (required: without it the answer is 422). A wrong phone is answered exactly like an unknown reference."),
  locale,
});

/**
 * The optional JSON body of a cancellation (DELETE /bookings/{reference}): the phone and locale for a client that
 * keeps the phone out of the URL. Other fields are ignored; a body whose phone or locale is not a string counts as
 * none (the phone is then missing: 422).
 */
export const cancelBodySchema = z
  .object({
    // raw: a lookup key, never stored: the lookup guard compares its digits with the booking's phone
    phone: z.string().optional().describe("The booking's mobile number, when the query has none."),
    // raw: only ever compared with "en" and "zh-CN" (apiLocale)
    locale: z.string().optional().describe("`zh-CN` or `en`, as the query parameter."),
  })
  .passthrough();

/** The reference in a lookup's path: any case, with or without dashes or spaces, full-width letters too. */
export const referencePathSchema = z.object({
  // raw: a lookup key, never stored: normalised (normaliseReference) before it is compared with a stored one
  reference: z.string().describe("The reference (`DY-7K3Q-M9TD`), in any case, with or without dashes or spaces, in full-width letters too."),
});

export const screeningPathSchema = z.object({
  // raw: an id looked up as it is, never stored from here (an unknown one is a 404)
  id: z.string().describe("The screening's id, from GET /api/v1/screenings."),
});

/** POST /api/v1/screenings/:id/bookings: the optional key that makes a retry answer the first booking. */
export const idempotencyKeySchema = z
  .string()
  .regex(idempotencyKeyPattern)
  .describe("1 to 255 visible ASCII characters (a UUID is the usual choice). The same key with the same booking answers the first 201 again (with `Idempotent-Replayed: true`) and books once; with another booking it is 422 `idempotency_key_reused`. Kept for a day.");

export const bookingHeadersSchema = z.object({ "Idempotency-Key": idempotencyKeySchema.optional() });

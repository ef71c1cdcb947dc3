import { z } from "zod";
import { freeText, lookupSchema, mobilePhone, nameText, plainText } from "../privacy/text-fields";
import { cinemaNeeds, maxTickets, minTickets } from "./cinema-constants";

/**
 * Schemas for the cinema's forms and its JSON API (server only: zod stays out of the browser). Errors are codes;
 * pages turn them into sentences (cinema.errors.* in the locale files), the API into `fields`.
 */
const name = nameText({ max: 50, min: 1 });
const phone = mobilePhone();
const honeypot = z.string().max(0, "spam").optional(); // raw: must stay empty, never stored

const ticketsFromForm = z.coerce
  .number({ invalid_type_error: "chooseTickets", required_error: "chooseTickets" })
  .int("chooseTickets")
  .min(minTickets, "chooseTickets")
  .max(maxTickets, "chooseTickets");

/** Step 1: how many people (the person and up to three companions). */
export const peopleSchema = z.object({ tickets: ticketsFromForm });

/** Step 2: needs (checkboxes; none is a valid answer). */
export const needsSchema = z.object({
  needs: z.array(z.enum(cinemaNeeds, { errorMap: () => ({ message: "invalid" }) })).default([]),
});

/** Step 3: the offered seats accepted (their ids in hidden fields; the hold checks they fit the party). */
export const acceptSeatsSchema = z.object({
  seat: z.array(plainText({ max: 40 })).max(maxTickets * 2, "tooManySeats").default([]),
});

/** Step 3b: seats the person chose from the list. */
export const chooseSeatsSchema = z.object({
  seat: z.array(plainText({ max: 40 })).min(1, "chooseSeats").max(maxTickets, "tooManySeats"),
});

/** Step 4: contact. Honeypot `website` must stay empty. */
export const contactSchema = z.object({
  name,
  phone,
  website: honeypot,
});

/** Manage a booking: reference + phone. */
export { lookupSchema };

export const waitingListSchema = z.object({
  tickets: ticketsFromForm,
  name,
  phone,
  website: honeypot,
});

/** POST /api/v1/screenings/:id/bookings (docs/contracts.md). Strict types: "2" is not a number of tickets. */
export const apiBookingSchema = z.object({
  name: name.describe("The name the booking is under: 1 to 50 characters once cleaned."),
  phone: phone.describe("A mainland mobile number (full-width digits, spaces, dashes and +86 are fine); the booking's key with its reference."),
  tickets: z
    .number({ required_error: "required", invalid_type_error: "tickets" })
    .int("tickets")
    .min(minTickets, "tickets")
    .max(maxTickets, "tickets")
    .describe("The person and up to three companions: a number, not a string."),
  needs: z
    .array(z.enum(cinemaNeeds, { errorMap: () => ({ message: "invalid" }) }))
    .max(cinemaNeeds.length)
    .optional()
    .describe("What the party needs; `wheelchair` books a wheelchair space."),
  locale: z.enum(["zh-CN", "en"]).optional().describe("The language of the answer's messages."),
});

export type ApiBookingInput = z.infer<typeof apiBookingSchema>;

/**
 * Staff: a date and time as the form's datetime-local control sends it ("2026-12-05T14:30"), read as China time,
 * turned into an ISO instant.
 */
const chinaDateTime = z
  .string({ required_error: "required", invalid_type_error: "required" }) // raw: only a strict date-time pattern passes
  .trim()
  .min(1, "required")
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "invalidDateTime")
  .transform((value, ctx) => {
    const date = new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "invalidDateTime" });
      return z.NEVER;
    }
    return date.toISOString();
  });

const title = nameText({ max: 100, min: 1 });
const synopsis = freeText({ max: 2000, multiline: true }).default("");
const checkbox = z
  .string() // raw: only compared with "1"
  .optional()
  .transform((v) => v === "1");

/**
 * Staff: create or edit a screening. Times are China time; the booking window must close before the start and
 * open before it closes; a new start must be in the future (`now` for tests).
 */
export const screeningFormSchema = (options: { requireHall: boolean; now?: Date }) =>
  z
    .object({
      hallId: options.requireHall ? plainText({ max: 80, min: 1, required: "chooseHall", tooLong: "chooseHall" }) : plainText({ max: 80 }).optional(),
      titleZh: title,
      titleEn: title,
      synopsisZh: synopsis,
      synopsisEn: synopsis,
      durationMinutes: z.coerce
        .number({ invalid_type_error: "durationRange", required_error: "durationRange" })
        .int("durationRange")
        .min(1, "durationRange")
        .max(600, "durationRange"),
      audioDescription: checkbox,
      captions: checkbox,
      signLanguage: checkbox,
      startsAt: chinaDateTime,
      bookingOpensAt: chinaDateTime,
      bookingClosesAt: chinaDateTime,
    })
    .superRefine((value, ctx) => {
      const now = (options.now ?? new Date()).toISOString();
      if (value.startsAt <= now) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["startsAt"], message: "startInPast" });
      if (value.bookingClosesAt > value.startsAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["bookingClosesAt"], message: "afterStart" });
      else if (value.bookingOpensAt >= value.bookingClosesAt) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["bookingOpensAt"], message: "afterClose" });
    });

/** Staff: the outcome of a waiting-list offer. */
export const waitingStatusSchema = z.object({
  id: plainText({ max: 20, min: 1 }),
  status: z.enum(["waiting", "offered", "booked", "declined", "expired", "withdrawn"]),
});

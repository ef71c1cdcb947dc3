import { z } from "zod";
import { cinemaNeeds, maxTickets, minTickets, mobileNumberPattern, normalisePhone } from "./cinema-constants";

/**
 * Schemas for the cinema's forms and its JSON API (server only: zod stays out of the browser). Errors are codes;
 * pages turn them into sentences (cinema.errors.* in the locale files), the API into `fields`.
 */
const name = z
  .string({ required_error: "required", invalid_type_error: "required" })
  .trim()
  .min(1, "required")
  .max(50, "tooLong:50");

const phone = z
  .string({ required_error: "required", invalid_type_error: "required" })
  .transform(normalisePhone)
  .pipe(z.string().min(1, "required").regex(mobileNumberPattern, "invalidPhone"));

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

/** Step 3b: seats the person chose from the list. */
export const chooseSeatsSchema = z.object({
  seat: z.array(z.string().max(40)).min(1, "chooseSeats").max(maxTickets, "tooManySeats"),
});

/** Step 4: contact. Honeypot `website` must stay empty. */
export const contactSchema = z.object({
  name,
  phone,
  website: z.string().max(0, "spam").optional(),
});

/** Manage a booking: reference + phone. */
export const lookupSchema = z.object({
  reference: z.string({ required_error: "required" }).trim().min(1, "required").max(20, "invalidReference"),
  phone,
});

export const waitingListSchema = z.object({
  tickets: ticketsFromForm,
  name,
  phone,
  website: z.string().max(0, "spam").optional(),
});

/** POST /api/v1/screenings/:id/bookings (CONTRACTS.md). Strict types: "2" is not a number of tickets. */
export const apiBookingSchema = z.object({
  name,
  phone,
  tickets: z
    .number({ required_error: "required", invalid_type_error: "tickets" })
    .int("tickets")
    .min(minTickets, "tickets")
    .max(maxTickets, "tickets"),
  needs: z.array(z.enum(cinemaNeeds, { errorMap: () => ({ message: "invalid" }) })).max(cinemaNeeds.length).optional(),
  locale: z.enum(["zh-CN", "en"]).optional(),
});

export type ApiBookingInput = z.infer<typeof apiBookingSchema>;

/**
 * Staff: a date and time as the form's datetime-local control sends it ("2026-12-05T14:30"), read as China time,
 * turned into an ISO instant.
 */
const chinaDateTime = z
  .string({ required_error: "required", invalid_type_error: "required" })
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

const title = z.string({ required_error: "required" }).trim().min(1, "required").max(100, "tooLong:100");
const synopsis = z.string().trim().max(2000, "tooLong:2000").default("");
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "1");

/**
 * Staff: create or edit a screening. Times are China time; the booking window must close before the start and
 * open before it closes; a new start must be in the future (`now` for tests).
 */
export const screeningFormSchema = (options: { requireHall: boolean; now?: Date }) =>
  z
    .object({
      hallId: options.requireHall ? z.string({ required_error: "chooseHall" }).trim().min(1, "chooseHall") : z.string().optional(),
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
  id: z.string().trim().min(1).max(20),
  status: z.enum(["waiting", "offered", "booked", "withdrawn"]),
});

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

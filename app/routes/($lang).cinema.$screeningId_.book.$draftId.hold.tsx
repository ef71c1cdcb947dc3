import { bookingStepRoute } from "~/http/cinema-flow.server";

/**
 * POST: "give me more time" — extends the seat hold and goes back to the page the person was on, which then
 * says the new time (the booking flow's `hold` action: app/modules/cinema/drafts.server.ts). A plain form post, so
 * it works without JavaScript too. A GET goes to the seat step.
 */
const route = bookingStepRoute("hold", () => ({}));
export const action = route.action;
export const loader = route.loader;

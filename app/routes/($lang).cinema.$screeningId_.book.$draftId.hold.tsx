import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { loadFlow, type Step } from "~/http/cinema-flow.server";
import { readFormData } from "~/http/form-data.server";
import { ExtensionLimit, extendHold, HoldExpired } from "~/modules/cinema/index.server";
import { getDb } from "~/modules/db/index.server";

/**
 * POST: "give me more time" — extends the seat hold and goes back to the page the person was on, which then
 * says the new time. A plain form post, so it works without JavaScript too.
 */
const returnSteps: Step[] = ["seats", "choose-seats", "contact", "check"];

export async function action({ params, request }: ActionFunctionArgs) {
  const flow = await loadFlow(params);
  const form = await readFormData(request);
  const back = returnSteps.find((s) => s === form.get("returnTo")) ?? "contact";
  if (!flow.hold) return redirect(flow.path("seats", "?expired=1"));
  try {
    await extendHold(getDb(), flow.hold.id);
    return redirect(flow.path(back, "?extended=1"));
  } catch (error) {
    if (error instanceof HoldExpired) return redirect(flow.path("seats", "?expired=1"));
    if (error instanceof ExtensionLimit) return redirect(flow.path(back));
    throw error;
  }
}

export async function loader({ params }: LoaderFunctionArgs) {
  const flow = await loadFlow(params);
  return redirect(flow.path("seats"));
}

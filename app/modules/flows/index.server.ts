/**
 * The guided-form engine (issue 15, items 1–2; docs/decisions/0014): a flow declared as data (./flow.server.ts),
 * its drafts in one table (./drafts.server.ts), one runner for every step and check page (./runner.server.ts).
 * The route edge is app/http/flow-route.server.ts.
 */
export * from "./flow.server";
export { startDraft, readDraft, saveAnswers, discardDraft, claimFlowDraft, flowDrafts } from "./drafts.server";
export { loadStep, postStep, type StepPage, type StepPost, type GoTo, type StepAddress } from "./runner.server";
export { DraftGone, draftGoneAs, NoSuchStep } from "./errors";

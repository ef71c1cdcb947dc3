import type { TFunction } from "i18next";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import type { Kysely } from "kysely";
import { localePath, type Locale } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { getDb } from "~/modules/db/index.server";
import type { Database } from "~/modules/db/schema";
import { DraftGone, firstMissing, isFlowPage, loadStep, postStep, readDraft, startDraft, stepNumber, type Flow, type FlowDraft, type StepPost } from "~/modules/flows/index.server";
import { DomainError } from "~/modules/shared/domain-error";
import { domainErrorInit, domainErrorMessage } from "./domain-errors.server";
import { refuseTooManyDrafts } from "./draft-limit.server";
import { readFormData } from "./form-data.server";
import { routeLocale } from "./route-locale";

/**
 * A flow's step route at the HTTP edge: `const { loader, action } = flowRoute(flow, { … })` and the page renders.
 * Everything a step route used to write again is here, once: the draft loaded (a draft that is gone, an expired
 * one, a page the flow does not have: 404), the step validated (400 with the error summary's reply), saved and
 * redirected (PRG: no JavaScript needed), `?return=check` carried by a hidden field and honoured, the check page's
 * rate limit (429 with Retry-After) and submit, every domain error through the one mapper (./domain-errors.server.ts).
 */
type Db = Kysely<Database>;

export interface FlowRouteOptions<A, C, V> {
  /** What the URL names besides the draft (an activity), loaded for every page; its `scope` scopes the drafts. (First: the others are typed by it.) */
  context: (db: Db, params: Params) => Promise<{ scope: string; value: C }>;
  /** A page's path, without the language prefix (`/library/apply/<draft>/<step>`). */
  path: (context: C, draftId: string, step: string, query?: string) => string;
  /** Where the first step's back link goes. */
  start: (context: C) => string;
  /** The page's own data from the draft (the answers as the page shows them, the done page's record …). */
  view: (args: { db: Db; draft: FlowDraft<A>; step: string; context: C; url: URL; lapsed: boolean; locale: Locale; now: Date }) => V | Promise<V>;
  /** The step this route is, when each step has a route of its own (`…/people.tsx`) rather than one `$step` route. */
  step?: string;
  /**
   * Where a sent draft goes instead of the engine's done page: the record's own page (a booking's confirmation),
   * a path without the language prefix. A domain error `not_found` (the record is gone) is the 404 page.
   */
  finished?: (args: { db: Db; draft: FlowDraft<A>; context: C }) => Promise<string>;
  /** A refused post's sentence, when a domain error means something more particular on this page; default the mapper's. */
  errorMessage?: (t: TFunction, error: DomainError) => string | null;
  /**
   * A refusal that is about fields of the form (the seats chosen were taken meanwhile): field → error code, shown at
   * those fields and linked from the error summary like the form's own errors, instead of one sentence. The status
   * stays the mapper's; null: the sentence.
   */
  errorFields?: (error: DomainError) => Record<string, string> | null;
}

/** The query a page is sent to with when answers lapsed on their own on the way (Flow.lapsed): the page says so. */
export const lapsedQuery = "?expired=1";

const notFound = () => new Response("Not Found", { status: 404 });

/** A domain error that means "there is nothing here" is the 404 page; anything else stays what it is. */
function asPageError(error: unknown): never {
  if (error instanceof DomainError && error.code === "not_found") throw notFound();
  throw error;
}

export function flowRoute<A, C, V>(flow: Flow<A>, options: FlowRouteOptions<A, C, V>) {
  async function begin(params: Params) {
    const locale = routeLocale(params);
    const db = getDb();
    const { scope, value: context } = await options.context(db, params).catch(asPageError);
    const address = { draftId: String(params.draftId ?? ""), step: options.step ?? String(params.step ?? ""), scope };
    const go = async (step: string, query = "") => {
      if (step === "done" && options.finished) {
        const draft = await readDraft(db, flow, address.draftId, { scope, now: "even-expired" }).catch(asPageError);
        return redirect(localePath(await options.finished({ db, draft, context }).catch(asPageError), locale));
      }
      return redirect(localePath(options.path(context, address.draftId, step, query), locale));
    };
    return { locale, db, context, address, go };
  }

  async function loader({ params, request }: LoaderFunctionArgs) {
    const { locale, db, context, address, go } = await begin(params);
    // One time for the page: what lapsed by it and what the view shows (a hold's time left) agree.
    const now = new Date();
    const page = await loadStep(db, flow, address, now).catch(asPageError);
    if (page.kind === "goto") throw await go(page.step, page.lapsed ? lapsedQuery : "");
    const url = new URL(request.url);
    const view = await Promise.resolve(options.view({ db, draft: page.draft, step: page.step, context, url, lapsed: page.lapsed, locale, now })).catch(asPageError);
    return {
      step: page.step,
      draftId: page.draft.id,
      reference: page.draft.reference,
      back: page.back ? options.path(context, page.draft.id, page.back) : options.start(context),
      count: page.count,
      returnTo: url.searchParams.get("return") === "check" ? "check" : "",
      ...view,
    };
  }

  async function action({ params, request, context: load }: ActionFunctionArgs) {
    const { locale, db, address, go } = await begin(params);
    const form = await readFormData(request);
    const outcome = await postStep(db, flow, { ...address, form, client: load.clientIp ?? "local" }).catch(asPageError);
    return answerPost(outcome, locale, go, { form, errorMessage: options.errorMessage, errorFields: options.errorFields });
  }

  return { loader, action };
}

/** A step's post as the page's answer: a redirect (PRG), or the form again with its errors and status. */
async function answerPost(
  outcome: StepPost,
  locale: Locale,
  go: (step: string, query?: string) => Response | Promise<Response>,
  options: Pick<FlowRouteOptions<never, never, never>, "errorMessage" | "errorFields"> & { form: FormData; headers?: Record<string, string> },
) {
  const headers = options.headers ?? {};
  const withHeaders = (init: ResponseInit) => ({ ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
  switch (outcome.kind) {
    case "goto": {
      // A change from the check page that needs a new answer first: that page, and then back to the check page.
      const returning = options.form.get("returnTo") === "check" && outcome.step !== "check" && outcome.step !== "done";
      const query = outcome.lapsed ? lapsedQuery : outcome.notice ? `?${encodeURIComponent(outcome.notice)}=1` : returning ? "?return=check" : "";
      const response = await go(outcome.step, query);
      for (const [name, value] of Object.entries(headers)) response.headers.append(name, value);
      return response;
    }
    case "invalid":
      return data({ hasErrors: true, lastResult: outcome.lastResult as unknown, message: null as string | null }, withHeaders({ status: 400 }));
    case "limited":
      // A step's form comes back with what was typed and the form error `rateLimited`; the check page's, a sentence.
      return data(
        { hasErrors: true, lastResult: (outcome.lastResult ?? null) as unknown, message: (outcome.lastResult ? null : getFixedT(locale)("errors.rateLimited")) as string | null },
        withHeaders({ status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } }),
      );
    case "refused": {
      const t = getFixedT(locale);
      const init = withHeaders(domainErrorInit(outcome.error));
      const fields = outcome.lastResult ? options.errorFields?.(outcome.error) : null;
      if (fields && outcome.lastResult) {
        const error = { ...outcome.lastResult.error, ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])) };
        return data({ hasErrors: true, lastResult: { ...outcome.lastResult, error } as unknown, message: null as string | null }, init);
      }
      const message = options.errorMessage?.(t, outcome.error) ?? domainErrorMessage(t, outcome.error);
      return data({ hasErrors: true, lastResult: (outcome.lastResult ?? null) as unknown, message: message as string | null }, init);
    }
  }
}

/**
 * A flow's start page action: "Start" makes a draft (limited per client: app/http/draft-limit.server.ts) and goes
 * to the first step, in the page's language.
 */
export function flowStartAction<A>(flow: Flow<A>, firstStep: (draftId: string) => string) {
  return async ({ params, context }: ActionFunctionArgs) => {
    const locale = routeLocale(params);
    const refused = await refuseTooManyDrafts(context, locale);
    if (refused) return refused;
    const draft = await startDraft(getDb(), flow, { locale });
    return redirect(localePath(firstStep(draft.id), locale));
  };
}

export interface CookieFlowOptions<A, V> {
  /** The cookie that names the draft: its random id only (the answers stay in flow_drafts, out of URLs). */
  cookie: { read: (request: Request) => Promise<string | null>; set: (request: Request, draftId: string) => Promise<string> };
  /** A page's path, without the language prefix; "done" is the page `doneSegment` names. */
  path: (step: string, query?: string) => string;
  /** The URL segment of the "done" page when it is not "done" (the eligibility check's `result`). */
  doneSegment?: string;
  /** Where the first step's back link goes. */
  start: string;
  /** The page's own data from the answers ({} before the first answer). */
  view: (args: { db: Db; answers: Partial<A>; step: string }) => V | Promise<V>;
}

/**
 * A flow whose URLs name no draft (`/assistant/eligibility/<step>`): the draft's id is in a cookie. Everything else
 * is flowRoute's: the runner loads, validates, saves and moves on, the same redirects, statuses and error replies.
 * What differs is what "no draft" means: not a dead link (the URL names nothing that could die) but a check not
 * started yet. The first question is shown empty (a later page sends there), and answering it starts the draft
 * (limited per client like every "start": app/http/draft-limit.server.ts) and sets the cookie.
 */
export function cookieFlowRoute<A, V>(flow: Flow<A>, options: CookieFlowOptions<A, V>) {
  const pageOf = (segment: string) => (options.doneSegment ? (segment === options.doneSegment ? "done" : segment === "done" ? "" : segment) : segment);
  const pathOf = (step: string, query = "") => options.path(step === "done" && options.doneSegment ? options.doneSegment : step, query);

  async function begin(params: Params, request: Request) {
    const locale = routeLocale(params);
    const db = getDb();
    const step = pageOf(String(params.step ?? ""));
    const cookieId = await options.cookie.read(request);
    const draft = cookieId ? await readDraft(db, flow, cookieId).catch((error) => (error instanceof DraftGone ? null : Promise.reject(error))) : null;
    const go = (to: string, query = "") => redirect(localePath(pathOf(to, query), locale));
    return { locale, db, step, draft, go };
  }

  async function loader({ params, request }: LoaderFunctionArgs) {
    const { db, step, draft, go } = await begin(params, request);
    const returnTo = new URL(request.url).searchParams.get("return") === "check" ? "check" : "";
    if (!draft) {
      if (!isFlowPage(flow, step)) throw notFound();
      const first = firstMissing(flow, {});
      if (step !== first) throw go(first);
      return { step, back: options.start, count: stepNumber(flow, step), returnTo, ...(await options.view({ db, answers: {}, step })) };
    }
    const page = await loadStep(db, flow, { draftId: draft.id, step }).catch(asPageError);
    if (page.kind === "goto") throw go(page.step);
    const view = await Promise.resolve(options.view({ db, answers: page.draft.answers, step })).catch(asPageError);
    return { step, back: page.back ? pathOf(page.back) : options.start, count: page.count, returnTo, ...view };
  }

  async function action({ params, request, context }: ActionFunctionArgs) {
    const { locale, db, step, draft, go } = await begin(params, request);
    const form = await readFormData(request);
    if (!isFlowPage(flow, step) || step === "done") throw notFound();
    let draftId = draft?.id;
    if (!draftId) {
      const refused = await refuseTooManyDrafts(context, locale);
      if (refused) return refused;
      draftId = (await startDraft(db, flow, { locale })).id;
    }
    // Set again on every post: the cookie lives as long as the draft, a day after the last change.
    const headers = { "Set-Cookie": await options.cookie.set(request, draftId) };
    const outcome = await postStep(db, flow, { draftId, step, form, client: context.clientIp ?? "local" }).catch(asPageError);
    return answerPost(outcome, locale, go, { form, headers });
  }

  return { loader, action };
}

import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { ErrorSummary, type SummaryError } from "../ErrorSummary";
import { formState, fieldId, type FormState } from "../form-state";
import { CertificateNumberQuestion } from "../CertificateNumberQuestion";
import { LocalLink } from "../LocalLink";
import { WithdrawLink } from "../withdrawal/Withdraw";
import type { WithdrawalKind } from "~/modules/withdrawal/withdrawal-constants";
import { useT } from "~/i18n/use-t";

/**
 * The shared page parts of every guided form (app/modules/flows, docs/decisions/0014): the frame of a step (error
 * summary, back link, "step n of m"), the hidden "return to the check page" field, the continue button and the
 * check page's list of answers with their change links. The words are the service's own: `words` names where its
 * flow words are (`centre.flow.back|stepOf|continue`, `devices.flow.…`).
 */

/** Where a service keeps its flow words (back, stepOf, continue). */
export type FlowWords = "centre.flow" | "devices.flow";

/** What the flow route's loader (app/http/flow-route.server.ts) gives every page. */
export interface FlowPageData {
  step: string;
  draftId: string;
  back: string;
  count: { n: number; of: number };
  returnTo: string;
}

/** What a step's action answers when the form comes back (400, 429 or a domain error). */
export type FlowActionData = { hasErrors: boolean; lastResult: unknown; message: string | null } | undefined;

type ErrorsOf = (state: FormState, formId: string, fields: readonly string[]) => { fieldErrors: Record<string, string[]>; summary: SummaryError[] };

/** A step's form state: errors per field and for the summary (the action's message first), what was typed. */
export function useFlowForm(d: FlowPageData, actionData: FlowActionData, prefix: string, fields: readonly string[], errorsOf: ErrorsOf) {
  const formId = `${prefix}-${d.step}`;
  // (Conform's reply as the loader data's JSON type, which TypeScript cannot equate with SubmissionResult.)
  const state = formState(actionData?.lastResult ? (actionData.lastResult as never) : undefined);
  const { fieldErrors, summary } = errorsOf(state, formId, fields);
  return {
    formId,
    state,
    fieldErrors,
    errors: actionData?.message ? [{ text: actionData.message }, ...summary] : summary,
    /** What the field shows: what was typed when the form came back, else the saved answer. */
    value: (name: string, saved: string) => (actionData?.lastResult ? state.value(name) : saved),
    /** What a checkbox group shows: what was ticked when the form came back (even nothing), else the saved answer. */
    values: (name: string, saved: readonly string[] | undefined) => (actionData?.lastResult ? state.values(name) : (saved ?? [])),
    id: (name: string) => fieldId(formId, name),
  };
}

export function FlowFrame({ d, errors, flowName, children, words = "centre.flow" }: { d: FlowPageData; errors: SummaryError[]; flowName: string; children: ReactNode; words?: FlowWords }) {
  const { t } = useT();
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} />
      <p>
        <LocalLink to={d.back} className="back-link">
          {t(`${words}.back`)}
        </LocalLink>
      </p>
      <p className="step-count">
        {t(`${words}.stepOf`, { n: d.count.n, of: d.count.of })} · {flowName}
      </p>
      {children}
    </div>
  );
}

/** One step's form: posts to itself (no JavaScript needed), carries "return to check", ends with Continue. */
export function StepForm({ d, formId, children, words }: { d: FlowPageData; formId: string; children: ReactNode; words?: FlowWords }) {
  return (
    <Form method="post" id={formId} noValidate>
      {children}
      <ReturnToCheck d={d} />
      <ContinueButton words={words} />
    </Form>
  );
}

export function ReturnToCheck({ d }: { d: FlowPageData }) {
  return d.returnTo ? <input type="hidden" name="returnTo" value={d.returnTo} /> : null;
}

export function ContinueButton({ words = "centre.flow" }: { words?: FlowWords }) {
  const { t } = useT();
  return (
    <button type="submit" className="button">
      {t(`${words}.continue`)}
    </button>
  );
}

export interface CheckRow {
  key: string;
  label: string;
  value: string;
  /** The step that asks it (its change link); null for a row that cannot be changed here. */
  step: string | null;
}

/** "Check your answers": each answer with a change link that comes back here ("Change" + what, for screen readers). */
export function CheckList({
  rows,
  stepPath,
  words = "centre.flow",
}: {
  rows: CheckRow[];
  stepPath: (step: string, query?: string) => string;
  /** Where the link's words are: `<words>.change`, `<words>.changeWhat`. */
  words?: "centre.flow" | "devices.check";
}) {
  const { t } = useT();
  return (
    <dl className="check-list">
      {rows.map((row) => (
        <div key={row.key} className="check-list__row">
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
          <dd>
            {row.step ? (
              <LocalLink to={stepPath(row.step, "?return=check")}>
                {t(`${words}.change`)}
                <span className="visually-hidden">{t(`${words}.changeWhat`, { what: row.label })}</span>
              </LocalLink>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The check page's submit: a form with one button. */
export function SubmitAnswers({ label }: { label: string }) {
  return (
    <Form method="post">
      <button type="submit" className="button">
        {label}
      </button>
    </Form>
  );
}

/** The done page's panel: what happened, and the reference in large type (GOV.UK's confirmation panel). */
export function FlowConfirmation({ heading, label, reference }: { heading: string; label: string; reference: string }) {
  return (
    <div className="confirmation">
      <h1>{heading}</h1>
      <p>
        {label}
        <br />
        <strong className="reference">{reference}</strong>
      </p>
    </div>
  );
}

/** A link of the done page: where it goes (without the language prefix) and what it says. */
export interface DoneLink {
  to: string;
  text: string;
}

/**
 * A service's done page: the confirmation panel with the reference, anything the service adds (`children`), what
 * happens next, then links to look the record up by reference, to withdraw it, and back to the service.
 */
export function FlowDone(props: {
  heading: string;
  label: string;
  reference: string;
  nextHeading: string;
  next: string[];
  status: DoneLink;
  withdraw: WithdrawalKind;
  back?: DoneLink;
  children?: ReactNode;
}) {
  return (
    <div className="page page--narrow">
      <FlowConfirmation heading={props.heading} label={props.label} reference={props.reference} />
      {props.children}
      <h2>{props.nextHeading}</h2>
      <ul>
        {props.next.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <LocalLink to={props.status.to}>{props.status.text}</LocalLink>
      </p>
      <p>
        <WithdrawLink kind={props.withdraw} reference={props.reference} />
      </p>
      {props.back ? (
        <p>
          <LocalLink to={props.back.to}>{props.back.text}</LocalLink>
        </p>
      ) : null}
    </div>
  );
}

/** The words of a service's optional 残疾人证号 step (CertificateNumberQuestion). */
export interface CertificateStepText {
  title: string;
  why: string;
  /** "Given: …" with the masked number given before, or null when none was. */
  given: string | null;
  label: string;
  hint: string;
  skip: string;
}

/** The certificate step of a flow (shared certificate step, app/modules/lending/certificate-step.server.ts): its own form, with "continue without". */
export function CertificateStep({ d, form, text, words }: { d: FlowPageData; form: ReturnType<typeof useFlowForm>; text: CertificateStepText; words?: FlowWords }) {
  return (
    <Form method="post" id={form.formId} noValidate>
      <CertificateNumberQuestion
        id={form.id("certificate")}
        title={text.title}
        why={text.why}
        given={text.given}
        label={text.label}
        hint={text.hint}
        errors={form.fieldErrors.certificate}
        defaultValue={form.value("certificate", "")}
        skipLabel={text.skip}
        returnField={<ReturnToCheck d={d} />}
        continueButton={<ContinueButton words={words} />}
      />
    </Form>
  );
}

import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextField } from "~/components/Fields";
import { fieldId, formState } from "~/components/form-state";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { withdrawalErrors, withdrawalWhat } from "~/components/withdrawal/withdrawal-text";
import { domainErrorInit, domainErrorMessage } from "~/http/domain-errors.server";
import { readFormData } from "~/http/form-data.server";
import { guardedLookup, lookupRefusalInit, lookupRefusalText } from "~/http/lookup.server";
import { routeLocale } from "~/http/route-locale";
import { getFixedT } from "~/i18n/i18n.server";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { DomainError } from "~/modules/shared/domain-error";
import type { WithdrawOutcome } from "~/modules/shared/withdrawal";
import { findForWithdrawal, NothingToWithdraw, withdraw, withdrawalLookupKind, withdrawalSchema, type WithdrawalView } from "~/modules/withdrawal/index.server";
import { isWithdrawalKind, secretField, withdrawalHome, withdrawalPath, type WithdrawalKind } from "~/modules/withdrawal/withdrawal-constants";
import { federationPhone } from "~/modules/site/contact-details";

const kindOf = (data: unknown): WithdrawalKind => (data as { kind?: WithdrawalKind } | undefined)?.kind ?? "device-request";

export const handle: PageHandle = {
  title: ({ t, data }) => t(`withdraw.kinds.${kindOf(data)}.title`),
  crumbs: ({ t, data }) => [{ label: t(`withdraw.kinds.${kindOf(data)}.title`) }],
};

const formId = "withdraw";

function routeKind(params: LoaderFunctionArgs["params"]): WithdrawalKind {
  if (!isWithdrawalKind(params.kind)) throw new Response("Not Found", { status: 404 });
  return params.kind;
}

/** The reference may come filled in from a status or confirmation page (?reference=); the phone never does. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const kind = routeKind(params);
  const reference = (new URL(request.url).searchParams.get("reference") ?? "").slice(0, 32);
  return { kind, reference };
}

type Answer = { view: WithdrawalView; result: WithdrawOutcome | null; secret: string };

/**
 * Reference + phone (a POST: the phone stays out of URLs) → what would be withdrawn (intent=find, the confirmation
 * step), then intent=withdraw withdraws it. Both go through the lookup guard under the record's own key, so the
 * throttle and the lock after five wrong phones are those of its status page; an unknown reference and a wrong phone
 * get the same answer.
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const kind = routeKind(params);
  const submission = parseWithZod(await readFormData(request), { schema: withdrawalSchema(kind) });
  const refused = (lastResult: ReturnType<typeof submission.reply>, message: string | null, init: ResponseInit) =>
    data({ hasErrors: true as const, lastResult, answer: null as Answer | null, message }, init);
  if (submission.status !== "success") return refused(submission.reply(), null, { status: 400 });
  const { intent, ...key } = submission.value;
  const db = getDb();
  try {
    const outcome = await guardedLookup(
      context,
      withdrawalLookupKind(kind),
      key.reference,
      async (): Promise<Answer> => (intent === "withdraw" ? { ...(await withdraw(db, kind, key)), secret: key.secret } : { view: await findForWithdrawal(db, kind, key), result: null, secret: key.secret }),
      NothingToWithdraw,
    );
    if (outcome.status === "refused") return refused(submission.reply(), lookupRefusalText(outcome, locale), lookupRefusalInit(outcome));
    if (outcome.status === "notFound") return refused(submission.reply({ formErrors: [kind === "feedback" ? "notFoundContact" : "notFound"] }), null, { status: 404 });
    return { hasErrors: false as const, lastResult: submission.reply(), answer: outcome.value, message: null };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return refused(submission.reply(), domainErrorMessage(getFixedT(locale), error), domainErrorInit(error));
  }
}

export default function WithdrawPage() {
  const { t } = useT();
  const { href } = useLocale();
  const { kind, reference } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = formState(actionData?.lastResult);
  const secret = secretField(kind);
  const order = ["reference", secret] as const;
  const { fieldErrors, summary } = withdrawalErrors(t, actionData?.hasErrors ? state : formState(undefined), formId, order);
  const answer = actionData?.answer ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  const stage = !answer ? "find" : answer.result ? answer.result.outcome : answer.view.state.state;
  // Each step's heading takes focus when the step comes back (as the error summary does), so it is read out.
  useEffect(() => {
    if (answer) heading.current?.focus();
  }, [answer, stage]);
  const phone = federationPhone;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }, ...summary] : summary} />
      {answer ? (
        <Answered kind={kind} answer={answer} headingRef={heading} phone={phone} />
      ) : (
        <>
          <h1>{t(`withdraw.kinds.${kind}.title`)}</h1>
          <p className="lead">{t("withdraw.intro")}</p>
          {kind === "feedback" ? <p>{t("withdraw.kinds.feedback.noContact", { phone })}</p> : null}
          <Form method="post" action={href(withdrawalPath(kind))} id={formId} noValidate>
            <input type="hidden" name="intent" value="find" />
            <TextField
              id={fieldId(formId, "reference")}
              name="reference"
              label={t("withdraw.referenceLabel")}
              hint={t(`withdraw.kinds.${kind}.referenceHint`)}
              errors={fieldErrors.reference}
              defaultValue={state.value("reference") || reference}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
            />
            {secret === "phone" ? (
              <TextField id={fieldId(formId, "phone")} name="phone" type="tel" label={t("withdraw.phoneLabel")} errors={fieldErrors.phone} defaultValue={state.value("phone")} autoComplete="tel" inputMode="tel" />
            ) : (
              <TextField id={fieldId(formId, "contact")} name="contact" label={t("withdraw.contactLabel")} hint={t("withdraw.contactHint")} errors={fieldErrors.contact} defaultValue={state.value("contact")} autoComplete="off" spellCheck={false} />
            )}
            <button type="submit" className="button">
              {t("withdraw.find")}
            </button>
          </Form>
        </>
      )}
      <p>{t("withdraw.questions", { phone })}</p>
      <p>
        <LocalLink to={withdrawalHome[kind]}>{t(`withdraw.kinds.${kind}.back`)}</LocalLink>
      </p>
    </div>
  );
}

function Answered({ kind, answer, headingRef, phone }: { kind: WithdrawalKind; answer: Answer; headingRef: React.RefObject<HTMLHeadingElement>; phone: string }) {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { view, result } = answer;
  const what = withdrawalWhat(t, locale, view);
  const reference = view.reference;
  const headingProps = { ref: headingRef, tabIndex: -1, autoFocus: true } as const;
  if (result?.outcome === "withdrawn") {
    return (
      <section aria-live="polite">
        <h1 {...headingProps}>{t("withdraw.doneHeading", { reference })}</h1>
        <p className="lead">{what}</p>
        <p>{t(`withdraw.kinds.${kind}.after`)}</p>
      </section>
    );
  }
  const state = view.state;
  if (state.state === "withdrawn") {
    return (
      <section>
        <h1 {...headingProps}>{t("withdraw.alreadyHeading", { reference })}</h1>
        <p className="lead">{what}</p>
        <p>{t("withdraw.alreadyText")}</p>
      </section>
    );
  }
  if (state.state === "tooLate") {
    return (
      <section>
        <h1 {...headingProps}>{t("withdraw.tooLateHeading", { reference })}</h1>
        <p className="lead">{what}</p>
        <p>{t(`withdraw.tooLate.${state.reason}`, { phone, defaultValue: t("withdraw.questions", { phone }) })}</p>
      </section>
    );
  }
  return (
    <section>
      <h1 {...headingProps}>{t("withdraw.confirmHeading", { reference })}</h1>
      <h2>{t("withdraw.whatLabel")}</h2>
      <p className="lead">{what}</p>
      <h2>{t("withdraw.afterLabel")}</h2>
      <p>{t(`withdraw.kinds.${kind}.after`)}</p>
      <Form method="post" action={href(withdrawalPath(kind))}>
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name={secretField(kind)} value={answer.secret} />
        <div className="button-row">
          <button type="submit" name="intent" value="withdraw" className="button">
            {t("withdraw.confirm")}
          </button>
          <LocalLink to={withdrawalHome[kind]}>{t("withdraw.keep")}</LocalLink>
        </div>
      </Form>
    </section>
  );
}

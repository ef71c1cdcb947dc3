import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { ErrorSummary } from "~/components/ErrorSummary";
import { clearEligibilityCookie, eligibilityCookieHeader, readEligibilityDraftId } from "~/http/assistant.server";
import { refuseTooManyDrafts } from "~/http/draft-limit.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { restartEligibility } from "~/modules/assistant/index.server";
import { getDb } from "~/modules/db/index.server";
import { prefillFromForm } from "~/modules/assistant/eligibility-schema";
import assistantStyles from "~/styles/assistant.css?url";
import { metaDescription } from "~/modules/site/meta-description";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assistantStyles }];

export const handle: PageHandle = {
  title: ({ t }) => t("assistant.eligibility.title"),
  description: ({ t, locale }) => metaDescription(t("assistant.eligibility.intro"), locale),
  crumbs: ({ t }) => [{ label: t("assistant.page.title"), to: "/assistant" }, { label: t("assistant.eligibility.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

/**
 * "开始": forget earlier answers (the draft is deleted) and go to the first question. From a chat answer
 * (intent=prefill, a POST of choices, never a URL): start a draft with what the person already said, at the first
 * question still open (or "check your answers"); a new draft, so limited per client like every start.
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const form = await readFormData(request);
  const prefill = form.get("intent") === "prefill";
  if (prefill) {
    const refused = await refuseTooManyDrafts(context, locale);
    if (refused) return refused;
  }
  const previous = await readEligibilityDraftId(request);
  const { draft, next } = await restartEligibility(getDb(), { previous, locale, answers: prefill ? prefillFromForm(form) : undefined });
  const cookie = draft ? await eligibilityCookieHeader(request, draft.id) : await clearEligibilityCookie(request);
  return redirect(localePath(`/assistant/eligibility/${next}`, locale), { headers: { "Set-Cookie": cookie } });
}

export default function EligibilityStart() {
  const { t } = useT();
  const { href } = useLocale();
  const actionData = useActionData<typeof action>();
  const covers = t("assistant.eligibility.covers", { returnObjects: true }) as unknown as string[];
  const asks = t("assistant.eligibility.asks", { returnObjects: true }) as unknown as string[];
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }] : []} />
      <h1>{t("assistant.eligibility.title")}</h1>
      <p className="lead">{t("assistant.eligibility.intro")}</p>
      <ul>
        {covers.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <h2>{t("assistant.eligibility.asksHeading")}</h2>
      <ul>
        {asks.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="notice">
        <p>{t("assistant.eligibility.notDecision")}</p>
        <p>{t("assistant.eligibility.noNumbers")}</p>
      </div>
      <Form method="post" action={href("/assistant/eligibility")}>
        <button type="submit" className="button">
          {t("assistant.eligibility.start")}
        </button>
      </Form>
      <p>
        <LocalLink to="/assistant">{t("assistant.eligibility.backToChat")}</LocalLink>
      </p>
    </div>
  );
}

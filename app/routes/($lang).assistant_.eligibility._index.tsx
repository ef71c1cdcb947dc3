import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { clearEligibilityCookie, eligibilityCookieHeader } from "~/http/assistant.server";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { firstMissingStep } from "~/modules/assistant/eligibility";
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
 * "开始": forget earlier answers and go to the first question. From a chat answer (intent=prefill): start
 * with what the person already said, at the first question still open (or "check your answers").
 */
export async function action({ params, request }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const form = await readFormData(request);
  if (form.get("intent") === "prefill") {
    const answers = prefillFromForm(form);
    const next = firstMissingStep(answers) ?? "check";
    return redirect(localePath(`/assistant/eligibility/${next}`, locale), { headers: { "Set-Cookie": await eligibilityCookieHeader(request, answers) } });
  }
  return redirect(localePath("/assistant/eligibility/certificate", locale), { headers: { "Set-Cookie": await clearEligibilityCookie(request) } });
}

export default function EligibilityStart() {
  const { t } = useT();
  const { href } = useLocale();
  const covers = t("assistant.eligibility.covers", { returnObjects: true }) as unknown as string[];
  const asks = t("assistant.eligibility.asks", { returnObjects: true }) as unknown as string[];
  return (
    <div className="page page--narrow">
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

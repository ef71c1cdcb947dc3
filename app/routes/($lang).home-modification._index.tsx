import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { centreLinks } from "~/components/centre/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { flowStartAction } from "~/http/flow-route.server";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { homeModStepPath } from "~/modules/home-modification/home-mod-constants";
import { homeModFlow } from "~/modules/home-modification/index.server";
import { metaDescription } from "~/modules/site/meta-description";
import { federationPhone } from "~/modules/site/contact-details";

export const links = centreLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("homeMod.start.title"),
  description: ({ t, locale }) => metaDescription(t("homeMod.start.intro"), locale),
  crumbs: ({ t }) => [{ label: t("homeMod.start.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

/** "Start" makes a server-side draft and goes to its first question (limited per client). */
export const action = flowStartAction(homeModFlow, (draftId) => homeModStepPath(draftId, "for-whom"));

/** What the service is, who it is for and what you will need, in the guide's words (no rule the guide does not state). */
export default function HomeModificationStart() {
  const { t } = useT();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }] : []} />
      <h1>{t("homeMod.start.title")}</h1>
      <p className="lead">{t("homeMod.start.intro")}</p>
      <h2>{t("homeMod.start.whoHeading")}</h2>
      <p>{t("homeMod.start.who")}</p>
      <p>{t("homeMod.start.whoAsk", { phone: federationPhone })}</p>
      <h2>{t("homeMod.start.whatHeading")}</h2>
      <p>{t("homeMod.start.what")}</p>
      <h2>{t("homeMod.start.howHeading")}</h2>
      <ol>
        {(["screen", "decide", "work", "supervise"] as const).map((k) => (
          <li key={k}>{t(`homeMod.start.how.${k}`)}</li>
        ))}
      </ol>
      <h2>{t("homeMod.start.needHeading")}</h2>
      <ul>
        {(["certificate", "address", "household", "phone"] as const).map((k) => (
          <li key={k}>{t(`homeMod.start.need.${k}`)}</li>
        ))}
      </ul>
      <p>{t("homeMod.start.papers")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("homeMod.start.button")}
        </button>
      </Form>
      <p>
        <LocalLink to="/home-modification/status">{t("homeMod.start.statusLink")}</LocalLink>
      </p>
      <p>
        <LocalLink to="/policies/home-accessibility-modification-guide">{t("homeMod.start.guideLink")}</LocalLink>
      </p>
    </div>
  );
}

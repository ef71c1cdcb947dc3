import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { centreLinks } from "~/components/centre/styles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { flowStartAction } from "~/http/flow-route.server";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { cardStepPath, centrePhone } from "~/modules/centre/centre-constants";
import { cardFlow } from "~/modules/centre/index.server";
import { metaDescription } from "~/modules/site/meta-description";

export const links = centreLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("centre.library.title"),
  description: ({ t, locale }) => metaDescription(t("centre.library.intro"), locale),
  crumbs: ({ t }) => [{ label: t("centre.library.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

/** "Apply for a card" starts a server-side draft and goes to its first question (limited per client). */
export const action = flowStartAction(cardFlow, (draftId) => cardStepPath(draftId, "contact"));

export default function LibraryPage() {
  const { t } = useT();
  const offers = ["braille", "largePrint", "audio", "devices", "listening"] as const;
  const actionData = useActionData<typeof action>();
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.message ? [{ text: actionData.message }] : []} />
      <h1>{t("centre.library.title")}</h1>
      <p className="lead">{t("centre.library.intro")}</p>
      <h2>{t("centre.library.offersHeading")}</h2>
      <ul>
        {offers.map((o) => (
          <li key={o}>{t(`centre.library.offers.${o}`)}</li>
        ))}
      </ul>
      <p>{t("centre.library.offersNote", { phone: centrePhone })}</p>
      <h2>{t("centre.library.hoursHeading")}</h2>
      <p>{t("centre.library.hoursText", { phone: centrePhone })}</p>
      <h2>{t("centre.library.gettingThereHeading")}</h2>
      <p>{t("centre.library.gettingThereText", { phone: centrePhone })}</p>
      <h2>{t("centre.library.cardHeading")}</h2>
      <p>{t("centre.library.cardText")}</p>
      <p>{t("centre.library.cardFigures")}</p>
      <Form method="post">
        <button type="submit" className="button">
          {t("centre.library.start")}
        </button>
      </Form>
      <p>
        <LocalLink to="/library/status">{t("centre.library.statusLink")}</LocalLink>
      </p>
      <h2>{t("centre.library.moreHeading")}</h2>
      <ul>
        <li>
          <LocalLink to="/policies/visually-impaired-library-guide">{t("centre.library.guideLink")}</LocalLink>
        </li>
        <li>
          <LocalLink to="/activities">{t("centre.library.activitiesLink")}</LocalLink>
        </li>
        <li>
          <LocalLink to="/cinema">{t("centre.library.cinemaLink")}</LocalLink>
        </li>
      </ul>
    </div>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { useT } from "~/i18n/use-t";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { formatDate } from "~/i18n/format";
import { routeLocale } from "~/http/route-locale";

/** The day this statement was last checked against the site; change it when the statement is reviewed. */
const reviewedOn = "2026-11-26";

export const handle: PageHandle = {
  title: ({ t }) => t("accessibility.title"),
  crumbs: ({ t }) => [{ label: t("accessibility.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

export default function AccessibilityStatement() {
  const { t, locale } = useT();
  const list = (key: "accessibility.what" | "accessibility.limits") => t(key, { returnObjects: true }) as string[];
  return (
    <div className="page">
      <h1>{t("accessibility.title")}</h1>
      <p className="lead">{t("accessibility.intro")}</p>
      <h2>{t("accessibility.standardHeading")}</h2>
      <p>{t("accessibility.standardText")}</p>
      <h2>{t("accessibility.whatHeading")}</h2>
      <ul>
        {list("accessibility.what").map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>{t("accessibility.testingHeading")}</h2>
      <p>{t("accessibility.testingText")}</p>
      <h2>{t("accessibility.limitsHeading")}</h2>
      <ul>
        {list("accessibility.limits").map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>{t("accessibility.reportHeading")}</h2>
      <p>{t("accessibility.reportText")}</p>
      <p>
        <LocalLink to="/feedback">{t("accessibility.reportLink")}</LocalLink> {t("accessibility.reportPhone", { phone: t("footer.phone") })}
      </p>
      <p className="meta">{t("accessibility.reviewed", { date: formatDate(reviewedOn, locale) })}</p>
    </div>
  );
}

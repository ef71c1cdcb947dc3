import type { LoaderFunctionArgs } from "@remix-run/node";
import { useT } from "~/i18n/use-t";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { formatDate } from "~/i18n/format";
import { routeLocale } from "~/http/route-locale";
import { criteria, gbtRequirement, type Criterion } from "~/modules/accessibility/conformance";
import { holdMinutes, holdWarningSeconds, maxHoldExtensions } from "~/modules/cinema/cinema-constants";
import { metaDescription } from "~/modules/site/meta-description";
import { federationPhone } from "~/modules/site/contact-details";

/** The day this statement was last checked against the site; change it when the statement is reviewed. */
const reviewedOn = "2026-11-26";

export const handle: PageHandle = {
  title: ({ t }) => t("accessibility.title"),
  description: ({ t, locale }) => metaDescription(t("accessibility.intro"), locale),
  crumbs: ({ t }) => [{ label: t("accessibility.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

export default function AccessibilityStatement() {
  const { t, locale } = useT();
  // The limits state the seat-hold timing from the booking's own constants, so the statement cannot fall behind.
  const hold = { minutes: holdMinutes, extensions: maxHoldExtensions, warningMinutes: Math.round(holdWarningSeconds / 60) };
  const list = (key: "accessibility.what" | "accessibility.limits") => t(key, { returnObjects: true, ...hold }) as string[];
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
      <h2 id="conformance-heading">{t("accessibility.conformanceHeading")}</h2>
      <p>{t("accessibility.conformanceIntro")}</p>
      <ConformanceTable />
      <h2>{t("accessibility.limitsHeading")}</h2>
      <ul>
        {list("accessibility.limits").map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>{t("accessibility.reportHeading")}</h2>
      <p>{t("accessibility.reportText")}</p>
      <p>
        <LocalLink to="/feedback">{t("accessibility.reportLink")}</LocalLink> {t("accessibility.reportPhone", { phone: federationPhone })}
      </p>
      <p className="meta">{t("accessibility.reviewed", { date: formatDate(reviewedOn, locale) })}</p>
    </div>
  );
}

/** Each WCAG 2.2 A/AA criterion with its GB/T 37668-2019 requirement and its test (app/modules/accessibility/conformance.ts). */
function ConformanceTable() {
  const { t, locale } = useT();
  const en = locale === "en";
  const say = (text: { zh: string; en: string }) => (en ? text.en : text.zh);
  const gbt = (c: Criterion) => {
    const requirement = gbtRequirement(c);
    return requirement ? `${say(requirement.principle)} · ${say(requirement.guideline)}` : t("accessibility.newIn", { version: c.since });
  };
  return (
    // At 200% text on a phone the table can be wider than the screen: its box scrolls, so it takes focus (to scroll it
    // with the arrow keys) and is named by the caption.
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="conformance-caption">
      <table className="conformance-table">
        <caption id="conformance-caption">{t("accessibility.conformanceCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("accessibility.colCriterion")}</th>
            <th scope="col">{t("accessibility.colLevel")}</th>
            <th scope="col">{t("accessibility.colGbt")}</th>
            <th scope="col">{t("accessibility.colTests")}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                {c.id} {say(c.name)}
              </th>
              <td>{c.level}</td>
              <td>{gbt(c)}</td>
              <td>
                {c.tests.length ? (
                  <ul>
                    {c.tests.map((file) => (
                      <li key={file}>
                        <code>{file}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{c.note ? t("accessibility.manualBecause", { note: say(c.note) }) : t("accessibility.manual")}</p>
                )}
                {c.removedIn22 ? <p>{t("accessibility.removedIn22")}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

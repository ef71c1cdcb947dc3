import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/centre/BarChart";
import { centreLinks } from "~/components/centre/styles";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { reportBaseline } from "~/modules/centre/centre-constants";
import { computeFigures } from "~/modules/centre/index.server";
import { getDb } from "~/modules/db/index.server";
import { metaDescription } from "~/modules/site/meta-description";
import { keyUnder } from "~/i18n/keys";

export const links = centreLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("centre.figures.title"),
  description: ({ t, locale }) => metaDescription(t("centre.figures.description"), locale),
  crumbs: ({ t }) => [{ label: t("centre.figures.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  const now = new Date();
  return { computedAt: now.toISOString(), tables: await computeFigures(getDb(), now) };
}

export default function FiguresPage() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { computedAt, tables } = useLoaderData<typeof loader>();
  const number = (v: number) => v.toLocaleString(locale === "en" ? "en-GB" : "zh-CN");
  return (
    <div className="page">
      <h1>{t("centre.figures.title")}</h1>
      <p className="lead">{t("centre.figures.intro")}</p>
      <p>{t("centre.figures.computedAt", { at: formatDateTime(computedAt, locale) })}</p>
      <p>
        <a href={href("/figures/all.csv")} download>
          {t("centre.figures.csvAll")}
        </a>
      </p>
      {tables.map((table) => {
        const rows = table.rows.map((r) => ({ label: t(keyUnder("centre.figures.rows", r.key)), value: r.value }));
        const summary = rows.map((r) => `${r.label} ${number(r.value)}`).join(t("centre.listSeparator"));
        return (
          <section key={table.id} aria-labelledby={`fig-${table.id}`}>
            <h2 id={`fig-${table.id}`}>{t(`centre.figures.tables.${table.id}`)}</h2>
            <div className="figure-block">
              <div className="table-wrap">
                <table>
                  <caption>{t("centre.figures.caption", { table: t(`centre.figures.tables.${table.id}`) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("centre.figures.colMeasure")}</th>
                      <th scope="col" className="num">
                        {t("centre.figures.colValue")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.label}>
                        <th scope="row">{r.label}</th>
                        <td className="num">{number(r.value)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <figure className="figure-chart">
                <BarChart rows={rows} label={number} />
                <figcaption>{t("centre.figures.chartSummary", { summary })}</figcaption>
              </figure>
            </div>
            <p>
              <a href={href(`/figures/${table.id}.csv`)} download>
                {t("centre.figures.csv", { table: t(`centre.figures.tables.${table.id}`) })}
              </a>
            </p>
          </section>
        );
      })}
      <section aria-labelledby="fig-baseline">
        <h2 id="fig-baseline">{t("centre.figures.baselineHeading")}</h2>
        <p>{t("centre.figures.baselineIntro")}</p>
        <div className="table-wrap">
          <table>
            <caption>{t("centre.figures.baselineCaption", { date: reportBaseline.published })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("centre.figures.colMeasure")}</th>
                <th scope="col">{t("centre.figures.colPeriod")}</th>
                <th scope="col" className="num">
                  {t("centre.figures.colValue")}
                </th>
              </tr>
            </thead>
            <tbody>
              {reportBaseline.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{t(`centre.figures.baseline.${r.key}`)}</th>
                  <td>{t(`centre.figures.periods.${r.key === "visionOutreach" ? "outreach" : "main"}`)}</td>
                  <td className="num">{number(r.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <LocalLink to={reportBaseline.source}>{t("centre.figures.baselineSource")}</LocalLink>
        </p>
      </section>
    </div>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { Pagination } from "~/components/Pagination";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { search } from "~/modules/search/index.server";
import { parsePage } from "~/http/query-numbers";
import { federationPhone } from "~/modules/site/contact-details";

const pageSize = 10;
const maxQueryLength = 100;

type Data = Awaited<ReturnType<typeof loader>>;

export const handle: PageHandle = {
  title: ({ t, data }) => {
    const q = (data as Data | undefined)?.q;
    return q ? t("search.resultsTitle", { q }) : t("search.title");
  },
  crumbs: ({ t }) => [{ label: t("search.title") }],
};

/** GET /search?q=: works without JavaScript; nothing a person types can make it fail. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const url = new URL(request.url);
  const raw = (url.searchParams.get("q") ?? "").replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, "").trim();
  const page = Math.min(1000, parsePage(url.searchParams));
  if (!raw) return { q: "", problem: null, total: 0, page, pageCount: 1, results: [], expansions: [] as string[] };
  if (raw.length > maxQueryLength) return { q: raw.slice(0, maxQueryLength), problem: "tooLong" as const, total: 0, page, pageCount: 1, results: [], expansions: [] };
  const response = search(raw, { limit: pageSize, offset: (page - 1) * pageSize });
  return {
    q: raw,
    problem: null,
    total: response.total,
    page,
    pageCount: Math.max(1, Math.ceil(response.total / pageSize)),
    results: response.results.map((r) => ({
      id: r.id,
      title: r.title,
      titleEn: r.titleEn,
      type: r.type,
      summary: r.summary,
      summaryEn: r.summaryEn,
      snippets: r.snippets,
    })),
    expansions: [...new Set(response.expansions.map((e) => e.canonical))],
  };
}

export default function Search() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { q, problem, total, page, pageCount, results, expansions } = useLoaderData<typeof loader>();
  const en = locale === "en";
  return (
    <div className="page">
      <h1>{q ? t("search.resultsTitle", { q }) : t("search.title")}</h1>
      <Form method="get" action={href("/search")} role="search" aria-label={t("search.formLabel")} className="search-form">
        <div className={`field${problem ? " field--error" : ""}`}>
          <label className="field__label" htmlFor="search-q">
            {t("search.label")}
          </label>
          <p className="field__hint" id="search-q-hint">
            {t("search.hint")}
          </p>
          {problem ? (
            <p className="field__error" id="search-q-error">
              <span className="visually-hidden">{t("site.errorTitlePrefix")}</span>
              {t("search.tooLong")}
            </p>
          ) : null}
          <div className="search-form__row">
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={q}
              aria-describedby={problem ? "search-q-hint search-q-error" : "search-q-hint"}
              aria-invalid={problem ? true : undefined}
            />
            <button type="submit" className="button">
              {t("search.submit")}
            </button>
          </div>
        </div>
      </Form>

      {q && !problem ? (
        <>
          <p role="status" className="result-count">
            {total > 0 ? t("search.count", { count: total }) : t("search.none", { q })}
          </p>
          {expansions.length > 0 ? <p className="meta">{t("search.expanded", { terms: expansions.join("、") })}</p> : null}
          {total === 0 ? (
            <p>
              {t("search.noneHelp", { phone: federationPhone })} <LocalLink to="/assistant">{t("policies.askLink")}</LocalLink>
            </p>
          ) : (
            <>
              <p className="meta">{t("search.matchNote")}</p>
              <ol className="doc-list" start={(page - 1) * pageSize + 1}>
                {results.map((r) => (
                  <li key={r.id} className="doc-list__item">
                    <h2 className="doc-list__title">
                      <LocalLink to={`/policies/${r.id}`}>
                        <span lang="zh-CN">{r.title}</span>
                      </LocalLink>
                    </h2>
                    <p className="meta">
                      {t(`policies.types.${r.type}`)}
                      {en ? ` · ${r.titleEn}` : ""}
                    </p>
                    <p>{en ? r.summaryEn : r.summary}</p>
                    {r.snippets.length > 0 ? (
                      <ul className="snippets" lang="zh-CN">
                        {r.snippets.map((s) => (
                          <li key={`${s.anchor}-${s.heading}`}>
                            {s.anchor ? (
                              <LocalLink to={`/policies/${r.id}#${s.anchor}`}>{s.heading}</LocalLink>
                            ) : (
                              <span>{s.heading}</span>
                            )}
                            ：<span dangerouslySetInnerHTML={{ __html: s.html }} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
              <Pagination page={page} pageCount={pageCount} />
            </>
          )}
        </>
      ) : null}
    </div>
  );
}

import { Form } from "@remix-run/react";
import { useLocale } from "~/components/use-locale";
import { LocalLink } from "~/components/LocalLink";
import { Pagination } from "~/components/Pagination";
import { useT } from "~/i18n/use-t";
import { atomType } from "~/modules/content/feed";
import { audienceIds, docTypes, topicIds, type AudienceId, type DocType, type TopicId } from "~/modules/content/taxonomy";

export interface PolicyListItem {
  id: string;
  title: string;
  titleEn: string;
  type: DocType;
  issuer: string;
  docNumber?: string;
  summary: string;
  summaryEn: string;
  topics: TopicId[];
}

interface Props {
  path: string;
  heading: string;
  intro: string;
  filters: { type: string; topic: string; audience: string };
  fixedType: DocType | null;
  items: PolicyListItem[];
  total: number;
  page: number;
  pageCount: number;
  /** The Atom feed of this list's news (locale-neutral path), linked under the intro. */
  feedPath?: string;
}

/**
 * A filterable, paginated list of documents. Filters are a GET form (works without JavaScript); the result
 * count is the first thing under the filters and, being in a status region, is announced when it changes.
 */
export function PolicyList({ path, heading, intro, filters, fixedType, items, total, page, pageCount, feedPath }: Props) {
  const { t, locale } = useT();
  const { href } = useLocale();
  const en = locale === "en";
  const select = (name: "type" | "topic" | "audience", label: string, values: readonly string[], labelOf: (v: string) => string) => (
    <div className="field field--inline">
      <label className="field__label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={filters[name]}>
        <option value="">{t("policies.any")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labelOf(v)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="page">
      <h1>{heading}</h1>
      <p className="lead">{intro}</p>
      {feedPath ? (
        <p className="no-print">
          {/* A plain link: the feed is a file for a feed reader, not a page of the app. */}
          <a href={href(feedPath)} type={atomType}>
            {t("policies.feedLink")}
          </a>{" "}
          {t("policies.feedHint")}
        </p>
      ) : null}
      <Form method="get" action={href(path)} className="policy-filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="visually-hidden">
          {t("policies.filtersHeading")}
        </h2>
        {fixedType ? null : select("type", t("policies.typeLabel"), docTypes, (v) => t(`policies.types.${v as DocType}`))}
        {select("topic", t("policies.topicLabel"), topicIds, (v) => t(`policies.topics.${v as TopicId}`))}
        {select("audience", t("policies.audienceLabel"), audienceIds, (v) => t(`policies.audiences.${v as AudienceId}`))}
        <p className="button-row">
          <button type="submit" className="button">
            {t("policies.apply")}
          </button>
          <LocalLink to={path}>{t("policies.clear")}</LocalLink>
        </p>
      </Form>
      <p role="status" className="result-count">
        {pageCount > 1 ? t("policies.countPage", { count: total, page, pages: pageCount }) : t("policies.count", { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t("policies.none")}</p>
      ) : (
        <ul className="doc-list">
          {items.map((doc) => (
            <li key={doc.id} className="doc-list__item">
              <h2 className="doc-list__title">
                <LocalLink to={`/policies/${doc.id}`}>
                  <span lang="zh-CN">{doc.title}</span>
                </LocalLink>
              </h2>
              {en ? <p className="doc-list__en">{doc.titleEn}</p> : null}
              <p className="meta">
                {t(`policies.types.${doc.type}`)} · <span lang="zh-CN">{doc.issuer}</span>
                {doc.docNumber ? (
                  <>
                    {" · "}
                    <span lang="zh-CN">{doc.docNumber}</span>
                  </>
                ) : null}
              </p>
              <p>{en ? doc.summaryEn : doc.summary}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}

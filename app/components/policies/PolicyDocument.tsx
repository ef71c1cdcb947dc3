import type { ReactNode } from "react";
import { LocalLink } from "~/components/LocalLink";
import { CopyLinkEnhancer } from "~/components/policies/CopyLinkEnhancer";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { PolicyPageData } from "~/modules/content/page-data";
import { federationPhone } from "~/modules/site/contact-details";

/**
 * A policy document as the public page shows it (/policies/:id). The staff console's preview renders a draft with
 * this same component, so an editor sees exactly what the public will.
 */
export function PolicyDocument({ data: { doc, toc, html, related, repealedArticles }, preview }: { data: PolicyPageData; preview?: ReactNode }) {
  const { t, locale } = useT();
  const en = locale === "en";
  const phone = federationPhone;
  return (
    <article className="page policy">
      {preview}
      <h1>
        <span lang="zh-CN">{doc.title}</span>
        {en ? <span className="policy__title-en">{doc.titleEn}</span> : null}
      </h1>

      <dl className="policy__meta">
        <dt>{t("policies.issuer")}</dt>
        <dd lang="zh-CN">{doc.issuer}</dd>
        {doc.docNumber ? (
          <>
            <dt>{t("policies.docNumber")}</dt>
            <dd lang="zh-CN">{doc.docNumber}</dd>
          </>
        ) : null}
        {doc.issued ? (
          <>
            <dt>{t("policies.issued")}</dt>
            <dd>
              <time dateTime={doc.issued}>{formatDate(doc.issued, locale)}</time>
            </dd>
          </>
        ) : null}
        {doc.effective ? (
          <>
            <dt>{t("policies.effective")}</dt>
            <dd>
              <time dateTime={doc.effective}>{formatDate(doc.effective, locale)}</time>
            </dd>
          </>
        ) : null}
        <dt>{t("policies.statusLabel")}</dt>
        <dd>{t(`policies.status.${doc.status}`)}</dd>
      </dl>

      {doc.status === "repealed" ? (
        <div className="notice notice--warning">
          <p>{t("policies.repealedNotice")}</p>
          {doc.supersededBy ? (
            <p>
              {t("policies.supersededBy")}
              <LocalLink to={`/policies/${doc.supersededBy.id}`}>{locale === "en" ? doc.supersededBy.titleEn : doc.supersededBy.title}</LocalLink>
            </p>
          ) : null}
        </div>
      ) : null}

      {repealedArticles.length > 0 ? (
        <section aria-labelledby="repealed-articles-heading" className="notice notice--warning">
          <h2 id="repealed-articles-heading">{t("policies.articleRepealed.heading")}</h2>
          <p>{t("policies.articleRepealed.intro")}</p>
          <ul>
            {repealedArticles.map((a) => (
              <li key={a.anchor}>
                <a href={`#${a.anchor}`} lang="zh-CN">
                  {a.citation}
                </a>
                {t("policies.articleRepealed.item", { date: formatDate(a.date, locale) })} {t("policies.articleRepealed.note")}
                <span lang={a.noteLang}>{a.note}</span>
                {a.replacedBy ? (
                  <>
                    {" "}
                    {t("policies.articleRepealed.replacedBy")}
                    <LocalLink to={a.replacedBy.href}>{a.replacedBy.label}</LocalLink>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="notice policy__notice">
        <p>{t("policies.summaryNotice")}</p>
        {doc.source ? (
          <p>
            <a href={doc.source} rel="noopener">
              {t("policies.sourceLink", { site: doc.sourceSite })}
            </a>
          </p>
        ) : null}
        <p className="meta">{t("policies.reviewed", { date: formatDate(doc.reviewed, locale) })}</p>
        <p className="meta">{doc.change ? t("policies.lastChange", { date: formatDate(doc.change.date, locale), note: doc.change.note }) : t("policies.firstPublished")}</p>
      </div>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t("policies.summaryHeading")}</h2>
        <p>{en ? doc.summaryEn : doc.summary}</p>
      </section>

      {doc.easyRead.length > 0 ? (
        <section aria-labelledby="easy-read-heading" className="easy-read">
          <h2 id="easy-read-heading">{t("policies.easyReadHeading")}</h2>
          <ul lang="zh-CN">
            {doc.easyRead.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {doc.steps.length > 0 ? (
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading">{t("policies.stepsHeading")}</h2>
          <ol className="steps">
            {doc.steps.map((step, i) => (
              <li key={step.title} className="steps__item">
                <h3>
                  <span className="steps__number">{t("policies.stepOf", { n: i + 1 })}</span>{" "}
                  <span lang="zh-CN">{step.title}</span>
                </h3>
                <p lang="zh-CN">{step.text}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {toc.length > 1 ? (
        <nav aria-labelledby="toc-heading" className="toc no-print">
          <h2 id="toc-heading">{t("policies.tocHeading")}</h2>
          <ol lang="zh-CN">
            {toc.map((entry) => (
              <li key={entry.anchor} className={entry.level > 1 ? "toc__sub" : undefined}>
                <a href={`#${entry.anchor}`}>
                  {entry.heading}
                  {entry.repealed ? <span lang={locale}>{t("policies.articleRepealed.tag")}</span> : null}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      {en ? <p className="meta">{t("policies.englishNotice")}</p> : null}
      <CopyLinkEnhancer>
        <div className="policy__body" lang="zh-CN">
          <div dangerouslySetInnerHTML={{ __html: html }} />
        </div>
      </CopyLinkEnhancer>

      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className="related">
          <h2 id="related-heading">{t("policies.relatedHeading")}</h2>
          <ul>
            {related.map((r) => (
              <li key={r.id}>
                <LocalLink to={`/policies/${r.id}`}>
                  <span lang="zh-CN">{r.title}</span>
                </LocalLink>
                {en ? <span> ({r.titleEn})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="ask-heading" className="callout no-print">
        <h2 id="ask-heading">{t("policies.askHeading")}</h2>
        <p>{t("policies.askText", { phone })}</p>
        <p>
          <LocalLink to="/assistant">{t("policies.askLink")}</LocalLink>
        </p>
      </section>
    </article>
  );
}

import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** "上一页 / 第2页，共5页 / 下一页" as plain links that keep the other query parameters. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useT();
  const { pathname, search } = useLocation();
  if (pageCount <= 1) return null;
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `${pathname}?${params}`;
  };
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev">
              {t("pagination.previous")}
            </Link>
          </li>
        ) : null}
        <li aria-current="page">{t("pagination.pageOf", { page, pages: pageCount })}</li>
        {page < pageCount ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next">
              {t("pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

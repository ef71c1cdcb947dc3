import { useT } from "~/i18n/use-t";
import type { Crumb } from "./page-handle";
import { LocalLink } from "./LocalLink";

/** "首页 › 政策法规 › 本页": the last item is the current page and is not a link. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const { t } = useT();
  if (crumbs.length === 0) return null;
  const trail: Crumb[] = [{ label: t("nav.home"), to: "/" }, ...crumbs];
  return (
    <nav aria-label={t("breadcrumb.label")} className="breadcrumbs">
      <ol>
        {trail.map((crumb, i) => {
          const last = i === trail.length - 1;
          return (
            <li key={`${crumb.label}-${i}`}>
              {last || !crumb.to ? <span aria-current={last ? "page" : undefined}>{crumb.label}</span> : <LocalLink to={crumb.to}>{crumb.label}</LocalLink>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

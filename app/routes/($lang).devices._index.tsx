import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { availabilitySummary, locationName } from "~/components/devices/availability";
import { devicesLinks } from "~/components/devices/styles";
import { LocalLink } from "~/components/LocalLink";
import type { PageHandle } from "~/components/page-handle";
import { Pagination } from "~/components/Pagination";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { deviceCategories, disabilities, qingyuanCounties, type DeviceCategory, type Disability } from "~/modules/lending/lending-constants";
import { listDeviceTypes, listPublicLocations } from "~/modules/lending/index.server";
import { parsePage } from "~/http/query-numbers";
import { metaDescription } from "~/modules/site/meta-description";

export const links = devicesLinks;
export const handle: PageHandle = {
  title: ({ t }) => t("devices.catalogue.title"),
  description: ({ t, locale }) => metaDescription(t("devices.catalogue.intro"), locale),
  crumbs: ({ t }) => [{ label: t("devices.catalogue.title") }],
};

const pageSize = 12;

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const search = new URL(request.url).searchParams;
  const category = search.get("category") ?? "";
  const disability = search.get("disability") ?? "";
  const q = (search.get("q") ?? "").trim().slice(0, 100);
  const filters = {
    category: (deviceCategories as readonly string[]).includes(category) ? (category as DeviceCategory) : undefined,
    disability: (disabilities as readonly string[]).includes(disability) ? (disability as Disability) : undefined,
    q,
  };
  const all = await listDeviceTypes(getDb(), filters);
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const page = Math.min(parsePage(search), pageCount);
  const locations = await listPublicLocations(getDb());
  return {
    filters: { category: filters.category ?? "", disability: filters.disability ?? "", q },
    items: all.slice((page - 1) * pageSize, page * pageSize),
    total: all.length,
    page,
    pageCount,
    locations,
  };
}

export default function DeviceCatalogue() {
  const { t, locale } = useT();
  const { href } = useLocale();
  const { filters, items, total, page, pageCount, locations } = useLoaderData<typeof loader>();
  const en = locale === "en";
  const filtered = Boolean(filters.category || filters.disability || filters.q);
  const pointCounties = new Set(locations.map((l) => l.county.zh));
  const otherCounties = qingyuanCounties.filter((c) => !pointCounties.has(c.zh)).map((c) => (en ? c.en : c.zh));

  return (
    <div className="page page--narrow">
      <h1>{t("devices.catalogue.title")}</h1>
      <p className="lead">{t("devices.catalogue.intro")}</p>
      <p>{t("devices.catalogue.ownService")}</p>
      <ul>
        <li>
          <LocalLink to="/devices/request">{t("devices.catalogue.statusLink")}</LocalLink>
        </li>
        <li>
          <LocalLink to="/devices/renew">{t("devices.catalogue.renewLink")}</LocalLink>
        </li>
        <li>
          <a href="#lending-points">{t("devices.catalogue.pointsLink")}</a>
        </li>
      </ul>

      <Form method="get" action={href("/devices")} className="filters" aria-labelledby="device-filters-heading">
        <h2 id="device-filters-heading" className="visually-hidden">
          {t("devices.catalogue.filtersHeading")}
        </h2>
        <div className="field field--inline">
          <label className="field__label" htmlFor="filter-q">
            {t("devices.catalogue.searchLabel")}
          </label>
          <p className="field__hint" id="filter-q-hint">
            {t("devices.catalogue.searchHint")}
          </p>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q} aria-describedby="filter-q-hint" />
        </div>
        <div className="field field--inline">
          <label className="field__label" htmlFor="filter-category">
            {t("devices.catalogue.categoryLabel")}
          </label>
          <select id="filter-category" name="category" defaultValue={filters.category}>
            <option value="">{t("devices.catalogue.any")}</option>
            {deviceCategories.map((c) => (
              <option key={c} value={c}>
                {t(`devices.categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label className="field__label" htmlFor="filter-disability">
            {t("devices.catalogue.disabilityLabel")}
          </label>
          <select id="filter-disability" name="disability" defaultValue={filters.disability}>
            <option value="">{t("devices.catalogue.any")}</option>
            {disabilities.map((d) => (
              <option key={d} value={d}>
                {t(`devices.disabilities.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="button-row">
          <button type="submit" className="button">
            {t("devices.catalogue.apply")}
          </button>
          {filtered ? <LocalLink to="/devices">{t("devices.catalogue.clear")}</LocalLink> : null}
        </p>
      </Form>

      <p role="status" className="result-count">
        {pageCount > 1 ? t("devices.catalogue.countPage", { n: total, page, pages: pageCount }) : t("devices.catalogue.count", { n: total })}
      </p>
      {items.length === 0 ? (
        <p>{t("devices.catalogue.none")}</p>
      ) : (
        <ul className="device-list">
          {items.map((d) => (
            <li key={d.id} className="device-card">
              <img src={d.image} alt="" width={96} height={96} />
              <div>
                <h2>
                  <LocalLink to={`/devices/${d.id}`}>{en ? d.name.en : d.name.zh}</LocalLink>
                </h2>
                <p>
                  <span className="tag">{t(`devices.categories.${d.category}`)}</span>
                  <span className="tag">{t(`devices.modes.${d.mode}`)}</span>
                </p>
                <p>{t("devices.catalogue.servesLine", { list: d.disabilities.map((x) => t(`devices.disabilities.${x}`)).join(t("devices.listSeparator")) })}</p>
                <p>{en ? d.audience.en : d.audience.zh}</p>
                <p>
                  <strong>{availabilitySummary(t, d)}</strong>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />

      <h2 id="lending-points">{t("devices.catalogue.pointsHeading")}</h2>
      <ul>
        {locations.map((l) => (
          <li key={l.id}>
            <strong>{locationName(t, locale, l)}</strong>
            {t("devices.listColon")}
            {en ? l.note.en : l.note.zh}
          </li>
        ))}
      </ul>
      <p>{t("devices.catalogue.otherCounties", { counties: otherCounties.join(t("devices.listSeparator")) })}</p>
      <p>{t("devices.catalogue.subsidyNote")}</p>
    </div>
  );
}

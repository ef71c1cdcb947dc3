import { LocalNavLink } from "../LocalLink";
import { useT } from "~/i18n/use-t";

/** The lending staff pages: requests, loans, units, intake, stocktake, ledger. */
const sections = [
  { to: "/admin/devices", key: "queue" },
  { to: "/admin/devices/loans", key: "loans" },
  { to: "/admin/devices/units", key: "units" },
  { to: "/admin/devices/intake", key: "intake" },
  { to: "/admin/devices/stocktake", key: "stocktake" },
  { to: "/admin/devices/ledger", key: "ledger" },
] as const;

export function DevicesAdminNav() {
  const { t } = useT();
  return (
    <nav aria-label={t("devices.admin.navLabel")} className="subnav">
      <ul>
        {sections.map((s) => (
          <li key={s.to}>
            <LocalNavLink to={s.to} end>
              {t(`devices.admin.nav.${s.key}`)}
            </LocalNavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

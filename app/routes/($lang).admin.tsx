import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Outlet, useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { CompactMenu } from "~/components/CompactMenu";
import { LocalNavLink } from "~/components/LocalLink";
import { useLocale } from "~/components/use-locale";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { hasRole, type StaffRole } from "~/modules/staff/roles";
import { requireStaff } from "~/modules/staff/index.server";
import type { MessageKey } from "~/i18n/keys";

export const handle: AdminHandle = { staffRole: "any", title: ({ t }) => t("admin.title") };

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const { user } = await requireStaff(request, "any");
  return { user: { displayName: user.displayName, roles: user.roles } };
}

/** Admin areas, each shown only to the roles that may use it. */
const areas: Array<{ to: string; key: "dashboard" | "feedback" | "assistant" | "cinema" | "devices" | "users" | "audit"; role: StaffRole | "any"; labelKey?: MessageKey }> = [
  { to: "/admin", key: "dashboard", role: "any" },
  { to: "/admin/feedback", key: "feedback", role: "content" },
  { to: "/admin/assistant", key: "assistant", role: "content" },
  { to: "/admin/content", key: "dashboard", labelKey: "admin.editor.nav", role: "content" },
  { to: "/admin/cinema", key: "cinema", role: "cinema" },
  { to: "/admin/devices", key: "devices", role: "lending" },
  { to: "/admin/home-modification", key: "dashboard", labelKey: "homeMod.admin.nav", role: "lending" },
  { to: "/admin/library", key: "dashboard", labelKey: "centre.admin.navLibrary", role: "content" },
  { to: "/admin/activities", key: "dashboard", labelKey: "centre.admin.navActivities", role: "content" },
  { to: "/admin/users", key: "users", role: "admin" },
  { to: "/admin/audit", key: "audit", role: "admin" },
  { to: "/admin/messages", key: "dashboard", labelKey: "messages.admin.nav", role: "admin" },
];

export default function AdminLayout() {
  const { t } = useT();
  const { href } = useLocale();
  const { user } = useLoaderData<typeof loader>();
  return (
    <div className="admin">
      <div className="admin-bar page">
        <CompactMenu label={t("admin.menu")}>
          <p>{t("admin.signedInAs", { name: user.displayName })}</p>
          <nav aria-label={t("admin.nav")} className="admin-nav">
            <ul>
              {areas
                .filter((a) => hasRole(user.roles, a.role))
                .map((a) => (
                  <li key={a.to}>
                    <LocalNavLink to={a.to} end={a.to === "/admin"}>
                      {a.labelKey ? t(a.labelKey) : t(`admin.${a.key}`)}
                    </LocalNavLink>
                  </li>
                ))}
            </ul>
          </nav>
          <Form method="post" action={href("/logout")}>
            <button type="submit" className="button button--secondary">
              {t("admin.logout")}
            </button>
          </Form>
        </CompactMenu>
      </div>
      <Outlet />
    </div>
  );
}

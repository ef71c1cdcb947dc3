import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { useLocale } from "~/components/use-locale";
import { useReportFormErrors } from "~/components/use-form-errors-state";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { plainText } from "~/modules/privacy/text-fields";
import { staffRoles } from "~/modules/staff/roles";
import { actorOf, listStaffUsers, requireStaff, updateStaffUser } from "~/modules/staff/index.server";

export const handle: AdminHandle = {
  staffRole: "admin",
  title: ({ t }) => t("admin.users"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard"), to: "/admin" }, { label: t("admin.users") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const { user } = await requireStaff(request, "admin");
  return { users: await listStaffUsers(getDb()), me: user.id };
}

const changeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("roles"), userId: plainText({ max: 80, min: 1 }), roles: z.array(z.enum(staffRoles)).min(1) }),
  z.object({ intent: z.literal("active"), userId: plainText({ max: 80, min: 1 }), active: z.enum(["0", "1"]) }),
]);

export async function action({ params, request }: ActionFunctionArgs) {
  routeLocale(params);
  const session = await requireStaff(request, "admin");
  const form = await readFormData(request);
  const parsed = changeSchema.safeParse({ ...Object.fromEntries(form), roles: form.getAll("roles") });
  if (!parsed.success) return data({ hasErrors: true, message: "badRequest" as const }, { status: 400 });
  const change = parsed.data;
  if (change.intent === "active" && change.active === "0" && change.userId === session.user.id) {
    return data({ hasErrors: true, message: "cannotSelf" as const }, { status: 400 });
  }
  const actor = actorOf(session);
  if (change.intent === "roles") await updateStaffUser(getDb(), actor, change.userId, { roles: change.roles });
  else await updateStaffUser(getDb(), actor, change.userId, { active: change.active === "1" });
  return { hasErrors: false, message: "updated" as const };
}

export default function Users() {
  const { t } = useT();
  const { href } = useLocale();
  const { users, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // Its errors are in the notice, not an error summary: the title says so too.
  useReportFormErrors(Boolean(result?.hasErrors));
  const message =
    result?.message === "updated" ? t("admin.updated") : result?.message === "cannotSelf" ? t("admin.cannotSelf") : result ? t("errors.badRequest") : null;
  return (
    <div className="page">
      <h1>{t("admin.users")}</h1>
      {message ? (
        <div className={`notice ${result?.hasErrors ? "notice--error" : "notice--success"}`} role={result?.hasErrors ? "alert" : "status"}>
          <p>{message}</p>
        </div>
      ) : null}
      <p>{t("admin.usersIntro")}</p>
      <div className="table-wrap">
        <table>
          <caption>{t("admin.usersCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.colUser")}</th>
              <th scope="col">{t("admin.colName")}</th>
              <th scope="col">{t("admin.colRoles")}</th>
              <th scope="col">{t("admin.colStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.username}</th>
                <td>{u.displayName}</td>
                <td>
                  <Form method="post" action={href("/admin/users")}>
                    <input type="hidden" name="intent" value="roles" />
                    <input type="hidden" name="userId" value={u.id} />
                    <fieldset>
                      <legend className="visually-hidden">{t("admin.rolesLegend", { name: u.username })}</legend>
                      {staffRoles.map((role) => (
                        <div className="checkbox" key={role}>
                          <input type="checkbox" id={`role-${u.id}-${role}`} name="roles" value={role} defaultChecked={u.roles.includes(role)} />
                          <label htmlFor={`role-${u.id}-${role}`}>{t(`admin.roles.${role}`)}</label>
                        </div>
                      ))}
                    </fieldset>
                    <button type="submit" className="button button--secondary button--small">
                      {t("admin.saveRoles", { name: u.username })}
                    </button>
                  </Form>
                </td>
                <td>
                  <p>{u.active ? t("admin.active") : t("admin.inactive")}</p>
                  {u.id !== me ? (
                    <Form method="post" action={href("/admin/users")}>
                      <input type="hidden" name="intent" value="active" />
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="active" value={u.active ? "0" : "1"} />
                      <button type="submit" className="button button--secondary button--small">
                        {u.active ? t("admin.deactivate", { name: u.username }) : t("admin.activate", { name: u.username })}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

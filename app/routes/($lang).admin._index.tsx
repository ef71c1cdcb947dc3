import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { AdminHandle } from "~/components/admin-handle";
import { LocalLink } from "~/components/LocalLink";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { staffTodos } from "~/modules/dashboard/todos.server";
import { requireStaff } from "~/modules/staff/index.server";
import { hasRole } from "~/modules/staff/roles";

export const handle: AdminHandle = {
  staffRole: "any",
  title: ({ t }) => t("admin.dashboard"),
  crumbs: ({ t }) => [{ label: t("admin.dashboard") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  const { user } = await requireStaff(request, "any");
  return { todo: await staffTodos(getDb(), user.roles), retrievalTest: hasRole(user.roles, "content") };
}

export default function Dashboard() {
  const { t } = useT();
  const { todo, retrievalTest } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("admin.dashboard")}</h1>
      <h2>{t("admin.todoHeading")}</h2>
      {todo.every((item) => item.count === 0) ? <p>{t("admin.noTodo")}</p> : null}
      <ul className="todo-list">
        {todo.map((item) => (
          <li key={item.key}>
            <LocalLink to={item.to}>{t(`admin.todo.${item.key}`, { count: item.count })}</LocalLink>
          </li>
        ))}
      </ul>
      {retrievalTest ? (
        <>
          <h2>{t("admin.toolsHeading")}</h2>
          <ul>
            <li>
              <LocalLink to="/admin/assistant/retrieval-test">{t("assistant.hitTest.dashboardLink")}</LocalLink>
            </li>
          </ul>
        </>
      ) : null}
    </div>
  );
}

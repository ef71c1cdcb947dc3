import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useSearchParams } from "@remix-run/react";
import type { PageHandle } from "~/components/page-handle";
import { useLocale } from "~/components/use-locale";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { localePath } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { getDb } from "~/modules/db/index.server";
import { currentStaff, endSession } from "~/modules/staff/index.server";

export const handle: PageHandle = {
  title: ({ t }) => t("logout.title"),
  crumbs: ({ t }) => [{ label: t("logout.title") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

/** Signing out is a POST (no mutating GETs); "everywhere" ends every session of the account. */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = routeLocale(params);
  const form = await readFormData(request);
  const session = await currentStaff(getDb(), request);
  const everywhere = form.get("intent") === "everywhere";
  const cookie = await endSession(getDb(), request, session, everywhere);
  return redirect(`${localePath("/logout", locale)}?done=1`, { headers: { "Set-Cookie": cookie } });
}

export default function Logout() {
  const { t } = useT();
  const { href } = useLocale();
  const [params] = useSearchParams();
  return (
    <div className="page page--narrow">
      <h1>{t("logout.title")}</h1>
      {params.get("done") ? (
        <p role="status">{t("logout.done")}</p>
      ) : (
        <>
          <p>{t("logout.intro")}</p>
          <Form method="post" action={href("/logout")} className="button-row">
            <button type="submit" className="button" name="intent" value="this">
              {t("logout.submit")}
            </button>
            <button type="submit" className="button button--secondary" name="intent" value="everywhere">
              {t("logout.everywhere")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

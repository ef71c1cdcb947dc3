import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { PageHandle } from "~/components/page-handle";
import { PolicyList } from "~/components/policies/PolicyList";
import { policyListData } from "~/http/policy-list.server";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { metaDescription } from "~/modules/site/meta-description";

export const handle: PageHandle = {
  title: ({ t }) => t("policies.guidesTitle"),
  description: ({ t, locale }) => metaDescription(t("policies.guidesIntro"), locale),
  crumbs: ({ t }) => [{ label: t("policies.guidesTitle") }],
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  return policyListData(request, "guide");
}

export default function Guides() {
  const { t } = useT();
  const data = useLoaderData<typeof loader>();
  return <PolicyList path="/guides" heading={t("policies.guidesTitle")} intro={t("policies.guidesIntro")} {...data} />;
}

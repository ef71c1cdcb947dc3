import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { PageHandle } from "~/components/page-handle";
import { PolicyList } from "~/components/policies/PolicyList";
import { policyListData } from "~/http/policy-list.server";
import { routeLocale } from "~/http/route-locale";
import { useT } from "~/i18n/use-t";
import { policyFeedPath } from "~/modules/content/feed";
import { metaDescription } from "~/modules/site/meta-description";

export const handle: PageHandle = {
  title: ({ t }) => t("policies.title"),
  description: ({ t, locale }) => metaDescription(t("policies.intro"), locale),
  crumbs: ({ t }) => [{ label: t("policies.title") }],
  feed: ({ t }) => ({ path: policyFeedPath, title: t("site.feedTitle") }),
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  return policyListData(request);
}

export default function Policies() {
  const { t } = useT();
  const data = useLoaderData<typeof loader>();
  return <PolicyList path="/policies" heading={t("policies.title")} intro={t("policies.intro")} feedPath={policyFeedPath} {...data} />;
}

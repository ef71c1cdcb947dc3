import type { LoaderFunctionArgs } from "@remix-run/node";
import { useT } from "~/i18n/use-t";
import type { PageHandle } from "~/components/page-handle";
import { ServicePending } from "~/components/ServicePending";
import { routeLocale } from "~/http/route-locale";

export const handle: PageHandle = {
  title: ({ t }) => t("nav.assistant"),
  crumbs: ({ t }) => [{ label: t("nav.assistant") }],
};

export async function loader({ params }: LoaderFunctionArgs) {
  routeLocale(params);
  return null;
}

export default function Page() {
  const { t } = useT();
  return <ServicePending name={t("nav.assistant")} />;
}

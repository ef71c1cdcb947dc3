import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { PageHandle } from "~/components/page-handle";
import { PolicyDocument } from "~/components/policies/PolicyDocument";
import { policyPageData } from "~/http/policy-page.server";
import { routeLocale } from "~/http/route-locale";
import { getDocument } from "~/modules/content/index.server";
import { metaDescription } from "~/modules/site/meta-description";

type Data = ReturnType<typeof policyPageData>;

export const handle: PageHandle = {
  title: ({ data, locale }) => {
    const doc = (data as Data | undefined)?.doc;
    return doc ? (locale === "en" ? doc.titleEn : doc.title) : "";
  },
  description: ({ data, locale }) => {
    const doc = (data as Data | undefined)?.doc;
    return doc ? metaDescription(locale === "en" ? doc.summaryEn : doc.summary, locale) : "";
  },
  crumbs: ({ t, data, locale }) => {
    const doc = (data as Data | undefined)?.doc;
    const list = doc?.type === "guide" ? { label: t("policies.guidesTitle"), to: "/guides" } : { label: t("policies.title"), to: "/policies" };
    return [list, { label: doc ? (locale === "en" ? doc.titleEn : doc.title) : "" }];
  },
};

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = routeLocale(params);
  const doc = getDocument(params.id ?? "");
  if (!doc) throw new Response("Not Found", { status: 404 });
  return policyPageData(doc, locale);
}

export default function PolicyDocumentPage() {
  return <PolicyDocument data={useLoaderData<typeof loader>()} />;
}

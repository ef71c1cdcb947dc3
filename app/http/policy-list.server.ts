import { z } from "zod";
import { parsePage } from "./query-numbers";
import { audienceIds, docTypes, listDocuments, topicIds, type DocType } from "~/modules/content/index.server";

/** Filters from the query string; anything unknown is ignored rather than an error (links get mangled). */
const filtersSchema = z.object({
  type: z.enum(docTypes).optional().catch(undefined),
  topic: z.enum(topicIds).optional().catch(undefined),
  audience: z.enum(audienceIds).optional().catch(undefined),
});

/** The data of a policy list page (/policies, or /guides with the type fixed). */
export function policyListData(request: Request, fixedType?: DocType) {
  const search = new URL(request.url).searchParams;
  const filters = filtersSchema.parse(Object.fromEntries(search));
  const type = fixedType ?? filters.type;
  const result = listDocuments({ type, topic: filters.topic, audience: filters.audience, page: parsePage(search), pageSize: 20 });
  return {
    filters: { type: type ?? "", topic: filters.topic ?? "", audience: filters.audience ?? "" },
    fixedType: fixedType ?? null,
    items: result.items,
    total: result.total,
    page: result.page,
    pageCount: result.pageCount,
  };
}

import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import type { AdminHandle } from "~/components/admin-handle";
import { readFormData } from "~/http/form-data.server";
import { routeLocale } from "~/http/route-locale";
import { bodyPreviewHtml, bodyPreviewMax } from "~/modules/content/editorial.server";
import { requireStaff } from "~/modules/staff/index.server";

/** The edit form's live preview of the body (POST body=…): the HTML the public page would show. Nothing is stored. */
export const handle: AdminHandle = { staffRole: "content", title: ({ t }) => t("admin.editor.livePreview") };

export async function loader({ params, request }: LoaderFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  throw new Response("Not Found", { status: 404 });
}

// raw: the body is Markdown as typed, rendered with raw HTML escaped (markdown.server.ts)
const previewForm = z.object({ body: z.string().max(bodyPreviewMax) });

export async function action({ params, request }: ActionFunctionArgs) {
  routeLocale(params);
  await requireStaff(request, "content");
  const parsed = previewForm.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data({ html: null }, { status: 400 });
  return data({ html: bodyPreviewHtml(parsed.data.body) });
}

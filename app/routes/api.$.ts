import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiNotFound } from "~/http/api.server";

/** Unknown API addresses answer JSON, not the HTML 404 page. */
export async function loader({ request }: LoaderFunctionArgs) {
  return apiNotFound(request);
}

export async function action({ request }: LoaderFunctionArgs) {
  return apiNotFound(request);
}

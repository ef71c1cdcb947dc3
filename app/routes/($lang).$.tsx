/** Any address that is not a page: a localized, accessible 404 (rendered by the root ErrorBoundary). */
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}

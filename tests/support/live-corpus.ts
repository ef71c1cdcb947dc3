/** What a portal answers now about one document: its page's status, whether the search lists it, whether the assistant cites it. */
export interface DocumentSeen {
  page: number;
  search: boolean;
  cited: boolean;
}

export async function documentSeen(baseUrl: string, id: string, words: string, question: string): Promise<DocumentSeen> {
  const page = await fetch(`${baseUrl}/policies/${id}`);
  await page.arrayBuffer();
  const search = await (await fetch(`${baseUrl}/search?q=${encodeURIComponent(words)}`)).text();
  const chat = await (
    await fetch(`${baseUrl}/api/v1/chat`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ question }) })
  ).json();
  return {
    page: page.status,
    search: search.includes(`/policies/${id}`),
    cited: (chat.citations as Array<{ url: string }>).some((c) => c.url.includes(`/policies/${id}`)),
  };
}

/**
 * Waits until `check` gives `expected` six times running — over several workers or instances, every one of them
 * several times — and fails with the last answer after `timeoutMs`.
 */
export async function untilSeenEverywhere<T>(check: () => Promise<T>, expected: T, timeoutMs = 20_000, context = () => ""): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let streak = 0;
  while (streak < 6) {
    const last = await check();
    streak = JSON.stringify(last) === JSON.stringify(expected) ? streak + 1 : 0;
    if (streak < 6 && Date.now() > deadline) throw new Error(`not seen within ${timeoutMs} ms: ${JSON.stringify(last)}\n${context()}`);
  }
}

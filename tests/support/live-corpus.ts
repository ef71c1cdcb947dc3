import fs from "node:fs";
import path from "node:path";

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

/**
 * The assistant's saved indexes (data/index/<hash>) that appear from now on, to be removed at the end: a test that
 * re-indexes a corpus of its own leaves no 12 MB directory per run behind. Returns the clean-up.
 */
export function removeNewIndexesLater(root = process.cwd()): () => void {
  const dir = path.join(root, "data", "index");
  const before = new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : []);
  return () => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (!before.has(entry)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
  };
}

/** A document number no earlier run used: a test's document then names an index of its own, built, not loaded. */
export const freshDocNumber = () => `清残联〔2026〕${Date.now() % 1_000_000}号`;

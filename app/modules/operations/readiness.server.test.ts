import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb } from "../../../tests/support/test-db";
import type { Connection } from "~/modules/db/index.server";
import { indexStatus } from "~/modules/search/index.server";
import { checkReadiness } from "./readiness.server";

const assistantIndex = vi.hoisted(() => ({ current: Promise.resolve({ chunks: [{}, {}, {}] }) as Promise<unknown> }));
vi.mock("~/modules/assistant/vector-index.server", () => ({ getAssistantIndex: () => assistantIndex.current }));

describe("readiness", () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await createTestDb();
    // The search index is built once, before the checks are timed (a server builds it at start): built inside the
    // first check, under a loaded machine, its seconds of CPU held the event loop past the database check's limit.
    await indexStatus();
  });
  afterAll(async () => conn.db.destroy());

  it("is ready when the database answers and both indexes are loaded", async () => {
    const readiness = await checkReadiness(conn);
    expect(readiness).toMatchObject({ ready: true, missing: [], database: { kind: conn.kind, answers: true }, index: { assistantChunks: 3 } });
    expect(readiness.index.documents).toBeGreaterThan(0);
    expect(readiness.index.chunks).toBeGreaterThan(0);
  });

  it("says what is missing: an assistant index that fails to load, a database that does not answer", async () => {
    assistantIndex.current = Promise.reject(new Error("no index on disk"));
    assistantIndex.current.catch(() => {});
    expect(await checkReadiness(conn)).toMatchObject({ ready: false, missing: ["index"], database: { answers: true }, index: { assistantChunks: null } });

    const gone = await createTestDb();
    await gone.db.destroy();
    expect(await checkReadiness(gone)).toMatchObject({ ready: false, missing: ["database", "index"], database: { answers: false } });
  });
});

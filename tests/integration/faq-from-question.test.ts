import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askAssistant, listUnanswered } from "~/modules/assistant/assistant.server";
import { buildAssistantIndex } from "~/modules/assistant/vector-index.server";
import { importKnowledge, loadDatabaseCorpus } from "~/modules/content/documents.server";
import { approveAndPublish, requestReview, saveDraft } from "~/modules/content/editorial.server";
import type { Connection } from "~/modules/db/index.server";
import { cliActor, createStaffUser, type Actor } from "~/modules/staff/index.server";
import { chessNotice, noticeFormValues, testNoticeMeta } from "../fixtures/test-notice";
import { createTestDb } from "../support/test-db";

/**
 * Closing the loop with a new FAQ (issue 16, item 5c): a question the assistant cannot answer is on the unanswered
 * list; an editor starts an FAQ from it in the console (the question is its first "question people ask"), a second
 * editor approves and publishes it, and the assistant — asked of the published documents — now answers it, citing
 * the FAQ. Through the modules the console's routes call (new FAQ: saveDraft with `create.question`).
 */
describe("an unanswered question becomes a published FAQ that the assistant cites", () => {
  let conn: Connection;
  let editor: Actor;
  let reviewer: Actor;
  const id = "blind-chess-faq";
  const { question } = chessNotice(id);
  /** The assistant over what is published in the database now (indexes built from it, as a start or a swap does). */
  const ask = async (minute: number) => {
    const index = await buildAssistantIndex(await loadDatabaseCorpus(conn.db), { hash: `faq-loop-${minute}` });
    return askAssistant({ question, locale: "zh-CN" }, { index, db: conn.db, conversationId: `faq-loop-${minute}`, chatModel: null, now: new Date(Date.UTC(2026, 11, 4, 9, minute)) });
  };

  beforeAll(async () => {
    conn = await createTestDb();
    await importKnowledge(conn.db, path.resolve("knowledge"));
    const a = await createStaffUser(conn.db, cliActor, { username: "faq-editor", displayName: "编辑甲", password: "a long enough password", roles: ["content"] });
    const b = await createStaffUser(conn.db, cliActor, { username: "faq-reviewer", displayName: "编辑乙", password: "a long enough password", roles: ["content"] });
    editor = { id: a.id, username: a.username };
    reviewer = { id: b.id, username: b.username };
  });
  afterAll(async () => {
    await conn.db.destroy();
  });

  it("refused today and listed; drafted as an FAQ from the list, approved by a second editor, published, then answered citing it", async () => {
    // Today: no answer, and the question is on the editors' unanswered list.
    const before = await ask(1);
    expect(before.grounded).toBe(false);
    expect(before.citations.some((c) => c.url.startsWith(`/policies/${id}`))).toBe(false);
    const listed = (await listUnanswered(conn.db)).items.find((i) => i.question === question);
    expect(listed).toBeDefined();

    // "Start a new FAQ" from the list: a draft whose first question people ask is the listed one. Not public yet.
    const meta = testNoticeMeta(id, {
      title: "2026年盲人象棋比赛的时间和报名",
      titleEn: "The 2026 chess contest for blind people: when, and how to sign up",
      type: "faq",
      audience: ["visual"],
      summary: "盲人象棋比赛于2026年12月20日在市残疾人综合服务中心举行，12月15日前打电话报名。",
      summaryEn: "The chess contest for blind people is on 20 December 2026 at the city's disability service centre; sign up by phone by 15 December.",
    });
    const values = noticeFormValues(meta, chessNotice(id).body);
    const saved = await saveDraft(conn.db, editor, { values, create: { type: "faq", question: { text: listed!.question, locale: listed!.locale === "en" ? "en" : "zh-CN" } } });
    expect(saved).toEqual({ ok: true, id, revision: 1 });
    expect((await loadDatabaseCorpus(conn.db)).documents.some((d) => d.id === id)).toBe(false);

    // Two-person rule: the author asks for review and cannot approve; a second editor approves and publishes.
    expect(await requestReview(conn.db, editor, id, 1)).toMatchObject({ ok: true });
    expect(await approveAndPublish(conn.db, editor, id, 1)).toEqual({ ok: false, reason: "ownDraft" });
    expect(await approveAndPublish(conn.db, reviewer, id, 1)).toMatchObject({ ok: true });
    const published = (await loadDatabaseCorpus(conn.db)).documents.find((d) => d.id === id);
    expect(published).toMatchObject({ type: "faq", questions: { zh: [question] } });
    const audit = await conn.db.selectFrom("audit_log").select(["action", "username"]).where("target_id", "=", id).execute();
    expect(audit).toContainEqual({ action: "content.publish", username: "faq-reviewer" });

    // Now the assistant answers it, citing the new FAQ.
    const after = await ask(2);
    expect(after.grounded).toBe(true);
    expect(after.citations[0]?.url).toMatch(new RegExp(`^/policies/${id}(#|$)`));
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerNow, answerNowWithSections, answerWithCorpus } from "~/modules/assistant/question-loop.server";
import type { Connection } from "~/modules/db/index.server";
import type { Corpus } from "./corpus.server";
import { cliActor, createStaffUser, type Actor } from "~/modules/staff/index.server";
import { createTestDb } from "../../../tests/support/test-db";
import { corpusVersion, getStoredDocument, getWorkingCopy, importKnowledge, loadDatabaseCorpus } from "./documents.server";
import { addQuestionPeopleAsk, approveAndPublish, getPendingReview, listEditorialDocuments, requestReview } from "./editorial.server";

/**
 * "Add as a question people ask" (issue 16, item 5a): from an unanswered question, one of the retrieval's best
 * sections of a published document takes it in front matter `questions:` — as a draft beside the live text, which
 * is reviewed and approved like any draft; "test with this change" answers it from indexes built with the draft.
 */
describe("a question people ask, from the unanswered list", () => {
  let conn: Connection;
  let editor: Actor;
  let reviewer: Actor;
  const question = "残废证怎么办理";
  const guide = "disability-certificate-guide";
  const section = "s-4";
  /** The Chinese questions people ask of the guide's section in a corpus (what the pages and the index read). */
  const sectionQuestions = (corpus: Corpus) => corpus.documents.find((d) => d.id === guide)?.sections.find((x) => x.anchor === section)?.questions.zh;

  beforeAll(async () => {
    conn = await createTestDb();
    await importKnowledge(conn.db);
    const a = await createStaffUser(conn.db, cliActor, { username: "qpa-editor", displayName: "编辑甲", password: "a long enough password", roles: ["content"] });
    const b = await createStaffUser(conn.db, cliActor, { username: "qpa-reviewer", displayName: "编辑乙", password: "a long enough password", roles: ["content"] });
    editor = { id: a.id, username: a.username };
    reviewer = { id: b.id, username: b.username };
  });
  afterAll(async () => {
    await conn.db.destroy();
  });

  it("offers the retrieval's best sections of published documents, each once; looked up with other words when it finds none", async () => {
    expect(await answerNowWithSections(question, "zh-CN")).toMatchObject({ now: { answered: false }, sections: [] });
    const found = await answerNowWithSections(question, "zh-CN", "残疾人证怎么办理");
    expect(found?.now.answered).toBe(false);
    expect(found?.sections.map((s) => s.url)).toContain(`/policies/${guide}#${section}`);
    expect(found?.sections.length).toBeGreaterThan(0);
    expect(found!.sections.length).toBeLessThanOrEqual(5);
    const keys = found!.sections.map((s) => `${s.docId}#${s.anchor}`);
    expect(new Set(keys).size).toBe(keys.length);
  }, 30_000);

  it("adds the question to that section as a draft beside the live text: the public keeps the live one, a test with the draft answers it", async () => {
    const version = await corpusVersion(conn.db);
    const added = await addQuestionPeopleAsk(conn.db, editor, { id: guide, anchor: section, question, locale: "zh-CN" });
    expect(added).toMatchObject({ ok: true, id: guide });
    const working = await getWorkingCopy(conn.db, guide);
    expect(working?.doc.meta.questions?.[section]?.zh).toContain(question);
    // The live row, and so the pages, the search and the assistant, are unchanged; the corpus version did not move.
    expect((await getStoredDocument(conn.db, guide))?.meta.questions?.[section]?.zh ?? []).not.toContain(question);
    expect(await corpusVersion(conn.db)).toBe(version);
    expect((await listEditorialDocuments(conn.db)).find((d) => d.id === guide)?.state).toBe("edited");
    const audit = await conn.db.selectFrom("audit_log").select(["action", "detail"]).where("target_id", "=", guide).execute();
    expect(audit).toContainEqual({ action: "content.question.add", detail: `${section}, revision ${added.ok ? added.revision : 0}` });

    // "Test with this change": the corpus with the draft applied answers it, citing the guide; the served one still refuses.
    const withDraft = await answerWithCorpus(question, "zh-CN", await loadDatabaseCorpus(conn.db, undefined, { draftOf: guide }));
    expect(withDraft?.answered).toBe(true);
    expect(withDraft?.citation?.url).toMatch(new RegExp(`^/policies/${guide}`));
    expect((await answerNow(question, "zh-CN"))?.answered).toBe(false);
    const live = await loadDatabaseCorpus(conn.db);
    expect(sectionQuestions(live) ?? []).not.toContain(question);
  }, 60_000);

  it("refuses the same question twice, a section the document lacks, and a document that is not published", async () => {
    expect(await addQuestionPeopleAsk(conn.db, editor, { id: guide, anchor: section, question, locale: "zh-CN" })).toEqual({ ok: false, reason: "already" });
    const missing = await addQuestionPeopleAsk(conn.db, editor, { id: guide, anchor: "s-99", question: "别的问题", locale: "zh-CN" });
    expect(missing).toMatchObject({ ok: false, reason: "invalid" });
    expect(await addQuestionPeopleAsk(conn.db, editor, { id: "no-such-document", anchor: null, question, locale: "zh-CN" })).toEqual({ ok: false, reason: "notFound" });
    // An English question goes under en.
    const en = await addQuestionPeopleAsk(conn.db, editor, { id: guide, anchor: null, question: "how do I get a disability card", locale: "en" });
    expect(en.ok).toBe(true);
    expect((await getWorkingCopy(conn.db, guide))?.doc.meta.questions?._doc?.en).toContain("how do I get a disability card");
  });

  it("goes through review like any draft: a second person approves, then the public corpus has it", async () => {
    const working = await getWorkingCopy(conn.db, guide);
    expect(await requestReview(conn.db, editor, guide, working!.doc.revision)).toMatchObject({ ok: true });
    expect(await getPendingReview(conn.db, guide)).toMatchObject({ revision: working!.doc.revision });
    expect(await approveAndPublish(conn.db, editor, guide, working!.doc.revision)).toEqual({ ok: false, reason: "ownDraft" });
    expect(await approveAndPublish(conn.db, reviewer, guide, working!.doc.revision)).toMatchObject({ ok: true });
    const live = await loadDatabaseCorpus(conn.db);
    expect(sectionQuestions(live)).toContain(question);
  });
});

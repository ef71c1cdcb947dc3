import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "~/modules/db/index.server";
import { cliActor, createStaffUser, type Actor } from "~/modules/staff/index.server";
import { chessNotice, noticeFormValues } from "../../../tests/fixtures/test-notice";
import { createTestDb } from "../../../tests/support/test-db";
import { parseDocumentSource } from "./corpus.server";
import { parseMarkdownStructure } from "./structure";
import { corpusVersion, getStoredDocument, loadDatabaseCorpus, saveDocument, storedText } from "./documents.server";
import {
  approveAndPublish,
  bodyPreviewHtml,
  documentHistory,
  formValuesOf,
  getEditableDocument,
  getPendingReview,
  listEditorialDocuments,
  previewDocument,
  requestReview,
  restoreVersion,
  saveDraft,
  versionDiff,
  type DraftFormValues,
} from "./editorial.server";

/** The console's drafts (issue 16, items 2–3): saved through the one schema, never public, audited, stale saves refused. */
describe("drafts in the staff console", () => {
  let conn: Connection;
  let editor: Actor;
  let reviewer: Actor;
  const { meta, body } = chessNotice("editorial-chess");
  const form: DraftFormValues = {
    ...noticeFormValues(meta, body.replace(/\n/g, "\r\n")),
    easyRead: "12月20日比赛。\n12月15日前报名，打电话。",
    docNumber: "",
  };

  beforeAll(async () => {
    conn = await createTestDb();
    const user = await createStaffUser(conn.db, cliActor, { username: "editor1", displayName: "编辑甲", password: "a long enough password", roles: ["content"] });
    editor = { id: user.id, username: user.username };
    const second = await createStaffUser(conn.db, cliActor, { username: "editor2", displayName: "编辑乙", password: "a long enough password", roles: ["content"] });
    reviewer = { id: second.id, username: second.username };
  });
  afterAll(async () => {
    await conn.db.destroy();
  });

  it("a new notice is saved as a draft: listed, previewable, but not in the public corpus", async () => {
    const saved = await saveDraft(conn.db, editor, { values: form, create: { type: "notice" } });
    expect(saved).toEqual({ ok: true, id: meta.id, revision: 1 });
    const [item] = await listEditorialDocuments(conn.db);
    expect(item).toMatchObject({ id: meta.id, state: "draft", revision: 1, updatedBy: "编辑甲", type: "notice" });
    expect((await loadDatabaseCorpus(conn.db)).documents.map((d) => d.id)).not.toContain(meta.id);
    const preview = await previewDocument(conn.db, meta.id);
    expect(preview?.document.easyRead).toEqual(["12月20日比赛。", "12月15日前报名，打电话。"]);
    expect(preview?.document.body).not.toContain("\r");
    expect(preview?.document.sections.map((s) => s.heading)).toEqual(["一、比赛时间和地点", "二、怎样报名"]);
    // The optional field left empty is not written.
    expect(preview?.stored.meta.docNumber).toBeUndefined();
  });

  it("every save writes its audit entry", async () => {
    const entries = await conn.db.selectFrom("audit_log").selectAll().where("target_id", "=", meta.id).execute();
    expect(entries.map((e) => [e.action, e.user_id, e.detail])).toEqual([["content.draft.save", editor.id, "revision 1"]]);
  });

  it("a new document cannot take an id in use", async () => {
    expect(await saveDraft(conn.db, editor, { values: form, create: { type: "notice" } })).toEqual({ ok: false, reason: "taken" });
  });

  it("a save from a stale revision is refused and writes nothing", async () => {
    const current = (await getEditableDocument(conn.db, meta.id))!;
    const values = { ...current.values, title: "关于举办盲人象棋比赛的通知（修订）" };
    expect(await saveDraft(conn.db, editor, { id: meta.id, values, expectedRevision: 1 })).toEqual({ ok: true, id: meta.id, revision: 2 });
    // A second editor still has revision 1 open: refused, with what differs between revision 2 and what they typed.
    const typedBody = `${String(values.body).trimEnd()}\n\n另一位编辑加的一行。\n`;
    const refused = await saveDraft(conn.db, editor, { id: meta.id, values: { ...values, title: "另一个标题", body: typedBody }, expectedRevision: 1 });
    expect(refused).toMatchObject({ ok: false, reason: "conflict", currentRevision: 2 });
    const diff = refused.ok === false && refused.reason === "conflict" ? refused.diff : undefined;
    expect(diff?.saved).toBe(2);
    // Only what differs is listed (the field, as saved and as typed); the body's new line is an added row of the line diff.
    expect(diff?.fields).toEqual([{ field: "title", saved: "关于举办盲人象棋比赛的通知（修订）", yours: "另一个标题" }]);
    expect(diff?.sameBody).toBe(false);
    expect(diff?.body.filter((l) => l.kind === "added").map((l) => (l.kind === "added" ? l.text : ""))).toEqual(["", "另一位编辑加的一行。"]);
    expect(diff?.body.some((l) => l.kind === "removed")).toBe(false);
    const after = (await getEditableDocument(conn.db, meta.id))!;
    expect(after.doc.meta.title).toBe("关于举办盲人象棋比赛的通知（修订）");
    expect(await conn.db.selectFrom("audit_log").select("id").where("target_id", "=", meta.id).execute()).toHaveLength(2);
  });

  it("schema errors come back per field, and nothing is written", async () => {
    const current = (await getEditableDocument(conn.db, meta.id))!;
    const result = await saveDraft(conn.db, editor, { id: meta.id, values: { ...current.values, source: "", topics: [], reviewed: "2026-13-01" }, expectedRevision: 2 });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== "invalid") throw new Error("expected invalid");
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["reviewed", "source", "topics"]);
    expect((await getEditableDocument(conn.db, meta.id))!.doc.revision).toBe(2);
  });

  it("fields the form does not show are kept", async () => {
    const other = chessNotice("editorial-published");
    const steps = [{ title: "报名", text: "打电话报名。" }];
    await saveDocument(conn.db, { meta: { ...other.meta, id: "editorial-steps", steps }, body: other.body, published: false }, { userId: null });
    const draft = (await getEditableDocument(conn.db, "editorial-steps"))!;
    expect(await saveDraft(conn.db, editor, { id: "editorial-steps", values: formValuesOf(draft.doc), expectedRevision: 1 })).toMatchObject({ ok: true, revision: 2 });
    expect((await getEditableDocument(conn.db, "editorial-steps"))!.doc.meta.steps).toEqual(steps);
  });

  it("review and publication: the author cannot approve their own draft; a second editor's approval publishes it, audited", async () => {
    const id = meta.id;
    const { doc } = (await getEditableDocument(conn.db, id))!;
    expect(await requestReview(conn.db, editor, id, doc.revision - 1)).toEqual({ ok: false, reason: "conflict" });
    expect(await requestReview(conn.db, editor, id, doc.revision)).toEqual({ ok: true, id, revision: doc.revision });
    expect(await requestReview(conn.db, editor, id, doc.revision)).toEqual({ ok: false, reason: "pending" });
    expect((await listEditorialDocuments(conn.db)).find((d) => d.id === id)?.state).toBe("review");
    // Two-person rule: neither the one who asked nor the author of the revision approves it.
    expect(await approveAndPublish(conn.db, editor, id, doc.revision)).toEqual({ ok: false, reason: "ownDraft" });
    expect((await loadDatabaseCorpus(conn.db)).documents.map((d) => d.id)).not.toContain(id);
    // A stale approval (of a revision that is no longer the one asked about) publishes nothing.
    expect(await approveAndPublish(conn.db, reviewer, id, doc.revision - 1)).toEqual({ ok: false, reason: "conflict" });

    const published = await approveAndPublish(conn.db, reviewer, id, doc.revision);
    expect(published).toEqual({ ok: true, id, revision: doc.revision + 1 });
    expect((await loadDatabaseCorpus(conn.db)).documents.map((d) => d.id)).toContain(id);
    expect(await getPendingReview(conn.db, id)).toBeUndefined();
    const item = (await listEditorialDocuments(conn.db)).find((d) => d.id === id);
    expect(item).toMatchObject({ state: "published", updatedBy: "编辑乙" });
    const actions = await conn.db.selectFrom("audit_log").select(["action", "user_id"]).where("target_id", "=", id).orderBy("at").orderBy("action").execute();
    expect(actions.filter((a) => a.action !== "content.draft.save")).toEqual([
      { action: "content.review.request", user_id: editor.id },
      { action: "content.publish", user_id: reviewer.id },
      { action: "content.review.approve", user_id: reviewer.id },
    ]);
  });

  it("saving a draft under review withdraws the request: the new text must be asked about again", async () => {
    const id = "editorial-steps";
    let { doc } = (await getEditableDocument(conn.db, id))!;
    expect((await requestReview(conn.db, editor, id, doc.revision)).ok).toBe(true);
    // The reviewer edits it: now the reviewer is an author of the revision and cannot approve it either.
    expect((await saveDraft(conn.db, reviewer, { id, values: formValuesOf(doc), expectedRevision: doc.revision })).ok).toBe(true);
    expect(await getPendingReview(conn.db, id)).toBeUndefined();
    doc = (await getEditableDocument(conn.db, id))!.doc;
    expect(await approveAndPublish(conn.db, editor, id, doc.revision)).toEqual({ ok: false, reason: "notPending" });
    expect((await requestReview(conn.db, editor, id, doc.revision)).ok).toBe(true);
    expect(await approveAndPublish(conn.db, reviewer, id, doc.revision)).toEqual({ ok: false, reason: "ownDraft" });
    expect(await approveAndPublish(conn.db, editor, id, doc.revision)).toEqual({ ok: false, reason: "ownDraft" });
    expect((await loadDatabaseCorpus(conn.db)).documents.map((d) => d.id)).not.toContain(id);
  });

  it("a published document is edited beside its live text: the public corpus keeps the published version until a second person approves", async () => {
    const live = chessNotice("editorial-live");
    await saveDocument(conn.db, { meta: live.meta, body: live.body, published: true }, { userId: null });
    const versionBefore = await corpusVersion(conn.db);
    const publicBody = async () => (await loadDatabaseCorpus(conn.db)).documents.find((d) => d.id === live.meta.id)?.body;
    const oldBody = await publicBody();
    expect(oldBody).toContain("怎样报名");

    const opened = (await getEditableDocument(conn.db, live.meta.id))!;
    expect(opened.doc.revision).toBe(1);
    const newBody = live.body.replace("## 二、怎样报名", "## 二、怎样报名（已改期）");
    const saved = await saveDraft(conn.db, editor, { id: live.meta.id, values: { ...opened.values, body: newBody }, expectedRevision: 1 });
    expect(saved).toEqual({ ok: true, id: live.meta.id, revision: 2 });
    // The public side has not moved: same text, same corpus version (nothing to re-index); the row is still revision 1.
    expect(await publicBody()).toBe(oldBody);
    expect(await corpusVersion(conn.db)).toBe(versionBefore);
    expect(await getStoredDocument(conn.db, live.meta.id)).toMatchObject({ published: true, revision: 1, draftRevision: 2 });
    // The editor sees the draft: in the form, in the preview, in the list.
    const editing = (await getEditableDocument(conn.db, live.meta.id))!;
    expect(editing.doc.revision).toBe(2);
    expect(editing.values.body).toBe(newBody);
    expect((await previewDocument(conn.db, live.meta.id))?.document.sections.map((s) => s.heading)).toContain("二、怎样报名（已改期）");
    expect((await listEditorialDocuments(conn.db)).find((d) => d.id === live.meta.id)).toMatchObject({ state: "edited", revision: 2, updatedBy: "编辑甲" });

    // A second editor who opened the live text (revision 1) cannot overwrite the draft.
    expect(await saveDraft(conn.db, reviewer, { id: live.meta.id, values: opened.values, expectedRevision: 1 })).toMatchObject({ ok: false, reason: "conflict", currentRevision: 2 });
    // Invalid changes are refused as for any draft, and write nothing.
    const bad = await saveDraft(conn.db, editor, { id: live.meta.id, values: { ...editing.values, topics: [] }, expectedRevision: 2 });
    expect(bad).toMatchObject({ ok: false, reason: "invalid" });
    expect((await getStoredDocument(conn.db, live.meta.id))?.draftRevision).toBe(2);

    expect(await requestReview(conn.db, editor, live.meta.id, 2)).toEqual({ ok: true, id: live.meta.id, revision: 2 });
    expect((await listEditorialDocuments(conn.db)).find((d) => d.id === live.meta.id)?.state).toBe("editedReview");
    expect(await approveAndPublish(conn.db, editor, live.meta.id, 2)).toEqual({ ok: false, reason: "ownDraft" });
    expect(await publicBody()).toBe(oldBody);

    expect(await approveAndPublish(conn.db, reviewer, live.meta.id, 2)).toEqual({ ok: true, id: live.meta.id, revision: 3 });
    expect(await publicBody()).toContain("怎样报名（已改期）");
    expect(await corpusVersion(conn.db)).toBeGreaterThan(versionBefore);
    expect(await getStoredDocument(conn.db, live.meta.id)).toMatchObject({ published: true, revision: 3, draftRevision: null, updatedBy: reviewer.id });
    expect((await listEditorialDocuments(conn.db)).find((d) => d.id === live.meta.id)?.state).toBe("published");
    // Nothing left to review: a published document without a draft.
    expect(await requestReview(conn.db, editor, live.meta.id, 3)).toEqual({ ok: false, reason: "published" });
    const actions = await conn.db.selectFrom("audit_log").select("action").where("target_id", "=", live.meta.id).orderBy("at").orderBy("action").execute();
    expect(actions.map((a) => a.action)).toEqual(["content.draft.save", "content.review.request", "content.publish", "content.review.approve"]);
  });

  it("the history lists every version; a diff shows what changed; restoring an old version makes it a draft that needs review", async () => {
    const id = "editorial-live";
    const history = (await documentHistory(conn.db, id))!;
    expect(history.current).toBe(3);
    expect(history.items.map((v) => [v.revision, v.createdBy, v.origin, v.note, v.published, v.live])).toEqual([
      [3, "编辑乙", "staff", "approved and published", true, true],
      [2, "编辑甲", "staff", "draft", false, false],
      [1, null, "staff", null, true, false],
    ]);
    const diff = (await versionDiff(conn.db, id, 1, 3))!;
    expect(diff.same).toBe(false);
    expect(diff.lines.filter((l) => l.kind === "removed" || l.kind === "added").map((l) => ("text" in l ? [l.kind, l.text] : []))).toEqual([
      ["removed", "## 二、怎样报名"],
      ["added", "## 二、怎样报名（已改期）"],
    ]);
    expect(await versionDiff(conn.db, id, 1, 99)).toBeUndefined();

    // Restoring revision 1 from a stale page is refused; from the current one it is a draft beside the live text.
    expect(await restoreVersion(conn.db, editor, { id, revision: 1, expectedRevision: 2 })).toEqual({ ok: false, reason: "conflict", currentRevision: 3 });
    expect(await restoreVersion(conn.db, editor, { id, revision: 1, expectedRevision: 3 })).toEqual({ ok: true, id, revision: 4 });
    expect((await loadDatabaseCorpus(conn.db)).documents.find((d) => d.id === id)?.body).toContain("怎样报名（已改期）");
    expect((await previewDocument(conn.db, id))?.document.body).not.toContain("已改期");
    expect((await documentHistory(conn.db, id))!.items[0]).toMatchObject({ revision: 4, note: "restored from revision 1", current: true, live: false });
    expect(await restoreVersion(conn.db, editor, { id, revision: 42, expectedRevision: 4 })).toEqual({ ok: false, reason: "notFound" });
    const restore = await conn.db.selectFrom("audit_log").select(["action", "user_id", "detail"]).where("target_id", "=", id).where("action", "=", "content.restore").execute();
    expect(restore).toEqual([{ action: "content.restore", user_id: editor.id, detail: "revision 1 as revision 4" }]);
    // Through review like any draft.
    expect((await requestReview(conn.db, editor, id, 4)).ok).toBe(true);
    expect(await approveAndPublish(conn.db, reviewer, id, 4)).toMatchObject({ ok: true, revision: 5 });
    expect((await loadDatabaseCorpus(conn.db)).documents.find((d) => d.id === id)?.body).not.toContain("已改期");
  });

  it("repeal: a draft marks a published document repealed, superseded by another; a second person approves; audited content.repeal", async () => {
    const old = chessNotice("editorial-repealed");
    await saveDocument(conn.db, { meta: old.meta, body: old.body, published: true }, { userId: null });
    const { doc, values } = (await getEditableDocument(conn.db, old.meta.id))!;
    // The replacement must exist, and only a repealed document names one.
    const unknown = await saveDraft(conn.db, editor, { id: old.meta.id, values: { ...values, status: "repealed", supersededBy: "no-such-document" }, expectedRevision: doc.revision });
    expect(unknown).toEqual({ ok: false, reason: "invalid", fieldErrors: { supersededBy: ['no document "no-such-document"'] }, formErrors: [] });
    const notRepealed = await saveDraft(conn.db, editor, { id: old.meta.id, values: { ...values, supersededBy: "editorial-live" }, expectedRevision: doc.revision });
    expect(notRepealed).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { supersededBy: ["is only for a repealed document"] } });

    const saved = await saveDraft(conn.db, editor, { id: old.meta.id, values: { ...values, status: "repealed", supersededBy: "editorial-live" }, expectedRevision: doc.revision });
    expect(saved).toMatchObject({ ok: true, revision: 2 });
    const served = async () => (await loadDatabaseCorpus(conn.db)).documents.find((d) => d.id === old.meta.id);
    expect((await served())?.status).toBe("current");
    expect((await requestReview(conn.db, editor, old.meta.id, 2)).ok).toBe(true);
    expect(await approveAndPublish(conn.db, editor, old.meta.id, 2)).toEqual({ ok: false, reason: "ownDraft" });
    expect((await approveAndPublish(conn.db, reviewer, old.meta.id, 2)).ok).toBe(true);
    // Kept on the portal, marked repealed, naming its replacement.
    expect(await served()).toMatchObject({ status: "repealed", supersededBy: "editorial-live" });
    const repeal = await conn.db.selectFrom("audit_log").select(["action", "user_id", "detail"]).where("target_id", "=", old.meta.id).where("action", "=", "content.repeal").execute();
    expect(repeal).toEqual([{ action: "content.repeal", user_id: reviewer.id, detail: "revision 3, superseded by editorial-live" }]);
  });

  it("a repeal saved in the console says what replaced the document or why, as knowledge:check asks (repealed-unexplained)", async () => {
    const old = chessNotice("editorial-unexplained");
    await saveDocument(conn.db, { meta: old.meta, body: old.body, published: true }, { userId: null });
    const { doc, values } = (await getEditableDocument(conn.db, old.meta.id))!;
    const bare = await saveDraft(conn.db, editor, { id: old.meta.id, values: { ...values, status: "repealed" }, expectedRevision: doc.revision });
    expect(bare).toEqual({ ok: false, reason: "invalid", fieldErrors: { supersededBy: [expect.stringMatching(/^repealed, but says neither/)] }, formErrors: [] });
    expect((await getStoredDocument(conn.db, old.meta.id))?.revision).toBe(doc.revision);
    // A change note is an explanation: saved, and the form shows it again.
    const why = { changed: "2026-12-02", changeNote: "比赛取消，本通知废止。", changeNoteEn: "The contest is cancelled; this notice is repealed." };
    const saved = await saveDraft(conn.db, editor, { id: old.meta.id, values: { ...values, status: "repealed", ...why }, expectedRevision: doc.revision });
    expect(saved).toMatchObject({ ok: true });
    expect((await getEditableDocument(conn.db, old.meta.id))?.values).toMatchObject({ status: "repealed", ...why });
  });

  it("one article repealed through draft, review and approval: audited, kept on the page, round-trips through the file", async () => {
    const id = "editorial-articles";
    const body =
      "## 第一条 盲人象棋比赛\n\n盲人象棋比赛于12月20日举行。\n\n## 第二条 聋人围棋比赛\n\n聋人围棋比赛于12月27日举行。\n\n## 第三条 报名\n\n打电话报名。\n";
    await saveDocument(conn.db, { meta: { ...chessNotice(id).meta }, body, published: true }, { userId: null });
    const editable = (await getEditableDocument(conn.db, id))!;
    expect(editable.articles.map((a) => [a.anchor, a.repealed])).toEqual([["art-1", null], ["art-2", null], ["art-3", null]]);
    const save = (values: DraftFormValues, revision: number) => saveDraft(conn.db, editor, { id, values: { ...editable.values, ...values }, expectedRevision: revision });
    const repeal = { repealAnchor: "art-2", repealDate: "2026-12-01", repealNote: "聋人围棋比赛取消。", repealNoteEn: "The go contest is cancelled." };

    // Refused with the field to fix: a note, an article the document has, a replacement that exists.
    expect(await save({ ...repeal, repealNote: "" }, 1)).toMatchObject({ ok: false, fieldErrors: { repealNote: ["must not be empty"] } });
    expect(await save({ ...repeal, repealAnchor: "art-9" }, 1)).toMatchObject({ ok: false, fieldErrors: { repealAnchor: [expect.stringContaining("#art-9")] } });
    expect(await save({ ...repeal, repealSupersededBy: "editorial-live#art-77" }, 1)).toMatchObject({ ok: false, fieldErrors: { repealSupersededBy: ['no document "editorial-live#art-77"'] } });

    const saved = await save(repeal, 1);
    expect(saved).toMatchObject({ ok: true, revision: 2 });
    const served = async () => (await loadDatabaseCorpus(conn.db)).documents.find((d) => d.id === id)!;
    expect((await served()).sections.every((s) => s.repeal === null)).toBe(true);
    expect((await requestReview(conn.db, editor, id, 2)).ok).toBe(true);
    expect(await approveAndPublish(conn.db, editor, id, 2)).toEqual({ ok: false, reason: "ownDraft" });
    expect((await approveAndPublish(conn.db, reviewer, id, 2)).ok).toBe(true);
    const live = await served();
    expect(live.status).toBe("current");
    expect(live.sections.map((s) => [s.anchor, s.repeal?.note ?? null])).toEqual([["art-1", null], ["art-2", "聋人围棋比赛取消。"], ["art-3", null]]);
    const audits = await conn.db.selectFrom("audit_log").select(["action", "user_id", "detail"]).where("target_id", "=", id).where("action", "=", "content.repeal.article").execute();
    expect(audits).toEqual([{ action: "content.repeal.article", user_id: reviewer.id, detail: "revision 3, #art-2 repealed 2026-12-01" }]);

    // The file (export) carries it in the front matter, and the file reads back to the same front matter (import).
    const stored = (await getStoredDocument(conn.db, id))!;
    const text = storedText(stored);
    expect(text).toContain("repealedArticles:");
    expect(parseDocumentSource(stored.path, text).meta).toEqual(stored.meta);

    // Unticked: the article is in force again (through review like any draft).
    const again = (await getEditableDocument(conn.db, id))!;
    expect(again.values.repealedKeep).toEqual(["art-2"]);
    expect(again.articles.find((a) => a.anchor === "art-2")?.repealed).toMatchObject({ note: "聋人围棋比赛取消。" });
    expect(await saveDraft(conn.db, editor, { id, values: { ...again.values, repealedKeep: [] }, expectedRevision: 3 })).toMatchObject({ ok: true });
    expect((await getEditableDocument(conn.db, id))!.doc.meta.repealedArticles).toBeUndefined();
  });

  it("the body's live preview renders it as the page does: anchored headings, raw HTML escaped", () => {
    const html = bodyPreviewHtml("## 第一条 比赛\r\n\r\n<script>alert(1)</script>报名。\r\n");
    expect(html).toContain('<h2 id="art-1">第一条 比赛</h2>');
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("a link to a section the body does not have (#anchor) is refused at the body, as knowledge:check refuses it; a real one is saved", async () => {
    const anchors = parseMarkdownStructure(form.body as string).sections.map((s) => s.anchor);
    const values = (href: string) => ({ ...form, id: "editorial-anchor", body: `${form.body}\r\n见[报名办法](${href})。\r\n` });
    const refused = await saveDraft(conn.db, editor, { values: values("#art-99"), create: { type: "notice" } });
    expect(refused).toEqual({ ok: false, reason: "invalid", fieldErrors: { body: ["#art-99: no section with this anchor in this document"] }, formErrors: [] });
    expect(await getStoredDocument(conn.db, "editorial-anchor")).toBeUndefined();
    const saved = await saveDraft(conn.db, editor, { values: values(`#${anchors.at(-1)}`), create: { type: "notice" } });
    expect(saved).toEqual({ ok: true, id: "editorial-anchor", revision: 1 });
  });

  it("headings that break the 第X条 numbering (out of order, twice) are refused at the body; a summary that leaves articles out is saved", async () => {
    const values = (body: string) => ({ ...form, id: "editorial-numbering", body });
    const refused = await saveDraft(conn.db, editor, { values: values("## 第一条 比赛\n\n比赛。\n\n## 第三条 报名\n\n报名。\n\n## 第二条 交通\n\n坐车。\n\n## 第二条 费用\n\n免费。\n"), create: { type: "notice" } });
    expect(refused).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { body: ['heading "第二条 交通" comes after 第三条', 'heading "第二条 费用" comes after 第二条'] },
      formErrors: [],
    });
    const saved = await saveDraft(conn.db, editor, { values: values("## 第一条 比赛\n\n比赛。\n\n## 第三条 报名\n\n报名。\n"), create: { type: "notice" } });
    expect(saved).toEqual({ ok: true, id: "editorial-numbering", revision: 1 });
  });

  // What knowledge:check refuses in a file's body (body-rules.ts), the console refuses at the body field: one test a rule.
  const ruleBody = "## 一、比赛时间\n\n12月20日。\n";
  /** A document the bodies below link to (its sections: s-1, s-2). */
  const linkTarget = async () => {
    if (!(await getStoredDocument(conn.db, "editorial-link-target"))) {
      expect(await saveDraft(conn.db, editor, { values: { ...form, id: "editorial-link-target" }, create: { type: "notice" } })).toMatchObject({ ok: true });
    }
  };
  it.each<[string, string, string]>([
    ["a link to a document that does not exist (broken-link)", `${ruleBody}\n见[别的通知](/policies/no-such-notice)。\n`, '/policies/no-such-notice: no document with id "no-such-notice"'],
    ["a link to another document's section that it does not have (broken-anchor)", `${ruleBody}\n见[报名](/policies/editorial-link-target#s-9)。\n`, '/policies/editorial-link-target#s-9: "editorial-link-target" has no section #s-9'],
    ["a relative link (bad-link)", `${ruleBody}\n见[附件](附件一.docx)。\n`, "附件一.docx: link to /policies/<id>, an app page, or an https:// address"],
    ["a link to a page the portal does not have (unknown-page)", `${ruleBody}\n见[商城](/shop)。\n`, "/shop: not a page of the portal"],
    ["a skipped heading level (heading-jump)", `${ruleBody}\n#### 细节\n\n文字。\n`, '"#### 细节" follows a level-2 heading: do not skip levels'],
    ["an underlined heading (heading-syntax)", `${ruleBody}\n细节\n---\n\n文字。\n`, "a heading is written with underlines (=== or --- below a line): use ## headings so it gets an anchor"],
    ["an h1 in the body (h1-in-body)", `# 比赛通知\n\n${ruleBody}`, '"# 比赛通知": the title is the page\'s h1; start sections at ##'],
    ["a body without sections (no-sections)", "只有一段话。\n", "the body has no ## headings: give every section a heading (## 一、… or ## 第X条 …)"],
  ])("refuses %s at the body, as knowledge:check does, and writes nothing", async (_name, body, message) => {
    await linkTarget();
    const refused = await saveDraft(conn.db, editor, { values: { ...form, id: "editorial-rule", body }, create: { type: "notice" } });
    expect(refused).toEqual({ ok: false, reason: "invalid", fieldErrors: { body: [message] }, formErrors: [] });
    expect(await getStoredDocument(conn.db, "editorial-rule")).toBeUndefined();
  });

  it("saves links that lead somewhere: another document's section, this document's own page, an app page, https; an http:// link is only advice", async () => {
    await linkTarget();
    const body = `${ruleBody}\n见[报名](/policies/editorial-link-target#s-2)、[本文](/en/policies/editorial-links#s-1)、[影院](/cinema)、[官网](https://www.gdqy.gov.cn/)、[旧站](http://www.gdqy.gov.cn/)。\n`;
    expect(await saveDraft(conn.db, editor, { values: { ...form, id: "editorial-links", body }, create: { type: "notice" } })).toEqual({ ok: true, id: "editorial-links", revision: 1 });
  });
});

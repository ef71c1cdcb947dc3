import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerNow, answerWithMapping } from "~/modules/assistant/question-loop.server";
import type { Connection } from "~/modules/db/index.server";
import { cliActor, createStaffUser, type Actor } from "~/modules/staff/index.server";
import { createTestDb } from "../../../tests/support/test-db";
import { defaultKnowledgeDir, getCorpus, loadGlossary } from "./corpus.server";
import { exportGlossary } from "./glossary-terms.server";
import { corpusVersion, importKnowledge, loadDatabaseCorpus } from "./documents.server";
import {
  approveGlossaryMapping,
  listGlossaryEntries,
  mergeGlossary,
  proposeGlossaryMapping,
  removeGlossaryMapping,
} from "./glossary.server";

/** Glossary mappings from the console (issue 16, item 5b): validated, two-person, audited, live through the corpus version. */
describe("glossary mappings in the staff console", () => {
  let conn: Connection;
  let editor: Actor;
  let reviewer: Actor;

  beforeAll(async () => {
    conn = await createTestDb();
    await importKnowledge(conn.db);
    const a = await createStaffUser(conn.db, cliActor, { username: "gl-editor", displayName: "编辑甲", password: "a long enough password", roles: ["content"] });
    const b = await createStaffUser(conn.db, cliActor, { username: "gl-reviewer", displayName: "编辑乙", password: "a long enough password", roles: ["content"] });
    editor = { id: a.id, username: a.username };
    reviewer = { id: b.id, username: b.username };
  });
  afterAll(async () => {
    await conn.db.destroy();
  });

  it("refuses an empty, too long, duplicate or same word, and a term the corpus does not use", async () => {
    const propose = (variant: string, canonical: string) => proposeGlossaryMapping(conn.db, editor, { variant, canonical });
    expect(await propose(" ", "")).toMatchObject({ ok: false, errors: [{ field: "variant", code: "required" }, { field: "canonical", code: "required" }] });
    expect(await propose("残".repeat(31), "残疾人证")).toMatchObject({ ok: false, errors: [{ field: "variant", code: "tooLong", max: 30 }] });
    expect(await propose("残疾证", "残疾人证")).toMatchObject({ ok: false, errors: [{ field: "variant", code: "duplicate", term: "残疾人证" }] });
    expect(await propose("残疾人证", "残疾人证")).toMatchObject({ ok: false, errors: [{ field: "variant", code: "same" }] });
    expect(await propose("残废证", "火星移民证")).toMatchObject({ ok: false, errors: [{ field: "canonical", code: "notInCorpus" }] });
    expect(await listGlossaryEntries(conn.db)).toEqual([]);
    expect(await conn.db.selectFrom("audit_log").select("action").where("action", "like", "content.glossary.%").execute()).toEqual([]);
  });

  it("a proposed mapping is not in use; the proposer cannot approve it; another staff member can, which moves the corpus version", async () => {
    const proposed = await proposeGlossaryMapping(conn.db, editor, { variant: " 残废证 ", canonical: "残疾人证" });
    expect(proposed).toMatchObject({ ok: true, mapping: { variant: "残废证", canonical: "残疾人证" } });
    if (!proposed.ok) return;
    // Proposed twice: the second is a duplicate of the first.
    expect(await proposeGlossaryMapping(conn.db, reviewer, { variant: "残废证", canonical: "残疾人证" })).toMatchObject({ ok: false, errors: [{ code: "duplicate" }] });
    const before = await corpusVersion(conn.db);
    expect((await loadDatabaseCorpus(conn.db)).glossary?.digest).toBe("");

    expect(await approveGlossaryMapping(conn.db, editor, proposed.id)).toEqual({ ok: false, reason: "ownProposal" });
    expect(await corpusVersion(conn.db)).toBe(before);
    expect(await approveGlossaryMapping(conn.db, reviewer, proposed.id)).toMatchObject({ ok: true });
    expect(await approveGlossaryMapping(conn.db, reviewer, proposed.id)).toEqual({ ok: false, reason: "notPending" });
    expect(await corpusVersion(conn.db)).toBe(before + 1);

    const corpus = await loadDatabaseCorpus(conn.db);
    expect(corpus.glossary?.digest).not.toBe("");
    expect(corpus.glossary?.terms.find((t) => t.canonical === "残疾人证")?.variants).toContain("残废证");
    const [entry] = await listGlossaryEntries(conn.db);
    expect(entry).toMatchObject({ variant: "残废证", status: "approved", proposedByName: "编辑甲", approvedByName: "编辑乙" });

    expect(await removeGlossaryMapping(conn.db, editor, proposed.id)).toMatchObject({ ok: true });
    expect(await corpusVersion(conn.db)).toBe(before + 2);
    expect((await loadDatabaseCorpus(conn.db)).glossary?.digest).toBe("");
    expect(await listGlossaryEntries(conn.db)).toEqual([]);

    const audit = await conn.db.selectFrom("audit_log").select(["action", "user_id", "detail"]).where("target_id", "=", proposed.id).orderBy("at").execute();
    expect(audit.map((a) => [a.action, a.user_id, a.detail])).toEqual([
      ["content.glossary.add", editor.id, "残废证 → 残疾人证"],
      ["content.glossary.approve", reviewer.id, "残废证 → 残疾人证"],
      ["content.glossary.remove", editor.id, "残废证 → 残疾人证"],
    ]);
  });

  it("knowledge:export adds the approved mappings to glossary.yaml, the rest of the file byte for byte, once", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qy-glossary-"));
    const original = fs.readFileSync(path.join(defaultKnowledgeDir(), "glossary.yaml"), "utf8");
    fs.writeFileSync(path.join(dir, "glossary.yaml"), original);
    const word = await proposeGlossaryMapping(conn.db, editor, { variant: "轱辘椅", canonical: "轮椅" });
    const term = await proposeGlossaryMapping(conn.db, editor, { variant: "抓杆", canonical: "扶手" });
    const pending = await proposeGlossaryMapping(conn.db, editor, { variant: "残废本", canonical: "残疾人证" });
    if (!word.ok || !term.ok || !pending.ok) throw new Error("not proposed");
    await approveGlossaryMapping(conn.db, reviewer, word.id);
    await approveGlossaryMapping(conn.db, reviewer, term.id);
    // (Both approved in the same instant: their order is not the test's business.)
    const added = (await exportGlossary(conn.db, dir)).added;
    expect(added).toHaveLength(2);
    expect(added).toEqual(expect.arrayContaining([{ variant: "轱辘椅", canonical: "轮椅" }, { variant: "抓杆", canonical: "扶手" }]));
    const exported = fs.readFileSync(path.join(dir, "glossary.yaml"), "utf8");
    // The file as it was, with the word at the end of its term's list and the new term at the end: nothing else moved.
    expect(exported).toBe(
      original.replace("    variants: [电动轮椅, 手动轮椅, wheelchair, wheelchairs]\n", "    variants: [电动轮椅, 手动轮椅, wheelchair, wheelchairs, 轱辘椅]\n") +
        "  - canonical: 扶手\n    variants: [抓杆]\n",
    );
    const reread = loadGlossary(dir);
    expect(reread.errors).toEqual([]);
    expect(reread.terms.flatMap((t) => t.variants)).not.toContain("残废本");
    expect((await exportGlossary(conn.db, dir)).added).toEqual([]);
    for (const id of [word.id, term.id, pending.id]) await removeGlossaryMapping(conn.db, editor, id);
  });

  it("laid over the files' glossary: a word added to its term's entry, a new term as a new entry, a word the file has not twice", () => {
    const terms = [{ canonical: "轮椅", variants: ["wheelchair"] }];
    expect(mergeGlossary(terms, [{ variant: "轱辘椅", canonical: "轮椅" }, { variant: "Wheelchair", canonical: "轮椅" }, { variant: "抓杆", canonical: "扶手" }])).toEqual([
      { canonical: "轮椅", variants: ["wheelchair", "轱辘椅"] },
      { canonical: "扶手", variants: ["抓杆"] },
    ]);
    expect(terms[0].variants).toEqual(["wheelchair"]);
  });

  it("the assistant refuses 残废证怎么办理 now, and answers it with the mapping, citing the certificate guide", async () => {
    const now = await answerNow("残废证怎么办理", "zh-CN");
    expect(now).toMatchObject({ answered: false, citation: null });
    expect(now?.missing).toContain("残废证");
    const withChange = await answerWithMapping("残废证怎么办理", "zh-CN", { variant: "残废证", canonical: "残疾人证" }, getCorpus());
    expect(withChange?.answered).toBe(true);
    expect(withChange?.citation?.url).toMatch(/^\/policies\/disability-certificate-guide/);
    // The served indexes were not touched: the question is still refused.
    expect((await answerNow("残废证怎么办理", "zh-CN"))?.answered).toBe(false);
  }, 30_000);
});

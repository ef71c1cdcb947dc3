import { changeNoteEnMax, changeNoteMax, chinaToday, documentMetaSchema } from "./schema";

const base = {
  id: "a-law",
  title: "测试法",
  titleEn: "Test law",
  type: "regulation",
  issuer: "全国人民代表大会常务委员会",
  issued: "2008-04-24",
  status: "current",
  source: "https://flk.npc.gov.cn/",
  reviewed: "2026-11-26",
  topics: ["services"],
  audience: ["everyone"],
  summary: "摘要。",
  summaryEn: "Summary.",
};
const change = { changed: "2018-10-26", changeNote: "全国人大常委会修改了本法。", changeNoteEn: "Amended by the NPC Standing Committee." };

/** The schema's messages, as "path: message". */
function issues(meta: Record<string, unknown>): string[] {
  const result = documentMetaSchema.safeParse(meta);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("what changed (changed, changeNote, changeNoteEn)", () => {
  it("is optional, and accepted with a date and a note in both languages", () => {
    expect(issues(base)).toEqual([]);
    expect(issues({ ...base, ...change })).toEqual([]);
    const parsed = documentMetaSchema.parse({ ...base, ...change });
    expect([parsed.changed, parsed.changeNote, parsed.changeNoteEn]).toEqual([change.changed, change.changeNote, change.changeNoteEn]);
  });

  it("takes a YAML date as well as text, and a change on the day of issue", () => {
    expect(documentMetaSchema.parse({ ...base, ...change, changed: new Date("2018-10-26T00:00:00Z") }).changed).toBe("2018-10-26");
    expect(issues({ ...base, ...change, changed: base.issued })).toEqual([]);
  });

  it("needs both notes with a date, and a date with a note", () => {
    expect(issues({ ...base, changed: "2018-10-26", changeNoteEn: change.changeNoteEn })).toEqual([expect.stringMatching(/^changeNote: is required with `changed`/)]);
    expect(issues({ ...base, changed: "2018-10-26", changeNote: change.changeNote })).toEqual([expect.stringMatching(/^changeNoteEn: is required with `changed`/)]);
    expect(issues({ ...base, changeNote: change.changeNote, changeNoteEn: change.changeNoteEn })).toEqual([
      expect.stringMatching(/^changed: is required with `changeNote`/),
      expect.stringMatching(/^changed: is required with `changeNoteEn`/),
    ]);
    expect(issues({ ...base, ...change, changeNote: "  " })).toEqual([expect.stringMatching(/^changeNote: must not be empty/)]);
  });

  it("refuses a change before the document was issued, in the future, or on a date that does not exist", () => {
    expect(issues({ ...base, ...change, changed: "2008-04-23" })).toEqual(["changed: must not be before `issued` (2008-04-24)"]);
    expect(issues({ ...base, ...change, changed: "2999-01-01" })).toEqual(["changed: must not be in the future"]);
    expect(issues({ ...base, ...change, changed: "2018-02-30" })).toEqual(["changed: not a real date"]);
    expect(issues({ ...base, ...change, changed: "26 Oct 2018" })).toEqual(["changed: must be a date YYYY-MM-DD", "changed: not a real date"]);
    // A date left empty is missing, said once.
    expect(issues({ ...base, reviewed: "" })).toEqual(["reviewed: must not be empty"]);
    // Without `issued`, only the future is out.
    const { issued: _issued, ...undated } = base;
    expect(issues({ ...undated, ...change, changed: "1990-01-01" })).toEqual([]);
  });

  it("keeps the notes short", () => {
    expect(issues({ ...base, ...change, changeNote: "改".repeat(changeNoteMax) })).toEqual([]);
    expect(issues({ ...base, ...change, changeNote: "改".repeat(changeNoteMax + 1) })).toEqual([`changeNote: must be at most ${changeNoteMax} characters`]);
    expect(issues({ ...base, ...change, changeNoteEn: "a".repeat(changeNoteEnMax + 1) })).toEqual([`changeNoteEn: must be at most ${changeNoteEnMax} characters`]);
  });

  it("counts today in China time", () => {
    expect(chinaToday(new Date("2026-12-02T15:59:59Z"))).toBe("2026-12-02");
    expect(chinaToday(new Date("2026-12-02T16:00:00Z"))).toBe("2026-12-03");
  });
});

import { getAllByRole, getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered, serverRendered } from "../../../tests/support/component";
import { VersionDiffTable, VersionHistory, type HistoryRow } from "./VersionHistory";

const version = (revision: number, more: Partial<HistoryRow> = {}): HistoryRow => ({
  revision,
  createdAt: "2026-12-05T06:30:00Z",
  createdBy: "王芳",
  origin: "staff",
  note: "draft",
  changeNote: null,
  published: false,
  live: false,
  current: false,
  ...more,
});

describe("VersionHistory", () => {
  it("is a region with a GET form comparing two labelled versions and a captioned table, each old version with a compare link and a restore post", async () => {
    const root = await routeRendered(
      <VersionHistory id="card-rules" current={3} items={[version(3, { current: true }), version(2, { live: true, note: "approved and published" }), version(1, { origin: "seed", createdBy: null, note: "knowledge/" })]} />,
      "/admin/content/card-rules",
    );
    const region = getByRole(root, "region", { name: "历史版本" });
    const from = getByRole(region, "combobox", { name: "比较" }) as HTMLSelectElement;
    const to = getByRole(region, "combobox", { name: "和" }) as HTMLSelectElement;
    expect([from.name, from.value, to.name, to.value]).toEqual(["from", "2", "to", "3"]);
    expect(from.form!.method).toBe("get");
    expect(from.form!.getAttribute("action")).toBe("/admin/content/card-rules/versions");

    const table = getByRole(region, "table", { name: "这份文件的全部 3 个版本，最新的在前" });
    expect(getAllByRole(table, "rowheader").map((c) => c.textContent?.replace(/\s+/g, ""))).toEqual(["第3版（正在修改的版本）", "第2版（公开的版本）", "第1版"]);
    expect(getAllByRole(table, "row")[3].textContent).toContain("从 knowledge/ 文件导入");
    expect(getByRole(table, "link", { name: "比较第2版和正在修改的版本" }).getAttribute("href")).toBe("/admin/content/card-rules/versions?from=2&to=3");
    const restore = getByRole(table, "button", { name: "恢复第1版" }) as HTMLButtonElement;
    expect(restore.form!.method).toBe("post");
    expect(Object.fromEntries([...restore.form!.querySelectorAll("input")].map((i) => [i.name, i.value]))).toEqual({ revision: "1", expectedRevision: "3" });
    // The version being edited is not restored onto itself.
    expect(queryByRole(table, "button", { name: "恢复第3版" })).toBeNull();
  });

  it("with one version has nothing to compare", async () => {
    const root = await routeRendered(<VersionHistory id="new" current={1} items={[version(1, { current: true })]} />, "/admin/content/new");
    expect(queryByRole(root, "combobox")).toBeNull();
    expect(queryByRole(root, "button")).toBeNull();
  });
});

describe("VersionDiffTable", () => {
  it("says each change in words, not colour alone, with the lines in <ins>/<del>, and a run of unchanged lines as one row", () => {
    const root = serverRendered(
      <VersionDiffTable
        from={2}
        to={3}
        lines={[
          { kind: "same", text: "第一条", oldLine: 1, newLine: 1 },
          { kind: "removed", text: "旧的第二条", oldLine: 2 },
          { kind: "added", text: "新的第二条", newLine: 2 },
          { kind: "skipped", count: 7 },
        ]}
      />,
    );
    const table = getByRole(root, "table", { name: "第2版和第3版的差别（只列出改动的行和前后两行）" });
    expect(getAllByRole(table, "columnheader").map((c) => c.textContent)).toEqual(["第2版行号", "第3版行号", "改动", "内容"]);
    const rows = getAllByRole(table, "row").slice(1);
    expect(rows.map((r) => getAllByRole(r, "cell").map((c) => c.textContent))).toEqual([
      ["1", "1", "未改", "第一条"],
      ["2", "", "删除", "旧的第二条"],
      ["", "2", "新增", "新的第二条"],
      ["（7 行没有改动）"],
    ]);
    expect(rows[1].querySelector("del")?.textContent).toBe("旧的第二条");
    expect(rows[2].querySelector("ins")?.textContent).toBe("新的第二条");
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { getAllByRole, getByRole } from "@testing-library/dom";
import { afterEach, describe, expect, it } from "vitest";
import { serverRendered, translated } from "../../tests/support/component";
import { StaffTable, type StaffTableColumn } from "./StaffTable";

afterEach(cleanup);

const columns: StaffTableColumn[] = [
  { id: "reference", label: "编号", isRowHeader: true },
  { id: "name", label: "姓名" },
  { id: "actions", label: "操作" },
];
const rows = [
  { id: "a", cells: ["HD-2222-3333", "王芳", <a href="/admin/a">查看 HD-2222-3333</a>] },
  { id: "b", cells: ["HD-4444-5555", "李华", null] },
];

describe("StaffTable", () => {
  it("without JavaScript is a table named by its caption, with column headers and each row named by its first cell", () => {
    const root = serverRendered(<StaffTable caption="报名（2 人）" columns={columns} rows={rows} emptyText="暂无报名" />);
    const table = getByRole(root, "table", { name: "报名（2 人）" });
    expect(getAllByRole(table, "columnheader").map((th) => th.textContent)).toEqual(["编号", "姓名", "操作"]);
    expect(getAllByRole(table, "rowheader").map((th) => th.textContent)).toEqual(["HD-2222-3333", "HD-4444-5555"]);
    // The empty state is only for an empty table.
    expect(table.textContent).not.toContain("暂无报名");
    expect(getByRole(table, "link", { name: "查看 HD-2222-3333" }).getAttribute("href")).toBe("/admin/a");
  });

  it("an empty table says so in one row across every column", () => {
    render(translated(<StaffTable caption="报名（0 人）" columns={columns} rows={[]} emptyText="暂无报名" />));
    const table = screen.getByRole("table", { name: "报名（0 人）" });
    const [, body] = within(table).getAllByRole("rowgroup");
    const cell = within(body).getByRole("cell", { name: "暂无报名" });
    expect(cell.getAttribute("colspan")).toBe("3");
    expect(within(table).getAllByRole("columnheader")).toHaveLength(3);
  });

  it("a header of the page's own (a sort link) keeps the column's name and says how it is sorted", () => {
    const root = serverRendered(
      <StaffTable
        caption="文件"
        columns={columns}
        rows={rows}
        header={(c) => ({ content: c.id === "name" ? <a href="?sort=name">{c.label}</a> : c.label, ariaSort: c.id === "name" ? "ascending" : undefined })}
      />,
    );
    const sorted = getByRole(root, "columnheader", { name: "姓名" });
    expect(sorted.getAttribute("aria-sort")).toBe("ascending");
    expect(getByRole(sorted, "link", { name: "姓名" }).getAttribute("href")).toBe("?sort=name");
    expect(getByRole(root, "columnheader", { name: "编号" }).hasAttribute("aria-sort")).toBe(false);
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { getAllByRole, getByRole } from "@testing-library/dom";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { routeRendered, translated } from "../../tests/support/component";
import { SortableTable, type SortableTableColumn } from "./SortableTable";

afterEach(cleanup);

const columns: SortableTableColumn[] = [
  { id: "reference", label: "编号", isRowHeader: true, sortable: true },
  { id: "name", label: "姓名", sortable: true },
  { id: "actions", label: "操作" },
];
const rows = [
  { id: "a", cells: ["HD-2222-3333", "王芳", "—"] },
  { id: "b", cells: ["HD-4444-5555", "李华", "—"] },
];
const table = <SortableTable caption="报名（2 人）" columns={columns} rows={rows} sort={{ column: "name", direction: "asc" }} emptyText="暂无报名" />;

describe("SortableTable", () => {
  it("without JavaScript: a captioned table whose sortable headers are links to ?sort= (page reset), the sorted one with aria-sort", async () => {
    const root = await routeRendered(table, "/admin/activities/signups?status=all&page=3");
    const t = getByRole(root, "table", { name: "报名（2 人）" });
    const name = getByRole(t, "columnheader", { name: /^姓名/ });
    expect(name.getAttribute("aria-sort")).toBe("ascending");
    // Sorted ascending by name: its link sorts descending; the other sorts ascending. Both keep the filter, drop the page.
    expect(getByRole(name, "link", { name: /^姓名\s*（按此列排序）/ }).getAttribute("href")).toBe("/admin/activities/signups?status=all&sort=name-desc");
    const reference = getByRole(t, "columnheader", { name: /^编号/ });
    expect(reference.hasAttribute("aria-sort")).toBe(false);
    expect(getByRole(reference, "link").getAttribute("href")).toBe("/admin/activities/signups?status=all&sort=reference");
    // A column that does not sort is plain text.
    expect(getByRole(t, "columnheader", { name: "操作" }).querySelector("a")).toBeNull();
    expect(getAllByRole(t, "rowheader").map((c) => c.textContent)).toEqual(["HD-2222-3333", "HD-4444-5555"]);
  });

  it("in the browser: a grid named by the caption, its sort state announced; sorting a column goes to its ?sort= address", async () => {
    const router = createMemoryRouter([{ path: "*", element: table }], { initialEntries: ["/admin/activities/signups?status=all&page=3"] });
    render(translated(<RouterProvider router={router} future={{ v7_startTransition: true }} />));
    const grid = await screen.findByRole("grid", { name: "报名（2 人）" });
    const name = within(grid).getByRole("columnheader", { name: /^姓名/ });
    expect(name.getAttribute("aria-sort")).toBe("ascending");
    fireEvent.click(within(grid).getByRole("columnheader", { name: /^编号/ }));
    await waitFor(() => expect(router.state.location.search).toBe("?status=all&sort=reference"));
  });
});

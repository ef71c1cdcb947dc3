import { getAllByRole, getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import { LedgerTable, type LedgerRowView } from "./LedgerTable";

const movement: LedgerRowView = {
  seq: 12,
  at: "2026-12-05T06:30:00Z",
  kind: "out",
  typeName: { zh: "手动轮椅", en: "Manual wheelchair" },
  unitId: "u1",
  assetTag: "QY-0042",
  locationName: { zh: "市残联", en: "City Federation" },
  otherLocationName: null,
  quantity: -1,
  statusAfter: "on_loan",
  reason: "loan",
  actor: "李华",
  approver: "王芳",
  requestReference: "JY-AAAA-1111",
};

describe("LedgerTable", () => {
  it("is a captioned table, each movement a row named by its number, in words, with links to the unit and the request", async () => {
    const root = await routeRendered(<LedgerTable caption="台账记录（共 1 条）" rows={[movement]} />, "/admin/devices/ledger");
    const table = getByRole(root, "table", { name: "台账记录（共 1 条）" });
    expect(getAllByRole(table, "columnheader")).toHaveLength(10);
    expect(getByRole(table, "rowheader").textContent).toBe("12");
    expect(getAllByRole(table, "cell").map((c) => c.textContent)).toEqual([
      "2026年12月5日星期六 14:30",
      "出库",
      "手动轮椅",
      "QY-0042",
      "市残联",
      "-1",
      "已借出",
      "借用 · JY-AAAA-1111",
      "李华 · 审批：王芳",
    ]);
    expect(getByRole(table, "link", { name: "QY-0042" }).getAttribute("href")).toBe("/admin/devices/units/u1");
    expect(getByRole(table, "link", { name: "JY-AAAA-1111" }).getAttribute("href")).toBe("/admin/devices/requests/JY-AAAA-1111");
  });

  it("a transfer says where to; an empty ledger says so in one row across the table", async () => {
    const root = await routeRendered(
      <LedgerTable caption="台账" rows={[{ ...movement, kind: "transfer", otherLocationName: { zh: "佛冈县借用点", en: "Fogang" }, requestReference: null, reason: null, approver: null }]} />,
      "/admin/devices/ledger",
    );
    const cells = getAllByRole(root, "cell").map((c) => c.textContent);
    expect(cells[4]).toBe("市残联 → 佛冈县借用点");
    expect(cells[7]).toBe("无");
    const empty = await routeRendered(<LedgerTable caption="台账" rows={[]} />, "/admin/devices/ledger");
    const cell = getByRole(empty, "cell", { name: "没有记录。" });
    expect(cell.getAttribute("colspan")).toBe("10");
  });
});

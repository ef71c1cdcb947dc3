import { getAllByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import { EarlierRecords } from "./EarlierRecords";

describe("EarlierRecords", () => {
  it("flags a possible duplicate fitting and lists each earlier record in words, linked by its reference", async () => {
    const root = await routeRendered(
      <EarlierRecords
        records={[
          { kind: "openLoan", reference: "JY-AAAA-1111", typeName: { zh: "手动轮椅", en: "Manual wheelchair" }, date: "2026-03-02T02:00:00Z", assetTag: "QY-0042" },
          { kind: "request", reference: "JY-BBBB-2222", typeName: { zh: "手动轮椅", en: "Manual wheelchair" }, date: "2026-11-20T02:00:00Z", assetTag: null },
        ]}
      />,
      "/admin/devices/requests/JY-CCCC-3333",
    );
    expect(root.querySelector("strong")?.textContent).toBe("可能重复适配：");
    const items = getAllByRole(root, "listitem");
    expect(items[0].textContent).toBe("同一人有未归还的同类器具：手动轮椅（QY-0042，2026年3月2日借出） JY-AAAA-1111");
    expect(items[1].textContent).toMatch(/^同一人还有同类器具的申请在办：手动轮椅（2026年11月20日提交）/);
    expect(getAllByRole(root, "link").map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["JY-AAAA-1111", "/admin/devices/requests/JY-AAAA-1111"],
      ["JY-BBBB-2222", "/admin/devices/requests/JY-BBBB-2222"],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { descriptionPairs, serverRendered } from "../../../tests/support/component";
import { StaffScreeningSummary, type StaffScreeningSummaryData } from "./StaffScreeningSummary";

const screening: StaffScreeningSummaryData = {
  title: { zh: "我和我的祖国", en: "My People, My Country" },
  hallName: { zh: "市残联影厅", en: "Federation cinema hall" },
  startsAt: "2026-12-05T06:30:00Z",
  status: "scheduled",
  booking: "open",
  seatsTotal: 40,
  seatsAvailable: 12,
};
const pairs = descriptionPairs;

describe("StaffScreeningSummary", () => {
  it("is a description list of when, where, seats taken and left, and whether booking is open", () => {
    expect(pairs(serverRendered(<StaffScreeningSummary screening={screening} />))).toEqual([
      ["时间", "2026年12月5日星期六 14:30"],
      ["地点", "市残联影厅"],
      ["座位", "已占28个，剩余12个（共40个）"],
      ["状态", "可以预订"],
    ]);
  });

  it("a cancelled screening says its seats were released; in English on /en", () => {
    const root = serverRendered(<StaffScreeningSummary screening={{ ...screening, status: "cancelled", booking: "cancelled" }} />, "en");
    const rows = pairs(root);
    expect(rows[1]).toEqual(["Where", "Federation cinema hall"]);
    expect(rows[2][1]).not.toMatch(/\d/);
  });
});

import { describe, expect, it } from "vitest";
import { descriptionPairs, serverRendered } from "../../../tests/support/component";
import { BookingSummary, type BookingSummaryData } from "./BookingSummary";

const booking: BookingSummaryData = {
  reference: "YY-2222-3333",
  status: "confirmed",
  name: "王芳",
  phoneMasked: "138****8000",
  tickets: 2,
  needs: ["wheelchair", "headset"],
  seatWords: "第3排5号、6号，靠近过道",
  screening: {
    title: { zh: "我和我的祖国", en: "My People, My Country" },
    startsAt: "2026-12-05T06:30:00Z",
    hallName: { zh: "市残联影厅", en: "Federation cinema hall" },
    venue: { zh: "市残联", en: "Qingyuan Disabled Persons' Federation" },
  },
};

describe("BookingSummary", () => {
  it("is a description list read in order: reference, status, film, when, where, people, seats in words, needs, name, the phone masked", () => {
    expect(descriptionPairs(serverRendered(<BookingSummary booking={booking} />))).toEqual([
      ["预订号", "YY-2222-3333"],
      ["状态", "已确认"],
      ["影片", "《我和我的祖国》"],
      ["时间", "2026年12月5日星期六 14:30"],
      ["地点", "市残联影厅"],
      ["人数", "我和1位同伴（共2人）"],
      ["座位", "第3排5号、6号，靠近过道"],
      ["观影需要", "需要轮椅位、需要口述影像耳机"],
      ["姓名", "王芳"],
      ["手机号码", "138****8000"],
    ]);
  });

  it("with no needs says so; on /en the film and the place in English", () => {
    const rows = descriptionPairs(serverRendered(<BookingSummary booking={{ ...booking, needs: [] }} />, "en"));
    expect(rows[2][1]).toBe("My People, My Country");
    expect(rows[4][1]).toBe("Federation cinema hall, Qingyuan Disabled Persons' Federation");
    expect(rows[7][1]).not.toBe("");
    expect(rows.some(([, v]) => v === "138****8000")).toBe(true);
  });
});

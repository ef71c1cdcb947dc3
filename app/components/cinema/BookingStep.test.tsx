import { getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import { BookingStep } from "./BookingStep";

const screening = { id: "s1", title: { zh: "我和我的祖国", en: "My People, My Country" }, startsAt: "2026-12-05T06:30:00Z" };

describe("BookingStep", () => {
  it("frames a step: error summary first, a back link, the step count and the screening it is for, then the question", async () => {
    const root = await routeRendered(
      <BookingStep screening={screening} back="/cinema/s1/book/party" step={{ n: 2, of: 5 }} errors={[{ id: "f-needs", text: "请选择一项" }]}>
        <h1>有什么需要</h1>
      </BookingStep>,
      "/cinema/s1/book/needs",
    );
    const frame = root.querySelector(".booking-step")!;
    expect(frame.firstElementChild?.getAttribute("role")).toBe("group");
    expect(getByRole(root, "group", { name: "提交前请修改以下问题" })).toBeTruthy();
    expect(getByRole(root, "link", { name: "返回上一步" }).getAttribute("href")).toBe("/cinema/s1/book/party");
    expect(root.textContent).toContain("第2步，共5步");
    expect(root.textContent).toContain("预订：我和我的祖国，2026年12月5日星期六 14:30");
    expect(getByRole(root, "heading", { level: 1, name: "有什么需要" })).toBeTruthy();
  });

  it("the first step has no back link and no summary without errors; in English on /en", async () => {
    const root = await routeRendered(
      <BookingStep screening={screening}>
        <h1>How many people</h1>
      </BookingStep>,
      "/en/cinema/s1/book",
    );
    expect(queryByRole(root, "link")).toBeNull();
    expect(queryByRole(root, "group")).toBeNull();
    expect(root.textContent).toContain("Booking: My People, My Country, Saturday, 5 December 2026, 14:30");
  });
});

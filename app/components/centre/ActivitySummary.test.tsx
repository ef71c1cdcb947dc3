import { describe, expect, it } from "vitest";
import { descriptionPairs, serverRendered } from "../../../tests/support/component";
import { ActivityFacts, type ActivityCardData } from "./ActivitySummary";

const activity: ActivityCardData = {
  id: "a1",
  type: "training",
  title: { zh: "盲人按摩培训", en: "Massage training" },
  place: { zh: "粤北区域中心", en: "Northern Guangdong Centre" },
  startsAt: "2026-12-05T06:30:00Z",
  capacity: 20,
  placesLeft: 3,
  waiting: 0,
  waitlistSize: 5,
  accessibility: ["signLanguage", "stepFree"],
  signupClosesAt: "2026-12-04T10:00:00Z",
  example: false,
};

describe("ActivityFacts", () => {
  it("is a description list: type, when (a machine-readable time), where, places left, access, when sign-up closes", () => {
    const root = serverRendered(<ActivityFacts a={activity} />);
    expect(descriptionPairs(root)).toEqual([
      ["类型", "职业技能培训"],
      ["时间", "2026年12月5日星期六 14:30"],
      ["地点", "粤北区域中心"],
      ["名额", "剩余 3 个（共 20 个）"],
      ["无障碍服务", "手语翻译、无台阶通道"],
      ["报名截止", "2026年12月4日 18:00"],
    ]);
    expect(root.querySelector("time")?.getAttribute("datetime")).toBe("2026-12-05T06:30:00Z");
  });

  it("full says whether the waiting list is open; no listed access says to ask", () => {
    const waiting = descriptionPairs(serverRendered(<ActivityFacts a={{ ...activity, placesLeft: 0, waiting: 2, accessibility: [] }} />));
    expect(waiting[3][1]).toBe("已满，可以报名候补");
    expect(waiting[4][1]).toBe("请来电咨询");
    const closed = descriptionPairs(serverRendered(<ActivityFacts a={{ ...activity, placesLeft: 0, waiting: 5 }} />));
    expect(closed[3][1]).toBe("已满，候补名单也已满");
  });
});

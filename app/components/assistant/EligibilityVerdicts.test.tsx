import { getAllByRole, getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import type { EligibilityBlock } from "~/modules/assistant/answer-view";
import { EligibilityVerdicts, PrefillEligibility } from "./EligibilityVerdicts";

const block: EligibilityBlock = {
  facts: ["肢体残疾", "二级", "低保家庭"],
  items: [
    { scheme: "livingAllowance", name: "困难残疾人生活补贴", verdict: "likely", verdictText: "可以申请", why: ["低保家庭中的残疾人可以申请。"], ifs: [], sources: [1] },
    { scheme: "nursingAllowance", name: "重度残疾人护理补贴", verdict: "depends", verdictText: "还要看您的情况", why: [], ifs: ["如果需要长期照护：可以申请"], sources: [] },
  ],
  unknown: [{ field: "care", question: "是否需要长期照护？" }],
  prefill: { category: "physical", grade: "2", income: "dibao" },
  assumption: "以上按持有有效的残疾人证来判断。",
};
const passages = [{ n: 1, key: 10, title: "困难残疾人生活补贴申请指南 · 一、谁可以申请", url: "/policies/living-allowance#who", quote: "…" }];

describe("EligibilityVerdicts", () => {
  it("is a region named by its heading: the facts heard, each benefit's verdict with why and its sources as links, and what is still unknown", async () => {
    const root = await routeRendered(<EligibilityVerdicts block={block} passages={passages} headingId="turn-1-verdicts" />, "/assistant");
    const region = getByRole(root, "region", { name: "每项补贴的判断" });
    expect(region.textContent).toContain("您说的情况： 肢体残疾、二级、低保家庭");
    const verdicts = region.querySelectorAll(".chat-eligibility__verdict");
    expect([...verdicts].map((p) => p.textContent)).toEqual(["困难残疾人生活补贴：可以申请", "重度残疾人护理补贴：还要看您的情况"]);
    expect(region.textContent).toContain("如果需要长期照护：可以申请");
    const source = getByRole(region, "link", { name: "困难残疾人生活补贴申请指南 · 一、谁可以申请" });
    expect(source.getAttribute("href")).toBe("/policies/living-allowance#who");
    expect(getByRole(region, "heading", { level: 4, name: "还需要知道" })).toBeTruthy();
    expect(region.textContent).toContain("是否需要长期照护？");
    expect(region.textContent).toContain("以上按持有有效的残疾人证来判断。");
  });

  it("on /en marks the Chinese parts Chinese, the source link too", async () => {
    const root = await routeRendered(<EligibilityVerdicts block={block} passages={passages} headingId="t" />, "/en/assistant");
    expect(getAllByRole(root, "link")[0].getAttribute("lang")).toBe("zh-CN");
    expect(root.querySelectorAll('.chat-eligibility__verdict [lang="zh-CN"]').length).toBeGreaterThan(0);
  });
});

describe("PrefillEligibility", () => {
  it("is a post form to the step-by-step check carrying only the choices heard (never in the URL), as one named button", async () => {
    const root = await routeRendered(<PrefillEligibility prefill={block.prefill} label="用这些情况继续资格自测" />, "/en/assistant");
    const button = getByRole(root, "button", { name: "用这些情况继续资格自测" }) as HTMLButtonElement;
    const form = button.form!;
    expect(form.method).toBe("post");
    expect(form.getAttribute("action")).toBe("/en/assistant/eligibility");
    expect(Object.fromEntries([...form.querySelectorAll("input")].map((i) => [i.name, i.value]))).toEqual({ intent: "prefill", category: "physical", grade: "2", income: "dibao" });
  });
});

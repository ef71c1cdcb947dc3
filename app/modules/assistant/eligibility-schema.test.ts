import { prefillFromForm } from "./eligibility-schema";

describe("answers a chat answer carries to the step-by-step check", () => {
  it("keeps the fields that are one of their options and drops the rest", () => {
    const form = new FormData();
    form.set("intent", "prefill");
    form.set("grade", "2");
    form.set("category", "physical");
    form.set("income", "millionaire");
    form.set("care", "");
    form.set("certificate", "44180219900101123411");
    expect(prefillFromForm(form)).toEqual({ grade: "2", category: "physical" });
  });

  it("an empty form fills nothing", () => {
    expect(prefillFromForm(new FormData())).toEqual({});
  });
});

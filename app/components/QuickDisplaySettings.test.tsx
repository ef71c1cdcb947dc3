import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../tests/support/component";
import { defaultPreferences } from "~/modules/preferences/preferences";
import { LargeTextToggle, QuickDisplaySettings } from "./QuickDisplaySettings";

const header = (
  <>
    <LargeTextToggle />
    <QuickDisplaySettings />
  </>
);

describe("QuickDisplaySettings and LargeTextToggle", () => {
  it("without JavaScript are toggle buttons of one named form posting to the settings page, back to this page", async () => {
    const root = await routeRendered(header, "/policies?q=card", { rootData: { preferences: defaultPreferences } });
    const form = getByRole(root, "form", { name: "快捷显示设置" }) as HTMLFormElement;
    expect(form.method).toBe("post");
    expect(form.getAttribute("action")).toBe("/settings");
    expect((form.elements.namedItem("redirectTo") as HTMLInputElement).value).toBe("/policies?q=card");
    const contrast = getByRole(form, "button", { name: "高对比度", pressed: false }) as HTMLButtonElement;
    expect([contrast.name, contrast.value]).toEqual(["intent", "toggle-contrast"]);
    // The large-text switch sits outside the form (in the header bar) and still submits it.
    const large = getByRole(root, "button", { name: "大字", pressed: false }) as HTMLButtonElement;
    expect(form.contains(large)).toBe(false);
    expect(large.form).toBe(form);
    expect(large.value).toBe("toggle-text-size");
    expect(getByRole(form, "link", { name: "显示设置" }).getAttribute("href")).toBe("/settings");
  });

  it("say they are on when the person has turned them on; in English on /en", async () => {
    const root = await routeRendered(header, "/en", { rootData: { preferences: { ...defaultPreferences, textSize: "150", contrast: "high" } } });
    const form = getByRole(root, "form", { name: /./ }) as HTMLFormElement;
    expect(form.getAttribute("action")).toBe("/en/settings");
    expect(root.querySelectorAll('button[aria-pressed="true"]')).toHaveLength(2);
  });
});

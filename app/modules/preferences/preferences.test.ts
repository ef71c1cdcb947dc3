import { describe, expect, it } from "vitest";
import { applySettingsForm } from "./apply-settings";
import { defaultPreferences, parsePreferences, preferenceAttributes } from "./preferences";

describe("display preferences", () => {
  it("keeps valid choices and replaces anything else by the default", () => {
    expect(parsePreferences({ textSize: "200", contrast: "high", spacing: "bogus" })).toEqual({
      textSize: "200",
      contrast: "high",
      spacing: "standard",
      motion: "standard",
    });
    expect(parsePreferences("garbage")).toEqual(parsePreferences({}));
  });

  it("become attributes on <html> so the server renders them", () => {
    expect(preferenceAttributes(parsePreferences({ textSize: "150", motion: "reduce" }))).toMatchObject({
      "data-text-size": "150",
      "data-motion": "reduce",
    });
  });
});

describe("settings form", () => {
  const form = (entries: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(entries)) f.set(k, v);
    return f;
  };
  it("saves the chosen options and ignores forged values", () => {
    expect(applySettingsForm(defaultPreferences, form({ textSize: "200", contrast: "high", spacing: "x", motion: "reduce" }))).toEqual({
      textSize: "200",
      contrast: "high",
      spacing: "standard",
      motion: "reduce",
    });
  });
  it("toggles large text and contrast from the header, and resets", () => {
    const large = applySettingsForm(defaultPreferences, form({ intent: "toggle-text-size" }));
    expect(large.textSize).toBe("150");
    expect(applySettingsForm(large, form({ intent: "toggle-text-size" })).textSize).toBe("100");
    const high = applySettingsForm(defaultPreferences, form({ intent: "toggle-contrast" }));
    expect(high.contrast).toBe("high");
    expect(applySettingsForm(high, form({ intent: "reset" }))).toEqual(defaultPreferences);
  });
});

import { defaultPreferences, parsePreferences, type Preferences } from "./preferences";

/**
 * The display settings after a post: the full form ("save"), back to defaults ("reset"), or one of the
 * header's quick toggles (larger text cycles 100 → 150 → 100; contrast flips).
 */
export function applySettingsForm(current: Preferences, form: FormData): Preferences {
  const intent = form.get("intent");
  switch (intent) {
    case "reset":
      return defaultPreferences;
    case "toggle-text-size":
      return { ...current, textSize: current.textSize === "100" ? "150" : "100" };
    case "toggle-contrast":
      return { ...current, contrast: current.contrast === "high" ? "standard" : "high" };
    default:
      return parsePreferences({
        textSize: form.get("textSize") ?? current.textSize,
        contrast: form.get("contrast") ?? current.contrast,
        spacing: form.get("spacing") ?? current.spacing,
        motion: form.get("motion") ?? current.motion,
      });
  }
}

/**
 * Display preferences (适老化): chosen by a plain form, kept in a cookie, applied by the server.
 * This file is shared with the browser bundle, so it validates with plain checks rather than a schema library.
 */
export const textSizes = ["100", "125", "150", "200"] as const;
export const contrasts = ["standard", "high"] as const;
export const spacings = ["standard", "wide"] as const;
export const motions = ["standard", "reduce"] as const;

export interface Preferences {
  textSize: (typeof textSizes)[number];
  contrast: (typeof contrasts)[number];
  spacing: (typeof spacings)[number];
  motion: (typeof motions)[number];
}

export const defaultPreferences: Preferences = { textSize: "100", contrast: "standard", spacing: "standard", motion: "standard" };

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Anything (a cookie, a form) → valid preferences; unknown values fall back to the default. */
export function parsePreferences(input: unknown): Preferences {
  const source = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  return {
    textSize: pick(source.textSize, textSizes, defaultPreferences.textSize),
    contrast: pick(source.contrast, contrasts, defaultPreferences.contrast),
    spacing: pick(source.spacing, spacings, defaultPreferences.spacing),
    motion: pick(source.motion, motions, defaultPreferences.motion),
  };
}

/** Attributes for <html>: the stylesheet keys off these, so the first paint is already right. */
export function preferenceAttributes(p: Preferences): Record<string, string> {
  return {
    "data-text-size": p.textSize,
    "data-contrast": p.contrast,
    "data-spacing": p.spacing,
    "data-motion": p.motion,
  };
}

import { portalCookie } from "../security/cookies.server";
import { defaultPreferences, parsePreferences, type Preferences } from "./preferences";

const preferencesCookie = portalCookie("display", { maxAge: 60 * 60 * 24 * 365 });

export async function readPreferences(request: Request): Promise<Preferences> {
  try {
    return parsePreferences(await preferencesCookie.parse(request));
  } catch {
    return defaultPreferences;
  }
}

export async function preferencesSetCookie(request: Request, p: Preferences): Promise<string> {
  return preferencesCookie.serialize(request, p);
}

import { createCookie } from "@remix-run/node";
import { cookiesSecure } from "../security/secrets.server";
import { defaultPreferences, parsePreferences, type Preferences } from "./preferences";

const preferencesCookie = createCookie("display", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: cookiesSecure(),
  maxAge: 60 * 60 * 24 * 365,
});

export async function readPreferences(request: Request): Promise<Preferences> {
  try {
    return parsePreferences(await preferencesCookie.parse(request.headers.get("Cookie")));
  } catch {
    return defaultPreferences;
  }
}

export async function preferencesSetCookie(p: Preferences): Promise<string> {
  return preferencesCookie.serialize(p);
}

import { createCookie } from "@remix-run/node";
import { defaultPreferences, parsePreferences, type Preferences } from "./preferences";

const preferencesCookie = createCookie("display", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
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

import type { BrowserContext } from "playwright-core";
import { inject } from "vitest";
import { baseURL } from "./browser";
import type { StaffFixture } from "./global-setup";

export const staffAccount = (who: StaffFixture) => inject("staff")[who];

/** Signs a browser context in as a test staff member (through the real login form's POST). */
export async function signInContext(context: BrowserContext, who: StaffFixture): Promise<void> {
  const { username, password } = staffAccount(who);
  const response = await context.request.post("/login", { form: { username, password }, maxRedirects: 0 });
  if (response.status() !== 302) throw new Error(`login as ${username} failed: ${response.status()}`);
}

/** The session cookie of a test staff member, for plain fetch() calls. */
export async function sessionCookie(who: StaffFixture): Promise<string> {
  const { username, password } = staffAccount(who);
  const response = await fetch(`${baseURL()}/login`, {
    method: "POST",
    body: new URLSearchParams({ username, password }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`login as ${username} failed: ${response.status}`);
  return cookie.split(";")[0];
}

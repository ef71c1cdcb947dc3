import { createCookie, type Cookie, type CookieSerializeOptions } from "@remix-run/node";
import { cookieSecure, sessionSecrets } from "./secrets.server";

/**
 * Every cookie the portal sets is made here, so they all follow one policy: HttpOnly, SameSite=Lax, path /, and
 * Secure whenever the request is HTTPS (`cookieSecure`, decided per request). Signed cookies are signed with the
 * current session secret and accepted with any earlier one (rotation keeps people signed in).
 */
export interface PortalCookie {
  parse(request: Request): Promise<unknown>;
  serialize(request: Request, value: unknown, options?: CookieSerializeOptions): Promise<string>;
}

export function portalCookie(name: string, options: { maxAge?: number; signed?: boolean } = {}): PortalCookie {
  let cookie: Cookie | undefined;
  // Made on first use, so the secrets are read (or generated) when the server runs, not when the module loads.
  const get = () =>
    (cookie ??= createCookie(name, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      maxAge: options.maxAge,
      secrets: options.signed ? sessionSecrets() : undefined,
    }));
  return {
    parse: (request) => get().parse(request.headers.get("Cookie")),
    serialize: (request, value, extra) => get().serialize(value, { secure: cookieSecure(request), ...extra }),
  };
}

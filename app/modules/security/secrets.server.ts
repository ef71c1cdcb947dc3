const developmentSecret = "qingyuan-access-development-secret-do-not-use-in-production";
let warned = false;

/**
 * SESSION_SECRET signs cookies and keys the hashes of certificate numbers. Required when an operator runs
 * the portal in production (NODE_ENV=production set by them); `npm start` on a developer's machine uses a
 * development default with a loud warning (CONTRACTS.md).
 */
export function sessionSecret(env: Record<string, string | undefined> = process.env): string {
  const secret = env.SESSION_SECRET;
  if (secret && secret.length >= 16) return secret;
  if (env.NODE_ENV === "production" && env.PORTAL_LOCAL_RUN !== "1") {
    throw new Error("SESSION_SECRET (at least 16 characters) is required in production");
  }
  if (!warned) {
    warned = true;
    console.warn("⚠️  SESSION_SECRET is not set: using the development default. Never do this on a public server.");
  }
  return developmentSecret;
}

/** Cookies are Secure in production; not on a developer's plain-http machine. */
export function cookiesSecure(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV === "production" && env.PORTAL_LOCAL_RUN !== "1" && env.INSECURE_COOKIES !== "1";
}

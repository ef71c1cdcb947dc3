/** What the server (scripts/serve.mjs) hands every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for this response's Content-Security-Policy; absent in `remix vite:dev`. */
    cspNonce?: string;
    /** The client's address, for per-client rate limits. */
    clientIp?: string;
  }
}
export {};

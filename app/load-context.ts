import type { EdgeState } from "~/http/guarded-build.server";

/** What the server (scripts/serve.mjs, through http/portal-handler.server.ts) hands every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for this response's Content-Security-Policy; absent in `remix vite:dev`. */
    cspNonce?: string;
    /** The client's address, for per-client rate limits. */
    clientIp?: string;
    /** What the edge decided about this request (refusals, the body limit); absent in `remix vite:dev`. */
    edge?: EdgeState;
  }
}
export {};

import type { ActionFunction, ActionFunctionArgs, LoaderFunction, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import type { Refusal } from "~/components/refusal";
import { classifyStorageError, reportStorageFailure } from "~/modules/db/storage-failure.server";
import { isUnstorableInput } from "~/modules/db/unstorable-input.server";
import { bytesToKb, pageRefusal, resourceRefusal } from "./refusal.server";

/**
 * What the edge (portal-handler.server.ts) tells the routes about a request, in the load context.
 * `refusal`: decided before any route ran (a foreign origin, a declared body over the limit) — the route's
 * action never runs. `bodyTooLarge`: the body grew past its limit while the action read it — whatever the action
 * made of the cut-off body, the answer is 413.
 */
export interface EdgeState {
  refusal: Refusal | null;
  bodyTooLarge: number | null;
}

type RouteModule = ServerBuild["routes"][string]["module"];

/**
 * The Remix build with every route's loader and action behind the edge's rules, in one place instead of in
 * every route: refusals as above; a storage failure (full disk, read-only database, database unreachable:
 * modules/db/storage-failure.server.ts) anywhere in a loader or action becomes a 503 with the real error in the
 * log; a value the database refuses (modules/db/unstorable-input.server.ts) a 400. Everything else passes
 * through untouched.
 */
export function guardBuild(build: ServerBuild): ServerBuild {
  const rootLoader = build.routes.root?.module.loader;
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [id, { ...route, module: guardModule(id, route.module, rootLoader) }]),
  );
  return { ...build, routes };
}

function guardModule(id: string, module: RouteModule, rootLoader: LoaderFunction | undefined): RouteModule {
  // Remix's own rule for a resource route: the last match has neither a component nor an error boundary.
  const resource = !module.default && !module.ErrorBoundary;

  /** Pages throw the refusal to the root ErrorBoundary, with the root's data (no loader runs after a failed action). */
  async function refuse(refusal: Refusal, args: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
    if (resource) return resourceRefusal(refusal, args.request);
    let root: unknown;
    try {
      root = rootLoader ? await rootLoader(args) : undefined;
    } catch {
      root = undefined;
    }
    throw pageRefusal(refusal, root instanceof Response ? undefined : root);
  }

  function storageFailure(error: unknown, during: "action" | "loader") {
    const failure = classifyStorageError(error);
    if (failure) reportStorageFailure(failure, `${during} ${id}`);
    return failure;
  }

  /** A value the database refused (PostgreSQL, class 22: a NUL in text …): logged without the value, answered 400. */
  function unstorable(error: unknown, during: "action" | "loader") {
    if (!isUnstorableInput(error)) return false;
    console.warn(`a value from the client was refused by the database [${(error as { code: string }).code}] during ${during} ${id}`);
    return true;
  }

  const action = module.action;
  const loader = module.loader;
  return {
    ...module,
    ...(action
      ? {
          action: (async (args: ActionFunctionArgs) => {
            const edge = args.context.edge;
            if (edge?.refusal) return refuse(edge.refusal, args);
            try {
              const result = await action(args);
              if (edge?.bodyTooLarge) return refuse({ kind: "too_large", limitKb: bytesToKb(edge.bodyTooLarge) }, args);
              return result;
            } catch (error) {
              if (edge?.bodyTooLarge) return refuse({ kind: "too_large", limitKb: bytesToKb(edge.bodyTooLarge) }, args);
              if (storageFailure(error, "action")) return refuse({ kind: "unavailable", during: "save" }, args);
              if (unstorable(error, "action")) return refuse({ kind: "bad_input" }, args);
              throw error;
            }
          }) as ActionFunction,
        }
      : {}),
    ...(loader
      ? {
          loader: (async (args: LoaderFunctionArgs) => {
            try {
              return await loader(args);
            } catch (error) {
              if (storageFailure(error, "loader")) return refuse({ kind: "unavailable", during: "read" }, args);
              if (unstorable(error, "loader")) return refuse({ kind: "bad_input" }, args);
              throw error;
            }
          }) as LoaderFunction,
        }
      : {}),
  };
}

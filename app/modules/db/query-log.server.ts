import { AsyncLocalStorage } from "node:async_hooks";
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";

/**
 * What the cache of rendered pages needs from the database layer (app/http/page-cache.server.ts, ADR 0008):
 * - whether a render touched the database at all (a page built from the corpus alone never goes stale when a
 *   row changes), counted for whoever runs code inside `queryLog.run(log, …)`;
 * - how many writes this process has sent, so a page rendered before one of its own writes is not served after it
 *   (SQLite's data_version only counts the commits of other connections, see data-version.server.ts).
 * Every query counts, whatever its kind: a raw `sql` query cannot be told apart, so it counts as a write too.
 */
export interface QueryLog {
  queries: number;
  writes: number;
}

export const queryLog = new AsyncLocalStorage<QueryLog>();

let writesSent = 0;

/** Writes this process has sent to the database so far (any connection). */
export function localWrites(): number {
  return writesSent;
}

const readKinds = new Set(["SelectQueryNode"]);

const writeIds = new WeakSet<object>();

export class QueryLogPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const write = !readKinds.has(args.node.kind);
    if (write) writeIds.add(args.queryId);
    const log = queryLog.getStore();
    if (log) {
      log.queries++;
      if (write) log.writes++;
    }
    return args.node;
  }

  /**
   * Counted once the write has run, not when it is compiled: a page whose version was read after the count went up
   * then reads what the write wrote (SQLite's one connection runs a transaction to its end before the next query).
   */
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (writeIds.has(args.queryId)) writesSent++;
    return args.result;
  }
}

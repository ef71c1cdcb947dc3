import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set in the "postgres" project: tests then run on PostgreSQL instead of SQLite. */
    postgresAdminUrl: string;
  }
}

/** The "postgres" project runs every database test again on a throw-away PostgreSQL cluster. */
export default async function setup(project: TestProject) {
  const pg = await startPostgres();
  project.provide("postgresAdminUrl", pg.adminUrl);
  return () => pg.stop();
}

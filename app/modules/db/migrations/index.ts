import type { Migration } from "kysely";
import * as foundation from "./0001-foundation";

/** Every migration, in order. Names are permanent: add new ones at the end, never rename. */
export const migrations: Record<string, Migration> = {
  "0001-foundation": foundation,
};

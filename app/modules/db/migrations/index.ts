import type { Migration } from "kysely";
import * as foundation from "./0001-foundation";
import * as cinema from "./0002-cinema";
import * as staff from "./0003-staff";

/** Every migration, in order. Names are permanent: add new ones at the end, never rename. */
export const migrations: Record<string, Migration> = {
  "0001-foundation": foundation,
  "0002-cinema": cinema,
  "0003-staff": staff,
};

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Audit entries are written by the module that makes the change, in the change's own transaction (issue 15,
 * item 4). A route, HTTP helper or script (the admin CLI) that wrote one would write it after and outside that
 * transaction, so an entry could be missing for a change that happened, or be there for one that did not.
 */
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

describe("where audit entries are written", () => {
  it("no route, no HTTP helper and no script writes to the audit log", () => {
    const writers = ["app/routes", "app/http", "scripts"].flatMap(files).filter((file) => /\b(recordAudit|withAudit)\b|insertInto\(\s*["']audit_log/.test(fs.readFileSync(file, "utf8")));
    expect(writers).toEqual([]);
  });
});

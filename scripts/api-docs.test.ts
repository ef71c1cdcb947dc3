import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "~/modules/api/openapi.server";
import { apiDocsPath, renderApiDocs, type ApiDocument } from "./api-docs";

/** docs/api.md is what scripts/api-docs.ts writes from the OpenAPI document: never out of date with the API. */
describe("docs/api.md", () => {
  it("is what scripts/api-docs.ts writes from the served document (run `npx tsx scripts/api-docs.ts` after a change)", () => {
    expect(fs.readFileSync(apiDocsPath, "utf8")).toBe(renderApiDocs(openApiDocument() as unknown as ApiDocument));
  });

  it("documents every call with its answers, and says how versions and deprecations work", () => {
    const page = fs.readFileSync(apiDocsPath, "utf8");
    for (const [route, item] of Object.entries(openApiDocument().paths ?? {})) {
      for (const method of Object.keys(item)) expect(page).toContain(`### \`${method.toUpperCase()} /api/v1${route}\``);
    }
    expect(page).toContain("## Versioning and deprecation");
    expect(page).toMatch(/at least 12 months/);
    expect(page).toMatch(/Deprecation.*RFC 9745/);
    expect(page).toMatch(/Sunset.*RFC 8594/);
  });
});

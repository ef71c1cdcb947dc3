import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { maskPersonalData } from "./mask";

const knowledge = path.resolve(__dirname, "../../../knowledge");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe("public numbers", () => {
  it("the corpus (what the assistant quotes) loses nothing to masking: every number it publishes is on the list", () => {
    const masked: string[] = [];
    for (const file of files(knowledge)) {
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const result = maskPersonalData(line);
          if (result.found.length) masked.push(`${path.relative(knowledge, file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(masked, "add a public number to app/modules/privacy/public-numbers.ts, or take the personal number out").toEqual([]);
    expect(fs.readFileSync(path.join(knowledge, "faq/contact-federation.md"), "utf8")).toContain("0763-3362221");
  });
});

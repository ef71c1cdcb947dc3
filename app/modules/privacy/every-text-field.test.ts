import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const app = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Where zod reads something other than a client's input: the corpus's front matter, and these helpers themselves. */
const notClientInput = [path.join(app, "modules/privacy"), path.join(app, "modules/content")];
/** Where zod reads nothing at all: the JSON API's answers, described for the OpenAPI document (and the tests' check). */
const describesAnswers = [path.join(app, "modules/api/api-responses.server.ts")];

describe("every text field of a form or the API", () => {
  it("is read with a privacy/text-fields helper, or says on the line why it is read raw", () => {
    const raw: string[] = [];
    for (const file of sources(app)) {
      if (notClientInput.some((dir) => file.startsWith(dir + path.sep)) || describesAnswers.includes(file)) continue;
      const lines = fs.readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        if (!/\bz\s*\.\s*(?:coerce\s*\.\s*)?string\s*\(/.test(line)) return;
        if (/\/\/ raw: \S/.test(line) || /^\s*\/\/ raw: \S/.test(lines[i - 1] ?? "")) return;
        raw.push(`${path.relative(app, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    // freeText (masked), nameText, plainText or mobilePhone (app/modules/privacy/text-fields.ts) clean and mask
    // input before it is stored; a raw z.string() needs a strict check after it and a `// raw: why` comment.
    expect(raw).toEqual([]);
  });
});

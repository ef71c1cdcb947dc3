/**
 * Writes docs/api.md, the readable reference of the JSON API, from its OpenAPI document
 * (app/modules/api/openapi.server.ts): `npx tsx scripts/api-docs.ts`. scripts/api-docs.test.ts fails when the file
 * and the document disagree, so a change to a schema comes with the page that describes it.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  description?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Media = { schema?: Schema; example?: unknown };
type Response = { description?: string; headers?: Record<string, { description?: string; required?: boolean }>; content?: Record<string, Media> };
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: Parameter[];
  requestBody?: { description?: string; content?: Record<string, Media> };
  responses: Record<string, Response>;
};
export interface ApiDocument {
  info: { title: string; version: string; description?: string };
  servers?: Array<{ url: string }>;
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; responses?: Record<string, Response> };
}

const methods = ["get", "post", "put", "patch", "delete"];
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");
const refName = (ref: string) => ref.split("/").pop()!;
const anchor = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/** A schema in a few words: `string`, `integer (1–4)`, `"a" | "b"`, `[Booking](#schema-booking)`, `string[]`. */
function typeOf(schema: Schema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return `[${refName(schema.$ref)}](#schema-${anchor(refName(schema.$ref))})`;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return alternatives.map(typeOf).join(" or ");
  const types = [schema.type ?? "any"].flat();
  const nullable = types.includes("null");
  const main = types.filter((t) => t !== "null");
  let text: string;
  if (schema.enum) text = schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" | ");
  else if (main[0] === "array") text = schema.items?.enum ? `(${typeOf(schema.items)})[]` : `${typeOf(schema.items)}[]`;
  else if (main[0] === "object" && !schema.properties && schema.additionalProperties && typeof schema.additionalProperties === "object") text = `{ name: ${typeOf(schema.additionalProperties)} }`;
  else text = main.join(" or ");
  if (schema.minimum !== undefined || schema.maximum !== undefined) text += ` (${schema.minimum ?? "…"}–${schema.maximum ?? "…"})`;
  if (schema.pattern) text += ` matching \`${schema.pattern}\``;
  return nullable ? `${text} or null` : text;
}

/** An object's fields as table rows, nested objects and arrays of objects by their dotted path. */
function fieldRows(schema: Schema, prefix = ""): string[] {
  const rows: string[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    const full = `${prefix}${name}`;
    const required = schema.required?.includes(name) ? "yes" : "no";
    rows.push(`| \`${full}\` | ${cell(typeOf(field))} | ${required} | ${cell(field.description ?? "")} |`);
    const inner = field.items ?? field;
    if (!inner.$ref && inner.properties) rows.push(...fieldRows(inner, field.items ? `${full}[].` : `${full}.`));
  }
  return rows;
}

function fieldTable(schema: Schema): string[] {
  return ["| field | type | required | notes |", "| --- | --- | --- | --- |", ...fieldRows(schema)];
}

const example = (value: unknown) => ["```json", JSON.stringify(value, null, 2), "```"];

function responseRow(status: string, response: Response): string {
  const schema = response.content?.["application/json"]?.schema;
  const codes = schema?.properties?.error?.enum;
  const body = codes ? `error: ${codes.map((c) => `\`${String(c)}\``).join(", ")}` : typeOf(schema);
  const headers = Object.keys(response.headers ?? {}).map((h) => `\`${h}\``);
  return `| ${status} | ${cell(response.description ?? "")} | ${cell(body)} | ${headers.join(", ")} |`;
}

function operationSection(base: string, route: string, method: string, operation: Operation): string[] {
  const lines = [`<a id="${operation.operationId}"></a>`, `### \`${method.toUpperCase()} ${base}${route}\``, ""];
  if (operation.deprecated) lines.push("**Deprecated.** See [Versioning and deprecation](#versioning-and-deprecation).", "");
  lines.push(`${operation.summary ?? ""}${operation.summary?.endsWith(".") ? "" : "."}`, "");
  if (operation.description) lines.push(operation.description, "");
  const parameters = operation.parameters ?? [];
  if (parameters.length) {
    lines.push("Parameters:", "", "| name | in | required | type | notes |", "| --- | --- | --- | --- | --- |");
    for (const p of parameters) lines.push(`| \`${p.name}\` | ${p.in} | ${p.required ? "yes" : "no"} | ${cell(typeOf(p.schema))} | ${cell(p.description ?? p.schema?.description ?? "")} |`);
    lines.push("");
  }
  const body = operation.requestBody?.content?.["application/json"];
  if (body?.schema) {
    lines.push(`Body (\`application/json\`): ${operation.requestBody?.description ?? ""}`, "", ...fieldTable(body.schema), "");
    if (body.example !== undefined) lines.push("Example body:", "", ...example(body.example), "");
  }
  lines.push("Answers:", "", "| status | when | body | headers |", "| --- | --- | --- | --- |");
  for (const [status, response] of Object.entries(operation.responses)) lines.push(responseRow(status, response));
  lines.push("");
  for (const [status, response] of Object.entries(operation.responses)) {
    const shown = response.content?.["application/json"]?.example;
    if (shown !== undefined) lines.push(`Example answer (${status}):`, "", ...example(shown), "");
  }
  return lines;
}

/** Every error code the document names, by status. */
function errorCodes(document: ApiDocument): Map<string, Set<string>> {
  const byStatus = new Map<string, Set<string>>();
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const codes = response.content?.["application/json"]?.schema?.properties?.error?.enum;
        if (!codes) continue;
        const set = byStatus.get(status) ?? new Set<string>();
        for (const c of codes) set.add(String(c));
        byStatus.set(status, set);
      }
    }
  }
  byStatus.set("405", new Set(["method_not_allowed"]));
  return new Map([...byStatus].sort(([a], [b]) => Number(a) - Number(b)));
}

const versioning = `## Versioning and deprecation

- **\`/api/v1\` only changes compatibly.** New optional request fields and parameters, new fields in answers, new
  error codes for new situations and new calls may come at any time; a client must ignore answer fields it does
  not know. (The document lists each answer's fields exactly, \`additionalProperties: false\`, so that the suite
  notices a field nobody documented; a client should not hold a newer answer to an older copy that strictly.)
  Nothing is removed or renamed, no field changes its type or meaning, no optional input becomes required, and
  no call changes the status codes it answers for what it already answers. \`info.version\` of the document
  follows semantic versioning: the minor number for such additions, the patch number for fixes of the
  description itself.
- **A breaking change is a new version.** It goes to \`/api/v2\`, with its own document at
  \`/api/v2/openapi.json\`; \`/api/v1\` keeps working beside it.
- **A deprecated call keeps working for at least 12 months** from the day it is deprecated. From that day it is
  marked \`deprecated: true\` in the document (and here), and every answer of it carries two headers:
  \`Deprecation: @<Unix seconds>\` (RFC 9745: since when) and \`Sunset: <HTTP date>\` (RFC 8594: the day after
  which it may stop working). Both are implemented: a call listed in \`apiDeprecations\`
  (app/modules/api/openapi.server.ts) is marked deprecated and its answers list both headers as required; its
  route then adds \`deprecationHeaders(operationId)\` to every answer, and the suite's check of the API tests'
  answers fails one that lacks them. The \`Link\` header with \`rel="deprecation"\` of RFC 9745 is not sent; this page is the place to read
  about a deprecation. No call is deprecated today.
- **Where it is announced.** A deprecated call is listed in this section with its two dates and the call that
  replaces it.

### Changes

- **1.0.1** (December 2026): \`POST /loan-requests\` and \`GET /loan-requests/{reference}\` answer \`busy\` (the
  database stayed busy through every retry) with 503 and \`Retry-After\`, as the contract (docs/contracts.md) and
  every other call always did; before, they answered it with 409. A fix, not a new meaning: \`busy\` is transient,
  and a client that retried a 409 \`busy\` after \`Retry-After\` retries the 503 the same way. Every domain error
  code now has one status on every call and page (app/modules/shared/domain-error.ts).
`;

export function renderApiDocs(document: ApiDocument): string {
  const base = (document.servers?.[0]?.url ?? "").replace(/\/$/, "");
  const operations: Array<[string, string, Operation]> = [];
  for (const [route, item] of Object.entries(document.paths ?? {})) for (const method of methods) if (item[method]) operations.push([route, method, item[method]]);

  const lines = [
    `# ${document.info.title} (\`${base}\`), version ${document.info.version}`,
    "",
    "<!-- Written by scripts/api-docs.ts from the OpenAPI document (app/modules/api/openapi.server.ts). Do not edit by",
    "     hand: change the schemas, then run `npx tsx scripts/api-docs.ts`; scripts/api-docs.test.ts fails while they differ. -->",
    "",
    document.info.description ?? "",
    "",
    `The machine-readable description is \`GET ${base}/openapi.json\` (OpenAPI 3.1; JSON Schema 2020-12 for every body;`,
    "`Cache-Control: public, max-age=300`). docs/contracts.md (\"JSON API\") is the short form of the same contract.",
    "",
    "## Calls",
    "",
    "| call | what it does |",
    "| --- | --- |",
    ...operations.map(([route, method, op]) => `| [\`${method.toUpperCase()} ${base}${route}\`](#${op.operationId}) | ${cell(op.summary ?? "")}${op.deprecated ? " (deprecated)" : ""} |`),
    "",
    "## Errors",
    "",
    "Every error is `{ \"error\": \"<code>\", \"message\": \"<text in the client's language>\", \"fields\"?: { \"<field>\": \"<message>\" } }`",
    "(`fields` with 422 only). Each call below lists the codes it can answer with each status; all of them:",
    "",
    "| status | codes |",
    "| --- | --- |",
    ...[...errorCodes(document)].map(([status, codes]) => `| ${status} | ${[...codes].map((c) => `\`${c}\``).join(", ")} |`),
    "",
    "A method a path does not list is answered 405 `method_not_allowed`, with `Allow` naming the methods it has.",
    "`Retry-After` (seconds) comes with every 429 and with 503 `busy` or `storage_unavailable`. Example:",
    "",
    ...example({ error: "invalid_input", message: "请输入正确的11位手机号码，例如 13800000000", fields: { phone: "请输入正确的11位手机号码，例如 13800000000" } }),
    "",
    ...operations.flatMap(([route, method, op]) => ["---", "", ...operationSection(base, route, method, op)]),
    "## Schemas",
    "",
  ];
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    lines.push(`<a id="schema-${anchor(name)}"></a>`, `### ${name}`, "");
    if (schema.description) lines.push(schema.description, "");
    lines.push(...(schema.properties ? fieldTable(schema) : [typeOf(schema)]), "");
  }
  lines.push(versioning);
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

export const apiDocsPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "api.md");

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { openApiDocument } = await import("../app/modules/api/openapi.server");
  fs.writeFileSync(apiDocsPath, renderApiDocs(openApiDocument() as unknown as ApiDocument));
  console.log(`wrote ${path.relative(process.cwd(), apiDocsPath)}`);
}

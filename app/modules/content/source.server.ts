import { Document, isMap, isScalar, isSeq, parse, parseDocument, YAMLMap, type Pair } from "yaml";
import { documentMetaSchema, type DocumentMeta } from "./schema";

/**
 * A document's file text from its fields: the inverse of corpus.server.ts's splitFrontMatter + documentMetaSchema,
 * so the database (documents.server.ts) and knowledge/ round-trip without loss.
 *
 * The front matter is written onto `layout`, the block as the file last had it: a field whose value is unchanged
 * keeps its node exactly (comments, quoting, flow or block lists, key order), a changed one gets the new value in
 * place, a removed one goes, a new one is placed after the fields that come before it in the schema. Without a
 * layout (a document made in the console) the block is written fresh, in the schema's order, lists of ids inline.
 */

/** The front-matter keys in the schema's order. */
export const metaKeys = Object.keys(documentMetaSchema.innerType().shape) as Array<keyof DocumentMeta>;

const inlineLists = new Set<string>(["topics", "audience", "related"]);
const stringifyOptions = { lineWidth: 0, flowCollectionPadding: false } as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields the layout's block says, validated as a file's would be (null when it is not a valid front matter). */
function layoutMeta(doc: Document): Partial<DocumentMeta> | null {
  // Only the shape matters here; cross-field rules (a `changed` in the future…) must not throw the layout away.
  const parsed = documentMetaSchema.innerType().safeParse(doc.toJS());
  return parsed.success ? parsed.data : null;
}

function unchangedLayout(meta: DocumentMeta, layout: string): boolean {
  let data: unknown;
  try {
    data = parse(layout);
  } catch {
    return false;
  }
  const parsed = documentMetaSchema.innerType().safeParse(data);
  return parsed.success && same(parsed.data, meta) && Object.keys(data as object).length === Object.keys(parsed.data).length;
}

function freshNode(doc: Document, key: string, value: unknown) {
  const node = doc.createNode(value);
  if (inlineLists.has(key) && isSeq(node)) node.flow = true;
  return node;
}

/** The front-matter block (without the --- lines, without the final newline) for these fields. */
export function frontMatterText(meta: DocumentMeta, layout?: string | null): string {
  const present = metaKeys.filter((k) => meta[k] !== undefined);
  let doc: Document | null = null;
  // The common case, cheaply: the fields are the layout's (a document as imported). Its text is the block itself.
  if (layout != null && unchangedLayout(meta, layout)) return layout;
  if (layout != null) {
    const parsed = parseDocument(layout);
    if (!parsed.errors.length && isMap(parsed.contents)) doc = parsed;
  }
  if (!doc) {
    const fresh = new Document(new YAMLMap());
    for (const key of present) (fresh.contents as YAMLMap).add(fresh.createPair(key, freshNode(fresh, key, meta[key])));
    return fresh.toString(stringifyOptions).replace(/\n$/, "");
  }
  const before = layoutMeta(doc) ?? {};
  const map = doc.contents as YAMLMap;
  const keyOf = (item: Pair) => (isScalar(item.key) ? String(item.key.value) : String(item.key));
  // Fields removed, and keys the schema does not know (a layout is always a valid block; defensive).
  for (const item of [...map.items]) {
    const key = keyOf(item);
    if (!(present as string[]).includes(key)) map.delete(key);
  }
  for (const key of present) {
    const value = meta[key];
    if (map.has(key)) {
      if (!same(before[key], value)) map.set(key, freshNode(doc, key, value));
      continue;
    }
    // New: after the nearest field before it in the schema's order that the block has.
    const pair = doc.createPair(key, freshNode(doc, key, value));
    const earlier = metaKeys.slice(0, metaKeys.indexOf(key)).reverse();
    const index = earlier.map((k) => map.items.findIndex((item) => keyOf(item) === k)).find((i) => i >= 0);
    map.items.splice(index === undefined ? 0 : index + 1, 0, pair as Pair);
  }
  return doc.toString(stringifyOptions).replace(/\n$/, "");
}

/** The whole file: `---`, the front matter, `---`, the body as written. */
export function documentText(meta: DocumentMeta, body: string, layout?: string | null): string {
  return `---\n${frontMatterText(meta, layout)}\n---\n${body}`;
}

/** The front-matter block of a file's text, as written (for `layout`); null when it has none. */
export function frontMatterBlock(text: string): string | null {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[1]! : null;
}

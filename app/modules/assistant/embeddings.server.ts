import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { tokenize } from "~/modules/search/index.server";
import { truncatedSvd, type SparseRows } from "./svd";

/**
 * Local, deterministic embeddings computed from the corpus itself (no pretrained model can be downloaded
 * on the portal's machines): TF-IDF over jieba tokens (the search module's tokenizer, with the glossary)
 * plus Chinese character bigrams, reduced by truncated SVD (latent semantic analysis) to `dimensions`
 * and L2-normalised. Fitting twice on the same texts gives the same model, bit for bit.
 */

/** Bigram features are kept apart from word features ("补贴" the word ≠ "补贴" the bigram). */
const bigramPrefix = "\u00a7";
/** Bigrams help with words jieba splits differently; they count half a word. */
const bigramWeight = 0.5;
const hanRun = /\p{Script=Han}+/gu;
const normalize = (text: string) => text.normalize("NFKC").toLowerCase();

export interface LsaModelJson {
  format: "lsa-1";
  dimensions: number;
  vocabulary: string[];
  /** idf per vocabulary entry. */
  idf: number[];
  /** Float32 little-endian, term-major (vocabulary.length × dimensions), base64. */
  projection: string;
  sigma: number[];
  documents: number;
}

/** Raw features of a text: term → weight before idf (sublinear tf; bigrams at half weight). */
export function textFeatures(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  const bigrams = new Map<string, number>();
  for (const run of normalize(text).match(hanRun) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const key = bigramPrefix + chars[i] + chars[i + 1];
      bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  for (const [term, n] of counts) out.set(term, 1 + Math.log(n));
  for (const [term, n] of bigrams) out.set(term, bigramWeight * (1 + Math.log(n)));
  return out;
}

export class LsaModel {
  private readonly index: Map<string, number>;

  constructor(
    readonly vocabulary: string[],
    readonly idf: Float64Array,
    /** term-major: vocabulary.length × dimensions. */
    readonly projection: Float32Array,
    readonly dimensions: number,
    readonly sigma: Float64Array,
    readonly documents: number,
  ) {
    this.index = new Map(vocabulary.map((term, i) => [term, i]));
  }

  /** Fits the vocabulary, idf and projection on `texts` (one per chunk). */
  static fit(texts: string[], dimensions = 160): LsaModel {
    const features = texts.map(textFeatures);
    const df = new Map<string, number>();
    for (const f of features) for (const term of f.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    // Sorted vocabulary: the same corpus always gives the same column order.
    const vocabulary = [...df.keys()].sort();
    const index = new Map(vocabulary.map((term, i) => [term, i]));
    const n = texts.length;
    const idf = new Float64Array(vocabulary.length);
    vocabulary.forEach((term, i) => {
      idf[i] = Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1;
    });

    // The TF-IDF matrix, each row L2-normalised.
    const rowStart = new Int32Array(n + 1);
    const colIndex: number[] = [];
    const values: number[] = [];
    features.forEach((f, r) => {
      const entries = [...f.entries()].map(([term, w]) => [index.get(term) as number, w * idf[index.get(term) as number]] as const);
      entries.sort((a, b) => a[0] - b[0]);
      const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0)) || 1;
      for (const [c, w] of entries) {
        colIndex.push(c);
        values.push(w / norm);
      }
      rowStart[r + 1] = colIndex.length;
    });
    const matrix: SparseRows = {
      rows: n,
      cols: vocabulary.length,
      rowStart,
      colIndex: Int32Array.from(colIndex),
      values: Float64Array.from(values),
    };
    const svd = truncatedSvd(matrix, dimensions);
    return new LsaModel(vocabulary, idf, Float32Array.from(svd.vt), svd.k, svd.sigma, n);
  }

  /** The L2-normalised embedding of a text (all zeros when it shares no term with the corpus). */
  embed(text: string): Float32Array {
    const out = new Float64Array(this.dimensions);
    const k = this.dimensions;
    const weights: Array<[number, number]> = [];
    let norm = 0;
    for (const [term, w] of textFeatures(text)) {
      const i = this.index.get(term);
      if (i === undefined) continue;
      const weight = w * this.idf[i];
      weights.push([i, weight]);
      norm += weight * weight;
    }
    if (!weights.length) return new Float32Array(k);
    norm = Math.sqrt(norm);
    for (const [i, weight] of weights) {
      const base = i * k;
      const x = weight / norm;
      for (let d = 0; d < k; d++) out[d] += x * this.projection[base + d];
    }
    let len = 0;
    for (let d = 0; d < k; d++) len += out[d] * out[d];
    len = Math.sqrt(len);
    const result = new Float32Array(k);
    if (len > 0) for (let d = 0; d < k; d++) result[d] = out[d] / len;
    return result;
  }

  toJSON(): LsaModelJson {
    const bytes = Buffer.from(this.projection.buffer, this.projection.byteOffset, this.projection.byteLength);
    return {
      format: "lsa-1",
      dimensions: this.dimensions,
      vocabulary: this.vocabulary,
      idf: Array.from(this.idf),
      projection: bytes.toString("base64"),
      sigma: Array.from(this.sigma),
      documents: this.documents,
    };
  }

  static fromJSON(json: LsaModelJson): LsaModel {
    if (json.format !== "lsa-1") throw new Error(`unknown embeddings model format ${String(json.format)}`);
    const bytes = Buffer.from(json.projection, "base64");
    const projection = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    if (projection.length !== json.vocabulary.length * json.dimensions) throw new Error("embeddings model: projection size mismatch");
    return new LsaModel(json.vocabulary, Float64Array.from(json.idf), projection, json.dimensions, Float64Array.from(json.sigma), json.documents);
  }
}

/** The LangChain face of the local model: HNSWLib and any other LangChain component can use it. */
export class LocalLsaEmbeddings extends Embeddings {
  constructor(
    readonly model: LsaModel,
    params: EmbeddingsParams = {},
  ) {
    super(params);
  }

  /** Synchronous embedding (the model is local): one number[] per text. */
  embedSync(text: string): number[] {
    return Array.from(this.model.embed(text));
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedSync(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedSync(text);
  }
}

// ---------------------------------------------------------------------------------------------------------
// EMBEDDINGS=ollama:<model> | openai:<model> (docs/contracts.md)

export type EmbeddingsSetting = { provider: "local" } | { provider: "ollama" | "openai"; model: string };

export class EmbeddingsConfigError extends Error {
  override name = "EmbeddingsConfigError";
}

/** Parses EMBEDDINGS; throws a readable error for anything else. */
export function parseEmbeddingsSetting(value: string | undefined): EmbeddingsSetting {
  const raw = (value ?? "").trim();
  if (raw === "" || raw === "local") return { provider: "local" };
  const m = /^(ollama|openai):(.+)$/.exec(raw);
  if (!m) throw new EmbeddingsConfigError(`EMBEDDINGS="${raw}": use "local", "ollama:<model>" or "openai:<model>"`);
  return { provider: m[1] as "ollama" | "openai", model: m[2].trim() };
}

/** The npm package each remote provider needs. */
export const providerPackages = { ollama: "@langchain/ollama", openai: "@langchain/openai" } as const;

/**
 * A remote embeddings class for EMBEDDINGS=ollama:… / openai:…, loaded only when asked for. A missing
 * provider package is a startup error that names the package to install.
 */
export async function remoteEmbeddings(setting: Exclude<EmbeddingsSetting, { provider: "local" }>, env: Record<string, string | undefined> = process.env): Promise<Embeddings> {
  const pkg = providerPackages[setting.provider];
  let mod: Record<string, unknown>;
  try {
    mod = (await import(/* @vite-ignore */ pkg)) as Record<string, unknown>;
  } catch {
    throw new EmbeddingsConfigError(
      `EMBEDDINGS=${setting.provider}:${setting.model} needs the package ${pkg}, which is not installed. ` +
        `Install it (npm install ${pkg}) or unset EMBEDDINGS to use the local embeddings.`,
    );
  }
  if (setting.provider === "ollama") {
    const OllamaEmbeddings = mod.OllamaEmbeddings as new (args: Record<string, unknown>) => Embeddings;
    return new OllamaEmbeddings({ model: setting.model, baseUrl: env.OLLAMA_BASE_URL });
  }
  const OpenAIEmbeddings = mod.OpenAIEmbeddings as new (args: Record<string, unknown>) => Embeddings;
  return new OpenAIEmbeddings({
    model: setting.model,
    apiKey: env.OPENAI_API_KEY,
    configuration: env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : undefined,
  });
}

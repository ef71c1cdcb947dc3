import { EigenvalueDecomposition, Matrix } from "ml-matrix";

/**
 * A small truncated SVD for latent semantic analysis, on Float64Arrays: exact for a corpus of up to
 * `exactRowLimit` chunks (the eigen-decomposition of X Xᵀ), else randomized range finding with power iterations
 * (Halko, Martinsson & Tropp 2011) and the eigen-decomposition of the small projected matrix. Deterministic: the
 * random test matrix comes from a seeded generator.
 */

/** A sparse matrix in compressed-row form: row r has columns `cols[rowStart[r] .. rowStart[r+1])`. */
export interface SparseRows {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  colIndex: Int32Array;
  values: Float64Array;
}

export interface TruncatedSvd {
  /** Number of components actually computed (≤ requested, ≤ the matrix rank bound). */
  k: number;
  /** Singular values, largest first (length k). */
  sigma: Float64Array;
  /**
   * Right singular vectors, column-major by matrix column ("term-major"): the k values of matrix column j
   * are `vt[j*k .. j*k+k)`. Projecting a sparse row x is then Σ_j x_j · vt[j*k ..].
   */
  vt: Float64Array;
}

/** mulberry32: a tiny seeded PRNG, enough for a random test matrix. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal numbers (Box–Muller) from a uniform generator. */
function gaussian(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** Y (rows × l, row-major) = X · M, with M (cols × l, row-major). */
export function multiply(x: SparseRows, m: Float64Array, l: number): Float64Array {
  const y = new Float64Array(x.rows * l);
  for (let r = 0; r < x.rows; r++) {
    const out = r * l;
    for (let p = x.rowStart[r]; p < x.rowStart[r + 1]; p++) {
      const v = x.values[p];
      const base = x.colIndex[p] * l;
      for (let c = 0; c < l; c++) y[out + c] += v * m[base + c];
    }
  }
  return y;
}

/** Z (cols × l, row-major) = Xᵀ · Y, with Y (rows × l, row-major). */
export function multiplyTransposed(x: SparseRows, y: Float64Array, l: number): Float64Array {
  const z = new Float64Array(x.cols * l);
  for (let r = 0; r < x.rows; r++) {
    const src = r * l;
    for (let p = x.rowStart[r]; p < x.rowStart[r + 1]; p++) {
      const v = x.values[p];
      const base = x.colIndex[p] * l;
      for (let c = 0; c < l; c++) z[base + c] += v * y[src + c];
    }
  }
  return z;
}

/**
 * Orthonormalises the columns of an m × l row-major matrix in place (modified Gram–Schmidt, twice for
 * stability, on contiguous copies of the columns). Columns that collapse to (near) zero are set to zero.
 * Returns the matrix.
 */
export function orthonormalizeColumns(a: Float64Array, m: number, l: number): Float64Array {
  const columns = Array.from({ length: l }, (_, c) => {
    const col = new Float64Array(m);
    for (let r = 0; r < m; r++) col[r] = a[r * l + c];
    return col;
  });
  for (let c = 0; c < l; c++) {
    const col = columns[c];
    for (let pass = 0; pass < 2; pass++) {
      for (let prev = 0; prev < c; prev++) {
        const other = columns[prev];
        let dot = 0;
        for (let r = 0; r < m; r++) dot += col[r] * other[r];
        if (dot !== 0) for (let r = 0; r < m; r++) col[r] -= dot * other[r];
      }
    }
    let norm = 0;
    for (let r = 0; r < m; r++) norm += col[r] * col[r];
    norm = Math.sqrt(norm);
    const scale = norm > 1e-10 ? 1 / norm : 0;
    for (let r = 0; r < m; r++) col[r] *= scale;
  }
  for (let c = 0; c < l; c++) {
    const col = columns[c];
    for (let r = 0; r < m; r++) a[r * l + c] = col[r];
  }
  return a;
}

/**
 * Eigen-decomposition of a symmetric n × n matrix (row-major), by ml-matrix (Householder tridiagonalisation and QL:
 * ≈ 0.1 s at n = 375, where the hand-written Jacobi rotations it replaced took seconds).
 * Returns eigenvalues (descending) and the matching eigenvectors as columns of a row-major n × n matrix.
 */
export function symmetricEigen(input: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const rows = Array.from({ length: n }, (_, r) => Array.from(input.subarray(r * n, r * n + n)));
  const eigen = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
  const found = eigen.realEigenvalues;
  const v = eigen.eigenvectorMatrix;
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => found[y] - found[x]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    values[to] = found[from];
    for (let r = 0; r < n; r++) vectors[r * n + to] = v.get(r, from);
  });
  return { values, vectors };
}

export interface SvdOptions {
  /** Extra random directions beyond k (default 10). */
  oversample?: number;
  /** Power iterations (default 3): sharpen the spectrum so small singular values separate. */
  powerIterations?: number;
  seed?: number;
  /** Up to this many rows the decomposition is exact (default `exactRowLimit`). */
  exactRowLimit?: number;
}

/**
 * Up to this many rows (chunks) the SVD is exact: the whole row space stands in for the random directions, so the
 * result depends on the matrix alone. A randomized one with k close to the rank (160 of 375 chunks) resolves the flat
 * tail of the spectrum differently for every random draw, and a corpus that gains one word draws afresh: one glossary
 * entry then moved the evaluation by ±3 cases for no reason of its own. An l × l eigenproblem at l = 375 takes ≈ 1 s.
 */
export const exactRowLimit = 800;

/** The n × n identity, row-major. */
function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

/** An orthonormal basis (rows × l) of the range that X's top singular vectors span, from seeded random directions. */
function randomRange(x: SparseRows, k: number, options: SvdOptions): { l: number; y: Float64Array } {
  const limit = Math.min(x.rows, x.cols);
  const l = Math.min(limit, k + (options.oversample ?? 10));
  const normal = gaussian(seededRandom(options.seed ?? 20261126));
  const omega = new Float64Array(x.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = normal();

  let y = orthonormalizeColumns(multiply(x, omega, l), x.rows, l);
  // Power iterations Y ← X Xᵀ Y, re-orthonormalised on the row side only (the smaller one for a corpus:
  // chunks ≪ vocabulary); in double precision a few iterations keep the spectrum well separated.
  for (let i = 0; i < (options.powerIterations ?? 3); i++) {
    y = orthonormalizeColumns(multiply(x, multiplyTransposed(x, y, l), l), x.rows, l);
  }
  return { l, y };
}

/**
 * The top-k singular values and right singular vectors of a sparse matrix: exact up to `exactRowLimit` rows, else
 * randomized range finding.
 */
export function truncatedSvd(x: SparseRows, k: number, options: SvdOptions = {}): TruncatedSvd {
  const exact = x.rows <= (options.exactRowLimit ?? exactRowLimit);
  const { l, y } = exact ? { l: x.rows, y: identity(x.rows) } : randomRange(x, k, options);
  // B = Qᵀ X (l × cols). Its Gram matrix B Bᵀ = Qᵀ (X (Xᵀ Q)) is l × l and costs two sparse products.
  const c = multiply(x, multiplyTransposed(x, y, l), l); // rows × l
  const gram = new Float64Array(l * l);
  for (let r = 0; r < x.rows; r++) {
    const row = r * l;
    for (let i = 0; i < l; i++) {
      const qi = y[row + i];
      if (qi === 0) continue;
      for (let j = 0; j < l; j++) gram[i * l + j] += qi * c[row + j];
    }
  }
  for (let i = 0; i < l; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (gram[i * l + j] + gram[j * l + i]) / 2;
      gram[i * l + j] = mean;
      gram[j * l + i] = mean;
    }
  }
  const { values, vectors } = symmetricEigen(gram, l);

  const maxSigma = Math.sqrt(Math.max(values[0], 0));
  let kept = 0;
  while (kept < Math.min(k, l) && Math.sqrt(Math.max(values[kept], 0)) > maxSigma * 1e-8) kept++;
  const sigma = new Float64Array(kept);
  for (let i = 0; i < kept; i++) sigma[i] = Math.sqrt(values[i]);
  // Left singular vectors U = Q W (rows × kept), scaled by 1/σ; then the right ones are Vᵀ = Σ⁻¹ Uᵀ X,
  // i.e. column j of the matrix gives vt[j] = Xᵀ (U Σ⁻¹) — a sparse product.
  const u = new Float64Array(x.rows * kept);
  for (let r = 0; r < x.rows; r++) {
    for (let i = 0; i < kept; i++) {
      let sum = 0;
      for (let j = 0; j < l; j++) sum += y[r * l + j] * vectors[j * l + i];
      u[r * kept + i] = sum / sigma[i];
    }
  }
  const vt = multiplyTransposed(x, u, kept);
  return { k: kept, sigma, vt };
}

import { orthonormalizeColumns, symmetricEigen, truncatedSvd, type SparseRows } from "./svd";

function sparse(dense: number[][]): SparseRows {
  const rowStart = [0];
  const colIndex: number[] = [];
  const values: number[] = [];
  for (const row of dense) {
    row.forEach((v, c) => {
      if (v !== 0) {
        colIndex.push(c);
        values.push(v);
      }
    });
    rowStart.push(colIndex.length);
  }
  return { rows: dense.length, cols: dense[0].length, rowStart: Int32Array.from(rowStart), colIndex: Int32Array.from(colIndex), values: Float64Array.from(values) };
}

describe("linear algebra for LSA", () => {
  it("finds the eigenvalues of a symmetric matrix", () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3);
    expect(values[1]).toBeCloseTo(1);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2);
  });

  it("orthonormalises columns", () => {
    const a = Float64Array.from([1, 1, 0, 1, 1, 0]); // 3 × 2
    orthonormalizeColumns(a, 3, 2);
    const dot = a[0] * a[1] + a[2] * a[3] + a[4] * a[5];
    expect(dot).toBeCloseTo(0);
    expect(a[0] ** 2 + a[2] ** 2 + a[4] ** 2).toBeCloseTo(1);
  });

  it("recovers the singular values of a small matrix, deterministically", () => {
    // diag(5, 3, 1) padded: singular values 5, 3, 1.
    const m = sparse([
      [5, 0, 0, 0],
      [0, 3, 0, 0],
      [0, 0, 1, 0],
    ]);
    const svd = truncatedSvd(m, 2);
    expect(svd.k).toBe(2);
    expect(svd.sigma[0]).toBeCloseTo(5);
    expect(svd.sigma[1]).toBeCloseTo(3);
    // Right singular vectors: e1 and e2 (up to sign), term-major layout.
    expect(Math.abs(svd.vt[0 * 2 + 0])).toBeCloseTo(1);
    expect(Math.abs(svd.vt[1 * 2 + 1])).toBeCloseTo(1);
    expect(truncatedSvd(m, 2).vt).toEqual(svd.vt);
  });

  it("is exact for a small corpus: a new term leaves the other terms' projection as it was", () => {
    // Rows: chunks; the second matrix has one more column (a term only the last chunk says).
    const base = [
      [3, 1, 0, 0, 2],
      [1, 2, 1, 0, 0],
      [0, 1, 3, 1, 0],
      [0, 0, 1, 2, 1],
    ];
    // Few random directions and no power iterations: a randomized SVD would come out differently for the new column.
    const rough = { oversample: 0, powerIterations: 0 };
    const before = truncatedSvd(sparse(base), 3, rough);
    const after = truncatedSvd(sparse(base.map((row, r) => [...row, r === 3 ? 0.001 : 0])), 3, rough);
    for (let i = 0; i < 3; i++) expect(after.sigma[i]).toBeCloseTo(before.sigma[i], 5);
    for (let j = 0; j < 5; j++) {
      for (let i = 0; i < 3; i++) expect(Math.abs(after.vt[j * 3 + i])).toBeCloseTo(Math.abs(before.vt[j * 3 + i]), 4);
    }
    // The seed plays no part.
    expect(truncatedSvd(sparse(base), 3, { seed: 7 }).sigma).toEqual(before.sigma);
  });

  it("falls back to randomized range finding for a large corpus, with the same singular values", () => {
    const m = sparse([
      [5, 0, 0, 0],
      [0, 3, 0, 0],
      [0, 0, 1, 0],
    ]);
    const svd = truncatedSvd(m, 2, { exactRowLimit: 0 });
    expect(svd.sigma[0]).toBeCloseTo(5);
    expect(svd.sigma[1]).toBeCloseTo(3);
  });
});

/**
 * A line diff between two versions of a document's text (issue 16, item 2), for the console's version history. Our
 * own longest-common-subsequence diff: the `diff` package is in node_modules only as another package's dependency, and
 * nothing may be installed here. Server-free and pure.
 */

export type DiffLine =
  | { kind: "same"; text: string; oldLine: number; newLine: number }
  | { kind: "removed"; text: string; oldLine: number }
  | { kind: "added"; text: string; newLine: number }
  /** Unchanged lines left out between the changes (their count). */
  | { kind: "skipped"; count: number };

/** Longer texts are compared as one removed and one added block (the table would be unreadable anyway). */
export const diffMaxLines = 4000;

const split = (text: string) => (text === "" ? [] : text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n"));

/** Every line of both texts, in order: kept, removed or added (an LCS of the lines; removals before additions). */
export function diffLines(before: string, after: string): Array<Exclude<DiffLine, { kind: "skipped" }>> {
  const a = split(before);
  const b = split(after);
  // Lines equal at both ends need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: Array<Exclude<DiffLine, { kind: "skipped" }>> = [];
  for (let i = 0; i < start; i++) out.push({ kind: "same", text: a[i]!, oldLine: i + 1, newLine: i + 1 });
  const n = endA - start;
  const m = endB - start;
  if (n > diffMaxLines || m > diffMaxLines) {
    for (let i = start; i < endA; i++) out.push({ kind: "removed", text: a[i]!, oldLine: i + 1 });
    for (let j = start; j < endB; j++) out.push({ kind: "added", text: b[j]!, newLine: j + 1 });
  } else {
    // lcs[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = a[start + i] === b[start + j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        out.push({ kind: "same", text: a[start + i]!, oldLine: start + i + 1, newLine: start + j + 1 });
        i++;
        j++;
      } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
        out.push({ kind: "removed", text: a[start + i]!, oldLine: start + i + 1 });
        i++;
      } else {
        out.push({ kind: "added", text: b[start + j]!, newLine: start + j + 1 });
        j++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++) out.push({ kind: "same", text: a[endA + k]!, oldLine: endA + k + 1, newLine: endB + k + 1 });
  return out;
}

/** The changes with `context` unchanged lines around each; longer unchanged runs become one "skipped" row. */
export function diffWithContext(before: string, after: string, context = 2): DiffLine[] {
  const lines = diffLines(before, after);
  const near = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.kind === "same") return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) near[k] = true;
  });
  const out: DiffLine[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (line.kind === "same" && !near[i]) {
      skipped++;
      return;
    }
    if (skipped) out.push({ kind: "skipped", count: skipped });
    skipped = 0;
    out.push(line);
  });
  if (skipped) out.push({ kind: "skipped", count: skipped });
  return out;
}

/** One line of the server's log (docs/contracts.md, "Logs and metrics"). */
export interface LogLine {
  level: string;
  time: string;
  pid: number;
  msg?: string;
  requestId?: string;
  [field: string]: unknown;
}

/**
 * The complete lines of a stretch of the server's output, parsed: a line that is not JSON fails the test, with
 * the line. A last line still being written (no newline yet) is left for later.
 */
export function logLines(output: string): LogLine[] {
  const complete = output.slice(0, output.lastIndexOf("\n") + 1);
  return complete
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}

/**
 * Where the server's own lines begin: `npm start` prints its preparation (build, database, index) in plain words
 * first; from its first JSON line on (the primary's, or the single process's "listening") every line is JSON.
 */
export function serverLinesOf(output: string): string {
  const at = output.search(/^\{/m);
  if (at < 0) throw new Error(`the server wrote no JSON line:\n${output}`);
  return output.slice(at);
}

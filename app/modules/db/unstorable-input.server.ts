/**
 * PostgreSQL refuses some values outright — a NUL character in text ("invalid byte sequence for encoding UTF8:
 * 0x00", 22021), text it cannot convert, a number out of range — with an error of class 22 ("data exception").
 * In this portal such a value can only have come from a client, so it is the client's mistake (400), never a 500.
 * SQLite stores the same values as they are.
 */
export function isUnstorableInput(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code);
}

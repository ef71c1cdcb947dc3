/**
 * Input hygiene: what is taken out of text a client sends before it is stored or compared. NUL makes
 * PostgreSQL refuse the whole statement (22021); the other control characters and the invisible format
 * characters (zero-width spaces, bidi overrides, the BOM) carry no meaning a person typed, and can hide or
 * reorder text in a staff member's view or a log. Pure functions: no I/O.
 */

/** C0 and C1 control characters and DEL, except tab (U+0009) and line feed (U+000A). */
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Format characters (Unicode Cf) but the zero-width joiner and non-joiner, which emoji and some scripts need. */
const formatCharacters = /(?![\u200C\u200D])\p{Cf}/gu;
const allFormatCharacters = /\p{Cf}/gu;

/** Several lines (a message, a note, an address): line breaks as \n, tabs kept, control and format characters out. */
export function cleanMultiline(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(controlCharacters, "")
    .replace(formatCharacters, "");
}

/** One line (a title, a reason, a reference): as cleanMultiline, and line breaks and tabs become spaces. */
export function cleanLine(value: string): string {
  return cleanMultiline(value).replace(/[\t\n]/g, " ");
}

/**
 * A name (a person's, a staff member's display name, a screening's title): one line without any invisible
 * character, runs of spaces (ideographic ones too) as one space.
 */
export function cleanName(value: string): string {
  return cleanLine(value)
    .replace(allFormatCharacters, "")
    .replace(/[\s\u3000]+/g, " ")
    .trim();
}

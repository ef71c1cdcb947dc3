/**
 * Text for an XML document (sitemap.xml, the Atom feed), in element content or a quoted attribute: the five
 * special characters become entities, and what XML 1.0 cannot carry at all (control characters other than tab,
 * line feed and carriage return, lone surrogates, U+FFFE/U+FFFF) is dropped, since no escape makes it well-formed.
 */
const notInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(notInXml, "").replace(/[&<>"']/g, (c) => entities[c]!);
}

import { randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for each other when read aloud or copied by hand. */
const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/**
 * A short reference a person can read over the phone, e.g. `YJ-7K3Q-M9TD` for feedback (意见).
 * 8 random characters from 32 give 2^40 values: collisions are handled by the caller's unique key.
 */
export function makeReference(prefix: string): string {
  let body = "";
  for (let i = 0; i < 8; i++) body += alphabet[randomInt(alphabet.length)];
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4)}`;
}

/** Spaces, dashes of every kind, dots and underscores: what people type between a reference's groups. */
const separators = /[\s\-_.·\u2010-\u2015\u2212\u30FC\uFF0D\uFF3F]+/gu;
const referenceShape = /^([A-Z]{2})([2-9A-Z]{4})([2-9A-Z]{4})$/;

/**
 * A reference as the portal stores it, from however a person typed or dictated it: full-width letters,
 * lower case, spaces or any dash between the groups, or none (`dyq3zsdk2d`, `DY Q3ZS DK2D`, `ｄｙ－ｑ３ｚｓ－ｄｋ２ｄ`
 * all give `DY-Q3ZS-DK2D`). Anything not of the reference's shape is returned folded, so it simply finds nothing.
 */
export function normaliseReference(input: string): string {
  const folded = input.normalize("NFKC").toUpperCase().replace(separators, "");
  const shape = referenceShape.exec(folded);
  return shape ? `${shape[1]}-${shape[2]}-${shape[3]}` : folded;
}

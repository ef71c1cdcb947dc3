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

export function normaliseReference(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, "");
}

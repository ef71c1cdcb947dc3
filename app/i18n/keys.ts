import type { Messages } from "./i18n";

type Leaves<T, P extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : T[K] extends readonly unknown[] ? never : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the locale files that names a text ("cinema.people.options.1"; lists are read with returnObjects); locales.test.ts keeps en.json's keys the same. */
export type MessageKey = Leaves<Messages, "">;

/** The names under a prefix: `MessageName<"cinema.people.options">` is "1" | "2" | "3" | "4". */
export type MessageName<P extends string> = MessageKey extends infer K ? (K extends `${P}.${infer N}` ? N : never) : never;

/**
 * The key of `name` under `prefix`, for a name known only at run time (a count read from the database, a reason id
 * from the eligibility rules, a form field's name), typed as one of the keys under `prefix` so `t()` takes it without
 * a cast. Where the name's own type is a union of the listed names, a plain template literal (`cinema.needs.options.${need}`)
 * is checked by the compiler instead; this is for the rest. A name with no message shows the key itself (and is logged
 * in the browser, translator.ts), or the call's `defaultValue`.
 */
export function keyUnder<P extends string>(prefix: P, name: string | number): `${P}.${MessageName<P>}` {
  // The one assertion of a built key: the type system cannot read data.
  return `${prefix}.${name}` as `${P}.${MessageName<P>}`;
}

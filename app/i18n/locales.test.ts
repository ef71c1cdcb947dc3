import { describe, expect, it } from "vitest";
import en from "./locales/en.json";
import zhCN from "./locales/zh-CN.json";
import { contactVariables } from "~/modules/site/contact-details";

/** Every leaf key of a message tree, with array items counted as leaves ("a.b.0"). */
function leafKeys(node: unknown, prefix = ""): string[] {
  if (node !== null && typeof node === "object") {
    return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe("locale files", () => {
  it("have exactly the same keys in zh-CN and en", () => {
    const zhKeys = new Set(leafKeys(zhCN));
    const enKeys = new Set(leafKeys(en));
    expect([...zhKeys].filter((k) => !enKeys.has(k)), "missing from en.json").toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k)), "missing from zh-CN.json").toEqual([]);
  });

  it("have no empty messages", () => {
    const empty = (tree: unknown) =>
      leafKeys(tree).filter((k) => {
        const value = k.split(".").reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], tree);
        return typeof value !== "string" || value.trim() === "";
      });
    expect(empty(zhCN)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it("use the same interpolation variables in both languages (those a caller passes: the contact details are always there)", () => {
    const given = (name: string) => !(name in contactVariables("zh-CN"));
    const vars = (tree: unknown) =>
      Object.fromEntries(
        leafKeys(tree).map((k) => {
          const value = k.split(".").reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], tree) as string;
          return [k, [...value.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).filter(given).sort().join(",")];
        }),
      );
    expect(vars(en)).toEqual(vars(zhCN));
  });

  it("write Chinese ordinals and step counts one way, without spaces around the number: 第1步, 共3页 (issue 19)", () => {
    const spaced = leafKeys(zhCN)
      .map((k) => [k, k.split(".").reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], zhCN) as string] as const)
      .filter(([, value]) => /第\s+(\{\{|\d)|第(\{\{\w+\}\}|\d+)\s+\S|(\}\}|\d)\s+步|共\s*(\{\{\w+\}\}|\d+)\s+[步题页]|共\s+(\{\{\w+\}\}|\d+)\s*[步题页]/.test(value))
      .map(([k, value]) => `${k}: ${value}`);
    expect(spaced).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { namespacesFor } from "./namespaces";

describe("the messages a page gets", () => {
  it.each(["/cinema", "/CINEMA/", "/Cinema/123", "/en/cinema", "/en/CINEMA"])("gives %s the cinema's messages (routes match in any case)", (path) => {
    expect(namespacesFor(path)).toContain("cinema");
  });

  it("gives every page the common messages and the home page its own", () => {
    expect(namespacesFor("/")).toEqual(expect.arrayContaining(["site", "nav", "home"]));
    expect(namespacesFor("/en")).toContain("home");
  });
});

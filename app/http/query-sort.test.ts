import { describe, expect, it } from "vitest";
import { parseSort, sortParam } from "./query-sort";

const columns = ["start", "film"] as const;
const fallback = { column: "start", direction: "asc" } as const;
const parse = (query: string) => parseSort(new URLSearchParams(query), columns, fallback);

describe("?sort= for a sortable staff table", () => {
  it("reads a column, ascending or -desc", () => {
    expect(parse("sort=film")).toEqual({ column: "film", direction: "asc" });
    expect(parse("sort=film-desc")).toEqual({ column: "film", direction: "desc" });
    expect(sortParam({ column: "film", direction: "desc" })).toBe("film-desc");
  });

  it("falls back to the table's default order for anything else, never an error", () => {
    for (const query of ["", "sort=", "sort=phone", "sort=film-up", "sort=%27;drop", "sort=film-desc-desc"]) expect(parse(query)).toEqual(fallback);
  });
});

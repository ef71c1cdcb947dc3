import { getAllByRole, getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { serverRendered } from "../../tests/support/component";
import { OfferChainTable } from "./OfferChainTable";

const columns = ["编号", "姓名", "座位", "通知时间", "保留到", "结果"] as [string, string, string, string, string, string];

describe("OfferChainTable", () => {
  it("is a table named by its caption, one row per offer named by its reference, times as machine-readable <time>", () => {
    const root = serverRendered(
      <OfferChainTable
        caption="候补通知（1 条）"
        none="还没有候补通知"
        columns={columns}
        rows={[{ reference: "HB-2222-3333", name: "王芳", detail: "第3排5号", offeredAt: "2026-12-05T06:30:00Z", expiresAt: "2026-12-05T08:30:00Z", answeredAt: "2026-12-05T07:00:00Z", outcome: "已接受" }]}
      />,
    );
    const table = getByRole(root, "table", { name: "候补通知（1 条）" });
    expect(getAllByRole(table, "columnheader").map((th) => th.textContent)).toEqual(columns);
    expect(getAllByRole(table, "rowheader").map((th) => th.textContent)).toEqual(["HB-2222-3333"]);
    const times = [...table.querySelectorAll("time")];
    expect(times.map((t) => t.getAttribute("datetime"))).toEqual(["2026-12-05T06:30:00Z", "2026-12-05T08:30:00Z", "2026-12-05T07:00:00Z"]);
    expect(times[0].textContent).toBe("2026年12月5日星期六 14:30");
    expect(getAllByRole(table, "cell").at(-1)?.textContent).toBe("已接受 2026年12月5日星期六 15:00");
  });

  it("with no offers says so in the table", () => {
    const root = serverRendered(<OfferChainTable caption="候补通知" none="还没有候补通知" columns={columns} rows={[]} />);
    expect(getByRole(getByRole(root, "table", { name: "候补通知" }), "cell", { name: "还没有候补通知" })).toBeTruthy();
  });
});

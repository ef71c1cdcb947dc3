import { getByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { serverRendered } from "../../../tests/support/component";
import type { MessageView } from "./message-view";
import { ReplyDelivery } from "./ReplyDelivery";

const sent: MessageView = {
  id: "m1",
  channel: "email",
  recipient: "w***@example.cn",
  subject: "回复",
  body: "…",
  reference: "YJ-1",
  status: "sent",
  attempts: 1,
  nextAttemptAt: "2026-12-05T06:30:00Z",
  lastError: null,
  createdAt: "2026-12-05T06:30:00Z",
  sentAt: "2026-12-05T06:31:00Z",
};

describe("ReplyDelivery", () => {
  it("is a region named by its heading saying, for each reply, how and to whom it went and whether it arrived", () => {
    const region = getByRole(serverRendered(<ReplyDelivery hasContact messages={[sent]} />), "region", { name: "回复的发送" });
    expect(getByRole(region, "listitem").textContent).toBe("电子邮件 · w***@example.cn · 已发送 · 发送于 2026年12月5日星期六 14:31");
  });

  it("says when there is no contact to reply to, or no reply yet", () => {
    expect(serverRendered(<ReplyDelivery hasContact={false} messages={[]} />).textContent).toContain("留言人没有留下联系方式");
    expect(serverRendered(<ReplyDelivery hasContact messages={[]} />).textContent).toContain("还没有发送回复");
  });
});

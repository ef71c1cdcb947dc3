import { getAllByRole, getByRole, queryByRole } from "@testing-library/dom";
import { describe, expect, it } from "vitest";
import { routeRendered } from "../../../tests/support/component";
import type { MessageView } from "./message-view";
import { MessageRow } from "./MessageRow";

const message: MessageView = {
  id: "m1",
  channel: "sms",
  recipient: "138****8000",
  subject: "",
  body: "您的预订 YY-2222-3333 已确认。",
  reference: "YY-2222-3333",
  status: "failed",
  attempts: 3,
  nextAttemptAt: "2026-12-05T06:40:00Z",
  lastError: "timeout",
  createdAt: "2026-12-05T06:30:00Z",
  sentAt: null,
};
const row = async (m: MessageView) =>
  routeRendered(
    <table>
      <tbody>
        <MessageRow message={m} retryAction="/admin/messages" />
      </tbody>
    </table>,
    "/admin/messages",
  );

describe("MessageRow", () => {
  it("is a row named by its reference, with the text as sent, its status and error; a failed one has a real form to send it again, named for whose it is", async () => {
    const root = await row(message);
    expect(getByRole(root, "rowheader", { name: "YY-2222-3333" })).toBeTruthy();
    const cells = getAllByRole(root, "cell").map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual(["短信", "138****8000", "您的预订 YY-2222-3333 已确认。"]);
    expect(cells[4]).toContain("发送失败");
    expect(cells[4]).toContain("timeout");
    const retry = getByRole(root, "button", { name: "重新发送 YY-2222-3333 的消息（138****8000）" }) as HTMLButtonElement;
    expect(retry.textContent).toBe("重新发送");
    expect(retry.form!.method).toBe("post");
    expect(retry.form!.getAttribute("action")).toBe("/admin/messages");
    expect(Object.fromEntries([...retry.form!.querySelectorAll("input")].map((i) => [i.name, i.value]))).toEqual({ intent: "retry", id: "m1" });
  });

  it("a sent message says when, shows no error and cannot be sent again", async () => {
    const root = await row({ ...message, status: "sent", sentAt: "2026-12-05T06:31:00Z", lastError: "timeout" });
    const status = getAllByRole(root, "cell")[4].textContent;
    expect(status).toContain("已发送");
    expect(status).toContain("发送于 2026年12月5日星期六 14:31");
    expect(status).not.toContain("timeout");
    expect(queryByRole(root, "button")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { randomId } from "~/modules/cinema/ids.server";
import { hiddenKey, hideLinkKeys } from "./link-keys";

describe("keys in message links, as staff see the text", () => {
  it("hides the key of a booking's or an offer's page and keeps the rest of the link", () => {
    const token = randomId();
    const text = `候补座位：请在 12月4日 10:00 前打开 https://access.example.cn/cinema/offer/HB-ABCD-EFGH/${token} 订座。`;
    const shown = hideLinkKeys(text);
    expect(shown).not.toContain(token);
    expect(shown).toContain(`https://access.example.cn/cinema/offer/HB-ABCD-EFGH/${hiddenKey} 订座。`);
    expect(hideLinkKeys(`https://access.example.cn/en/cinema/booking/DY-AB12-CD34/${token}?x=1`)).toBe(
      `https://access.example.cn/en/cinema/booking/DY-AB12-CD34/${hiddenKey}?x=1`,
    );
  });

  it("leaves references, ordinary page paths and other words alone", () => {
    for (const text of [
      "https://access.example.cn/devices/renew",
      "https://access.example.cn/accessibility-statement",
      "https://access.example.cn/withdraw/activity-signup",
      "查询编号 HD-7K2M-9QXP，电话 0763-3362236",
    ]) {
      expect(hideLinkKeys(text)).toBe(text);
    }
  });
});

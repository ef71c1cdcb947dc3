import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { tabTo } from "./browser";

/**
 * Types a China date and time ("2026-12-05T14:30") into a React Aria date field (DateTimeField after hydration)
 * the way a keyboard user does: Tab to its first segment, type each part; a full segment moves on by itself.
 */
export async function typeDateTime(page: Page, field: Locator, value: string): Promise<void> {
  const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)!;
  const parts: Record<string, string> = { year, month, day, hour, minute };
  const segments = field.getByRole("spinbutton");
  await tabTo(page, segments.first());
  const count = await segments.count();
  for (let i = 0; i < count; i++) {
    const segment = segments.nth(i);
    const type = (await segment.getAttribute("data-type"))!;
    if (!(await segment.evaluate((el) => el === document.activeElement))) await page.keyboard.press("Tab");
    expect(await segment.evaluate((el) => el === document.activeElement), `segment ${type} focused`).toBe(true);
    await page.keyboard.type(parts[type]);
  }
}

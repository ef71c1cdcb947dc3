import type { TFunction } from "i18next";
import type { EligibilityBlock } from "./answer-view";

/** The eligibility part of the plain-text answer (the JSON API's `answer`). */
export function eligibilityText(block: EligibilityBlock, t: TFunction): string {
  const lines: string[] = [];
  for (const item of block.items) {
    const refs = item.sources.length ? ` [${item.sources.join("][")}]` : "";
    lines.push(`- ${t("assistant.eligibility.chat.itemLine", { name: item.name, verdict: item.verdictText })}${refs}`);
    for (const line of [...item.why, ...item.ifs]) lines.push(`  ${line}`);
  }
  if (block.assumption) lines.push(block.assumption);
  if (block.unknown.length) {
    lines.push(t("assistant.eligibility.chat.unknownHeading"));
    for (const u of block.unknown) lines.push(`- ${u.question}`);
  }
  return lines.join("\n");
}

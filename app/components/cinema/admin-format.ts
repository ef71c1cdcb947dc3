import { keyUnder } from "~/i18n/keys";

/** An ISO instant as the value of a datetime-local control in China time ("2026-12-05T14:30"). Browser-safe. */
export function chinaLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return "";
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 16);
}

/** Short labels for a party's needs on the staff pages (the door list must be scannable). */
export const needLabelKey = (need: string) => keyUnder("cinema.admin.needs", need);

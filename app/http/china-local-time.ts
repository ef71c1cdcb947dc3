/** "2026-12-05T14:30" (China time, a datetime-local value) → UTC ISO, and back. */
export const chinaLocalToIso = (value: string) => new Date(`${value}:00+08:00`).toISOString();
export const isoToChinaLocal = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16);

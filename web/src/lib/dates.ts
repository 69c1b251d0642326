// Dates as YYYY-MM-DD strings and day numbers, for the date slider.

const DAY = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);

/** YYYY-MM-DD of a day number. */
export const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** Today (UTC) as YYYY-MM-DD. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** A valid YYYY-MM-DD or the fallback. */
export function validDate(s: string, fallback: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? s : fallback;
}

// Bench helpers shared by the predictor comparisons: median |error| (a miss counts as infinite) and share within
// tolerance of a set of predictions, and percentage formatting.
import { median } from "../src/planner/validate/fit-common.js";

/** One prediction's signed relative error (null = could not predict) and whether it is within tolerance. */
export interface ErrorRow {
  error: number | null;
  within: boolean;
}

// Median of a list (NaN for none): the calibration fit's own.
export { median };

/** Median |error| (unpredicted cases count as infinite) and share within tolerance. */
export function stats(rows: readonly ErrorRow[]): { median: number; within: number } {
  const errs = rows.map((r) => (r.error === null ? Number.POSITIVE_INFINITY : Math.abs(r.error)));
  return { median: median(errs), within: rows.filter((r) => r.within).length / Math.max(1, rows.length) };
}

/** 0.123 → "12.3 %"; non-finite → "—". */
export const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : "—");

// What the serving and training fits share: the support rule of a fitted number (≥ 5 cases from ≥ 2 independent
// sources), how a case's source is identified, and the median the geometric medians are taken with.
import type { ValidationCase } from "./case-schema.js";

/** A fitted parameter needs at least this many supporting cases … */
export const MIN_FIT_CASES = 5;
/** … from at least this many independent sources. */
export const MIN_FIT_SOURCES = 2;

/** One fitted (or inherited) value of a calibration profile. */
export interface FittedValue {
  profile: string;
  value: number;
  /** Supporting cases (ids) and sources (URLs); empty when inherited. */
  cases: string[];
  sources: string[];
  inherited: boolean;
}

/** Median of a list of numbers (mean of the middle two for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** A case's source, identified by its URL without fragment, trailing slashes or case. */
export function sourceOf(c: ValidationCase): string {
  return c.source.url.replace(/#.*$/, "").replace(/\/+$/, "").toLowerCase();
}

/** True when cases give a fitted number enough support (MIN_FIT_CASES from MIN_FIT_SOURCES sources). */
export function hasFitSupport(cases: readonly ValidationCase[]): boolean {
  return cases.length >= MIN_FIT_CASES && new Set(cases.map(sourceOf)).size >= MIN_FIT_SOURCES;
}

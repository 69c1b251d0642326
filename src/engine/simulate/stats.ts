// Summary statistics for the simulator: mean and percentiles of a sample, and down-sampling of a time series.
import type { Distribution } from "./types.js";

/** The q-quantile (0…1) of sorted values, linear between order statistics (Hyndman & Fan type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(sorted.length - 1, lo + 1)] as number;
  return a + (b - a) * (h - lo);
}

/**
 * Mean, p50, p90, p99 and max of a sample (NaN for an empty one).
 * @example distributionOf([1, 2, 3, 4]).p50 // 2.5
 */
export function distributionOf(values: readonly number[]): Distribution {
  const s = [...values].sort((x, y) => x - y);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : Number.NaN;
  return {
    mean,
    p50: quantile(s, 0.5),
    p90: quantile(s, 0.9),
    p99: quantile(s, 0.99),
    max: s.length ? (s[s.length - 1] as number) : Number.NaN,
  };
}

/** At most `n` evenly spaced elements of a series, the first and last included. */
export function downsample<T>(series: readonly T[], n: number): T[] {
  if (series.length <= n) return [...series];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(series[Math.round((i * (series.length - 1)) / (n - 1))] as T);
  return out;
}

// A tiny seeded pseudo-random generator (mulberry32) and the draws the simulator needs: exponential gaps and
// token counts from a fixed, exponential or uniform distribution. Deterministic for a seed (the generator is exact
// integer arithmetic; exponential draws use Math.log, which engines may round differently in the last bit).

/** A generator of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): fast, small state, good enough for workload draws.
 * @example const r = mulberry32(42); r() // 0.6011…
 */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An exponential draw with the given mean (seconds, tokens …). */
export function exponential(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}

/** How a request's token count is drawn: always the mean, exponential around it, or uniform on ±50 % of it. */
export type TokenDistribution = "fixed" | "exponential" | "uniform";

/** Token counts: a fixed number, or a mean with a distribution. */
export type TokenSpec = number | { mean: number; dist: TokenDistribution };

/** Mean and distribution of a token spec. */
export function tokenSpecOf(spec: TokenSpec): { mean: number; dist: TokenDistribution } {
  return typeof spec === "number" ? { mean: spec, dist: "fixed" } : spec;
}

/**
 * One token count (an integer ≥ 1): `fixed` → round(mean); `exponential` → 1 + an exponential draw of mean
 * (mean − 1), rounded down; `uniform` → an integer uniform on [⌈mean/2⌉, 2·mean − ⌈mean/2⌉] (mean preserved).
 * @example drawTokens(mulberry32(1), {mean: 200, dist: "uniform"}) // somewhere in 100…300
 */
export function drawTokens(random: Random, spec: TokenSpec): number {
  const { mean, dist } = tokenSpecOf(spec);
  const m = Math.max(1, mean);
  if (dist === "fixed") return Math.max(1, Math.round(m));
  if (dist === "exponential") return 1 + Math.floor(exponential(random, m - 1) + 0.5);
  const lo = Math.ceil(m / 2);
  const hi = Math.max(lo, Math.round(2 * m) - lo);
  return lo + Math.floor(random() * (hi - lo + 1));
}

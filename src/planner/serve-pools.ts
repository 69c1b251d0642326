// Prefill/decode disaggregation for the serving plan: each pool takes its own best layout (parallelism and
// precision) — prefill the one that pushes most prompt tokens per chip within the TTFT bound, decode the one that
// emits most output tokens per chip within the TPOT bound — and is sized for the demand separately.
import { decodeStep, prefillStep, type ServingConfig } from "../engine/inference.js";
import { meanContext, type ServingPoint } from "../engine/serving.js";

/** One candidate layout of the plan's sweep: its configuration, its colocated operating point, and its label. */
export interface PoolCandidate<L> {
  cfg: ServingConfig;
  point: ServingPoint;
  layout: L;
}

/** A sized pool: layout, chips (whole instances) and its capacity per chip (tokens/s: prompt or output). */
export interface Pool<L> {
  layout: L;
  chips: number;
  perChip: number;
}

/** Named assumption: the decode pool is searched among this many layouts with the best decode-only rate at their
 * colocated operating point (batch / decode step). */
export const DECODE_POOL_CANDIDATES = 4;

/** Prompt batches (per attention-DP rank) tried for the prefill pool. */
const PREFILL_BATCHES = [1, 2, 4, 8, 16] as const;

/** Prompt tokens per second per chip of a layout run as a prefill pool: the best batch whose step meets `ttft`. */
export function prefillCapacity(cfg: ServingConfig, inputTokens: number, ttft: number | null): number {
  const dp = cfg.parallel.dp;
  let best = 0;
  for (const k of PREFILL_BATCHES) {
    const s = prefillStep(cfg, k * dp, inputTokens);
    if (!s.ok || (ttft && s.value.time > ttft)) break;
    best = Math.max(best, (k * dp * inputTokens) / s.value.time / cfg.cluster.count);
  }
  return best;
}

/** Output tokens per second per chip of a layout run as a decode pool: the largest batch whose step meets `tpot`. */
export function decodeCapacity(
  cfg: ServingConfig,
  w: { inputTokens: number; outputTokens: number },
  tpot: number | null,
  maxBatch: number,
): number {
  const dp = cfg.parallel.dp;
  const accept = cfg.speculative?.acceptLength ?? 1;
  let best = 0;
  for (let b = Math.max(1, dp); b <= maxBatch; b = Math.ceil(b * 1.5)) {
    const s = decodeStep(cfg, b, meanContext(w));
    if (!s.ok || (tpot && s.value.time / accept > tpot)) break;
    best = (b * accept) / s.value.time / cfg.cluster.count;
  }
  return best;
}

function sized<L extends { count: number }>(layout: L, perChip: number, demand: number): Pool<L> {
  const inst = layout.count;
  return { layout, perChip, chips: Math.ceil(demand / perChip / inst) * inst };
}

/**
 * The cheapest prefill pool and decode pool (fewest chips for the demand, whole instances) over the candidates, or
 * null when no layout can serve one of the phases within its bound.
 * @example disaggregatedPools(cands, {inputTokens: 2000, outputTokens: 500}, 50, {tpot: 0.05, ttft: 2})
 */
export function disaggregatedPools<L extends { count: number }>(
  candidates: readonly PoolCandidate<L>[],
  w: { inputTokens: number; outputTokens: number },
  rate: number,
  slo: { tpot: number | null; ttft: number | null },
): { prefill: Pool<L>; decode: Pool<L> } | null {
  let prefill: Pool<L> | null = null;
  for (const c of candidates) {
    const per = prefillCapacity(c.cfg, w.inputTokens, slo.ttft);
    if (per <= 0) continue;
    const p = sized(c.layout, per, rate * w.inputTokens);
    if (!prefill || p.chips < prefill.chips) prefill = p;
  }
  let decode: Pool<L> | null = null;
  const decodeRate = (c: PoolCandidate<L>) => c.point.batch / c.point.decodeTpot / c.cfg.cluster.count;
  const top = [...candidates].sort((a, b) => decodeRate(b) - decodeRate(a)).slice(0, DECODE_POOL_CANDIDATES);
  for (const c of top) {
    const per = decodeCapacity(c.cfg, w, slo.tpot, Math.max(1, c.point.batch * 2));
    if (per <= 0) continue;
    const d = sized(c.layout, per, rate * w.outputTokens);
    if (!decode || d.chips < decode.chips) decode = d;
  }
  return prefill && decode ? { prefill, decode } : null;
}

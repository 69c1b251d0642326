// Prefill/decode disaggregation for the serving plan: each pool takes its own best layout (parallelism and
// precision) and is sized for the demand separately — prefill so that queueing, the prefill step and the KV-cache
// transfer to the decode pool together meet the TTFT bound, decode so that its step meets the TPOT bound — and
// each pool reports its figures at the planned load.
import { decodeStep, memoryPlan, prefillStep, type ServingConfig } from "../engine/inference.js";
import { batchLimit, meanContext, type ServingPoint } from "../engine/serving.js";

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

/** The prefill pool at the planned load (seconds, tokens/s). */
export interface PrefillPool<L> extends Pool<L> {
  /** Prompts prefilled together in one step, per instance. */
  batch: number;
  /** Seconds of one prefill step of `batch` prompts. */
  prefill: number;
  /** Mean seconds a prompt waits for its step at the planned load. */
  queue: number;
  /** Seconds to move one request's KV cache to the decode pool over the scale-out network. */
  kvTransfer: number;
  /** Time to first token: queue + prefill + kvTransfer. */
  ttft: number;
  /** Fraction of the time the pool's instances are prefilling at the planned load. */
  utilisation: number;
  /** Prompt tokens/s per chip delivered at the planned load. */
  inputPerChip: number;
}

/** The decode pool at the planned load (seconds, tokens/s). */
export interface DecodePool<L> extends Pool<L> {
  /** Sequences in flight per instance at the planned load (Little's law). */
  batch: number;
  /** Seconds per output token at that batch. */
  tpot: number;
  /** Output tokens/s per chip delivered at the planned load. */
  outputPerChip: number;
}

/** Named assumption: the decode pool is searched among this many layouts with the best decode-only rate at their
 * colocated operating point (batch / decode step). */
export const DECODE_POOL_CANDIDATES = 4;

/** Named assumption: a prefill pool is sized to run at most this busy, whatever the TTFT bound. */
export const PREFILL_MAX_UTILISATION = 0.9;

/** Prompt batches (per attention-DP rank) tried for the prefill pool. */
const PREFILL_BATCHES = [1, 2, 4, 8, 16] as const;

/**
 * Seconds to move one request's KV cache (a prompt of `inputTokens`) from a prefill instance to a decode instance.
 * Named assumption: each chip sends (receives) its own share of the cache over its own scale-out NIC at the
 * engine's scale-out efficiency, after the prefill step (no layer-wise overlap); the slower side bounds it.
 * `nicBytesPerSecond` overrides both pools' per-chip NIC bandwidth (B/s).
 * @example kvTransferSeconds(pre, dec, 2000) // ≈ 0.004 s for DeepSeek-R1 fp8 KV on 400 Gbit/s NICs
 */
export function kvTransferSeconds(
  pre: ServingConfig,
  dec: ServingConfig,
  inputTokens: number,
  nicBytesPerSecond: number | null = null,
): number {
  const side = (cfg: ServingConfig) => {
    const plan = memoryPlan(cfg);
    if (!plan.ok) return Number.POSITIVE_INFINITY;
    const bw = (nicBytesPerSecond ?? cfg.cluster.scaleOutBandwidth) * cfg.calibration.scaleOutEfficiency;
    return bw > 0 ? plan.value.kvPerSequence(inputTokens) / bw : Number.POSITIVE_INFINITY;
  };
  return Math.max(side(pre), side(dec));
}

/**
 * Mean wait of a prompt at a batching prefill instance: steps of `step` seconds serving `batch` prompts at once,
 * Poisson arrivals at `utilisation` of capacity — the M/D/1 wait with one step as the service time,
 * ρ·step / (2 (1 − ρ)). Infinite at or above full load.
 */
export function prefillQueueSeconds(step: number, utilisation: number): number {
  if (utilisation >= 1) return Number.POSITIVE_INFINITY;
  return (Math.max(utilisation, 0) * step) / (2 * (1 - utilisation));
}

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

/** The largest decode batch (from dp, ×1.5 per try, up to `maxBatch`) whose step meets `tpot`, and its step. */
function decodeBatch(
  cfg: ServingConfig,
  w: { inputTokens: number; outputTokens: number },
  tpot: number | null,
  maxBatch: number,
): { batch: number; step: number } | null {
  const accept = cfg.speculative?.acceptLength ?? 1;
  let found: { batch: number; step: number } | null = null;
  for (let b = Math.max(1, cfg.parallel.dp); b <= maxBatch; b = Math.ceil(b * 1.5)) {
    const s = decodeStep(cfg, b, meanContext(w));
    if (!s.ok || (tpot && s.value.time / accept > tpot)) break;
    found = { batch: b, step: s.value.time };
  }
  return found;
}

/** Output tokens per second per chip of a layout run as a decode pool: the largest batch whose step meets `tpot`. */
export function decodeCapacity(
  cfg: ServingConfig,
  w: { inputTokens: number; outputTokens: number },
  tpot: number | null,
  maxBatch: number,
): number {
  const d = decodeBatch(cfg, w, tpot, maxBatch);
  const accept = cfg.speculative?.acceptLength ?? 1;
  return d ? (d.batch * accept) / d.step / cfg.cluster.count : 0;
}

/** Largest decode batch a layout may run as a decode pool: twice its colocated batch, within its KV cache. */
export function decodeBatchCap(
  c: { cfg: ServingConfig; point: ServingPoint },
  w: { inputTokens: number; outputTokens: number },
): number {
  const lim = batchLimit(c.cfg, w);
  return Math.max(1, Math.min(c.point.batch * 2, lim.ok ? lim.value.max : c.point.batch));
}

/** Decode batch per instance that emits `tokensPerSecond` (bisection on batch; throughput grows with batch). */
function batchAtLoad(
  cfg: ServingConfig,
  w: { inputTokens: number; outputTokens: number },
  tokensPerSecond: number,
  max: number,
): { batch: number; tpot: number } {
  const accept = cfg.speculative?.acceptLength ?? 1;
  const at = (b: number) => {
    const s = decodeStep(cfg, b, meanContext(w));
    return s.ok ? s.value.time : Number.POSITIVE_INFINITY;
  };
  let lo = 1e-3;
  let hi = max;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if ((mid * accept) / at(mid) < tokensPerSecond) lo = mid;
    else hi = mid;
  }
  return { batch: hi, tpot: at(hi) / accept };
}

interface PoolSlo {
  tpot: number | null;
  ttft: number | null;
}

/**
 * The cheapest decode pool (fewest chips for the demand, whole instances) over the best decode candidates, with its
 * batch and TPOT at the planned load; null when no layout meets the TPOT bound.
 */
function decodePool<L extends { count: number }>(
  candidates: readonly PoolCandidate<L>[],
  w: { inputTokens: number; outputTokens: number },
  rate: number,
  tpot: number | null,
): { pool: DecodePool<L>; cfg: ServingConfig } | null {
  const decodeRate = (c: PoolCandidate<L>) => c.point.batch / c.point.decodeTpot / c.cfg.cluster.count;
  const top = [...candidates].sort((a, b) => decodeRate(b) - decodeRate(a)).slice(0, DECODE_POOL_CANDIDATES);
  let best: { pool: DecodePool<L>; cfg: ServingConfig } | null = null;
  const demand = rate * w.outputTokens;
  for (const c of top) {
    const max = decodeBatchCap(c, w);
    const per = decodeCapacity(c.cfg, w, tpot, max);
    if (per <= 0) continue;
    const inst = c.layout.count;
    const chips = Math.ceil(demand / per / inst) * inst;
    if (best && chips >= best.pool.chips) continue;
    const load = batchAtLoad(c.cfg, w, (demand / chips) * inst, max);
    best = {
      cfg: c.cfg,
      pool: { layout: c.layout, chips, perChip: per, ...load, outputPerChip: demand / chips },
    };
  }
  return best;
}

/**
 * The cheapest prefill pool for a decode pool: over the candidates and prompt batches, the fewest chips whose
 * queueing (at most `PREFILL_MAX_UTILISATION` busy), prefill step and KV transfer to `dec` meet the TTFT bound.
 */
function prefillPool<L extends { count: number }>(
  candidates: readonly PoolCandidate<L>[],
  dec: ServingConfig,
  inputTokens: number,
  rate: number,
  ttft: number | null,
  nic: number | null,
): PrefillPool<L> | null {
  let best: PrefillPool<L> | null = null;
  for (const c of candidates) {
    const kvTransfer = kvTransferSeconds(c.cfg, dec, inputTokens, nic);
    const dp = c.cfg.parallel.dp;
    for (const k of PREFILL_BATCHES) {
      const s = prefillStep(c.cfg, k * dp, inputTokens);
      if (!s.ok) break;
      const step = s.value.time;
      const slack = ttft ? ttft - step - kvTransfer : Number.POSITIVE_INFINITY;
      if (!(slack > 0)) break;
      // Largest utilisation whose M/D/1 wait fits the slack: ρ·step / (2 (1 − ρ)) ≤ slack.
      const rhoMax = Math.min(
        PREFILL_MAX_UTILISATION,
        Number.isFinite(slack) ? (2 * slack) / (step + 2 * slack) : 1,
      );
      const instances = Math.max(1, Math.ceil((rate * step) / (k * dp * rhoMax)));
      const chips = instances * c.layout.count;
      const utilisation = (rate * step) / (k * dp * instances);
      const queue = prefillQueueSeconds(step, utilisation);
      const total = queue + step + kvTransfer;
      if (best && (chips > best.chips || (chips === best.chips && total >= best.ttft))) continue;
      best = {
        layout: c.layout,
        chips,
        perChip: (k * dp * inputTokens) / step / c.cfg.cluster.count,
        batch: k * dp,
        prefill: step,
        queue,
        kvTransfer,
        ttft: total,
        utilisation,
        inputPerChip: (rate * inputTokens) / chips,
      };
    }
  }
  return best;
}

/**
 * The cheapest decode pool, then the cheapest prefill pool feeding it (fewest chips, whole instances), with their
 * figures at the planned load; null when no layout can serve one of the phases within its bound. `nicGbpsPerChip`
 * overrides the per-chip NIC bandwidth the KV cache moves over (default: each layout's system's scale-out).
 * @example disaggregatedPools(cands, {inputTokens: 2000, outputTokens: 500}, 50, {tpot: 0.05, ttft: 2})
 */
export function disaggregatedPools<L extends { count: number }>(
  candidates: readonly PoolCandidate<L>[],
  w: { inputTokens: number; outputTokens: number },
  rate: number,
  slo: PoolSlo,
  nicGbpsPerChip: number | null = null,
): { prefill: PrefillPool<L>; decode: DecodePool<L> } | null {
  const decode = decodePool(candidates, w, rate, slo.tpot);
  if (!decode) return null;
  const nic = nicGbpsPerChip ? (nicGbpsPerChip * 1e9) / 8 : null;
  const prefill = prefillPool(candidates, decode.cfg, w.inputTokens, rate, slo.ttft, nic);
  return prefill ? { prefill, decode: decode.pool } : null;
}

// Steady-state serving with continuous batching: TPOT(B), TTFT and throughput for a concurrency, the largest
// batch memory and an SLO allow, and open-loop load by Little's law; prefill interleaved with decode.
import { fail, issue, ok, type Result, type Warning } from "../issues.js";
import {
  decodeStep,
  maxBatch,
  memoryPlan,
  prefillStep,
  type MemoryPlan,
  type ServingConfig,
} from "./inference.js";

export interface ServingPoint {
  /** Sequences in flight per instance. */
  batch: number;
  /** Seconds per output token of one sequence, prefill interference included. */
  tpot: number;
  /** Seconds per output token of the decode step alone. */
  decodeTpot: number;
  /** Seconds to first token: the running decode step plus the prefill of the requests arriving with it. */
  ttft: number;
  /** Output tokens per second per chip. */
  outputPerChip: number;
  /** Prompt tokens per second per chip. */
  inputPerChip: number;
}

export interface Workload {
  inputTokens: number;
  outputTokens: number;
}

/** Named assumption: prompts prefilled together in one step, in tokens per instance rank (chunked-prefill budget). */
export const PREFILL_CHUNK_TOKENS = 16384;

/** Mean context of a sequence while it decodes: prompt plus half the output (FORMAT.md, decode semantics). */
export function meanContext(w: Workload): number {
  return w.inputTokens + w.outputTokens / 2;
}

/** Prefill cost per request depends only on the configuration and prompt length: cached per configuration object. */
const prefillCache = new WeakMap<ServingConfig, Map<number, Result<{ perRequest: number; ttft: number }>>>();

function prefillSecondsPerRequest(
  cfg: ServingConfig,
  w: Workload,
): Result<{ perRequest: number; ttft: number }> {
  let byInput = prefillCache.get(cfg);
  if (!byInput) {
    byInput = new Map();
    prefillCache.set(cfg, byInput);
  }
  const hit = byInput.get(w.inputTokens);
  if (hit) return hit;
  const r = prefillPerRequest(cfg, w);
  byInput.set(w.inputTokens, r);
  return r;
}

function prefillPerRequest(cfg: ServingConfig, w: Workload): Result<{ perRequest: number; ttft: number }> {
  const dp = cfg.parallel.dp;
  const perRank = Math.max(1, Math.floor(PREFILL_CHUNK_TOKENS / w.inputTokens));
  const batch = perRank * dp;
  const p = prefillStep(cfg, batch, w.inputTokens);
  if (!p.ok) return p;
  return ok({ perRequest: p.value.time / batch, ttft: p.value.time });
}

/**
 * Steady state at `batch` sequences in flight: every request is prefilled once and decoded for `outputTokens`
 * tokens; the instance alternates prefill and decode steps, so a token's wall time is the decode step plus the
 * prefill work of the requests that replace finishing ones (B / O requests per step).
 */
export function servingPoint(cfg: ServingConfig, w: Workload, batch: number): Result<ServingPoint> {
  const dec = decodeStep(cfg, batch, meanContext(w));
  if (!dec.ok) return dec;
  const pre = prefillSecondsPerRequest(cfg, w);
  if (!pre.ok) return pre;
  const accept = cfg.speculative?.acceptLength ?? 1;
  const decodeTpot = dec.value.time / accept;
  const stepsPerRequest = w.outputTokens / accept;
  // Per target step, batch / stepsPerRequest requests finish and are replaced: their prefill joins the step.
  const arrivalsPerStep = batch / Math.max(stepsPerRequest, 1e-9);
  const stepWall = dec.value.time + arrivalsPerStep * pre.value.perRequest;
  // TTFT: wait for the running step, then prefill together with the requests arriving alongside.
  const own = prefillStep(cfg, Math.max(1, arrivalsPerStep), w.inputTokens);
  if (!own.ok) return own;
  const ttft = dec.value.time + own.value.time;
  const tpot = stepWall / accept;
  const tokensPerSecond = (batch * accept) / stepWall;
  const count = cfg.cluster.count;
  return ok(
    {
      batch,
      tpot,
      decodeTpot,
      ttft,
      outputPerChip: tokensPerSecond / count,
      inputPerChip: (tokensPerSecond * w.inputTokens) / Math.max(w.outputTokens, 1e-9) / count,
    },
    [...dec.warnings, ...pre.warnings],
  );
}

/** The memory plan and the largest batch it allows for this workload. */
export function batchLimit(cfg: ServingConfig, w: Workload): Result<{ plan: MemoryPlan; max: number }> {
  const plan = memoryPlan(cfg);
  if (!plan.ok) return plan;
  const max = maxBatch(plan.value, w.inputTokens + w.outputTokens, cfg.parallel.dp);
  if (max < 1)
    return fail(
      issue(
        "exceeds_memory",
        ["batch"],
        `not even one ${w.inputTokens + w.outputTokens}-token sequence fits in the KV cache`,
      ),
    );
  return ok({ plan: plan.value, max: Math.min(max, 1e6) });
}

export interface Slo {
  tpot?: number | null;
  ttft?: number | null;
}

/**
 * The largest batch (≤ memory limit and `cap`) whose steady state meets the SLO, and its serving point.
 * Throughput grows with batch until memory or compute binds, so the largest feasible batch is the best.
 */
export function bestBatch(cfg: ServingConfig, w: Workload, slo: Slo, cap: number): Result<ServingPoint> {
  const lim = batchLimit(cfg, w);
  if (!lim.ok) return lim;
  const hi0 = Math.max(1, Math.floor(Math.min(lim.value.max, cap)));
  const meets = (p: ServingPoint) => (!slo.tpot || p.tpot <= slo.tpot) && (!slo.ttft || p.ttft <= slo.ttft);
  const top = servingPoint(cfg, w, hi0);
  if (!top.ok) return top;
  if (meets(top.value)) return top;
  let lo = 1;
  let hi = hi0;
  const first = servingPoint(cfg, w, 1);
  if (!first.ok) return first;
  if (!meets(first.value))
    return fail(
      issue(
        "slo_unmet",
        ["slo"],
        `even one sequence misses the SLO (TPOT ${(first.value.tpot * 1e3).toFixed(1)} ms)`,
      ),
    );
  const warnings: Warning[] = [];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const p = servingPoint(cfg, w, mid);
    if (!p.ok) return p;
    if (meets(p.value)) lo = mid;
    else hi = mid;
  }
  const r = servingPoint(cfg, w, lo);
  return r.ok ? ok(r.value, [...warnings, ...r.warnings]) : r;
}

/**
 * Open-loop Poisson arrivals at `rate` requests/s per instance: concurrency N solves N = rate · (TTFT + O · TPOT(N))
 * (Little's law), by fixed-point iteration.
 */
export function atRate(cfg: ServingConfig, w: Workload, rate: number): Result<ServingPoint> {
  let n = 1;
  let last: Result<ServingPoint> = servingPoint(cfg, w, n);
  for (let i = 0; i < 40 && last.ok; i++) {
    const p = last.value;
    const next = Math.max(1, rate * (p.ttft + w.outputTokens * p.tpot));
    if (Math.abs(next - n) < 1e-3 * n) break;
    n = 0.5 * n + 0.5 * next;
    last = servingPoint(cfg, w, n);
  }
  return last;
}

// estimateInference: one serving scenario (prefill, decode or end-to-end; fixed batch, closed loop, offline or
// open-loop server) on a configured instance → throughput per chip, TPOT, TTFT, the step breakdowns and memory.
import { fail, issue, ok, type Result, type Warning } from "../issues.js";
import { decodeStep, memoryPlan, prefillStep, type ServingConfig, type StepEstimate } from "./inference.js";
import {
  atRate,
  batchLimit,
  bestBatch,
  meanContext,
  PREFILL_CHUNK_TOKENS,
  servingPoint,
  type ServingPoint,
} from "./serving.js";
import { DEFAULT_MAX_BATCH, PERCENTILE_OVER_MEAN } from "./serving-defaults.js";

export interface InferenceRequest {
  phase: "prefill" | "decode" | "end-to-end";
  inputTokens: number;
  /** Output tokens per request (0 for a pure prefill). */
  outputTokens: number;
  /** Sequences per instance; null = the scenario chooses (largest that memory, the cap and the SLO allow). */
  batch: number | null;
  scenario: "offline" | "server" | "closed-loop" | "fixed-batch";
  /** Requests/s per instance (open loop). */
  requestRate: number | null;
  /** Latency bounds, seconds, at `percentile`. */
  slo: { tpot: number | null; ttft: number | null; percentile: "mean" | "p50" | "p90" | "p99" };
  /** Largest running batch the framework schedules per attention-DP rank. Default DEFAULT_MAX_BATCH. */
  maxBatch?: number;
}

export interface MemorySummary {
  capacity: number;
  weights: number;
  activations: number;
  reserve: number;
  kvBudget: number;
  /** KV bytes of one sequence at the workload's full length, per chip. */
  kvPerSequence: number;
  /** Largest batch memory allows (per instance). */
  maxBatch: number;
}

export interface InferenceEstimate {
  batch: number;
  outputTokensPerSecondPerChip: number;
  inputTokensPerSecondPerChip: number;
  /** Seconds per output token (prefill interference included where the scenario interleaves it). */
  tpot: number;
  /** Seconds to first token. */
  ttft: number;
  decode: StepEstimate | null;
  prefill: StepEstimate | null;
  memory: MemorySummary | null;
}

function memorySummary(cfg: ServingConfig, total: number): MemorySummary | null {
  const m = memoryPlan(cfg);
  if (!m.ok) return null;
  const per = m.value.kvPerSequence(total);
  return {
    capacity: m.value.capacity,
    weights: m.value.weights,
    activations: m.value.activations,
    reserve: m.value.reserve,
    kvBudget: m.value.kvBudget,
    kvPerSequence: per,
    maxBatch: per > 0 ? Math.floor(m.value.kvBudget / per) * cfg.parallel.dp : Number.POSITIVE_INFINITY,
  };
}

function prefillBatch(cfg: ServingConfig, r: InferenceRequest, ttftBound: number | null): number {
  if (r.batch) return r.batch;
  const perRank = Math.max(1, Math.floor(PREFILL_CHUNK_TOKENS / r.inputTokens));
  if (!ttftBound) return perRank * cfg.parallel.dp;
  let best = 1;
  for (let k = 1; k <= perRank; k++) {
    const s = prefillStep(cfg, k * cfg.parallel.dp, r.inputTokens);
    if (s.ok && s.value.time <= ttftBound) best = k;
  }
  return best * cfg.parallel.dp;
}

/**
 * Estimates one serving scenario on a configured instance. Metrics are per chip of the instance.
 * @example estimateInference(cfg, {phase: "decode", inputTokens: 2048, outputTokens: 256, batch: 64, …}).value.tpot
 */
export function estimateInference(cfg: ServingConfig, r: InferenceRequest): Result<InferenceEstimate> {
  const count = cfg.cluster.count;
  const w = { inputTokens: r.inputTokens, outputTokens: r.outputTokens };
  const accept = cfg.speculative?.acceptLength ?? 1;
  const pct = PERCENTILE_OVER_MEAN[r.slo.percentile] ?? 1;
  // A percentile bound on the mean: p99 ≤ SLO ⇔ mean ≤ SLO / (p99 / mean).
  const tpotBound = r.slo.tpot ? r.slo.tpot / pct : null;
  const ttftBound = r.slo.ttft ? r.slo.ttft / pct : null;
  // The framework's running-batch cap applies to each attention data-parallel rank.
  const cap = (r.maxBatch ?? DEFAULT_MAX_BATCH) * cfg.parallel.dp;
  const memory = memorySummary(cfg, r.inputTokens + r.outputTokens);
  const memoryWarnings = (batch: number): Warning[] =>
    memory === null
      ? [
          {
            code: "exceeds_memory",
            message: `the weights leave no room for the KV cache on ${cfg.cluster.chip.id}: the estimate assumes they fit`,
          },
        ]
      : batch > memory.maxBatch * 1.001
        ? [
            {
              code: "exceeds_memory",
              message: `batch ${Math.round(batch)} exceeds the ${memory.maxBatch} sequences the KV cache holds: the estimate assumes it fits`,
            },
          ]
        : [];

  if (r.phase === "prefill") {
    const batch = prefillBatch(cfg, r, ttftBound);
    const s = prefillStep(cfg, batch, r.inputTokens);
    if (!s.ok) return s;
    const input = (batch * r.inputTokens) / s.value.time / count;
    return ok(
      {
        batch,
        outputTokensPerSecondPerChip: 0,
        inputTokensPerSecondPerChip: input,
        tpot: 0,
        ttft: s.value.time,
        decode: null,
        prefill: s.value,
        memory,
      },
      [...s.warnings, ...(memory === null ? memoryWarnings(batch) : [])],
    );
  }

  if (r.phase === "decode") {
    let batch = r.batch;
    if (!batch) {
      const lim = batchLimit(cfg, w);
      if (!lim.ok) return lim;
      batch = Math.min(lim.value.max, cap);
    }
    const s = decodeStep(cfg, batch, meanContext(w));
    if (!s.ok) return s;
    return ok(
      {
        batch,
        outputTokensPerSecondPerChip: (batch * accept) / s.value.time / count,
        inputTokensPerSecondPerChip: 0,
        tpot: s.value.time / accept,
        ttft: 0,
        decode: s.value,
        prefill: null,
        memory,
      },
      [...s.warnings, ...memoryWarnings(batch)],
    );
  }

  if (r.outputTokens <= 0)
    return fail(issue("missing_field", ["outputTokens"], "an end-to-end estimate needs output tokens"));
  if (r.scenario === "fixed-batch" && r.batch) {
    // One batch prefilled together and decoded to the end (a latency benchmark).
    const pre = prefillStep(cfg, r.batch, r.inputTokens);
    if (!pre.ok) return pre;
    const dec = decodeStep(cfg, r.batch, meanContext(w));
    if (!dec.ok) return dec;
    const wall = pre.value.time + (r.outputTokens / accept) * dec.value.time;
    return ok(
      {
        batch: r.batch,
        outputTokensPerSecondPerChip: (r.batch * r.outputTokens) / wall / count,
        inputTokensPerSecondPerChip: (r.batch * r.inputTokens) / wall / count,
        tpot: dec.value.time / accept,
        ttft: pre.value.time,
        decode: dec.value,
        prefill: pre.value,
        memory,
      },
      [...pre.warnings, ...dec.warnings, ...memoryWarnings(r.batch)],
    );
  }
  let point: Result<ServingPoint>;
  if (r.scenario === "server" && r.requestRate) point = atRate(cfg, w, r.requestRate);
  else if (r.batch && r.scenario !== "offline") point = servingPoint(cfg, w, r.batch);
  else {
    const slo = r.scenario === "server" ? { tpot: tpotBound, ttft: ttftBound } : {};
    point = bestBatch(cfg, w, slo, r.batch ?? cap);
  }
  if (!point.ok) return point;
  const p = point.value;
  const warnings: Warning[] = [...point.warnings];
  const demand = r.requestRate ? (r.requestRate * r.outputTokens) / count : Number.POSITIVE_INFINITY;
  const dec = decodeStep(cfg, p.batch, meanContext(w));
  const pre = prefillStep(
    cfg,
    Math.max(1, Math.floor(PREFILL_CHUNK_TOKENS / r.inputTokens)) * cfg.parallel.dp,
    r.inputTokens,
  );
  return ok(
    {
      batch: p.batch,
      outputTokensPerSecondPerChip: Math.min(p.outputPerChip, demand),
      inputTokensPerSecondPerChip: Math.min(p.inputPerChip, (demand * r.inputTokens) / r.outputTokens),
      tpot: p.tpot,
      ttft: p.ttft,
      decode: dec.ok ? dec.value : null,
      prefill: pre.ok ? pre.value : null,
      memory,
    },
    warnings,
  );
}

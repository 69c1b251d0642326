// The simulator beside the steady-state serving model: the model's estimate for the same scenario, and a check
// that closed-loop throughput and mean TPOT agree (the relative gap), with the simulated tail-to-mean ratios.
import { fail, issue, ok, type Result } from "../../issues.js";
import { estimateInference, type InferenceEstimate, type InferenceRequest } from "../estimate.js";
import type { ServingConfig } from "../inference.js";
import { tokenSpecOf } from "./random.js";
import { defaultScheduler, simulateServing } from "./simulate.js";
import type { SimScheduler, SimWorkload } from "./types.js";

/**
 * The steady-state model's estimate (estimateInference, end-to-end) for a simulated workload: poisson → `server` at
 * its rate, closed-loop → `closed-loop` at its concurrency, burst → `offline`; mean token counts.
 */
export function steadyStateEstimate(
  cfg: ServingConfig,
  w: SimWorkload,
  maxBatch?: number,
): Result<InferenceEstimate> {
  const scenario =
    w.arrival === "poisson" ? "server" : w.arrival === "closed-loop" ? "closed-loop" : "offline";
  const request: InferenceRequest = {
    phase: "end-to-end",
    inputTokens: tokenSpecOf(w.inputTokens).mean,
    outputTokens: tokenSpecOf(w.outputTokens).mean,
    batch: w.arrival === "closed-loop" ? (w.concurrency ?? null) : null,
    scenario,
    requestRate: w.arrival === "poisson" ? (w.requestRate ?? null) : null,
    slo: { tpot: null, ttft: null, percentile: "mean" },
    ...(maxBatch ? { maxBatch: Math.max(1, Math.floor(maxBatch / cfg.parallel.dp)) } : {}),
  };
  if (request.requestRate) {
    // An open-loop rate beyond the largest batch's throughput has no steady state: the queue grows without bound.
    const top = estimateInference(cfg, { ...request, scenario: "offline", requestRate: null });
    if (!top.ok) return top;
    const capacity = top.value.outputTokensPerSecondPerChip * cfg.cluster.count;
    const offered = request.requestRate * request.outputTokens;
    if (offered > capacity)
      return fail(
        issue(
          "infeasible",
          ["requestRate"],
          `${request.requestRate} requests/s × ${request.outputTokens} output tokens (${offered.toFixed(0)} tokens/s) exceeds the steady-state capacity of ${capacity.toFixed(0)} tokens/s: no steady state`,
        ),
      );
  }
  return estimateInference(cfg, request);
}

export interface SteadyStateCheck {
  batch: number;
  simulated: { outputTokensPerSecondPerChip: number; meanTpot: number; meanBatch: number };
  model: { outputTokensPerSecondPerChip: number; tpot: number; ttft: number };
  /** (simulated − model) / model. */
  gap: { throughput: number; tpot: number };
  /** Simulated p90 / mean and p99 / mean of TPOT and TTFT over the run (the model assumes PERCENTILE_OVER_MEAN). */
  tail: { tpotP90: number; tpotP99: number; ttftP90: number; ttftP99: number };
}

/**
 * Closed loop at `batch` requests in flight, simulated (steady middle of the run) against the steady-state model.
 * Output lengths are drawn uniform on ±50 % of the mean so that requests do not finish in lock-step (the model's
 * steady state assumes staggered completions); the model sees the same means.
 * @example checkSteadyState(cfg, {inputTokens: 1000, outputTokens: 200, batch: 64}).value.gap.throughput // 0.07
 */
export function checkSteadyState(
  cfg: ServingConfig,
  w: { inputTokens: number; outputTokens: number; batch: number },
  opts: { requests?: number; seed?: number; scheduler?: Partial<SimScheduler> } = {},
): Result<SteadyStateCheck> {
  const workload: SimWorkload = {
    arrival: "closed-loop",
    concurrency: w.batch,
    requests: opts.requests ?? Math.max(500, 20 * w.batch),
    inputTokens: w.inputTokens,
    outputTokens: { mean: w.outputTokens, dist: "uniform" },
  };
  const base = defaultScheduler(cfg);
  const sch = { ...base, maxBatch: Math.max(base.maxBatch, w.batch), ...opts.scheduler };
  const sim = simulateServing(cfg, workload, sch, opts.seed ?? 1);
  if (!sim.ok) return sim;
  const model = steadyStateEstimate(cfg, workload, sch.maxBatch);
  if (!model.ok) return model;
  const s = sim.value;
  const m = model.value;
  return ok(
    {
      batch: w.batch,
      simulated: {
        outputTokensPerSecondPerChip: s.steady.outputTokensPerSecondPerChip,
        meanTpot: s.steady.meanTpot,
        meanBatch: s.steady.meanBatch,
      },
      model: { outputTokensPerSecondPerChip: m.outputTokensPerSecondPerChip, tpot: m.tpot, ttft: m.ttft },
      gap: {
        throughput: s.steady.outputTokensPerSecondPerChip / m.outputTokensPerSecondPerChip - 1,
        tpot: s.steady.meanTpot / m.tpot - 1,
      },
      tail: {
        tpotP90: s.tpot.p90 / s.tpot.mean,
        tpotP99: s.tpot.p99 / s.tpot.mean,
        ttftP90: s.ttft.p90 / s.ttft.mean,
        ttftP99: s.ttft.p99 / s.ttft.mean,
      },
    },
    [...sim.warnings, ...model.warnings],
  );
}

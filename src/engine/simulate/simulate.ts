// simulateServing: a discrete-event simulation of one serving instance under a workload — arrivals, a
// continuous-batching scheduler with chunked prefill and preemption, step times from the engine — giving
// per-request TTFT / TPOT / end-to-end latency, their distributions, throughput, goodput and a time series.
import { fail, issue, type Result, type Warning } from "../../issues.js";
import { memoryPlan, type ServingConfig } from "../inference.js";
import { PREFILL_CHUNK_TOKENS } from "../serving.js";
import { FRAMEWORK_MAX_BATCH } from "../serving-defaults.js";
import { drawTokens, exponential, mulberry32, tokenSpecOf } from "./random.js";
import type { KvModel, Live } from "./scheduler.js";
import { runEventLoop } from "./event-loop.js";
import { summarise } from "./summary.js";
import { StepCost } from "./step-cost.js";
import type { SimScheduler, SimSlo, SimWorkload, SimulationResult } from "./types.js";

/** KV cache allocation granularity, tokens (vLLM's default block size). */
export const KV_BLOCK_TOKENS = 16;

/**
 * The scheduler defaults: vLLM's `max_num_seqs` (256) per attention-DP rank; the steady-state model's prefill token
 * budget (PREFILL_CHUNK_TOKENS) for the whole instance, split over its attention-DP ranks as SGLang splits
 * `chunked_prefill_size` under DP attention (server_args.py: chunked_prefill_size // dp_size); chunked prefill on;
 * recompute preemption. Limits are per instance; each of the dp ranks gets 1/dp of them.
 */
export function defaultScheduler(cfg: ServingConfig): SimScheduler {
  const dp = cfg.parallel.dp;
  return {
    maxBatch: (FRAMEWORK_MAX_BATCH.vllm ?? 256) * dp,
    maxBatchTokens: PREFILL_CHUNK_TOKENS,
    chunkedPrefill: true,
    preemption: "recompute",
  };
}

function checkInputs(w: SimWorkload, s: SimScheduler): string | null {
  if (!(Number.isInteger(w.requests) && w.requests >= 1)) return "requests must be a positive integer";
  if (w.arrival === "poisson" && !((w.requestRate ?? 0) > 0))
    return "a poisson workload needs requestRate > 0";
  if (w.arrival === "closed-loop" && !(Number.isInteger(w.concurrency) && (w.concurrency ?? 0) >= 1))
    return "a closed-loop workload needs an integer concurrency ≥ 1";
  for (const [k, v] of [
    ["inputTokens", w.inputTokens],
    ["outputTokens", w.outputTokens],
  ] as const)
    if (!(tokenSpecOf(v).mean >= 1)) return `${k} must be at least 1`;
  if (!(s.maxBatch >= 1 && s.maxBatchTokens >= 1)) return "maxBatch and maxBatchTokens must be at least 1";
  return null;
}

interface Drawn {
  arrivals: number[];
  inputs: number[];
  outputs: number[];
}

function draw(w: SimWorkload, seed: number): Drawn {
  const random = mulberry32(seed);
  const d: Drawn = { arrivals: [], inputs: [], outputs: [] };
  let t = 0;
  for (let i = 0; i < w.requests; i++) {
    if (w.arrival === "poisson" && i > 0) t += exponential(random, 1 / (w.requestRate as number));
    d.arrivals.push(w.arrival === "poisson" ? t : 0);
    d.inputs.push(drawTokens(random, w.inputTokens));
    d.outputs.push(drawTokens(random, w.outputTokens));
  }
  return d;
}

/**
 * Simulates `workload` on the instance `cfg` under `scheduler` (defaults: defaultScheduler) with a seeded PRNG.
 * Times are seconds from the first arrival; throughput is per chip of the instance. Deterministic for a seed.
 * @example simulateServing(cfg, {arrival: "poisson", requestRate: 4, requests: 2000, inputTokens: 1000,
 *   outputTokens: 200}, {}, 1).value.ttft.p99 // 0.09
 */
export function simulateServing(
  cfg: ServingConfig,
  workload: SimWorkload,
  scheduler: Partial<SimScheduler> = {},
  seed = 1,
  slo: SimSlo = { ttft: null, tpot: null },
): Result<SimulationResult> {
  const sch: SimScheduler = { ...defaultScheduler(cfg), ...scheduler };
  const bad = checkInputs(workload, sch);
  if (bad) return fail(issue("invalid_value", ["workload"], bad));
  const plan = memoryPlan(cfg);
  if (!plan.ok) return plan;
  const accept = cfg.speculative?.acceptLength ?? 1;
  const blocks = new Map<number, number>();
  const kv: KvModel = {
    accept,
    block: plan.value.kvPerSequence(2 * KV_BLOCK_TOKENS) - plan.value.kvPerSequence(KV_BLOCK_TOKENS),
    bytes: (tokens) => {
      const b = Math.ceil(tokens / KV_BLOCK_TOKENS);
      let v = blocks.get(b);
      if (v === undefined) blocks.set(b, (v = b > 0 ? plan.value.kvPerSequence(b * KV_BLOCK_TOKENS) : 0));
      return v;
    },
  };
  const cost = new StepCost(cfg);
  const dp = cfg.parallel.dp;
  const kvPerRank = plan.value.kvBudget;
  const d = draw(workload, seed);
  const warnings: Warning[] = [];
  const lives: Live[] = [];
  let dropped = 0;
  for (let i = 0; i < workload.requests; i++) {
    const input = d.inputs[i] as number;
    const output = d.outputs[i] as number;
    const l: Live = {
      id: i,
      arrival: 0,
      input,
      output,
      computed: 0,
      target: input,
      generated: 0,
      firstToken: null,
      preemptions: 0,
      held: 0,
    };
    if (kv.bytes(input + output + accept + KV_BLOCK_TOKENS) > kvPerRank) dropped++;
    else lives.push(l);
  }
  if (dp > 1)
    warnings.push({
      code: "dp_round_robin",
      message: `requests are dispatched round-robin over the ${dp} attention-DP ranks, each with 1/${dp} of the batch and token limits; a step lasts as long as its busiest rank`,
    });
  const longest = Math.max(...lives.map((l) => l.input + l.output));
  const maxPositions = cfg.arch.maxPositions;
  if (maxPositions > 0 && longest > maxPositions)
    warnings.push({
      code: "exceeds_context",
      message: `requests of up to ${longest} tokens exceed the model's context length (${maxPositions}); they are simulated as if it allowed them`,
    });
  if (dropped > 0)
    warnings.push({
      code: "request_exceeds_kv",
      message: `${dropped} request(s) longer than the whole KV cache were left out`,
    });
  if (lives.length === 0)
    return fail(
      issue(
        "exceeds_memory",
        ["workload"],
        "no request fits in the KV cache: shorten the requests or add chips",
      ),
    );
  const run = runEventLoop({
    lives,
    arrivals: workload.arrival === "closed-loop" ? null : d.arrivals,
    concurrency: workload.concurrency ?? 1,
    ranks: dp,
    sch: {
      ...sch,
      maxBatch: Math.max(1, Math.floor(sch.maxBatch / dp)),
      maxBatchTokens: Math.max(1, Math.floor(sch.maxBatchTokens / dp)),
    },
    kvPerRank,
    kv,
    cost,
  });
  if (!run.ok) return run;
  return summarise({
    cfg,
    workload,
    sch,
    seed,
    slo,
    lives,
    ...run.value,
    kvCapacity: kvPerRank * dp,
    kv,
    warnings,
  });
}

// simulateServing: a discrete-event simulation of one serving instance under a workload — arrivals, a
// continuous-batching scheduler with chunked prefill and preemption, step times from the engine — giving
// per-request TTFT / TPOT / end-to-end latency, their distributions, throughput, goodput and a time series.
import { fail, issue, type Result, type Warning } from "../../issues.js";
import { memoryPlan, type ServingConfig } from "../inference.js";
import { PREFILL_CHUNK_TOKENS } from "../serving.js";
import { FRAMEWORK_MAX_BATCH } from "../serving-defaults.js";
import { drawTokens, exponential, mulberry32, tokenSpecOf } from "./random.js";
import { evict, planStep, type KvModel, type Live, type SchedulerState } from "./scheduler.js";
import { summarise, type StepRecord } from "./summary.js";
import { StepCost } from "./step-cost.js";
import type { SimScheduler, SimSlo, SimWorkload, SimulationResult } from "./types.js";

/** KV cache allocation granularity, tokens (vLLM's default block size). */
export const KV_BLOCK_TOKENS = 16;

/**
 * The scheduler defaults: vLLM's `max_num_seqs` (256) per attention-DP rank, the steady-state model's prefill token
 * budget (PREFILL_CHUNK_TOKENS) per rank, chunked prefill on, recompute preemption.
 */
export function defaultScheduler(cfg: ServingConfig): SimScheduler {
  const dp = cfg.parallel.dp;
  return {
    maxBatch: (FRAMEWORK_MAX_BATCH.vllm ?? 256) * dp,
    maxBatchTokens: PREFILL_CHUNK_TOKENS * dp,
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
  const state: SchedulerState = {
    waiting: [],
    running: [],
    kvUsed: 0,
    kvCapacity: plan.value.kvBudget * cfg.parallel.dp,
    preemptions: 0,
  };
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
    if (kv.bytes(input + output + accept + KV_BLOCK_TOKENS) > state.kvCapacity) dropped++;
    else lives.push(l);
  }
  if (cfg.parallel.dp > 1)
    warnings.push({
      code: "dp_balanced",
      message: `the ${cfg.parallel.dp} attention-DP ranks are assumed evenly loaded (sequences and prefill chunks spread over them); an unbalanced placement would be slower`,
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

  // Arrival order: poisson and burst draw every time up front; closed-loop clients send the next request on completion.
  const closed = workload.arrival === "closed-loop";
  const pending: Live[] = [];
  let issued = 0;
  const issueNext = (t: number) => {
    const l = lives[issued++];
    if (!l) return;
    l.arrival = closed ? t : (d.arrivals[l.id] as number);
    pending.push(l);
  };
  const initial = closed ? Math.min(workload.concurrency as number, lives.length) : lives.length;
  for (let i = 0; i < initial; i++) issueNext(0);

  let next = 0;
  let t = 0;
  let inSystem = 0;
  let area = 0;
  let lastT = 0;
  const advance = (to: number) => {
    area += inSystem * (to - lastT);
    lastT = to;
  };
  const arriveUpTo = (to: number) => {
    while (next < pending.length && (pending[next] as Live).arrival <= to) {
      const l = pending[next++] as Live;
      advance(l.arrival);
      inSystem++;
      state.waiting.push(l);
    }
  };
  const records: StepRecord[] = [];
  const finished: Live[] = [];
  const finishTime = new Map<number, number>();
  let outputSoFar = 0;

  while (finished.length < lives.length) {
    arriveUpTo(t);
    if (state.waiting.length === 0 && state.running.length === 0) {
      if (next >= pending.length) break;
      t = (pending[next] as Live).arrival;
      continue;
    }
    const queue = state.waiting.length;
    let step = planStep(state, sch, kv);
    // Partially prefilled prompts can block each other on KV: evict the newest until something runs.
    while (step.decodes.length === 0 && step.chunks.length === 0 && state.running.length > 0) {
      evict(state, state.running[state.running.length - 1] as Live);
      step = planStep(state, sch, kv);
    }
    if (step.decodes.length === 0 && step.chunks.length === 0)
      return fail(
        issue("infeasible", ["scheduler"], "the scheduler could not run any request (KV cache too small)"),
      );
    let ctx = 0;
    for (const r of step.decodes) ctx += r.computed;
    let prefillTokens = 0;
    let attention = 0;
    for (const c of step.chunks) {
      attention += cost.chunkAttention(c.from, c.to);
      prefillTokens += c.to - c.from;
    }
    const n = step.decodes.length;
    const dt = cost.step(n, n > 0 ? ctx / n : 0, prefillTokens, attention);
    if (cost.issues.length > 0) return fail(...cost.issues);
    const end = t + dt;
    const done: Live[] = [];
    for (const r of step.decodes) {
      r.computed += accept;
      r.generated += accept;
      outputSoFar += accept;
      if (r.generated >= r.output) done.push(r);
    }
    for (const c of step.chunks) {
      c.r.computed = c.to;
      if (c.to >= c.r.target) {
        c.r.generated += 1;
        outputSoFar += 1;
        c.r.firstToken ??= end;
        if (c.r.generated >= c.r.output) done.push(c.r);
      }
    }
    arriveUpTo(end);
    advance(end);
    for (const r of done) {
      state.running.splice(state.running.indexOf(r), 1);
      state.kvUsed -= r.held;
      r.held = 0;
      finishTime.set(r.id, end);
      finished.push(r);
      inSystem--;
      if (closed) issueNext(end);
    }
    records.push({
      t,
      end,
      queue,
      batch: step.decodes.length + step.chunks.length,
      kvUsed: state.kvUsed / state.kvCapacity,
      prefillTokens,
      outputSoFar,
      completed: finished.length,
    });
    t = end;
  }
  return summarise({
    cfg,
    workload,
    sch,
    seed,
    slo,
    lives,
    finishTime,
    records,
    area,
    state,
    kv,
    warnings,
    accept,
  });
}

// Inputs and outputs of the discrete-event serving simulator: workload, scheduler, per-request latencies,
// aggregates, time series.
import type { TokenSpec } from "./random.js";

/**
 * Requests offered to one serving instance.
 * * `poisson`: open loop, exponential gaps at `requestRate` requests/s.
 * * `closed-loop`: `concurrency` clients, each sending its next request when the previous one completes.
 * * `burst`: every request arrives at t = 0 (offline batch).
 * @example {arrival: "poisson", requestRate: 4, requests: 2000, inputTokens: 1000, outputTokens: 200}
 */
export interface SimWorkload {
  arrival: "poisson" | "closed-loop" | "burst";
  /** Requests/s per instance (poisson). */
  requestRate?: number;
  /** Requests in flight (closed-loop). */
  concurrency?: number;
  /** Requests simulated in all. */
  requests: number;
  /** Prompt tokens per request. */
  inputTokens: TokenSpec;
  /** Output tokens per request (the first token included). */
  outputTokens: TokenSpec;
}

/**
 * A continuous-batching scheduler like vLLM's or SGLang's.
 * * `maxBatch`: most sequences running at once per instance.
 * * `maxBatchTokens`: tokens one step may process per instance (decode tokens plus prefill chunks).
 * * With attention data parallelism each of the dp ranks schedules its own requests (dispatched round-robin) under
 *   1/dp of both limits.
 * * `chunkedPrefill`: prompts are split into chunks that share steps with decodes; otherwise a prefill step runs
 *   whole prompts alone (decodes wait for it).
 * * `preemption`: `recompute` admits on the prompt's KV and, when the cache runs out, evicts the newest running
 *   sequence and re-prefills it later; `none` reserves a request's full KV (prompt + output) at admission.
 */
export interface SimScheduler {
  maxBatch: number;
  maxBatchTokens: number;
  chunkedPrefill: boolean;
  preemption: "recompute" | "none";
}

/** Latency bounds for goodput, seconds (null = unbounded). */
export interface SimSlo {
  ttft: number | null;
  tpot: number | null;
}

/** One request's timeline, seconds. */
export interface SimRequest {
  id: number;
  arrival: number;
  inputTokens: number;
  outputTokens: number;
  /** Time to first token (arrival → end of the step that completed its prefill). */
  ttft: number;
  /** Mean time per output token after the first; null for a one-token output. */
  tpot: number | null;
  /** Arrival → last token. */
  e2e: number;
  /** Times it was evicted and recomputed. */
  preemptions: number;
}

/** Mean and percentiles (linear interpolation between order statistics), seconds. */
export interface Distribution {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** One sample of the instance's state at the start of a step. */
export interface SimSample {
  /** Seconds since the first arrival. */
  t: number;
  /** Requests waiting to be admitted. */
  queue: number;
  /** Sequences in the step (decoding or prefilling). */
  batch: number;
  /** Fraction of the KV-cache budget in use after the step. */
  kvUsed: number;
  /** Prompt tokens prefilled in the step. */
  prefillTokens: number;
}

export interface SimulationResult {
  requests: SimRequest[];
  ttft: Distribution;
  /** Over requests with more than one output token. */
  tpot: Distribution;
  e2e: Distribution;
  /** First arrival → last completion, seconds. */
  duration: number;
  outputTokensPerSecondPerChip: number;
  inputTokensPerSecondPerChip: number;
  requestsPerSecond: number;
  /** Over the steady window (the middle of the run: 20 % → 80 % of completions). */
  steady: {
    outputTokensPerSecondPerChip: number;
    meanTpot: number;
    meanBatch: number;
    window: [number, number];
  };
  /** Requests meeting every SLO bound; null when no bound was given. */
  goodput: { requestsPerSecond: number; fraction: number; outputTokensPerSecondPerChip: number } | null;
  /** Time-average of requests in the system (waiting + running), for Little's law. */
  meanInFlight: number;
  /** Time-average of sequences in a step while busy. */
  meanBatch: number;
  /** Evictions in all. */
  preemptions: number;
  steps: number;
  /** KV-cache budget of the instance, in tokens of the workload's mean length. */
  kvCapacityTokens: number;
  /** Sampled state, at most SERIES_POINTS points. */
  series: SimSample[];
  scheduler: SimScheduler;
  seed: number;
}

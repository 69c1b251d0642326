// The continuous-batching scheduler of the simulator: at each step, evict when the KV cache runs out (recompute
// preemption, newest first), then fill the step up to maxBatch sequences and the token budget — decodes first, then
// prefill chunks of admitted prompts, then new prompts in arrival order (first come, first served).
import type { SimScheduler } from "./types.js";

/** A request while it is in the system. */
export interface Live {
  id: number;
  arrival: number;
  input: number;
  output: number;
  /** Tokens whose KV is in the cache. */
  computed: number;
  /** Tokens to prefill before decoding: the prompt, plus the output so far after an eviction. */
  target: number;
  /** Output tokens so far (fractional with speculative decoding). */
  generated: number;
  firstToken: number | null;
  preemptions: number;
  /** KV bytes held (per chip of its rank). */
  held: number;
}

/** What one step runs. */
export interface StepPlan {
  decodes: Live[];
  chunks: { r: Live; from: number; to: number }[];
}

/** The mutable state the scheduler works on (owned by one simulation run). */
export interface SchedulerState {
  waiting: Live[];
  /** Running sequences in admission order. */
  running: Live[];
  kvUsed: number;
  kvCapacity: number;
  preemptions: number;
}

/** KV bytes a sequence of `tokens` tokens holds, and tokens decoded per step (the speculative accept length). */
export interface KvModel {
  bytes: (tokens: number) => number;
  accept: number;
  /** Bytes of one more KV block of a sequence. */
  block: number;
}

/** Recompute preemption of `victim`: its KV is freed and it waits at the head of the queue to be prefilled again. */
export function evict(s: SchedulerState, victim: Live): void {
  s.running.splice(s.running.indexOf(victim), 1);
  s.kvUsed -= victim.held;
  victim.held = 0;
  victim.computed = 0;
  victim.target = victim.input + Math.floor(victim.generated);
  victim.preemptions++;
  s.preemptions++;
  s.waiting.unshift(victim);
}

function decoding(r: Live): boolean {
  return r.computed >= r.target;
}

/** Recompute preemption: evict the newest running sequences until this step's decode KV growth fits. */
function makeRoom(s: SchedulerState, kv: KvModel): void {
  for (;;) {
    let growth = 0;
    for (const r of s.running) if (decoding(r)) growth += kv.bytes(r.computed + kv.accept) - r.held;
    if (s.kvUsed + growth <= s.kvCapacity || s.running.length <= 1) return;
    evict(s, s.running[s.running.length - 1] as Live);
  }
}

function reserve(r: Live, kv: KvModel, sch: SimScheduler, to: number): number {
  return sch.preemption === "none" ? kv.bytes(r.input + r.output) : kv.bytes(to);
}

/**
 * Tries to give `r` the chunk [computed, to); false when its KV does not fit. Under recompute preemption a chunk is
 * admitted only with one free block left for every running sequence and this one (vLLM's watermark plays this part),
 * so that new prompts are not admitted only to be evicted by the next decode step.
 */
function take(
  s: SchedulerState,
  r: Live,
  to: number,
  kv: KvModel,
  sch: SimScheduler,
  plan: StepPlan,
): boolean {
  const need = reserve(r, kv, sch, to);
  const headroom = sch.preemption === "recompute" ? (s.running.length + 1) * kv.block : 0;
  if (s.kvUsed - r.held + need + headroom > s.kvCapacity) return false;
  s.kvUsed += need - r.held;
  r.held = need;
  plan.chunks.push({ r, from: r.computed, to });
  return true;
}

function admitChunked(s: SchedulerState, sch: SimScheduler, kv: KvModel, plan: StepPlan): void {
  let budget = sch.maxBatchTokens - plan.decodes.length;
  for (const r of s.running) {
    if (budget <= 0) return;
    if (decoding(r)) continue;
    const n = Math.min(r.target - r.computed, budget);
    if (!take(s, r, r.computed + n, kv, sch, plan)) return;
    budget -= n;
  }
  while (budget > 0 && s.waiting.length > 0 && s.running.length < sch.maxBatch) {
    const r = s.waiting[0] as Live;
    const n = Math.min(r.target, budget);
    if (!take(s, r, n, kv, sch, plan)) return;
    s.waiting.shift();
    s.running.push(r);
    budget -= n;
  }
}

function admitWhole(s: SchedulerState, sch: SimScheduler, kv: KvModel, plan: StepPlan): void {
  let tokens = 0;
  while (s.waiting.length > 0 && s.running.length < sch.maxBatch) {
    const r = s.waiting[0] as Live;
    if (tokens > 0 && tokens + r.target > sch.maxBatchTokens) return;
    if (!take(s, r, r.target, kv, sch, plan)) return;
    s.waiting.shift();
    s.running.push(r);
    tokens += r.target;
  }
}

/**
 * Plans one step. Chunked prefill: every decoding sequence gets one token, the rest of the token budget goes to
 * prompt chunks. Without it, a step either prefills whole waiting prompts alone (they take priority, as in vLLM's
 * default scheduler) or decodes every running sequence.
 */
export function planStep(s: SchedulerState, sch: SimScheduler, kv: KvModel): StepPlan {
  if (sch.preemption === "recompute") makeRoom(s, kv);
  const plan: StepPlan = { decodes: [], chunks: [] };
  if (sch.chunkedPrefill) {
    plan.decodes = s.running.filter(decoding);
    grow(s, kv, sch, plan.decodes);
    admitChunked(s, sch, kv, plan);
  } else {
    admitWhole(s, sch, kv, plan);
    if (plan.chunks.length === 0) {
      plan.decodes = s.running.filter(decoding);
      grow(s, kv, sch, plan.decodes);
    }
  }
  return plan;
}

/** Decode KV growth, before any new chunk is admitted (room was made; under `none` it was reserved at admission). */
function grow(s: SchedulerState, kv: KvModel, sch: SimScheduler, decodes: readonly Live[]): void {
  if (sch.preemption !== "recompute") return;
  for (const r of decodes) {
    const need = kv.bytes(r.computed + kv.accept);
    s.kvUsed += need - r.held;
    r.held = need;
  }
}

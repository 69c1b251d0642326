// The simulator's event loop: requests arrive (open loop, burst, or a closed loop's clients), are dispatched
// round-robin to the attention-DP ranks, and every step each rank's scheduler plans its work; the step lasts as long
// as the busiest rank. Records each step for the summary.
import { fail, issue, ok, type Result } from "../../issues.js";
import { evict, planStep, type KvModel, type Live, type SchedulerState, type StepPlan } from "./scheduler.js";
import type { StepCost } from "./step-cost.js";
import { StepLog } from "./step-log.js";
import type { SimScheduler } from "./types.js";

export interface EventLoopInput {
  /** Requests in the order they are issued. */
  lives: Live[];
  /** Arrival time of request `id` (open loop and burst); null for a closed loop. */
  arrivals: readonly number[] | null;
  /** Closed-loop clients (ignored for an open loop). */
  concurrency: number;
  ranks: number;
  /** Scheduler limits of one rank. */
  sch: SimScheduler;
  /** KV-cache bytes of one rank (per chip). */
  kvPerRank: number;
  kv: KvModel;
  cost: StepCost;
}

export interface EventLoopOutput {
  records: StepLog;
  finishTime: Map<number, number>;
  /** ∫ requests in the system dt. */
  area: number;
  preemptions: number;
}

interface RankWork {
  plan: StepPlan;
  /** Rank-local seconds. */
  time: number;
  prefillTokens: number;
  /** Σ context of the decoding sequences. */
  context: number;
}

/** Plans one rank's step, evicting when partially prefilled prompts block each other on KV. */
function planRank(s: SchedulerState, sch: SimScheduler, kv: KvModel, cost: StepCost): RankWork | null {
  if (s.waiting.length === 0 && s.running.length === 0) return null;
  let plan = planStep(s, sch, kv);
  while (plan.decodes.length === 0 && plan.chunks.length === 0 && s.running.length > 0) {
    evict(s, s.running[s.running.length - 1] as Live);
    plan = planStep(s, sch, kv);
  }
  if (plan.decodes.length === 0 && plan.chunks.length === 0) return null;
  let ctx = 0;
  for (const r of plan.decodes) ctx += r.computed;
  let prefillTokens = 0;
  let attention = 0;
  for (const c of plan.chunks) {
    attention += cost.attention(c.from, c.to);
    prefillTokens += c.to - c.from;
  }
  const n = plan.decodes.length;
  const time = cost.rankLocal(n, n > 0 ? ctx / n : 0, prefillTokens, attention);
  return { plan, prefillTokens, context: ctx, time };
}

/** Runs every request to completion. */
export function runEventLoop(io: EventLoopInput): Result<EventLoopOutput> {
  const { lives, sch, kv, cost } = io;
  const accept = kv.accept;
  const ranks: SchedulerState[] = Array.from({ length: io.ranks }, () => ({
    waiting: [],
    running: [],
    kvUsed: 0,
    kvCapacity: io.kvPerRank,
    preemptions: 0,
  }));
  const rankOf = new Map<number, SchedulerState>();
  const pending: Live[] = [];
  let issued = 0;
  const issueNext = (t: number) => {
    const l = lives[issued++];
    if (!l) return;
    l.arrival = io.arrivals ? (io.arrivals[l.id] as number) : t;
    pending.push(l);
  };
  const initial = io.arrivals ? lives.length : Math.min(io.concurrency, lives.length);
  for (let i = 0; i < initial; i++) issueNext(0);

  let next = 0;
  let inSystem = 0;
  let area = 0;
  let lastT = 0;
  const advance = (to: number) => {
    area += inSystem * (to - lastT);
    lastT = to;
  };
  // Round-robin dispatch (SGLang's default for attention data parallelism).
  const arriveUpTo = (to: number) => {
    while (next < pending.length && (pending[next] as Live).arrival <= to) {
      const l = pending[next] as Live;
      const rank = ranks[next % ranks.length] as SchedulerState;
      next++;
      advance(l.arrival);
      inSystem++;
      rank.waiting.push(l);
      rankOf.set(l.id, rank);
    }
  };
  const records = new StepLog();
  const finishTime = new Map<number, number>();
  let finished = 0;
  let outputSoFar = 0;
  let t = 0;

  while (finished < lives.length) {
    arriveUpTo(t);
    const queue = ranks.reduce((a, s) => a + s.waiting.length, 0);
    const work = ranks.map((s) => planRank(s, sch, kv, cost));
    if (work.every((w) => w === null)) {
      if (ranks.some((s) => s.waiting.length > 0 || s.running.length > 0))
        return fail(
          issue("infeasible", ["scheduler"], "the scheduler could not run any request (KV cache too small)"),
        );
      if (next >= pending.length) break;
      t = (pending[next] as Live).arrival;
      continue;
    }
    let decodes = 0;
    let context = 0;
    let prefillTokens = 0;
    let slowest = 0;
    for (const w of work) {
      if (!w) continue;
      decodes += w.plan.decodes.length;
      context += w.context;
      prefillTokens += w.prefillTokens;
      slowest = Math.max(slowest, w.time);
    }
    // The busiest rank sets the pace; the routed experts serve every rank's tokens.
    const end = t + slowest + cost.shared(decodes, decodes > 0 ? context / decodes : 0, prefillTokens);
    if (cost.issues.length > 0) return fail(...cost.issues);
    const done: Live[] = [];
    let batch = 0;
    for (const w of work) {
      if (!w) continue;
      batch += w.plan.decodes.length + w.plan.chunks.length;
      for (const r of w.plan.decodes) {
        r.computed += accept;
        r.generated += accept;
        outputSoFar += accept;
        if (r.generated >= r.output) done.push(r);
      }
      for (const c of w.plan.chunks) {
        c.r.computed = c.to;
        if (c.to >= c.r.target) {
          c.r.generated += 1;
          outputSoFar += 1;
          c.r.firstToken ??= end;
          if (c.r.generated >= c.r.output) done.push(c.r);
        }
      }
    }
    arriveUpTo(end);
    advance(end);
    for (const r of done) {
      const s = rankOf.get(r.id) as SchedulerState;
      s.running.splice(s.running.indexOf(r), 1);
      s.kvUsed -= r.held;
      r.held = 0;
      finishTime.set(r.id, end);
      finished++;
      inSystem--;
      if (!io.arrivals) issueNext(end);
    }
    const kvUsed = ranks.reduce((a, s) => a + s.kvUsed, 0) / (io.kvPerRank * ranks.length);
    records.push({ t, end, queue, batch, kvUsed, prefillTokens, outputSoFar, completed: finished });
    t = end;
  }
  return ok({ records, finishTime, area, preemptions: ranks.reduce((a, s) => a + s.preemptions, 0) });
}

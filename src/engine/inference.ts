// Inference steps on a cluster: time of a prefill batch and of a decode (or speculative verify) step from the ops,
// and the per-chip memory plan (weights, KV cache, activations, runtime reserve) that bounds the batch.
import { fail, issue, ok, type Result, type Warning } from "../issues.js";
import { BYTES_PER_ELEMENT } from "../units/index.js";
import type { Architecture, AttentionSpec, LayerSpec } from "../workload/architecture.js";
import {
  inferenceStepOps,
  kvElementsPerToken,
  type InferenceParallel,
  type InferencePrecisions,
  type StepShape,
} from "../workload/ops-inference.js";
import type { MoeRouting } from "../workload/moe-routing.js";
import { layerParamBreakdown, type AttentionParamBreakdown } from "../workload/params.js";
import type { Calibration } from "./calibration.js";
import type { ClusterSpec } from "./cluster.js";
import { timeOp, type Bound, type OpTime } from "./op-time.js";

/** Speculative decoding: mean tokens emitted per target step (bonus token included) and draft steps per step. */
export interface Speculative {
  method: string;
  acceptLength: number;
  /** Draft tokens proposed per step; default max(1, ⌈acceptLength − 1⌉) (named assumption: the fewest drafts that
   * can reach the measured acceptance). */
  draftTokens?: number;
}

/** What a serving instance runs: model, precisions, parallel layout, routing and speculation. */
export interface ServingConfig {
  arch: Architecture;
  cluster: ClusterSpec;
  calibration: Calibration;
  precisions: InferencePrecisions;
  parallel: InferenceParallel;
  moeRouting: MoeRouting;
  speculative: Speculative | null;
  /** What calibration.memoryReserveFraction is a fraction of: the device memory ("capacity", vLLM's
   * gpu_memory_utilization, the default) or the memory left after weights and activations ("free", TensorRT-LLM's
   * free_gpu_memory_fraction). */
  reserveOf?: "capacity" | "free";
}

export interface StepEstimate {
  /** Seconds of one forward step of the whole instance (the busiest chip), overheads included. */
  time: number;
  ops: OpTime[];
  /** Seconds by bound, for the explanation. */
  byBound: Record<Bound, number>;
  warnings: Warning[];
}

function isExpertComm(t: OpTime): boolean {
  return t.name.startsWith("moe.dispatch") || t.name.startsWith("moe.combine");
}

function sumStep(opTimes: OpTime[], cal: Calibration, warnings: Warning[]): StepEstimate {
  const byBound: Record<Bound, number> = { compute: 0, memory: 0, network: 0, latency: 0 };
  let other = 0;
  let comm = 0;
  for (const t of opTimes) {
    if (isExpertComm(t)) comm += t.time;
    else {
      other += t.time;
      byBound[t.bound] += t.time;
    }
  }
  // Expert-parallel dispatch/combine overlaps with the other micro-batch's work (two-batch overlap): up to
  // commOverlap × the rest of the step is hidden.
  const exposed = Math.max(0, comm - cal.commOverlap * other);
  byBound.network += exposed;
  let time = other + exposed + cal.stepOverheadS;
  byBound.latency += cal.stepOverheadS;
  // Family-level ratio of achieved to modelled speed (1 unless fitted; see catalog/calibration).
  const e = cal.servingEfficiency > 0 ? cal.servingEfficiency : 1;
  for (const k of Object.keys(byBound) as Bound[]) byBound[k] /= e;
  time /= e;
  return { time, ops: opTimes, byBound, warnings };
}

/**
 * One forward step of the instance: every op timed on one chip of the busiest stage, plus the step overhead.
 * @example forwardStep(cfg, {phase: "decode", batch: 64, newTokens: 1, pastTokens: 2048}).value.time // 0.021
 */
export function forwardStep(
  cfg: ServingConfig,
  step: Pick<StepShape, "phase" | "batch" | "newTokens" | "pastTokens">,
  layers?: readonly LayerSpec[],
): Result<StepEstimate> {
  // With pp stages the batch moves through the pipeline as pp micro-batches: every stage runs each of them once
  // per step, so a step is pp stage-times of batch / pp sequences (the pipeline stays full).
  const pp = cfg.parallel.pp;
  const shape: StepShape = {
    ...step,
    batch: step.batch / pp,
    precisions: cfg.precisions,
    parallel: cfg.parallel,
    moeRouting: cfg.moeRouting,
  };
  const ops = inferenceStepOps(cfg.arch, shape, layers);
  if (!ops.ok) return ops;
  const warnings: Warning[] = [];
  const times = ops.value.map((o) => timeOp(o, cfg.cluster, cfg.calibration, warnings));
  // Host work per running sequence of the busiest engine (one per attention-DP rank).
  const host = (step.batch / cfg.parallel.dp) * cfg.calibration.sequenceOverheadS;
  const cal =
    host > 0
      ? { ...cfg.calibration, stepOverheadS: cfg.calibration.stepOverheadS + host / pp }
      : cfg.calibration;
  const stage = sumStep(times, cal, warnings);
  if (pp === 1) return ok(stage, warnings);
  const scale = (x: number) => x * pp;
  return ok(
    {
      ...stage,
      time: scale(stage.time),
      byBound: {
        compute: scale(stage.byBound.compute),
        memory: scale(stage.byBound.memory),
        network: scale(stage.byBound.network),
        latency: scale(stage.byBound.latency),
      },
    },
    warnings,
  );
}

/** An EAGLE-style draft head: one decoder layer of the target's width with a dense MLP of the target's active
 * width (a MoE target's top-k experts plus shared experts). */
function denseDraftLayer(l: LayerSpec): LayerSpec {
  if (l.mlp.kind === "dense") return l;
  const m = l.mlp;
  return {
    ...l,
    mlp: {
      kind: "dense",
      intermediate: m.topK * m.expertIntermediate + m.sharedIntermediate,
      gated: m.gated,
      bias: false,
    },
  };
}

/** Draft tokens per speculative step (see Speculative.draftTokens). */
export function draftTokensOf(s: Speculative): number {
  return s.draftTokens ?? Math.max(1, Math.ceil(s.acceptLength - 1));
}

/**
 * Seconds per target-model decode step for `batch` sequences at a mean context of `context` tokens, speculative
 * drafting and verification included; divide by the accept length for time per output token.
 */
export function decodeStep(cfg: ServingConfig, batch: number, context: number): Result<StepEstimate> {
  const s = cfg.speculative;
  const verify = s ? draftTokensOf(s) + 1 : 1;
  const target = forwardStep(cfg, { phase: "decode", batch, newTokens: verify, pastTokens: context });
  if (!target.ok || !s) return target;
  // Draft: MTP runs the model's next-n layer(s); EAGLE-style heads are one decoder layer of the same width.
  const draftLayers =
    cfg.arch.mtp.layers.length > 0 && s.method.toLowerCase().includes("mtp")
      ? cfg.arch.mtp.layers
      : cfg.arch.layers.slice(-1).map(denseDraftLayer);
  const draft = forwardStep(
    { ...cfg, calibration: { ...cfg.calibration, stepOverheadS: 0 } },
    { phase: "decode", batch, newTokens: 1, pastTokens: context },
    draftLayers,
  );
  if (!draft.ok) return draft;
  const n = draftTokensOf(s);
  const t = target.value;
  return ok(
    {
      ...t,
      time: t.time + n * draft.value.time,
      byBound: { ...t.byBound, latency: t.byBound.latency + n * draft.value.time },
    },
    target.warnings,
  );
}

/** Seconds to prefill `batch` prompts of `inputTokens` tokens each (one forward step, no cached prefix). */
export function prefillStep(cfg: ServingConfig, batch: number, inputTokens: number): Result<StepEstimate> {
  return forwardStep(cfg, { phase: "prefill", batch, newTokens: inputTokens, pastTokens: 0 });
}

/** Per-chip memory: what is fixed (weights, activations, reserve) and what each sequence's context costs. */
export interface MemoryPlan {
  capacity: number;
  weights: number;
  activations: number;
  reserve: number;
  /** Bytes left for the KV cache on one chip. */
  kvBudget: number;
  /** KV bytes on one chip per sequence of `context` tokens (windowed layers capped; linear-attention state fixed). */
  kvPerSequence: (context: number) => number;
}

/**
 * Attention weights on one TP rank, from the shared breakdown: query-head-sharded projections and extras split tp
 * ways; K/V by KV head (each rank keeps ceil(numKvHeads / tp) of them, replicated beyond numKvHeads); MLA's latent
 * down-projections replicated. Biases are left out (a few thousand parameters a layer).
 */
function attentionWeightParams(b: AttentionParamBreakdown, a: AttentionSpec, tp: number): number {
  const kvPerHead = a.numKvHeads > 0 ? b.kv / a.numKvHeads : 0;
  return (b.headSharded + b.extra) / tp + kvPerHead * Math.max(1, Math.ceil(a.numKvHeads / tp)) + b.latent;
}

/**
 * One layer's weights on one chip: attention as above; a dense FFN split tp ways; routed experts ceil(E / ep) per
 * rank, each split over the (tp·dp)/ep ranks of its expert group; shared experts split tp ways; the router whole.
 * Biases, router bias and shared-expert gates are left out, as in the attention.
 */
function layerWeightParams(l: LayerSpec, H: number, p: InferenceParallel): number {
  const { attention, mlp } = layerParamBreakdown(l, H);
  const attn = attentionWeightParams(attention, l.attention, p.tp);
  if (l.mlp.kind === "dense") return attn + mlp.dense / p.tp + l.normParams;
  const moeTp = (p.tp * p.dp) / p.ep;
  return (
    attn +
    (Math.ceil(mlp.experts / p.ep) * mlp.expertEach) / moeTp +
    mlp.shared / p.tp +
    mlp.router +
    l.normParams
  );
}

/** Named assumption: prefill tokens in flight per chip that activations are reserved for. */
export const ACTIVATION_TOKENS = 8192;

/**
 * The per-chip memory plan of a serving instance. Weights of the busiest pipeline stage (layers / pp, LM head and
 * embeddings in 16 bits split tp ways), MTP layers when speculating with them.
 */
export function memoryPlan(cfg: ServingConfig): Result<MemoryPlan> {
  const { arch, parallel: p } = cfg;
  const H = arch.hiddenSize;
  const wB = BYTES_PER_ELEMENT[cfg.precisions.weights];
  const frac = Math.ceil(arch.layers.length / p.pp) / arch.layers.length;
  let params = 0;
  for (const l of arch.layers) params += layerWeightParams(l, H, p) * frac;
  const useMtp = cfg.speculative?.method.toLowerCase().includes("mtp") ?? false;
  if (useMtp) for (const l of arch.mtp.layers) params += layerWeightParams(l, H, p);
  const head = ((arch.tiedEmbeddings ? 1 : 2) * arch.vocabSize * H * 2) / p.tp;
  const weights = params * wB + head;
  const capacity = cfg.cluster.chip.memoryCapacity.value ?? 0;
  const activations = ACTIVATION_TOKENS * (H * 2 * 12 + ((arch.vocabSize / p.tp) * 4) / 8);
  const reserve =
    cfg.calibration.memoryReserveFraction *
    (cfg.reserveOf === "free" ? Math.max(0, capacity - weights - activations) : capacity);
  const kvBudget = capacity - weights - activations - reserve;
  const kvB = BYTES_PER_ELEMENT[cfg.precisions.kvCache];
  const layers = arch.layers.slice(0, Math.ceil(arch.layers.length / p.pp));
  const kvPerSequence = (context: number) => {
    let b = 0;
    for (const l of layers) {
      const a = l.attention;
      if (a.kind === "linear") b += ((a.linear?.stateElements ?? 0) * 4) / p.tp;
      else
        b +=
          kvElementsPerToken(a, p.tp) *
          kvB *
          (a.slidingWindow === null ? context : Math.min(context, a.slidingWindow));
    }
    return b;
  };
  if (kvBudget <= 0)
    return fail(
      issue(
        "exceeds_memory",
        ["memory"],
        `weights (${(weights / 1e9).toFixed(1)} GB per chip) and runtime leave no room for the KV cache on ${cfg.cluster.chip.id} ` +
          `(${(capacity / 1e9).toFixed(0)} GB): raise tp/ep/pp or quantise the weights`,
      ),
    );
  return ok({ capacity, weights, activations, reserve, kvBudget, kvPerSequence });
}

/** Largest number of sequences of mean context `context` the instance's KV cache holds (per instance = per chip × dp). */
export function maxBatch(plan: MemoryPlan, context: number, dp: number): number {
  const per = plan.kvPerSequence(context);
  if (per <= 0) return Number.POSITIVE_INFINITY;
  return Math.floor(plan.kvBudget / per) * dp;
}

// Training memory per chip: weights, gradients and Adam states under ZeRO 0–3, activations per layer
// (Korthikanti et al. 2022) with SP and recompute, in-flight micro-batches of 1F1B / interleaved schedules.
import type { Architecture, LayerSpec } from "../../workload/architecture.js";
import { layerParamBreakdown } from "../../workload/params.js";
import { kindCounts, layerKinds, memoized } from "./layer-kinds.js";
import type { MemoryBreakdown, TrainingConfig } from "./types.js";

export type { MemoryBreakdown } from "./types.js";

/** Named memory assumptions (bytes per parameter of mixed-precision Adam, runtime reserve). */
export const MEMORY_ASSUMPTIONS = {
  /** 16-bit working weights. */
  weightBytes: 2,
  /** Extra bytes per weight under fp8 recipes (Transformer Engine keeps an fp8 copy / transpose). */
  fp8WeightCopyBytes: 1,
  /** 16-bit gradient buffers (Megatron-core distributed data parallel default, grad_reduce_in_fp32 off). */
  gradBytes: 2,
  /** fp32 master weights + Adam first and second moments. */
  optimizerBytes: 12,
  /** LoRA rank assumed for adapters on every projection. */
  loraRank: 16,
  /** Runtime reserve: CUDA/CANN context, communication buffers, allocator fragmentation. */
  reserveBytes: 2e9,
  reserveFraction: 0.04,
} as const;

/** Parameters one chip of a stage holds before ZeRO sharding: `dense` shards over dp·cp, `expert` over dp·cp/ep. */
export interface StageParams {
  dense: number;
  expert: number;
}

/** Parameters of one layer on one chip: TP shards the projections and FFNs (biases of the projections too, MLA's
 * latent projections as well), EP the routed experts; norms and the router are whole on every chip. Counted from
 * `layerParamBreakdown`; the MLP biases, router bias, shared-expert gate and attention extras (sinks, indexers) are
 * not counted (a few MB). */
export function layerParamsOnChip(layer: LayerSpec, h: number, tp: number, ep: number): StageParams {
  const { attention: a, mlp: m } = layerParamBreakdown(layer, h);
  const attn = (a.total - a.extra) / tp + layer.normParams;
  if (layer.mlp.kind === "dense") return { dense: attn + m.dense / tp, expert: 0 };
  const shared = m.shared / tp + m.router;
  const expert = ((m.experts / ep) * m.expertEach) / tp;
  return { dense: attn + shared, expert };
}

/** Parameters on one chip of each pipeline stage: its layers, the embedding on the first stage, the LM head, final
 * norm and MTP module on the last (a tied LM head is a second copy when pp > 1). */
export function stageParams(arch: Architecture, stages: number[][], tp: number, ep: number): StageParams[] {
  const h = arch.hiddenSize;
  const emb = (arch.vocabSize * h) / tp + (arch.positionEmbedding === "learned" ? arch.maxPositions * h : 0);
  const perKind = layerKinds(arch).specs.map((l) => layerParamsOnChip(l, h, tp, ep));
  const counts = kindCounts(arch, stages);
  return stages.map((_, i) => {
    let dense = 0;
    let expert = 0;
    (counts[i] ?? []).forEach((n, k) => {
      const p = perKind[k];
      if (!p || n === 0) return;
      dense += n * p.dense;
      expert += n * p.expert;
    });
    if (i === 0) dense += emb;
    if (i === stages.length - 1) {
      if (!(arch.tiedEmbeddings && stages.length === 1)) dense += (arch.vocabSize * h) / tp;
      dense += arch.finalNormParams;
      for (const l of arch.mtp.layers) {
        const p = layerParamsOnChip(l, h, tp, ep);
        dense += p.dense + arch.mtp.extraParamsPerLayer / tp;
        expert += p.expert;
      }
    }
    return { dense, expert };
  });
}

/** Activation bytes one layer stores for backward, per micro-batch on one chip (Korthikanti et al. 2022, generalised
 * to GQA/MLA, gated MLPs and MoE). GPT (MHA, 4h GeLU MLP) without dropout masks gives 32·s·b·h/t with fused
 * attention; unfused attention adds the scores' softmax output, dropout mask and output, 5·a·s²·b/t, unless
 * selective recompute drops them. Selective also drops MLA's up-projected Q/K/V (recomputed from the latents).
 * fp8 recipes keep GEMM inputs in 8 bits. Full recompute keeps only the layer input. */
export function layerActivationBytes(
  layer: LayerSpec,
  h: number,
  c: Pick<TrainingConfig, "tp" | "cp" | "ep" | "microBatch" | "seqLen" | "recompute" | "precision">,
  fusedAttention = true,
): number {
  const t = c.tp;
  const tokens = (c.microBatch * c.seqLen) / c.cp;
  if (c.recompute === "full") return (2 * h * tokens) / t;
  const g = c.precision === "fp8" || c.precision === "mxfp8" ? 1 : 2; // bytes of a stored GEMM input
  const a = layer.attention;
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * (a.headDim + a.vHeadDim);
  const o = a.numHeads * a.vHeadDim;
  const dropQkv = c.recompute === "selective" && a.kind === "mla";
  // Norm inputs (2 × 2h), QKV input, Q/K/V, attention output (FA keeps it; it is also the out-proj input).
  let perToken = (4 * h + g * h + (dropQkv ? 0 : 2 * (q + kv)) + 2 * o) / t;
  if (!fusedAttention && c.recompute !== "selective" && a.kind !== "linear")
    perToken += (5 * a.numHeads * (c.seqLen / c.cp) * c.microBatch) / t / c.microBatch;
  const m = layer.mlp;
  // MLP: input (a GEMM input), pre-activation outputs (2 per gated pair, 16-bit), activation output (GEMM input).
  const inter = (gated: boolean, f: number) => (gated ? 4 : 2) * f + g * f;
  if (m.kind === "dense") perToken += (g * h + inter(m.gated, m.intermediate)) / t;
  else {
    perToken += (g * h) / t;
    perToken += (m.topK * (g * h + inter(m.gated, m.expertIntermediate))) / t;
    if (m.sharedIntermediate > 0) perToken += inter(m.gated, m.sharedIntermediate) / t;
  }
  return perToken * tokens;
}

/** Micro-batches (in whole-stage equivalents) whose activations stage `i` holds at the peak of 1F1B /
 * interleaved 1F1B: p − i for 1F1B; ((p − 1 − i)·2 + (v − 1)·p + 1)/v chunk-loads interleaved (Korthikanti et al.
 * 2022: the first stage holds p·(1 + (p − 1)/(p·v))). Never more than the micro-batches of the step. */
export function inFlightMicroBatches(i: number, p: number, v: number, m: number): number {
  const n = v > 1 ? ((p - 1 - i) * 2 + (v - 1) * p + 1) / v : p - i;
  return Math.max(1, Math.min(n, m));
}

/** Memory of each stage's fullest chip and the maximum. `cache` (a search's memo for one model and cluster) keeps
 * per-stage parameters, layer counts and activations between configurations. */
export function trainingMemory(
  arch: Architecture,
  config: TrainingConfig & { pipelineLayers: number[] },
  stages: number[][],
  capacity: number,
  fusedAttention = true,
  cache?: Map<string, unknown>,
): MemoryBreakdown {
  const A = MEMORY_ASSUMPTIONS;
  const layout = config.pipelineLayers.join(",");
  const params = memoized(cache, `params/${config.tp}/${config.ep}/${layout}`, () =>
    stageParams(arch, stages, config.tp, config.ep),
  );
  const dpShard = config.dp * config.cp;
  const edpShard = Math.max(1, dpShard / config.ep);
  const m = config.globalBatch / (config.dp * config.microBatch);
  const wBytes =
    A.weightBytes + (config.precision === "fp8" || config.precision === "mxfp8" ? A.fp8WeightCopyBytes : 0);
  const h = arch.hiddenSize;
  const counts = memoized(cache, `counts/${layout}`, () => kindCounts(arch, stages));
  const c = config;
  const actKey = `act/${c.tp}/${c.cp}/${c.ep}/${c.microBatch}/${c.seqLen}/${c.recompute}/${c.precision}/${fusedAttention}`;
  const actPerKind = memoized(cache, actKey, () =>
    layerKinds(arch).specs.map((l) => layerActivationBytes(l, h, config, fusedAttention)),
  );
  let worst: MemoryBreakdown | null = null;
  params.forEach((p, i) => {
    const denseOf = (bytes: number, zeroStage: number) =>
      (p.dense * bytes) / (config.zero >= zeroStage ? dpShard : 1) +
      (p.expert * bytes) / (config.zero >= zeroStage ? edpShard : 1);
    let weights = denseOf(wBytes, 3);
    let gradients = denseOf(A.gradBytes, 2);
    let optimizer = denseOf(A.optimizerBytes, 1);
    if (config.lora) {
      const layers = stages[i]?.length ?? 0;
      const adapters = (layers * 7 * A.loraRank * 2 * h) / config.tp;
      weights = denseOf(A.weightBytes, 3) + adapters * A.weightBytes;
      gradients = adapters * A.gradBytes;
      optimizer = adapters * A.optimizerBytes;
    }
    let perMb = 0;
    (counts[i] ?? []).forEach((n, k) => {
      if (n > 0) perMb += n * (actPerKind[k] ?? 0);
    });
    const inflight = inFlightMicroBatches(i, config.pp, config.vpp, m);
    let activations = perMb * inflight;
    const tokens = (config.microBatch * config.seqLen) / config.cp;
    const first = arch.layers[stages[i]?.[0] ?? 0];
    if (config.recompute === "full" && first)
      activations += layerActivationBytes(first, h, { ...config, recompute: "none" }, fusedAttention);
    if (i === params.length - 1) activations += (tokens * arch.vocabSize * (4 + 2)) / config.tp;
    const sub = weights + gradients + optimizer + activations;
    const reserve = A.reserveBytes + A.reserveFraction * capacity;
    const total = sub + reserve;
    const b: MemoryBreakdown = {
      weights,
      gradients,
      optimizer,
      activations,
      reserve,
      total,
      capacity,
      fits: total <= capacity,
      stage: i,
    };
    if (!worst || b.total > worst.total) worst = b;
  });
  return worst as unknown as MemoryBreakdown;
}

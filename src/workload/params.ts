// Parameter counts of a canonical Architecture, computed from shapes only (never stored, never from dtypes).
import type { Architecture, AttentionSpec, DenseMlpSpec, LayerSpec, MoeSpec } from "./architecture.js";

/** One attention block's parameters, split the way tensor parallelism divides them. */
export interface AttentionParamBreakdown {
  /** Weights split across TP ranks by query head: Q and output projections, MLA's Q and KV up-projections, the
   * projections of a linear-attention block. */
  headSharded: number;
  /** K and V projection weights of MHA/GQA/MQA: split by KV head over up to `numKvHeads` ranks, replicated beyond. */
  kv: number;
  /** MLA's down-projections q_a = h·q_lora and kv_a = h·(kv_lora + rope), replicated on every TP rank by
   * Megatron, SGLang and vLLM. 0 for other kinds. */
  latent: number;
  /** Biases of the QKV and output projections. */
  bias: number;
  /** Parameters outside the projections: sinks, gates, indexers (`extraParams`), linear-attention extras. */
  extra: number;
  /** All of the block's parameters (the sum of the above). */
  total: number;
}

/**
 * Parameters of one attention block by part. MLA (DeepSeek-V2/V3): q = h·q_lora + q_lora·H·(nope+rope) (or
 * h·H·(nope+rope) without q_lora); kv_a = h·(kv_lora + rope); kv_b = kv_lora·H·(nope + v); o = H·v·h.
 * @example attentionParamBreakdown(llama3_8b.layers[0].attention, 4096).kv // 2 × 8 × 128 × 4096 = 8_388_608
 */
export function attentionParamBreakdown(a: AttentionSpec, hidden: number): AttentionParamBreakdown {
  const o = a.numHeads * a.vHeadDim * hidden;
  const bias = a.outBias ? hidden : 0;
  const extra = a.extraParams ?? 0;
  const of = (headSharded: number, kv: number, latent: number, qkvBias: number, more: number) => {
    const b = { headSharded, kv, latent, bias: bias + qkvBias, extra: extra + more };
    return { ...b, total: b.headSharded + b.kv + b.latent + b.bias + b.extra };
  };
  if (a.kind === "mla" && a.mla) {
    const { qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim } = a.mla;
    const qHead = qkNopeHeadDim + qkRopeHeadDim;
    const qUp = qLoraRank ? qLoraRank * a.numHeads * qHead : hidden * a.numHeads * qHead;
    const kvUp = kvLoraRank * a.numHeads * (qkNopeHeadDim + a.vHeadDim);
    const latent = (qLoraRank ? hidden * qLoraRank : 0) + hidden * (kvLoraRank + qkRopeHeadDim);
    return of(qUp + kvUp + o, 0, latent, 0, 0);
  }
  if (a.kind === "linear" && a.linear) return of(a.linear.qkvParams + o, 0, 0, 0, a.linear.extraParams);
  const q = a.numHeads * a.headDim;
  const kv = a.numKvHeads * a.headDim + a.numKvHeads * a.vHeadDim;
  return of(hidden * q + o, hidden * kv, 0, a.qkvBias ? q + kv : 0, 0);
}

/**
 * Parameters of one attention block (projections, their biases, MLA latent projections, linear-attention blocks,
 * sinks/gates/indexers in `extraParams`). Norms are in the layer's `normParams`.
 */
export function attentionParams(a: AttentionSpec, hidden: number): number {
  return attentionParamBreakdown(a, hidden).total;
}

/** One MLP block's parameters, split the way tensor and expert parallelism divide them. */
export interface MlpParamBreakdown {
  /** Dense FFN weights: 3·h·I gated (gate, up, down), else 2·h·I. 0 for MoE. */
  dense: number;
  /** Dense FFN biases: 2·I + h gated, I + h otherwise (0 without biases). */
  denseBias: number;
  /** Routed experts and how many a token uses (0 and 0 for a dense MLP). */
  experts: number;
  topK: number;
  /** Weights of one routed expert (3·h·I_e gated, else 2·h·I_e). */
  expertEach: number;
  /** Biases inside one routed expert (gpt-oss). */
  expertBiasEach: number;
  /** Weights of the shared experts together (their summed width is `sharedIntermediate`). */
  shared: number;
  /** Router weights h·E, and the router bias E. */
  router: number;
  routerBias: number;
  /** Shared-expert gate (h) of families that have one. */
  sharedGate: number;
  /** All parameters, every routed expert included. */
  total: number;
  /** Parameters a token uses: the dense FFN, or the top-k routed experts, shared experts, router and gate. */
  active: number;
}

/** Weights (gated = 3·h·I for gate, up, down, else 2·h·I) and biases of one FFN of width `inter`. */
function ffn(
  hidden: number,
  inter: number,
  gated: boolean,
  bias: boolean,
): { weights: number; bias: number } {
  return { weights: (gated ? 3 : 2) * hidden * inter, bias: bias ? (gated ? 2 : 1) * inter + hidden : 0 };
}

/**
 * Parameters of one MLP block by part.
 * @example mlpParamBreakdown(deepseekV3.layers[3].mlp, 7168).expertEach // 3 × 7168 × 2048 = 44_040_192
 */
export function mlpParamBreakdown(m: DenseMlpSpec | MoeSpec, hidden: number): MlpParamBreakdown {
  const none = { experts: 0, topK: 0, expertEach: 0, expertBiasEach: 0, shared: 0, router: 0, routerBias: 0 };
  if (m.kind === "dense") {
    const f = ffn(hidden, m.intermediate, m.gated, m.bias);
    const total = f.weights + f.bias;
    return { dense: f.weights, denseBias: f.bias, ...none, sharedGate: 0, total, active: total };
  }
  const e = ffn(hidden, m.expertIntermediate, m.gated, m.expertBias ?? false);
  const expert = e.weights + e.bias;
  const router = hidden * m.numExperts;
  const routerBias = m.routerBias ? m.numExperts : 0;
  const shared = m.sharedIntermediate > 0 ? ffn(hidden, m.sharedIntermediate, m.gated, false).weights : 0;
  const sharedGate = m.sharedExpertGate ? hidden : 0;
  const common = router + routerBias + shared + sharedGate;
  return {
    dense: 0,
    denseBias: 0,
    experts: m.numExperts,
    topK: m.topK,
    expertEach: e.weights,
    expertBiasEach: e.bias,
    shared,
    router,
    routerBias,
    sharedGate,
    total: m.numExperts * expert + common,
    active: m.topK * expert + common,
  };
}

/** Parameters of one MLP block, all experts included (`active: false`) or only those a token uses (`active: true`:
 * top-k routed experts, shared experts, router and gates). */
export function mlpParams(m: DenseMlpSpec | MoeSpec, hidden: number, active = false): number {
  const b = mlpParamBreakdown(m, hidden);
  return active ? b.active : b.total;
}

/** One decoder layer's parameters by part: what an engine divides by TP (attention heads, FFN), EP (routed
 * experts) or keeps whole (norms, router, MLA latents). */
export interface LayerParamBreakdown {
  attention: AttentionParamBreakdown;
  mlp: MlpParamBreakdown;
  /** The layer's norms. */
  norms: number;
  /** All parameters, and those a token uses. */
  total: number;
  active: number;
}

/**
 * Parameters of one decoder layer by part.
 * @example layerParamBreakdown(llama2_7b.layers[0], 4096).total // 202_383_360
 */
export function layerParamBreakdown(l: LayerSpec, hidden: number): LayerParamBreakdown {
  const attention = attentionParamBreakdown(l.attention, hidden);
  const mlp = mlpParamBreakdown(l.mlp, hidden);
  return {
    attention,
    mlp,
    norms: l.normParams,
    total: attention.total + mlp.total + l.normParams,
    active: attention.total + mlp.active + l.normParams,
  };
}

/** Parameters of one decoder layer (all experts, or only a token's active ones). */
export function layerParams(l: LayerSpec, hidden: number, active = false): number {
  const b = layerParamBreakdown(l, hidden);
  return active ? b.active : b.total;
}

/** Parameter counts of a model. */
export interface ParameterCounts {
  /** Main-model weights: embeddings (tied ones once), layers, final norm, LM head; MTP layers excluded. */
  total: number;
  /** `total` plus the multi-token-prediction (next-n) layers. */
  totalWithMtp: number;
  /** `total` minus the input embedding, learned position embedding and LM head (for tied embeddings the one shared
   * matrix) — the convention of Qwen's and Kaplan et al.'s "non-embedding parameters". */
  nonEmbedding: number;
  /** Parameters a token uses: every dense part, the top-k routed and the shared experts, embeddings as in `total`. */
  active: number;
  /** `active` including the MTP layers' active parameters. */
  activeWithMtp: number;
  /** Input token embedding (vocab × hidden). */
  embedding: number;
  /** Learned absolute position embedding (0 for RoPE / ALiBi). */
  positionEmbedding: number;
  /** Output projection when untied (0 when tied to the embedding). */
  lmHead: number;
  /** Vision/audio encoders of a multimodal release (never in the totals). */
  encoder: number;
  /** Decoder layers of the main model (all experts). */
  layers: number;
  /** MTP layers and their extra projections. */
  mtp: number;
}

/**
 * Counts parameters from the architecture's shapes.
 * @example parameterCounts(importConfig(llama2_7b).value).total // 6_738_415_616
 */
export function parameterCounts(arch: Architecture): ParameterCounts {
  const h = arch.hiddenSize;
  const embedding = arch.vocabSize * h;
  const positionEmbedding = arch.positionEmbedding === "learned" ? arch.maxPositions * h : 0;
  const lmHead = arch.tiedEmbeddings ? 0 : arch.vocabSize * h;
  const sum = (ls: readonly LayerSpec[], active: boolean) =>
    ls.reduce((s, l) => s + layerParams(l, h, active), 0);
  const layers = sum(arch.layers, false);
  const activeLayers = sum(arch.layers, true);
  const mtpExtra = arch.mtp.layers.length * arch.mtp.extraParamsPerLayer;
  const mtp = sum(arch.mtp.layers, false) + mtpExtra;
  const mtpActive = sum(arch.mtp.layers, true) + mtpExtra;
  const rest = embedding + positionEmbedding + lmHead + arch.finalNormParams + (arch.extraParams ?? 0);
  const total = rest + layers;
  const active = rest + activeLayers;
  return {
    total,
    totalWithMtp: total + mtp,
    nonEmbedding: total - embedding - positionEmbedding - lmHead,
    active,
    activeWithMtp: active + mtpActive,
    embedding,
    positionEmbedding,
    lmHead,
    encoder: arch.encoderParams,
    layers,
    mtp,
  };
}

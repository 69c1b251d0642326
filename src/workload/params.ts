// Parameter counts of a canonical Architecture, computed from shapes only (never stored, never from dtypes).
import type { Architecture, AttentionSpec, DenseMlpSpec, LayerSpec, MoeSpec } from "./architecture.js";

/**
 * Parameters of one attention block (projections, their biases, MLA latent projections, linear-attention blocks,
 * sinks/gates/indexers in `extraParams`). Norms are in the layer's `normParams`.
 * MLA (DeepSeek-V2/V3): q = h·q_lora + q_lora·H·(nope+rope) (or h·H·(nope+rope) without q_lora);
 * kv_a = h·(kv_lora + rope); kv_b = kv_lora·H·(nope + v); o = H·v·h.
 */
export function attentionParams(a: AttentionSpec, hidden: number): number {
  const o = a.numHeads * a.vHeadDim * hidden + (a.outBias ? hidden : 0);
  let p: number;
  if (a.kind === "mla" && a.mla) {
    const { qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim } = a.mla;
    const qHead = qkNopeHeadDim + qkRopeHeadDim;
    const q = qLoraRank ? hidden * qLoraRank + qLoraRank * a.numHeads * qHead : hidden * a.numHeads * qHead;
    const kv = hidden * (kvLoraRank + qkRopeHeadDim) + kvLoraRank * a.numHeads * (qkNopeHeadDim + a.vHeadDim);
    p = q + kv + o;
  } else if (a.kind === "linear" && a.linear) {
    p = a.linear.qkvParams + a.linear.extraParams + o;
  } else {
    const qkv = a.numHeads * a.headDim + a.numKvHeads * a.headDim + a.numKvHeads * a.vHeadDim;
    p = hidden * qkv + (a.qkvBias ? qkv : 0) + o;
  }
  return p + (a.extraParams ?? 0);
}

/** Parameters of one FFN matrix set of width `inter`: gated = 3·h·I (gate, up, down), else 2·h·I. */
function ffn(hidden: number, inter: number, gated: boolean, bias: boolean): number {
  return (gated ? 3 : 2) * hidden * inter + (bias ? (gated ? 2 : 1) * inter + hidden : 0);
}

/** Parameters of one MLP block, all experts included (`active: false`) or only those a token uses (`active: true`:
 * top-k routed experts, shared experts, router and gates). */
export function mlpParams(m: DenseMlpSpec | MoeSpec, hidden: number, active = false): number {
  if (m.kind === "dense") return ffn(hidden, m.intermediate, m.gated, m.bias);
  const expert = ffn(hidden, m.expertIntermediate, m.gated, m.expertBias ?? false);
  const router = hidden * m.numExperts + (m.routerBias ? m.numExperts : 0);
  const shared = m.sharedIntermediate > 0 ? ffn(hidden, m.sharedIntermediate, m.gated, false) : 0;
  const gate = m.sharedExpertGate ? hidden : 0;
  return (active ? m.topK : m.numExperts) * expert + router + shared + gate;
}

/** Parameters of one decoder layer (all experts, or only a token's active ones). */
export function layerParams(l: LayerSpec, hidden: number, active = false): number {
  return attentionParams(l.attention, hidden) + mlpParams(l.mlp, hidden, active) + l.normParams;
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

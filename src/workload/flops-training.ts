// Model FLOPs per trained token under the named conventions (6·N + attention, Megatron eq. 3, torchtitan, 6N).
import type { Architecture, AttentionSpec, LayerSpec } from "./architecture.js";
import { attendedKeys } from "./ops-training.js";
import { attentionParamBreakdown, mlpParamBreakdown } from "./params.js";

/** FLOP-counting conventions for MFU.
 * - `default`: 6·N (input embedding excluded, LM head included, MoE active experts only) + causal attention
 *   (QKᵀ and PV over the keys each query attends, ×3 for forward and backward).
 * - `megatron`: Narayanan et al. 2021 eq. (3) generalised: (3 passes, 4 with full recompute) × (2 × layer matmul
 *   parameters + non-causal attention 2·heads·(d_qk + d_v)·s per layer) + 6·h·V for the LM head. For GPT this is
 *   96·l·h²·(1 + s/(6h) + V/(16·l·h)) with recompute and 72·l·h²·(1 + s/(6h) + V/(12·l·h)) without.
 * - `torchtitan`: 6·N + 12·l·heads·d_head·s (non-causal), torchtitan's get_num_flop_per_token.
 * - `6n`: 6·N only.
 * Under LoRA the parameter term is 4·N (no weight gradients). */
export type FlopConvention = "default" | "megatron" | "torchtitan" | "6n";

export const FLOP_CONVENTIONS: readonly FlopConvention[] = ["default", "megatron", "torchtitan", "6n"];

/** Matmul parameters of an attention block (biases included; sinks, indexers and linear-attention extras not). */
export function attentionMatmulParams(a: AttentionSpec, h: number): number {
  const b = attentionParamBreakdown(a, h);
  return b.total - b.extra;
}

/** Matmul parameters of the MLP a token passes through (dense FFN with its biases; MoE: router + top-k routed +
 * shared experts, without biases and gates). */
export function activeMlpParams(layer: LayerSpec, h: number): number {
  const m = mlpParamBreakdown(layer.mlp, h);
  if (layer.mlp.kind === "dense") return m.dense + m.denseBias;
  return m.router + m.topK * m.expertEach + m.shared;
}

/** Parameters a token's forward pass multiplies with, per layer (norms included). */
export function activeLayerParams(layer: LayerSpec, h: number): number {
  return attentionMatmulParams(layer.attention, h) + activeMlpParams(layer, h) + layer.normParams;
}

/** Active parameters excluding the input embedding, LM head included (also when tied), MTP excluded. */
export function activeParamsForFlops(arch: Architecture): number {
  let n = arch.vocabSize * arch.hiddenSize + arch.finalNormParams;
  for (const l of arch.layers) n += activeLayerParams(l, arch.hiddenSize);
  return n;
}

/** Forward attention-core FLOPs per token of one layer: 2·heads·(d_qk + d_v)·keys. */
function attentionFlopsPerToken(a: AttentionSpec, keys: number): number {
  if (a.kind === "linear") return 0;
  return 2 * a.numHeads * (a.headDim + a.vHeadDim) * keys;
}

/**
 * Model FLOPs per trained token (forward + backward) under a convention.
 * @example modelFlopsPerToken(gpt3, 2048, "megatron", { fullRecompute: true }) // 96·l·h²·(1 + s/6h + V/16lh)
 */
export function modelFlopsPerToken(
  arch: Architecture,
  seqLen: number,
  convention: FlopConvention = "default",
  opts: { fullRecompute?: boolean; lora?: boolean } = {},
): number {
  const h = arch.hiddenSize;
  // LoRA freezes the base weights: forward and data gradient only, 4·N instead of 6·N (adapters negligible).
  const n = activeParamsForFlops(arch) * (opts.lora ? 4 / 6 : 1);
  switch (convention) {
    case "6n":
      return 6 * n;
    case "default": {
      let attn = 0;
      for (const l of arch.layers)
        attn += attentionFlopsPerToken(l.attention, attendedKeys(seqLen, l.attention.slidingWindow));
      return 6 * n + 3 * attn;
    }
    case "torchtitan": {
      let attn = 0;
      for (const l of arch.layers)
        attn += l.attention.kind === "linear" ? 0 : 12 * l.attention.numHeads * l.attention.headDim * seqLen;
      return 6 * n + attn;
    }
    case "megatron": {
      const passes = opts.fullRecompute ? 4 : 3;
      let perPass = 0;
      for (const l of arch.layers)
        perPass +=
          2 * (attentionMatmulParams(l.attention, h) + activeMlpParams(l, h)) +
          attentionFlopsPerToken(l.attention, seqLen);
      return passes * perPass + 6 * h * arch.vocabSize;
    }
  }
}

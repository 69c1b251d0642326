// Mixture-of-experts decoders with standard (GQA) attention: mixtral, qwen2_moe, qwen3_moe, glm4_moe, minimax_m2,
// gpt_oss, llama4.
import type { LayerSpec } from "../../architecture.js";
import { denseMlp, moeLayerPredicate, moeMlp, readCore, readExperts, standardAttention } from "../common.js";
import { decoder } from "./decoder.js";
import { windowsFrom } from "./llama-like.js";
import { layerMlp, readMoeLayout } from "./moe-layout.js";
import type { FamilyImporter } from "./types.js";

/** Mixtral: every layer MoE; intermediate_size is the expert width. */
const mixtral: FamilyImporter = (r, ctx) => {
  const core = readCore(r);
  const { numExperts, topK } = readExperts(r);
  const windowOf = windowsFrom(r, core.numLayers, (w) => () => w);
  return decoder(r, ctx, core, {
    layer: (i) => ({
      attention: standardAttention(core, { slidingWindow: windowOf(i) }),
      mlp: moeMlp({ numExperts, topK, expertIntermediate: core.intermediate }),
      normParams: 2 * core.hidden,
    }),
  });
};

/** Qwen2-MoE / Qwen3-MoE: decoder_sparse_step and mlp_only_layers choose MoE layers; moe_intermediate_size per
 * expert; Qwen2-MoE adds a gated shared expert and QKV bias, Qwen3-MoE per-head q/k norms. */
function qwenMoe(version: 2 | 3): FamilyImporter {
  return (r, ctx) => {
    const core = readCore(r);
    const moe = readMoeLayout(r, {
      shared: version === 2 ? "gated" : "none",
      intermediateHint: "the per-expert FFN width",
    });
    const qkNorm = version === 3 ? 2 * core.headDim : 0;
    return decoder(r, ctx, core, {
      layer: (i) => ({
        attention: standardAttention(core, {
          qkvBias: version === 2 || r.bool("attention_bias", false),
          outBias: version === 3 && r.bool("attention_bias", false),
        }),
        mlp: layerMlp(moe, i, core.intermediate),
        normParams: 2 * core.hidden + qkNorm,
      }),
    });
  };
}

/** MTP (next-n) block overhead in GLM-4.5 / DeepSeek-V3 style: enorm + hnorm + eh_proj (2h → h) + the shared head's
 * norm. The embedding and output head are shared with the main model and not counted again. */
export function mtpOverhead(hidden: number): number {
  return 3 * hidden + 2 * hidden * hidden;
}

/** GLM-4.5 / 4.6 (glm4_moe): first_k_dense_replace dense layers, routed + shared experts, sigmoid router with a
 * score-correction bias, QKV bias, optional q/k norms, next-n MTP layers. */
const glm4Moe: FamilyImporter = (r, ctx) => {
  const core = readCore(r);
  const moe = readMoeLayout(r, { shared: "experts" });
  const qkNorm = r.bool("use_qk_norm", false) ? 2 * core.headDim : 0;
  const layer = (i: number): LayerSpec => ({
    attention: standardAttention(core, { qkvBias: r.bool("attention_bias", false) }),
    mlp: layerMlp(moe, i, core.intermediate, { routerBias: true }),
    normParams: 2 * core.hidden + qkNorm,
  });
  return decoder(r, ctx, core, {
    layer,
    mtpLayers: r.int("num_nextn_predict_layers", { default: 0, min: 0 }),
    mtpExtraParamsPerLayer: mtpOverhead(core.hidden),
  });
};

/** gpt-oss: alternating sliding (128) / full attention, attention sinks, biased QKV/O, experts with biases. */
const gptOss: FamilyImporter = (r, ctx) => {
  const core = readCore(r);
  const { numExperts, topK } = readExperts(r, { topK: ["num_experts_per_tok", "experts_per_token"] });
  const windowOf = windowsFrom(r, core.numLayers, (w) => (i) => (i % 2 === 0 ? w : null));
  return decoder(r, ctx, core, {
    layer: (i) => ({
      attention: standardAttention(core, {
        qkvBias: true,
        outBias: true,
        slidingWindow: windowOf(i),
        extraParams: core.heads,
      }),
      mlp: moeMlp({
        numExperts,
        topK,
        expertIntermediate: core.intermediate,
        routerBias: true,
        expertBias: true,
      }),
      normParams: 2 * core.hidden,
    }),
  });
};

/** Llama 4 (text): interleaved MoE (interleave_moe_layer_step / moe_layers) with one shared expert, dense layers of
 * intermediate_size_mlp, chunked local attention on RoPE layers and global NoPE layers. */
const llama4: FamilyImporter = (r, ctx) => {
  const core = readCore(r);
  const { numExperts, topK } = readExperts(r);
  const denseWidth = r.int("intermediate_size_mlp", { default: core.intermediate });
  const isMoe = moeLayerPredicate(r);
  const chunk = r.optInt("attention_chunk_size", { max: 1e9 });
  const noRope = r.intList("no_rope_layers");
  const interval = r.int("no_rope_layer_interval", { default: 4 });
  const ropeLayer = (i: number) =>
    noRope && noRope.length === core.numLayers ? noRope[i] !== 0 : (i + 1) % interval !== 0;
  if (chunk)
    r.note(
      `chunked attention (${chunk} tokens) on RoPE layers is treated as a sliding window for the KV cache`,
    );
  return decoder(r, ctx, core, {
    layer: (i) => ({
      attention: standardAttention(core, { slidingWindow: chunk && ropeLayer(i) ? chunk : null }),
      mlp: isMoe(i)
        ? moeMlp({
            numExperts,
            topK,
            expertIntermediate: core.intermediate,
            numShared: 1,
            sharedIntermediate: core.intermediate,
          })
        : denseMlp(denseWidth),
      normParams: 2 * core.hidden,
    }),
  });
};

/** MoE families by model_type. */
export const moeFamilies: Record<string, FamilyImporter> = {
  mixtral,
  qwen2_moe: qwenMoe(2),
  qwen3_moe: qwenMoe(3),
  glm4_moe: glm4Moe,
  gpt_oss: gptOss,
  llama4_text: llama4,
};

// Earlier decoder designs: gpt2 (and GPT-3 / Megatron paper configs written as gpt2), bloom, falcon, gpt_neox,
// phi (1/2) and chatglm (ChatGLM2/3, GLM-4 dense).
import type { LayerSpec } from "../../architecture.js";
import { denseMlp, readCore, standardAttention, type Core } from "../common.js";
import { decoder } from "./decoder.js";
import type { FamilyImporter } from "./types.js";

/**
 * A GPT-2-style layer: standard attention and an ungated MLP of `core.intermediate`, with biases (default on), and
 * two LayerNorms with bias (default `normParams` 4 × hidden).
 * @example gptLayer(core, { attentionBias: false }) // GPT-NeoX without attention biases
 */
function gptLayer(
  core: Core,
  o: { attentionBias?: boolean; mlpBias?: boolean; normParams?: number } = {},
): LayerSpec {
  const attentionBias = o.attentionBias ?? true;
  return {
    attention: standardAttention(core, { qkvBias: attentionBias, outBias: attentionBias }),
    mlp: denseMlp(core.intermediate, false, o.mlpBias ?? true),
    normParams: o.normParams ?? 4 * core.hidden,
  };
}

/** GPT-2: learned positions, LayerNorm with bias, biases everywhere, 4h GELU MLP (n_inner null → 4 × n_embd), tied. */
const gpt2: FamilyImporter = (r, ctx) => {
  const core = readCore(
    r,
    { kvHeads: null, intermediate: ["n_inner", "intermediate_size"] },
    { intermediateDefault: (h) => 4 * h },
  );
  if (!r.has("n_positions", "max_position_embeddings", "n_ctx"))
    r.note("n_positions absent: GPT-2's default 1024 learned positions assumed");
  const positions = core.maxPositions || 1024;
  return decoder(
    r,
    ctx,
    { ...core, maxPositions: positions },
    {
      layer: () => gptLayer(core),
      tiedDefault: true,
      positionEmbedding: "learned",
      finalNormParams: 2 * core.hidden,
      activation: r.str("activation_function") ?? "gelu_new",
    },
  );
};

/** BLOOM: ALiBi, an embedding LayerNorm, LayerNorm with bias, 4h GELU MLP with bias, tied. */
const bloom: FamilyImporter = (r, ctx) => {
  const core = readCore(
    r,
    { hidden: ["hidden_size", "n_embed"], kvHeads: null },
    { intermediateDefault: (h) => 4 * h },
  );
  return decoder(r, ctx, core, {
    layer: () => gptLayer(core),
    tiedDefault: true,
    positionEmbedding: "alibi",
    finalNormParams: 2 * core.hidden,
    extraParams: 2 * core.hidden,
    activation: "gelu",
  });
};

/** Falcon: parallel attention/MLP; multi-query (7B) or grouped kv heads with two LayerNorms (new decoder, 40B/180B). */
const falcon: FamilyImporter = (r, ctx) => {
  const newArch = r.bool("new_decoder_architecture", false);
  const multiQuery = r.bool("multi_query", true);
  const kvNames = newArch
    ? ["num_kv_heads", "n_head_kv", "num_key_value_heads"]
    : ["n_head_kv", "num_kv_heads"];
  const core0 = readCore(
    r,
    { kvHeads: kvNames, intermediate: ["ffn_hidden_size"] },
    { intermediateDefault: (h) => 4 * h },
  );
  const core = !newArch && !r.has(...kvNames) && multiQuery ? { ...core0, kvHeads: 1 } : core0;
  const bias = r.bool("bias", false);
  const parallel = r.bool("parallel_attn", true);
  const lnPerLayer = newArch ? 2 : parallel ? 1 : 2;
  return decoder(r, ctx, core, {
    layer: () =>
      gptLayer(core, { attentionBias: bias, mlpBias: bias, normParams: lnPerLayer * 2 * core.hidden }),
    tiedDefault: true,
    positionEmbedding: r.bool("alibi", false) ? "alibi" : "rope",
    finalNormParams: 2 * core.hidden,
    activation: "gelu",
  });
};

/** GPT-NeoX / Pythia: LayerNorm with bias, biases everywhere, untied embed_in / embed_out. */
const gptNeox: FamilyImporter = (r, ctx) => {
  const core = readCore(r);
  const bias = r.bool("attention_bias", true);
  return decoder(r, ctx, core, {
    layer: () => gptLayer(core, { attentionBias: bias }),
    tiedDefault: false,
    positionEmbedding: "rope",
    finalNormParams: 2 * core.hidden,
  });
};

/** Phi-1/1.5/2: one LayerNorm per parallel block, biases everywhere, GELU MLP, an LM head with bias. */
const phi: FamilyImporter = (r, ctx) => {
  const core = readCore(r);
  return decoder(r, ctx, core, {
    layer: () =>
      gptLayer(core, {
        normParams: 2 * core.hidden + (r.bool("qk_layernorm", false) ? 4 * core.headDim : 0),
      }),
    tiedDefault: false,
    positionEmbedding: "rope",
    finalNormParams: 2 * core.hidden,
    extraParams: core.vocab,
  });
};

/** ChatGLM2/3 and GLM-4 dense: num_layers, ffn_hidden_size, kv_channels, multi_query_group_num, padded_vocab_size. */
const chatglm: FamilyImporter = (r, ctx) => {
  const multiQuery = r.bool("multi_query_attention", false);
  const core = readCore(r, {
    layers: ["num_layers", "num_hidden_layers"],
    kvHeads: multiQuery ? ["multi_query_group_num"] : null,
    headDim: ["kv_channels", "head_dim"],
    intermediate: ["ffn_hidden_size", "intermediate_size"],
    vocab: ["padded_vocab_size", "vocab_size"],
    maxPositions: ["seq_length", "max_position_embeddings"],
  });
  const linearBias = r.bool("add_bias_linear", false);
  const width = r.bool("rmsnorm", true) ? 1 : 2;
  return decoder(r, ctx, core, {
    layer: () => ({
      attention: standardAttention(core, { qkvBias: r.bool("add_qkv_bias", false), outBias: linearBias }),
      mlp: denseMlp(core.intermediate, true, linearBias),
      normParams: 2 * width * core.hidden,
    }),
    tiedDefault: false,
    positionEmbedding: "rope",
    finalNormParams: r.bool("post_layer_norm", true) ? width * core.hidden : 0,
    activation: "swiglu",
  });
};

/** Classic families by model_type. */
export const classic: Record<string, FamilyImporter> = {
  gpt2,
  bloom,
  falcon,
  RefinedWeb: falcon,
  RefinedWebModel: falcon,
  gpt_neox: gptNeox,
  phi,
  chatglm,
};

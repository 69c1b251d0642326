// Each supported family imports from its own field names, with the structure its config describes.
import { describe, expect, it } from "vitest";
import { parameterCounts, SUPPORTED_MODEL_TYPES } from "../src/index.js";
import { arch } from "./helpers/fixtures.js";

const base = {
  hidden_size: 1024,
  intermediate_size: 2816,
  num_attention_heads: 16,
  num_key_value_heads: 4,
  num_hidden_layers: 4,
  vocab_size: 32000,
};

describe("family importers", () => {
  it("SUPPORTED_MODEL_TYPES covers the families the catalog and the validation cases need", () => {
    for (const t of [
      "llama",
      "mistral",
      "mixtral",
      "qwen2",
      "qwen2_moe",
      "qwen3",
      "qwen3_moe",
      "qwen3_next",
      "qwen3_5_moe",
      "deepseek_v2",
      "deepseek_v3",
      "deepseek_v32",
      "kimi_k2",
      "gpt_oss",
      "glm4_moe",
      "gemma",
      "gemma2",
      "gemma3",
      "phi",
      "phi3",
      "gpt2",
      "minimax",
      "minimax_m1",
      "minimax_m2",
      "cohere",
      "llama4",
      "baichuan",
      "chatglm",
      "bloom",
      "falcon",
      "gpt_neox",
      "nemotron",
      "internlm2",
    ])
      expect(SUPPORTED_MODEL_TYPES).toContain(t);
  });

  it("importConfig(bloom-176b shape) gives the model card's 176,247,271,424 parameters", () => {
    const a = arch({ model_type: "bloom", n_embed: 14336, n_layer: 70, n_head: 112, vocab_size: 250880 });
    expect(a.positionEmbedding).toBe("alibi");
    expect(parameterCounts(a).total).toBe(176_247_271_424);
  });

  it("importConfig(chatglm) reads num_layers, ffn_hidden_size, kv_channels, multi_query_group_num, padded_vocab_size", () => {
    const a = arch({
      model_type: "chatglm",
      num_layers: 28,
      hidden_size: 4096,
      ffn_hidden_size: 13696,
      kv_channels: 128,
      num_attention_heads: 32,
      multi_query_attention: true,
      multi_query_group_num: 2,
      padded_vocab_size: 65024,
      add_qkv_bias: true,
    });
    expect(a.layers[0]!.attention).toMatchObject({ kind: "gqa", numKvHeads: 2, headDim: 128, qkvBias: true });
    expect(parameterCounts(a).total).toBe(6_243_584_000);
  });

  it("importConfig(falcon) distinguishes multi-query 7B from the new decoder architecture", () => {
    const old = arch({
      model_type: "falcon",
      hidden_size: 4544,
      num_attention_heads: 71,
      num_hidden_layers: 32,
      vocab_size: 65024,
      multi_query: true,
    });
    expect(old.layers[0]!.attention.kind).toBe("mqa");
    const neo = arch({ model_type: "falcon", ...base, num_kv_heads: 4, new_decoder_architecture: true });
    expect(neo.layers[0]!.attention.numKvHeads).toBe(4);
    expect(neo.layers[0]!.normParams).toBe(4 * 1024);
  });

  it("importConfig(gpt_neox, phi, cohere, nemotron, internlm2, gemma) imports each family's layout", () => {
    expect(arch({ ...base, model_type: "gpt_neox", num_key_value_heads: undefined }).tiedEmbeddings).toBe(
      false,
    );
    expect(arch({ ...base, model_type: "phi" }).extraParams).toBe(32000);
    expect(arch({ ...base, model_type: "cohere", use_qk_norm: true }).tiedEmbeddings).toBe(true);
    expect(arch({ ...base, model_type: "nemotron" }).layers[0]!.mlp).toMatchObject({
      kind: "dense",
      gated: false,
    });
    expect(arch({ ...base, model_type: "internlm2", bias: true }).layers[0]!.attention.qkvBias).toBe(true);
    expect(arch({ ...base, model_type: "gemma", head_dim: 256 }).layers[0]!.attention.headDim).toBe(256);
  });

  it("importConfig(qwen2_moe) adds a gated shared expert", () => {
    const a = arch({
      ...base,
      model_type: "qwen2_moe",
      num_experts: 60,
      num_experts_per_tok: 4,
      moe_intermediate_size: 1408,
      shared_expert_intermediate_size: 5632,
    });
    expect(a.layers[0]!.mlp).toMatchObject({
      kind: "moe",
      numShared: 1,
      sharedIntermediate: 5632,
      sharedExpertGate: true,
    });
  });

  it("importConfig(deepseek_v32) adds the lightning indexer to MLA", () => {
    const v3 = {
      ...base,
      model_type: "deepseek_v3",
      n_routed_experts: 16,
      num_experts_per_tok: 2,
      moe_intermediate_size: 256,
      kv_lora_rank: 128,
      q_lora_rank: 256,
      qk_nope_head_dim: 64,
      qk_rope_head_dim: 32,
      v_head_dim: 64,
    };
    const a = arch(v3);
    const b = arch({
      ...v3,
      model_type: "deepseek_v32",
      index_n_heads: 8,
      index_head_dim: 64,
      index_topk: 2048,
    });
    const indexer = 256 * 8 * 64 + 1024 * 64 + 2 * 64 + 1024 * 8;
    expect(parameterCounts(b).total - parameterCounts(a).total).toBe(4 * indexer);
  });

  it("importConfig(qwen3_5_moe) reads the hybrid language model from text_config", () => {
    const a = arch({
      model_type: "qwen3_5_moe",
      text_config: {
        model_type: "qwen3_5_moe_text",
        ...base,
        num_hidden_layers: 8,
        head_dim: 128,
        num_experts: 32,
        num_experts_per_tok: 4,
        moe_intermediate_size: 256,
        shared_expert_intermediate_size: 256,
        linear_num_key_heads: 4,
        linear_num_value_heads: 8,
        linear_key_head_dim: 64,
        linear_value_head_dim: 64,
      },
      vision_config: { hidden_size: 512, depth: 4, intermediate_size: 2048, patch_size: 16 },
    });
    expect(a.layers.map((l) => l.attention.kind)).toEqual([
      "linear",
      "linear",
      "linear",
      "gqa",
      "linear",
      "linear",
      "linear",
      "gqa",
    ]);
    expect(parameterCounts(a).encoder).toBeGreaterThan(0);
  });

  it("importConfig(minimax_m1) uses lightning attention where attn_type_list is 0", () => {
    const a = arch({
      ...base,
      model_type: "minimax_m1",
      head_dim: 64,
      num_local_experts: 8,
      num_experts_per_tok: 2,
      attn_type_list: [0, 0, 0, 1],
    });
    expect(a.layers.map((l) => l.attention.kind)).toEqual(["linear", "linear", "linear", "gqa"]);
  });

  it("importConfig(llama4) interleaves MoE layers and marks chunked attention on RoPE layers", () => {
    const a = arch({
      model_type: "llama4",
      text_config: {
        ...base,
        head_dim: 64,
        intermediate_size_mlp: 4096,
        num_local_experts: 16,
        num_experts_per_tok: 1,
        interleave_moe_layer_step: 2,
        attention_chunk_size: 8192,
      },
    });
    expect(a.layers.map((l) => l.mlp.kind)).toEqual(["dense", "moe", "dense", "moe"]);
    expect(a.layers.map((l) => l.attention.slidingWindow)).toEqual([8192, 8192, 8192, null]);
  });
});

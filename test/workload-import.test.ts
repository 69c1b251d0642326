// importConfig on messy, real-world config.json files, and on every model object of the public validation cases.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importConfig, parameterCounts, parseConfigJson, type Architecture } from "../src/index.js";

const ROOT = join(import.meta.dirname, "..");

function arch(cfg: string | object): Architecture {
  const r = importConfig(cfg);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.value;
}

const LLAMA2_7B = {
  model_type: "llama",
  hidden_size: 4096,
  intermediate_size: 11008,
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 32,
  vocab_size: 32000,
  max_position_embeddings: 4096,
  tie_word_embeddings: false,
};

describe("parseConfigJson", () => {
  it("parseConfigJson accepts bare Infinity, -Infinity, NaN and trailing commas", () => {
    const r = parseConfigJson('{"a": Infinity, "b": -Infinity, "c": NaN, "d": [1, 2,],}');
    expect(r.ok).toBe(true);
    if (r.ok) {
      const v = r.value as Record<string, unknown>;
      expect(v.a).toBe(Infinity);
      expect(v.b).toBe(-Infinity);
      expect(Number.isNaN(v.c)).toBe(true);
      expect(v.d).toEqual([1, 2]);
    }
  });
  it("parseConfigJson names the line and column of a syntax error", () => {
    const r = parseConfigJson('{\n  "a": 1\n  "b": 2\n}', "x.json");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/x\.json: malformed JSON at line 3/);
  });
});

describe("importConfig", () => {
  it("importConfig(llama-2-7b) counts 6,738,415,616 parameters", () => {
    expect(parameterCounts(arch(LLAMA2_7B)).total).toBe(6_738_415_616);
  });

  it("importConfig takes a config text with a bare Infinity token", () => {
    const text = JSON.stringify(LLAMA2_7B).replace("}", ', "rope_scaling": {"factor": Infinity}}');
    expect(text).toContain("Infinity");
    expect(parameterCounts(arch(text)).total).toBe(6_738_415_616);
  });

  it("importConfig reads a bare Infinity in max_position_embeddings or sliding_window as no limit", () => {
    const text = JSON.stringify({ ...LLAMA2_7B, model_type: "mistral" })
      .replace('"max_position_embeddings":4096', '"max_position_embeddings": Infinity')
      .replace("}", ', "sliding_window": Infinity}');
    const a = arch(text);
    expect(a.maxPositions).toBe(0);
    expect(a.layers[0]!.attention.slidingWindow).toBeNull();
    expect(a.notes.join(" ")).toContain("max_position_embeddings is Infinity");
  });

  it("importConfig reads the language model from text_config and reports the vision encoder separately", () => {
    const gemma3 = {
      model_type: "gemma3",
      text_config: {
        model_type: "gemma3_text",
        hidden_size: 5376,
        intermediate_size: 21504,
        num_attention_heads: 32,
        num_key_value_heads: 16,
        head_dim: 128,
        num_hidden_layers: 62,
        vocab_size: 262208,
        sliding_window: 1024,
        sliding_window_pattern: 6,
      },
      vision_config: {
        hidden_size: 1152,
        num_hidden_layers: 27,
        intermediate_size: 4304,
        patch_size: 14,
        image_size: 896,
      },
    };
    const a = arch(gemma3);
    const p = parameterCounts(a);
    expect(a.modelType).toBe("gemma3_text");
    expect(p.encoder).toBeGreaterThan(3.5e8);
    expect(p.encoder).toBeLessThan(4.5e8);
    expect(p.total / 1e9).toBeCloseTo(27.0, 0);
    expect(a.layers.filter((l) => l.attention.slidingWindow === null).length).toBe(10);
  });

  it("importConfig reads family-specific names (n_embd/n_layer/n_head, num_local_experts, n_routed_experts)", () => {
    const gpt = arch({
      model_type: "gpt2",
      n_embd: 768,
      n_layer: 12,
      n_head: 12,
      n_inner: null,
      vocab_size: 50257,
    });
    expect(gpt.layers[0]!.mlp).toMatchObject({ kind: "dense", intermediate: 3072 });
    expect(parameterCounts(gpt).total).toBe(124_439_808);
    const mix = arch({
      ...LLAMA2_7B,
      model_type: "mixtral",
      num_local_experts: 8,
      num_experts_per_tok: 2,
      intermediate_size: 14336,
    });
    expect(mix.layers[0]!.mlp).toMatchObject({ kind: "moe", numExperts: 8, topK: 2 });
  });

  it("importConfig keeps head_dim when it differs from hidden / heads", () => {
    const a = arch({ ...LLAMA2_7B, model_type: "qwen3", head_dim: 256, num_key_value_heads: 8 });
    expect(a.layers[0]!.attention.headDim).toBe(256);
    expect(a.layers[0]!.attention.kind).toBe("gqa");
  });

  it("importConfig records quantization_config but counts from shapes", () => {
    const q = arch({ ...LLAMA2_7B, quantization_config: { quant_method: "awq", bits: 4 } });
    expect(q.quantization).toEqual({ method: "awq", bits: 4 });
    expect(q.weightPrecision).toBe("int4");
    expect(parameterCounts(q).total).toBe(6_738_415_616);
    const fp8 = arch({ ...LLAMA2_7B, quantization_config: { quant_method: "fp8", fmt: "e4m3" } });
    expect(fp8.weightPrecision).toBe("fp8");
  });

  it("importConfig lays out dense-then-MoE layers from first_k_dense_replace and mlp_only_layers", () => {
    const ds = arch({
      model_type: "deepseek_v3",
      hidden_size: 1024,
      intermediate_size: 4096,
      moe_intermediate_size: 256,
      num_hidden_layers: 6,
      num_attention_heads: 8,
      n_routed_experts: 16,
      n_shared_experts: 1,
      num_experts_per_tok: 2,
      first_k_dense_replace: 2,
      kv_lora_rank: 64,
      q_lora_rank: 128,
      qk_nope_head_dim: 32,
      qk_rope_head_dim: 16,
      v_head_dim: 32,
      vocab_size: 1000,
      num_nextn_predict_layers: 1,
    });
    expect(ds.layers.map((l) => l.mlp.kind)).toEqual(["dense", "dense", "moe", "moe", "moe", "moe"]);
    expect(ds.mtp.layers.length).toBe(1);
    expect(ds.layers[0]!.attention.kind).toBe("mla");
    const q = arch({
      ...LLAMA2_7B,
      model_type: "qwen3_moe",
      num_hidden_layers: 4,
      num_experts: 8,
      num_experts_per_tok: 2,
      moe_intermediate_size: 512,
      mlp_only_layers: [0],
      decoder_sparse_step: 1,
    });
    expect(q.layers.map((l) => l.mlp.kind)).toEqual(["dense", "moe", "moe", "moe"]);
  });

  it("importConfig reads per-layer moe_layer_freq lists, mlp_layer_types and compressed-tensors bits", () => {
    const moe = {
      ...LLAMA2_7B,
      model_type: "deepseek_v3",
      num_hidden_layers: 4,
      n_routed_experts: 8,
      num_experts_per_tok: 2,
      moe_intermediate_size: 256,
      kv_lora_rank: 64,
      qk_nope_head_dim: 32,
      qk_rope_head_dim: 16,
    };
    expect(arch({ ...moe, moe_layer_freq: [0, 1, 0, 1] }).layers.map((l) => l.mlp.kind)).toEqual([
      "dense",
      "moe",
      "dense",
      "moe",
    ]);
    expect(
      arch({ ...moe, mlp_layer_types: ["dense", "dense", "sparse", "sparse"] }).layers.map((l) => l.mlp.kind),
    ).toEqual(["dense", "dense", "moe", "moe"]);
    const k25 = arch({
      model_type: "kimi_k25",
      text_config: {
        ...moe,
        model_type: "kimi_k2",
        quantization_config: {
          quant_method: "compressed-tensors",
          config_groups: { group_0: { weights: { num_bits: 4, type: "int" } } },
        },
      },
    });
    expect(k25.modelType).toBe("kimi_k2");
    expect(k25.quantization).toEqual({ method: "compressed-tensors", bits: 4 });
    expect(k25.weightPrecision).toBe("int4");
  });

  it("importConfig rejects an unknown model_type, naming it and the supported ones", () => {
    const r = importConfig({ ...LLAMA2_7B, model_type: "frobnicator" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]!.code).toBe("unsupported_model_type");
      expect(r.issues[0]!.message).toContain('"frobnicator"');
      expect(r.issues[0]!.message).toContain("deepseek_v3");
    }
  });

  it("importConfig says num_key_value_heads (5) must divide num_attention_heads (32)", () => {
    const r = importConfig({ ...LLAMA2_7B, num_key_value_heads: 5 }, { source: "models/foo.json" });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]!.message).toBe(
        "models/foo.json: num_key_value_heads (5) must divide num_attention_heads (32)",
      );
  });

  it("importConfig rejects wrong types, negative and absurd numbers, naming the field", () => {
    const bad = (patch: object) => {
      const r = importConfig({ ...LLAMA2_7B, ...patch });
      return r.ok ? "" : r.issues.map((i) => i.message).join("\n");
    };
    expect(bad({ hidden_size: "4096" })).toMatch(
      /hidden_size must be a positive integer, got "4096" \(a string\)/,
    );
    expect(bad({ num_hidden_layers: -3 })).toMatch(/num_hidden_layers must be at least 1, got -3/);
    expect(bad({ vocab_size: 1e12 })).toMatch(/vocab_size \(1000000000000\) is absurd/);
    expect(bad({ hidden_size: undefined })).toMatch(/hidden_size is missing/);
  });
});

describe("importConfig on the public validation cases", () => {
  // The repository's own copy (validation/public-cases.json), always present: the test never skips.
  const path = join(ROOT, "validation/public-cases.json");
  it("importConfig takes every inline model of public-cases.json", () => {
    const cases = JSON.parse(readFileSync(path, "utf8")) as { id: string; model: unknown }[];
    const inline = cases.filter((c) => typeof c.model === "object");
    expect(inline.length).toBeGreaterThan(10);
    const failures = inline.flatMap((c) => {
      const r = importConfig(c.model as object, { source: c.id });
      return r.ok && parameterCounts(r.value).total > 1e8 ? [] : [c.id];
    });
    expect(failures).toEqual([]);
  });
});

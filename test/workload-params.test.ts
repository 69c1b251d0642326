// Parameter counts as properties (a layer more adds exactly that layer) and KV-cache footprints of known layouts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findModel,
  importConfig,
  kvCacheBytesPerSequence,
  kvCacheBytesPerToken,
  layerParams,
  parameterCounts,
  type Architecture,
} from "../src/index.js";

function arch(cfg: string | object): Architecture {
  const r = importConfig(cfg);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.value;
}

function catalogArch(id: string): Architecture {
  const m = findModel(id);
  if (!m.ok) throw new Error(`no catalog model ${id}`);
  return arch(m.value.configText);
}

/** Generator pieces the family configs share: vocabulary, layer count, and routed experts of up to `widthMax`. */
const vocabSize = (max = 200000) => fc.integer({ min: 100, max });
const layerCount = (max: number) => fc.integer({ min: 1, max });
const routedExperts = (widthMax: number) => ({
  moe_intermediate_size: fc.integer({ min: 32, max: widthMax }),
  num_experts: fc.integer({ min: 8, max: 64 }),
  num_experts_per_tok: fc.integer({ min: 1, max: 8 }),
});

/** Config generators for several families; `layers` is the key holding the layer count. */
const families: { name: string; layers: string; gen: fc.Arbitrary<Record<string, unknown>> }[] = [
  {
    name: "llama",
    layers: "num_hidden_layers",
    gen: fc
      .record({
        kv: fc.integer({ min: 1, max: 8 }),
        g: fc.integer({ min: 1, max: 4 }),
        hd: fc.constantFrom(32, 64, 128),
      })
      .chain(({ kv, g, hd }) =>
        fc.record({
          model_type: fc.constant("llama"),
          num_key_value_heads: fc.constant(kv),
          num_attention_heads: fc.constant(kv * g),
          hidden_size: fc.constant(kv * g * hd),
          intermediate_size: fc.integer({ min: 64, max: 20000 }),
          num_hidden_layers: layerCount(40),
          vocab_size: vocabSize(),
          attention_bias: fc.boolean(),
          tie_word_embeddings: fc.boolean(),
        }),
      ),
  },
  {
    name: "qwen3_moe",
    layers: "num_hidden_layers",
    gen: fc.record({
      model_type: fc.constant("qwen3_moe"),
      hidden_size: fc.constantFrom(512, 1024, 2048),
      num_attention_heads: fc.constant(8),
      num_key_value_heads: fc.constantFrom(1, 2, 4, 8),
      head_dim: fc.constantFrom(64, 128),
      intermediate_size: fc.integer({ min: 64, max: 8000 }),
      ...routedExperts(2000),
      decoder_sparse_step: fc.constantFrom(1, 2),
      num_hidden_layers: layerCount(30),
      vocab_size: vocabSize(),
    }),
  },
  {
    name: "deepseek_v3",
    layers: "num_hidden_layers",
    gen: fc.record({
      model_type: fc.constant("deepseek_v3"),
      hidden_size: fc.constantFrom(512, 1024),
      intermediate_size: fc.integer({ min: 64, max: 4000 }),
      moe_intermediate_size: fc.integer({ min: 32, max: 1000 }),
      num_attention_heads: fc.constantFrom(4, 8, 16),
      n_routed_experts: fc.integer({ min: 8, max: 64 }),
      n_shared_experts: fc.integer({ min: 0, max: 2 }),
      num_experts_per_tok: fc.integer({ min: 1, max: 8 }),
      first_k_dense_replace: fc.integer({ min: 0, max: 3 }),
      q_lora_rank: fc.constantFrom(null, 128, 256),
      kv_lora_rank: fc.constantFrom(64, 128),
      qk_nope_head_dim: fc.constantFrom(32, 64),
      qk_rope_head_dim: fc.constantFrom(16, 32),
      v_head_dim: fc.constantFrom(32, 64),
      num_hidden_layers: layerCount(20),
      num_nextn_predict_layers: fc.integer({ min: 0, max: 2 }),
      vocab_size: vocabSize(),
    }),
  },
  {
    name: "gpt2",
    layers: "n_layer",
    gen: fc.record({
      model_type: fc.constant("gpt2"),
      n_head: fc.constantFrom(4, 8, 12),
      n_embd: fc.constantFrom(768, 1536, 3072),
      n_inner: fc.constantFrom(null, 1000, 4096),
      n_layer: layerCount(48),
      n_positions: fc.integer({ min: 128, max: 4096 }),
      vocab_size: vocabSize(100000),
    }),
  },
  {
    name: "qwen3_next",
    layers: "num_hidden_layers",
    gen: fc.record({
      model_type: fc.constant("qwen3_next"),
      hidden_size: fc.constantFrom(512, 1024),
      num_attention_heads: fc.constant(8),
      num_key_value_heads: fc.constantFrom(1, 2),
      head_dim: fc.constant(128),
      intermediate_size: fc.integer({ min: 64, max: 4000 }),
      ...routedExperts(1000),
      shared_expert_intermediate_size: fc.integer({ min: 0, max: 1000 }),
      linear_num_key_heads: fc.constant(4),
      linear_num_value_heads: fc.constantFrom(4, 8),
      linear_key_head_dim: fc.constant(64),
      linear_value_head_dim: fc.constant(64),
      num_hidden_layers: layerCount(20),
      vocab_size: vocabSize(),
    }),
  },
];

describe("parameterCounts properties", () => {
  for (const f of families) {
    it(`adding one layer to a ${f.name} config raises total by exactly that layer's parameters`, () => {
      fc.assert(
        fc.property(f.gen, (cfg) => {
          const n = cfg[f.layers] as number;
          const a = arch(cfg);
          const b = arch({ ...cfg, [f.layers]: n + 1 });
          const added = layerParams(b.layers[n]!, b.hiddenSize);
          expect(parameterCounts(b).total - parameterCounts(a).total).toBe(added);
          expect(added).toBeGreaterThan(0);
        }),
        { numRuns: 60 },
      );
    });
  }

  it("active never exceeds total, and equals it for a dense model", () => {
    fc.assert(
      fc.property(families[1]!.gen, (cfg) => {
        const p = parameterCounts(arch(cfg));
        expect(p.active).toBeLessThanOrEqual(p.total);
        expect(p.nonEmbedding).toBe(p.total - p.embedding - p.positionEmbedding - p.lmHead);
      }),
      { numRuns: 40 },
    );
    const dense = parameterCounts(catalogArch("llama-3.1-8b"));
    expect(dense.active).toBe(dense.total);
  });
});

describe("kvCacheBytesPerToken", () => {
  it("kvCacheBytesPerToken(llama-3.1-8b, bf16) is 32 layers × 2 × 8 kv heads × 128 × 2 B", () => {
    expect(kvCacheBytesPerToken(catalogArch("llama-3.1-8b"), "bf16").bytesPerToken).toBe(
      32 * 2 * 8 * 128 * 2,
    );
  });

  it("kvCacheBytesPerToken(deepseek-v3, fp8) caches the 576-element MLA latent per layer", () => {
    expect(kvCacheBytesPerToken(catalogArch("deepseek-v3"), "fp8").bytesPerToken).toBe(61 * (512 + 64));
  });

  it("kvCacheBytesPerSequence(mistral-7b-v0.1) stops growing at the 4096-token window", () => {
    const a = catalogArch("mistral-7b-v0.1");
    expect(kvCacheBytesPerSequence(a, "bf16", 8192)).toBe(kvCacheBytesPerSequence(a, "bf16", 4096));
    expect(kvCacheBytesPerSequence(a, "bf16", 2048)).toBe(
      2048 * kvCacheBytesPerToken(a, "bf16").bytesPerToken,
    );
  });

  it("kvCacheBytesPerToken(gemma-2-27b) puts half the layers behind a 4096-token window", () => {
    const kv = kvCacheBytesPerToken(catalogArch("gemma-2-27b"), "bf16");
    expect(kv.layers).toEqual({ full: 23, sliding: 23, linear: 0 });
    expect(kv.slidingWindows).toEqual([4096]);
    expect(kv.slidingBytesPerToken).toBe(kv.fullAttentionBytesPerToken);
  });

  it("kvCacheBytesPerToken(qwen3-next-80b-a3b) caches only the 12 full-attention layers; the rest hold fixed state", () => {
    const kv = kvCacheBytesPerToken(catalogArch("qwen3-next-80b-a3b"), "bf16");
    expect(kv.layers).toEqual({ full: 12, sliding: 0, linear: 36 });
    expect(kv.bytesPerToken).toBe(12 * 2 * 2 * 256 * 2);
    expect(kv.linearStateBytesPerSequence).toBeGreaterThan(0);
  });

  it("gpt-oss-120b alternates 128-token sliding and full attention, and counts its attention sinks", () => {
    const a = catalogArch("gpt-oss-120b");
    expect(kvCacheBytesPerToken(a, "bf16").slidingWindows).toEqual([128]);
    expect(a.layers[0]!.attention.extraParams).toBe(64);
  });
});

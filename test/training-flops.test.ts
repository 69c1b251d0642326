// FLOP conventions: Narayanan et al. 2021 eq. (3), Korthikanti et al. 2022 model FLOPs, torchtitan, 6N.
import { describe, expect, it } from "vitest";
import { activeParamsForFlops, modelFlopsPerToken } from "../src/workload/flops-training.js";
import { arch } from "./helpers/fixtures.js";

const gpt = (l: number, h: number, a: number) =>
  arch({ model_type: "gpt2", n_layer: l, n_embd: h, n_head: a, vocab_size: 51200, n_positions: 2048 });
const rel = (x: number, y: number) => Math.abs(x - y) / y;

describe("modelFlopsPerToken", () => {
  it("megatron with full recompute = 96·l·h²·(1 + s/6h + V/16lh) (Narayanan et al. 2021 eq. 3; GPT 1.7B: 1.475e10)", () => {
    const [l, h, s, V] = [24, 2304, 2048, 51200];
    const eq3 = 96 * l * h * h * (1 + s / (6 * h) + V / (16 * l * h));
    const got = modelFlopsPerToken(gpt(l, h, 24), s, "megatron", { fullRecompute: true });
    expect(rel(got, eq3)).toBeLessThan(0.003); // biases and norms are not in eq. 3
    expect(rel(got, 1.47503e10)).toBeLessThan(0.003);
  });
  it("megatron without recompute = 72·l·h²·(1 + s/6h + V/12lh) (Korthikanti et al. 2022; 22B: 1.396e11)", () => {
    const got = modelFlopsPerToken(gpt(48, 6144, 64), 2048, "megatron");
    expect(rel(got, 1.39595e11)).toBeLessThan(0.003);
  });
  it("torchtitan for Llama 3.1 405B = 6·403.75e9 + 12·l·heads·d·s = 2.625e12 at s = 8192", () => {
    const llama405 = arch({
      model_type: "llama",
      hidden_size: 16384,
      intermediate_size: 53248,
      num_hidden_layers: 126,
      num_attention_heads: 128,
      num_key_value_heads: 8,
      vocab_size: 128256,
      tie_word_embeddings: false,
    });
    expect(rel(activeParamsForFlops(llama405), 403_752_042_496)).toBeLessThan(1e-6);
    expect(rel(modelFlopsPerToken(llama405, 8192, "torchtitan"), 2.62545e12)).toBeLessThan(1e-4);
  });
  it("default counts causal attention: between 6N and the non-causal torchtitan count", () => {
    const a = gpt(24, 2048, 16);
    const d = modelFlopsPerToken(a, 4096, "default");
    expect(d).toBeGreaterThan(modelFlopsPerToken(a, 4096, "6n"));
    expect(d).toBeLessThan(modelFlopsPerToken(a, 4096, "torchtitan"));
  });
  it("MoE counts only the active experts", () => {
    const moe = arch({
      model_type: "mixtral",
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      num_local_experts: 8,
      num_experts_per_tok: 2,
      vocab_size: 32000,
    });
    // Mixtral 8x7B: ~12.9 B active parameters (Mistral AI).
    expect(activeParamsForFlops(moe) / 1e9).toBeGreaterThan(12.5);
    expect(activeParamsForFlops(moe) / 1e9).toBeLessThan(13.2);
  });
});

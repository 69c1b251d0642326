// Training memory: Korthikanti et al. 2022 activation formulas, ZeRO sharding, in-flight micro-batches.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveCluster } from "../src/engine/cluster.js";
import { inFlightMicroBatches, layerActivationBytes, trainingMemory } from "../src/engine/training/memory.js";
import { evenStages, stageLayerIndices } from "../src/engine/training/pipeline.js";
import type { TrainingConfig } from "../src/engine/training/types.js";
import { arch } from "./helpers/fixtures.js";

// GPT-3 175B shape (Korthikanti et al. 2022, Table 3): a = 96 heads, h = 12288, s = 2048, MLP 4h.
const gpt3 = arch({
  model_type: "gpt2",
  n_layer: 96,
  n_embd: 12288,
  n_head: 96,
  vocab_size: 51200,
  n_positions: 2048,
});
const layer = gpt3.layers[0]!;
const s = 2048;
const h = 12288;
const a = 96;
const base = { cp: 1, ep: 1, microBatch: 1, seqLen: s, precision: "bf16" as const };
const rel = (x: number, y: number) => Math.abs(x - y) / y;

describe("layerActivationBytes (Korthikanti et al. 2022, Sec. 4)", () => {
  it("tp8 + SP, no recompute, unfused attention = s·b·h/t·(34 + 5·a·s/h) less the two dropout masks", () => {
    const t = 8;
    const got = layerActivationBytes(layer, h, { ...base, tp: t, recompute: "none" }, false);
    const korthikanti = ((s * h) / t) * (34 + (5 * a * s) / h);
    const masks = (2 * s * h) / t; // this model has no hidden-dropout masks (modern LLMs train without dropout)
    expect(rel(got, korthikanti - masks)).toBeLessThan(1e-9);
  });
  it("selective recompute drops the 5·a·s²·b attention term: 34 → 32 s·b·h/t without dropout masks", () => {
    const got = layerActivationBytes(layer, h, { ...base, tp: 8, recompute: "selective" }, false);
    expect(rel(got, (32 * s * h) / 8)).toBeLessThan(1e-9);
  });
  it("fused attention stores no s² term even without recompute", () => {
    const got = layerActivationBytes(layer, h, { ...base, tp: 8, recompute: "none" }, true);
    expect(rel(got, (32 * s * h) / 8)).toBeLessThan(1e-9);
  });
  it("full recompute keeps only the layer input, 2·s·b·h/t", () => {
    const got = layerActivationBytes(layer, h, { ...base, tp: 8, recompute: "full" });
    expect(rel(got, (2 * s * h) / 8)).toBeLessThan(1e-9);
  });
});

describe("inFlightMicroBatches", () => {
  it("1F1B stage i holds p − i micro-batches", () => {
    expect(inFlightMicroBatches(0, 8, 1, 64)).toBe(8);
    expect(inFlightMicroBatches(7, 8, 1, 64)).toBe(1);
  });
  it("interleaved first stage holds p·(1 + (p − 1)/(p·v)) (Korthikanti et al. 2022, Sec. 4.2.3)", () => {
    const p = 8;
    const v = 3;
    expect(inFlightMicroBatches(0, p, v, 64)).toBeCloseTo(p * (1 + (p - 1) / (p * v)), 9);
  });
  it("never more than the step's micro-batches", () => {
    expect(inFlightMicroBatches(0, 16, 1, 4)).toBe(4);
  });
});

describe("trainingMemory under ZeRO", () => {
  const llama = arch({
    model_type: "llama",
    hidden_size: 4096,
    intermediate_size: 11008,
    num_hidden_layers: 32,
    num_attention_heads: 32,
    num_key_value_heads: 32,
    vocab_size: 32000,
  });
  const cap = 80e9;
  it("ZeRO-3 memory per chip ≤ ZeRO-2 ≤ ZeRO-1 ≤ ZeRO-0 for any layout (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 4, 8),
        fc.constantFrom(1, 2, 4),
        fc.constantFrom(1, 2, 8, 64),
        fc.constantFrom(1, 2, 4),
        fc.constantFrom("none", "selective", "full"),
        (tp, pp, dp, mb, recompute) => {
          const counts = evenStages(32, pp);
          const stages = stageLayerIndices(counts);
          const mem = (zero: 0 | 1 | 2 | 3) => {
            const c: TrainingConfig & { pipelineLayers: number[] } = {
              tp,
              pp,
              dp,
              cp: 1,
              ep: 1,
              vpp: 1,
              microBatch: mb,
              globalBatch: dp * mb * 8,
              seqLen: 4096,
              precision: "bf16",
              recompute: recompute as "none",
              zero,
              pipelineLayers: counts,
            };
            return trainingMemory(llama, c, stages, cap).total;
          };
          const [z0, z1, z2, z3] = [mem(0), mem(1), mem(2), mem(3)];
          return z3 <= z2 + 1e-6 && z2 <= z1 + 1e-6 && z1 <= z0 + 1e-6;
        },
      ),
      { numRuns: 60 },
    );
  });
  it("mixed-precision Adam holds 2 + 2 + 12 bytes per parameter without sharding (dp 1, tp 1)", () => {
    const counts = [32];
    const m = trainingMemory(
      llama,
      {
        tp: 1,
        pp: 1,
        dp: 1,
        cp: 1,
        ep: 1,
        vpp: 1,
        microBatch: 1,
        globalBatch: 1,
        seqLen: 4096,
        precision: "bf16",
        recompute: "full",
        zero: 0,
        pipelineLayers: counts,
      },
      stageLayerIndices(counts),
      cap,
    );
    expect(m.optimizer / m.weights).toBeCloseTo(6, 6);
    expect(m.gradients / m.weights).toBeCloseTo(1, 6);
    expect(m.weights / 2 / 1e9).toBeGreaterThan(6.5);
    expect(m.weights / 2 / 1e9).toBeLessThan(6.9);
  });
  it("a 70B model without sharding does not fit one 80 GB chip (exceeds_memory from estimateTraining)", async () => {
    const { estimateTraining } = await import("../src/engine/training/step.js");
    const cl = resolveCluster({ chip: "h100-sxm", count: 8 });
    if (!cl.ok) throw new Error("cluster");
    const big = arch({
      model_type: "llama",
      hidden_size: 8192,
      intermediate_size: 28672,
      num_hidden_layers: 80,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      vocab_size: 128256,
    });
    const r = estimateTraining(big, cl.value, {
      tp: 1,
      pp: 1,
      dp: 8,
      cp: 1,
      ep: 1,
      vpp: 1,
      microBatch: 1,
      globalBatch: 64,
      seqLen: 8192,
      precision: "bf16",
      recompute: "full",
      zero: 0,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe("exceeds_memory");
  });
});

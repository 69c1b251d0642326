// estimateTraining: pipeline schedule, monotonic bandwidth, data-parallel reduce bounds, utilisation bounds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClusterSpec } from "../src/engine/cluster.js";
import { pipelineTime, evenStages } from "../src/engine/training/pipeline.js";
import { estimateTraining } from "../src/engine/training/step.js";
import { TRAINING_FACTORS } from "../src/engine/training/calibration.js";
import type { TrainingConfig } from "../src/engine/training/types.js";
import { arch, cluster } from "./helpers/fixtures.js";

const llama8b = arch({
  model_type: "llama",
  hidden_size: 4096,
  intermediate_size: 14336,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 8,
  vocab_size: 128256,
});
const base: TrainingConfig = {
  tp: 1,
  pp: 1,
  dp: 8,
  cp: 1,
  ep: 1,
  vpp: 1,
  microBatch: 1,
  globalBatch: 64,
  seqLen: 4096,
  precision: "bf16",
  recompute: "none",
  zero: 1,
};

describe("pipelineTime", () => {
  it("equal stages follow (m + (p − 1)/v)·t and the bubble is (p − 1)/(v·m) of the compute (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 256 }),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        (p, v, m, t) => {
          const r = pipelineTime(new Array(p).fill(t), m, v);
          return (
            Math.abs(r.total - (m + (p - 1) / v) * t) < 1e-9 * r.total &&
            Math.abs(r.bubble / (m * t) - (p - 1) / (v * m)) < 1e-9
          );
        },
      ),
    );
  });
  it("uneven stages: the slowest stage sets the steady state", () => {
    const r = pipelineTime([1, 2, 1], 10, 1);
    expect(r.total).toBeCloseTo(10 * 2 + (4 - 2), 12);
  });
});

describe("evenStages", () => {
  it("evenStages(126, 16) puts 8 layers on the middle stages and 7 on the ends", () => {
    const s = evenStages(126, 16);
    expect(s.reduce((a, b) => a + b, 0)).toBe(126);
    expect(s[0]).toBe(7);
    expect(s[15]).toBe(7);
    expect(Math.max(...s)).toBe(8);
  });
});

describe("estimateTraining(llama-3-8b, 8 × h100)", () => {
  const r = estimateTraining(llama8b, cluster("h100-sxm", 8), base);
  it("is feasible and reports tokens/s per chip consistent with the step time", () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.tokensPerSecondPerChip).toBeCloseTo((64 * 4096) / r.value.stepTime / 8, 6);
  });
  it("MFU stays below the GEMM efficiency ceiling and HFU ≥ MFU", () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.mfu).toBeGreaterThan(0.2);
    expect(r.value.mfu).toBeLessThan(0.8);
    expect(r.value.hfu).toBeGreaterThanOrEqual(r.value.mfu * 0.95);
  });
  it("rejects tp that does not divide the heads, naming the fix", () => {
    const bad = estimateTraining(llama8b, cluster("h100-sxm", 24), {
      ...base,
      tp: 3,
      dp: 8,
      globalBatch: 64,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.code)).toContain("tp_not_divisor");
  });
});

describe("properties", () => {
  const big = arch({
    model_type: "llama",
    hidden_size: 8192,
    intermediate_size: 28672,
    num_hidden_layers: 80,
    num_attention_heads: 64,
    num_key_value_heads: 8,
    vocab_size: 128256,
  });
  it("a larger scale-out bandwidth never slows a step", () => {
    const cl = cluster("h100-sxm", 256);
    fc.assert(
      fc.property(
        fc.double({ min: 1e9, max: 2e11, noNaN: true }),
        fc.double({ min: 1.01, max: 8, noNaN: true }),
        fc.constantFrom(0, 1, 3),
        fc.constantFrom(1, 4),
        (bw, factor, zero, tp) => {
          const c: TrainingConfig = {
            ...base,
            tp,
            pp: 4,
            dp: 64 / tp,
            globalBatch: 512,
            zero: zero as 0 | 1 | 3,
            recompute: "full",
          };
          const slow = estimateTraining(
            big,
            { ...cl, scaleOutBandwidth: bw as ClusterSpec["scaleOutBandwidth"] },
            c,
          );
          const fast = estimateTraining(
            big,
            { ...cl, scaleOutBandwidth: (bw * factor) as ClusterSpec["scaleOutBandwidth"] },
            c,
          );
          if (!slow.ok || !fast.ok) return slow.ok === fast.ok;
          return fast.value.stepTime <= slow.value.stepTime * (1 + 1e-12);
        },
      ),
      { numRuns: 40 },
    );
  });
  it("more data parallelism at a fixed number of micro-batches never makes the exposed gradient reduce faster than its bandwidth bound", () => {
    const overlap = TRAINING_FACTORS.default!.dpOverlap;
    for (const dp of [2, 4, 8, 16, 32, 64, 128]) {
      const cl = cluster("h100-sxm", 8 * dp);
      const c: TrainingConfig = {
        ...base,
        tp: 8,
        pp: 1,
        dp,
        globalBatch: dp * 4,
        microBatch: 1,
        zero: 0,
        recompute: "full",
      };
      const r = estimateTraining(llama8b, cl, c, { factors: TRAINING_FACTORS.default! });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      // Ring all-reduce of 16-bit gradients over one NIC per chip (each DP rank on its own node): 2(g−1)/g·S/B.
      const params = 8.03e9 / 8;
      const bound = (2 * (dp - 1) * params * 2) / dp / cl.scaleOutBandwidth;
      expect(r.value.breakdown.dpExposed).toBeGreaterThanOrEqual((1 - overlap) * bound * 0.99);
    }
  });
});

describe("LoRA and expert parallelism", () => {
  it("LoRA fine-tuning needs less memory and a shorter step than full fine-tuning", () => {
    const c: TrainingConfig = { ...base, recompute: "full" };
    const full = estimateTraining(llama8b, cluster("h100-sxm", 8), c);
    const lora = estimateTraining(llama8b, cluster("h100-sxm", 8), { ...c, lora: true });
    expect(full.ok && lora.ok).toBe(true);
    if (!full.ok || !lora.ok) return;
    expect(lora.value.memory.total).toBeLessThan(full.value.memory.total);
    expect(lora.value.stepTime).toBeLessThan(full.value.stepTime);
  });
  it("an expert-parallel group that leaves the node pays more all-to-all than one inside it", () => {
    const moe = arch({
      model_type: "mixtral",
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      num_local_experts: 16,
      num_experts_per_tok: 2,
      vocab_size: 32000,
    });
    const c: TrainingConfig = { ...base, tp: 1, pp: 2, dp: 16, globalBatch: 128, recompute: "full" };
    const inside = estimateTraining(moe, cluster("h100-sxm", 32), { ...c, ep: 8 });
    const across = estimateTraining(moe, cluster("h100-sxm", 32), { ...c, ep: 16 });
    expect(inside.ok && across.ok).toBe(true);
    if (!inside.ok || !across.ok) return;
    expect(across.value.breakdown.epExposed).toBeGreaterThan(inside.value.breakdown.epExposed);
  });
});

// The simulator's step times come from the engine: at grid points a decode step is decodeStep and a lone whole
// prompt is prefillStep; between grid points they interpolate; chunking a prompt never makes its prefill cheaper
// than the work it does.
import { describe, expect, it } from "vitest";
import { findModel, importConfig } from "../src/index.js";
import { catalogCalibration } from "../src/engine/calibration.js";
import { decodeStep, prefillStep, type ServingConfig } from "../src/engine/inference.js";
import { servingConfig } from "../src/engine/serving-config.js";
import { gridOf, StepCost } from "../src/engine/simulate/step-cost.js";
import { simulateServing } from "../src/engine/simulate/index.js";

function instance(model: string, chip: string, count: number, speculative = false): ServingConfig {
  const m = findModel(model);
  if (!m.ok) throw new Error(`model ${model} missing`);
  const arch = importConfig(m.value.configText, { source: model });
  if (!arch.ok) throw new Error(`model ${model} does not import`);
  const spec = speculative ? { method: "mtp", acceptLength: 1.8 } : null;
  const cfg = servingConfig(arch.value, { chip, count }, { speculative: spec }, catalogCalibration());
  if (!cfg.ok) throw new Error(`no serving config for ${model} on ${chip}`);
  return cfg.value;
}

const timeOf = (r: ReturnType<typeof decodeStep>) => (r.ok ? r.value.time : Number.NaN);
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe("StepCost", () => {
  const cfg = instance("llama-3.1-8b", "h100", 1);

  it("gridOf(100, 64, 2^(1/16)) brackets 100 between neighbouring grid points", () => {
    const [lo, hi, w] = gridOf(100, 64, 2 ** (1 / 16));
    expect(lo).toBeLessThanOrEqual(100);
    expect(hi).toBeGreaterThan(100);
    expect(hi / lo).toBeLessThan(1.06);
    expect(lo + w * (hi - lo)).toBeCloseTo(100, 9);
    expect(gridOf(17, 64, 2)).toEqual([17, 17, 0]);
  });

  it("StepCost(llama-3.1-8b, 1×h100).rankStep(32 decodes at 2048) equals decodeStep(32, 2048) within 1 %", () => {
    const c = new StepCost(cfg);
    expect(rel(c.rankStep(32, 2048, 0, 0), timeOf(decodeStep(cfg, 32, 2048)))).toBeLessThan(0.01);
    expect(rel(c.rankStep(200, 3000, 0, 0), timeOf(decodeStep(cfg, 200, 3000)))).toBeLessThan(0.01);
  });

  it("StepCost(llama-3.1-8b, 1×h100): a lone 4,000-token prompt costs prefillStep(1, 4000) within 1 %", () => {
    const c = new StepCost(cfg);
    const t = c.rankStep(0, 0, 4000, c.attention(0, 4000));
    expect(rel(t, timeOf(prefillStep(cfg, 1, 4000)))).toBeLessThan(0.01);
  });

  it("StepCost: four 1,000-token chunks of one prompt cost at least the prompt whole (each pays its layers)", () => {
    const c = new StepCost(cfg);
    const whole = c.rankStep(0, 0, 4000, c.attention(0, 4000));
    let chunked = 0;
    for (let a = 0; a < 4000; a += 1000) chunked += c.rankStep(0, 0, 1000, c.attention(a, a + 1000));
    expect(chunked).toBeGreaterThanOrEqual(whole * (1 - 1e-9));
    // Attention over earlier chunks is counted: later chunks cost more than the first.
    expect(c.attention(3000, 4000)).toBeGreaterThan(c.attention(0, 1000));
  });

  it("StepCost: prefill tokens added to a decode step never make it faster", () => {
    const c = new StepCost(cfg);
    const dec = c.rankStep(64, 1500, 0, 0);
    for (const p of [16, 256, 2048, 8192])
      expect(c.rankStep(64, 1500, p, c.attention(0, p))).toBeGreaterThanOrEqual(dec);
  });
});

describe("StepCost with attention data parallelism", () => {
  const moe = instance("qwen3-30b-a3b", "h100", 2);
  const dp2: ServingConfig = { ...moe, parallel: { ...moe.parallel, tp: 1, dp: 2 } };

  it("StepCost(qwen3-30b-a3b, 2×h100, dp 2): equal ranks decoding 24 each cost decodeStep(48) within 1 %", () => {
    const c = new StepCost(dp2);
    expect(rel(c.rankStep(24, 1500, 0, 0), timeOf(decodeStep(dp2, 48, 1500)))).toBeLessThan(0.01);
  });

  it("StepCost(qwen3-30b-a3b, dp 2): a prompt on one rank costs more than the same tokens spread over both", () => {
    const c = new StepCost(dp2);
    const lopsided = Math.max(c.rankLocal(24, 1500, 2000, c.attention(0, 2000)), c.rankLocal(24, 1500, 0, 0));
    const even = c.rankLocal(24, 1500, 1000, c.attention(0, 1000));
    expect(lopsided).toBeGreaterThan(even);
  });
});

describe("simulateServing with speculative decoding", () => {
  it("simulateServing(deepseek-v3, 8×h200, MTP accept 1.8) decodes faster per token than without", () => {
    const w = {
      arrival: "closed-loop" as const,
      concurrency: 32,
      requests: 300,
      inputTokens: 1000,
      outputTokens: 200,
    };
    const spec = simulateServing(instance("deepseek-v3", "h200", 8, true), w, {}, 1);
    const plain = simulateServing(instance("deepseek-v3", "h200", 8), w, {}, 1);
    expect(spec.ok && plain.ok).toBe(true);
    if (!spec.ok || !plain.ok) return;
    expect(spec.value.tpot.mean).toBeLessThan(plain.value.tpot.mean);
    expect(spec.value.requests).toHaveLength(300);
  });
});

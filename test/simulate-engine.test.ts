// The discrete-event serving simulator: determinism, Little's law, load monotonicity, preemption when the KV cache
// runs out, agreement with the steady-state model, and invariants of every request's timeline.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findModel, fromGB, importConfig } from "../src/index.js";
import { catalogCalibration } from "../src/engine/calibration.js";
import { memoryPlan, type ServingConfig } from "../src/engine/inference.js";
import { servingConfig } from "../src/engine/serving-config.js";
import {
  checkSteadyState,
  distributionOf,
  mulberry32,
  simulateServing,
  steadyStateEstimate,
  type SimWorkload,
} from "../src/engine/simulate/index.js";

function instance(model: string, chip: string, count: number): ServingConfig {
  const m = findModel(model);
  if (!m.ok) throw new Error(`model ${model} missing`);
  const arch = importConfig(m.value.configText, { source: model });
  if (!arch.ok) throw new Error(`model ${model} does not import`);
  const cfg = servingConfig(arch.value, { chip, count }, {}, catalogCalibration());
  if (!cfg.ok) throw new Error(`no serving config for ${model} on ${chip}`);
  return cfg.value;
}

const llama8bH100 = instance("llama-3.1-8b", "h100", 1);
const poisson = (rate: number, requests = 2000): SimWorkload => ({
  arrival: "poisson",
  requestRate: rate,
  requests,
  inputTokens: 1000,
  outputTokens: 200,
});

function sim(cfg: ServingConfig, w: SimWorkload, sch = {}, seed = 1) {
  const r = simulateServing(cfg, w, sch, seed);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r;
}

describe("simulateServing", () => {
  it("mulberry32(seed) repeats its sequence for a seed and differs across seeds", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("distributionOf([1, 2, 3, 4]) interpolates percentiles", () => {
    const d = distributionOf([4, 1, 3, 2]);
    expect(d.mean).toBeCloseTo(2.5, 12);
    expect(d.p50).toBeCloseTo(2.5, 12);
    expect(d.p90).toBeCloseTo(3.7, 12);
    expect(d.max).toBe(4);
  });

  it("simulateServing(llama-3.1-8b, 1×h100, Poisson 4/s, seed 1) is deterministic for a seed", () => {
    const w = poisson(4, 400);
    const a = sim(llama8bH100, w, {}, 1).value;
    const b = sim(llama8bH100, w, {}, 1).value;
    const c = sim(llama8bH100, w, {}, 2).value;
    expect(b).toEqual(a);
    expect(c.ttft.mean).not.toBe(a.ttft.mean);
  });

  it("simulateServing(llama-3.1-8b, 1×h100, Poisson 4/s, 2000 requests) obeys Little's law within 5 %", () => {
    const r = sim(llama8bH100, poisson(4)).value;
    const littles = 4 * r.e2e.mean;
    expect(Math.abs(r.meanInFlight / littles - 1)).toBeLessThan(0.05);
    // Every request finishes, first token before last, and throughput matches the offered load.
    expect(r.requests).toHaveLength(2000);
    expect(Math.abs(r.requestsPerSecond / 4 - 1)).toBeLessThan(0.05);
  });

  it("simulateServing at a higher arrival rate never lowers p99 TTFT (llama-3.1-8b, 1×h100, 1 → 16 requests/s)", () => {
    let last = 0;
    for (const rate of [1, 2, 4, 8, 12, 16]) {
      const p99 = sim(llama8bH100, poisson(rate, 1000)).value.ttft.p99;
      expect(p99).toBeGreaterThanOrEqual(last * (1 - 1e-9));
      last = p99;
    }
  });

  it("simulateServing(burst of 200 × 2000→2000 tokens, max batch 256) preempts when the KV cache runs out", () => {
    const w: SimWorkload = { arrival: "burst", requests: 200, inputTokens: 2000, outputTokens: 2000 };
    const recompute = simulateServing(llama8bH100, w, { maxBatch: 256, preemption: "recompute" }, 1);
    expect(recompute.ok).toBe(true);
    if (!recompute.ok) return;
    expect(recompute.value.preemptions).toBeGreaterThan(0);
    expect(recompute.value.requests.some((r) => r.preemptions > 0)).toBe(true);
    expect(recompute.warnings.map((x) => x.code)).toContain("preemption");
    expect(recompute.value.requests).toHaveLength(200);
    expect(Math.max(...recompute.value.series.map((s) => s.kvUsed))).toBeLessThanOrEqual(1 + 1e-9);
    // Reserving each request's whole KV at admission never preempts.
    const reserved = sim(llama8bH100, w, { maxBatch: 256, preemption: "none" }).value;
    expect(reserved.preemptions).toBe(0);
  });

  it("checkSteadyState(llama-3.1-8b, 1×h100, closed loop at batch 64) agrees with the steady-state model within 15 %", () => {
    const c = checkSteadyState(llama8bH100, { inputTokens: 1000, outputTokens: 200, batch: 64 });
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.value.simulated.meanBatch).toBeGreaterThan(60);
    expect(Math.abs(c.value.gap.throughput)).toBeLessThan(0.15);
    expect(Math.abs(c.value.gap.tpot)).toBeLessThan(0.15);
  });

  it("checkSteadyState(qwen3-32b, 4×ascend-910b, closed loop at batch 32) agrees with the steady-state model within 15 %", () => {
    const cfg = instance("qwen3-32b", "ascend-910b", 4);
    const c = checkSteadyState(cfg, { inputTokens: 2000, outputTokens: 256, batch: 32 });
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(Math.abs(c.value.gap.throughput)).toBeLessThan(0.15);
    expect(Math.abs(c.value.gap.tpot)).toBeLessThan(0.15);
  });

  it("checkSteadyState(qwen3-30b-a3b, 2×h100 as 2 attention-DP ranks, batch 128) agrees within 15 %", () => {
    const cfg = instance("qwen3-30b-a3b", "h100", 2);
    const dp2: ServingConfig = { ...cfg, parallel: { ...cfg.parallel, tp: 1, dp: 2 } };
    const c = checkSteadyState(dp2, { inputTokens: 1000, outputTokens: 200, batch: 128 });
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.warnings.map((w) => w.code)).toContain("dp_round_robin");
    expect(Math.abs(c.value.gap.throughput)).toBeLessThan(0.15);
    expect(Math.abs(c.value.gap.tpot)).toBeLessThan(0.15);
  });

  it("simulateServing(Poisson 1000/s on 1×h100) warns it is overloaded, and the steady-state model has no steady state", () => {
    const w: SimWorkload = { ...poisson(1000, 300), inputTokens: 100, outputTokens: 50 };
    const r = sim(llama8bH100, w);
    expect(r.warnings.map((x) => x.code)).toContain("overloaded");
    const m = steadyStateEstimate(llama8bH100, w);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.issues[0]?.message).toMatch(/no steady state/);
    expect(sim(llama8bH100, poisson(4, 1000)).warnings.map((x) => x.code)).not.toContain("overloaded");
  });

  it("simulateServing rejects a Poisson workload without a rate (a value, not a throw)", () => {
    const r = simulateServing(llama8bH100, {
      arrival: "poisson",
      requests: 10,
      inputTokens: 100,
      outputTokens: 10,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/requestRate/);
  });

  it("every request's timeline is consistent for any seed, load and scheduler", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom<SimWorkload["arrival"]>("poisson", "closed-loop", "burst"),
        fc.boolean(),
        fc.constantFrom<"fixed" | "uniform" | "exponential">("fixed", "uniform", "exponential"),
        (seed, arrival, chunkedPrefill, dist) => {
          const w: SimWorkload = {
            arrival,
            requestRate: 6,
            concurrency: 8,
            requests: 60,
            inputTokens: { mean: 700, dist },
            outputTokens: { mean: 50, dist },
          };
          const r = sim(llama8bH100, w, { chunkedPrefill, maxBatchTokens: 2048 }, seed).value;
          expect(r.requests).toHaveLength(60);
          for (const q of r.requests) {
            expect(q.ttft).toBeGreaterThan(0);
            expect(q.e2e).toBeGreaterThanOrEqual(q.ttft);
            if (q.tpot !== null) expect(q.tpot).toBeGreaterThan(0);
          }
          expect(r.ttft.p50).toBeLessThanOrEqual(r.ttft.p99);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("a KV cache of ~20,000 tokens never overflows, deadlocks or loses a request, whatever the scheduler", () => {
    const plan = memoryPlan(llama8bH100);
    if (!plan.ok) throw new Error("no memory plan");
    const p = plan.value;
    const kvTarget = p.kvPerSequence(20_000);
    const capacity =
      (kvTarget + p.weights + p.activations) / (1 - llama8bH100.calibration.memoryReserveFraction);
    const chip = {
      ...llama8bH100.cluster.chip,
      memoryCapacity: { ...llama8bH100.cluster.chip.memoryCapacity, value: fromGB(capacity / 1e9) },
    };
    const small: ServingConfig = { ...llama8bH100, cluster: { ...llama8bH100.cluster, chip } };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.constantFrom<SimWorkload["arrival"]>("poisson", "closed-loop", "burst"),
        fc.boolean(),
        fc.constantFrom<"recompute" | "none">("recompute", "none"),
        (seed, arrival, chunkedPrefill, preemption) => {
          const w: SimWorkload = {
            arrival,
            requestRate: 20,
            concurrency: 40,
            requests: 80,
            inputTokens: { mean: 1500, dist: "exponential" },
            outputTokens: { mean: 300, dist: "exponential" },
          };
          const r = simulateServing(small, w, { chunkedPrefill, preemption, maxBatchTokens: 4096 }, seed);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const left = r.warnings.some((x) => x.code === "request_exceeds_kv");
          if (!left) expect(r.value.requests).toHaveLength(80);
          expect(Math.max(...r.value.series.map((x) => x.kvUsed))).toBeLessThanOrEqual(1 + 1e-9);
          if (preemption === "none") expect(r.value.preemptions).toBe(0);
        },
      ),
      { numRuns: 16 },
    );
    // The cache is small enough that a burst does preempt.
    const burst = simulateServing(
      small,
      { arrival: "burst", requests: 80, inputTokens: 1500, outputTokens: 300 },
      { preemption: "recompute" },
      1,
    );
    expect(burst.ok && burst.value.preemptions > 0).toBe(true);
  });
});

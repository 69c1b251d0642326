// Time-to-train, goodput, deadline planning and the scaling curve.
import { describe, expect, it } from "vitest";
import { resolveCluster } from "../src/engine/cluster.js";
import { clusterSizes, goodputFor, planTraining, timeToTrain } from "../src/planner/train-plan.js";
import { scalingCurve } from "../src/planner/train-scaling.js";
import { searchTraining } from "../src/planner/train-search.js";
import { caseArchitecture } from "../src/planner/validate/predict-training.js";

const arch = (() => {
  const r = caseArchitecture("llama-3.1-8b");
  if (!r.ok) throw new Error("model");
  return r.value;
})();
const space = { globalBatch: 512, seqLen: 4096, precision: "bf16" as const };

describe("goodputFor", () => {
  it("goodputFor(16,384) ≈ 0.91 — Llama 3's >90 % effective training time with 419 interruptions in 54 days", () => {
    expect(goodputFor(16384)).toBeGreaterThan(0.9);
    expect(goodputFor(16384)).toBeLessThan(0.92);
  });
  it("falls as the cluster grows and is ~1 for one node", () => {
    expect(goodputFor(8)).toBeGreaterThan(0.999);
    expect(goodputFor(100000)).toBeLessThan(goodputFor(16384));
  });
});

describe("timeToTrain", () => {
  const cl = resolveCluster({ chip: "h100", count: 64 });
  if (!cl.ok) throw new Error("cluster");
  const r = searchTraining(arch, cl.value, space, { keep: 1 });
  it("steps × step time, divided by goodput; chip-hours = chips × wall hours", () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const best = r.value.ranked[0]!;
    const t = timeToTrain(best, 1e12, 64);
    expect(t.steps).toBe(Math.ceil(1e12 / (512 * 4096)));
    expect(t.idealSeconds).toBeCloseTo(t.steps * best.stepTime, 6);
    expect(t.wallSeconds).toBeCloseTo(t.idealSeconds / t.goodput, 6);
    expect(t.chipHours).toBeCloseTo((64 * t.wallSeconds) / 3600, 6);
  });
});

describe("planTraining", () => {
  it("the size chosen for a deadline meets it and half of it does not", () => {
    const r = planTraining({ arch, chips: ["h100"], tokens: 2e12, deadlineDays: 30, space });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const row = r.value[0]!;
    expect(row.meetsDeadline).toBe(true);
    expect(row.time!.wallSeconds).toBeLessThanOrEqual(30 * 86400);
    const half = planTraining({ arch, chips: ["h100"], tokens: 2e12, count: row.count! / 2, space });
    expect(half.ok && half.value[0]!.time!.wallSeconds).toBeGreaterThan(30 * 86400);
  });
  it("an unknown chip is an issue naming it", () => {
    const r = planTraining({ arch, chips: ["no-such-chip"], tokens: 1e12, count: 8, space });
    expect(r.ok).toBe(false);
  });
  it("clusterSizes doubles from one scale-up domain", () => {
    expect(clusterSizes(8, 64)).toEqual([8, 16, 32, 64]);
  });
});

describe("scalingCurve", () => {
  it("per-chip throughput at 4,096 chips is no higher than at 64 for a fixed global batch", () => {
    const pts = scalingCurve(arch, { chip: "h100" }, space, [64, 4096]);
    const [a, b] = pts.map((p) => p.best?.tokensPerSecondPerChip ?? 0);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeLessThanOrEqual(a! * 1.001);
  });
});

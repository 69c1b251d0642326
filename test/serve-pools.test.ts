// Disaggregated serving plans: each pool (prefill, decode) takes its own best layout and is sized separately.
import { describe, expect, it } from "vitest";
import { findChip, findModel } from "../src/catalog/index.js";
import { catalogCalibration } from "../src/engine/calibration.js";
import { planServe } from "../src/planner/serve-plan.js";
import { prefillCapacity } from "../src/planner/serve-pools.js";
import { servingConfig } from "../src/engine/serving-config.js";
import { importConfig } from "../src/workload/import/index.js";

function arch(id: string) {
  const m = findModel(id);
  if (!m.ok) throw new Error(id);
  const a = importConfig(m.value.configText);
  if (!a.ok) throw new Error(id);
  return a.value;
}

function chip(id: string) {
  const c = findChip(id);
  if (!c.ok) throw new Error(id);
  return c.value;
}

describe("planServe with prefill/decode disaggregation", () => {
  const plan = planServe({
    arch: arch("deepseek-r1"),
    chips: [chip("h20")],
    rate: 50,
    inputTokens: 2000,
    outputTokens: 500,
    slo: { tpot: 0.05, ttft: 2, percentile: "mean" },
    calibration: catalogCalibration(),
  });

  it("planServe(deepseek-r1, h20, 50 req/s) picks separate prefill and decode pool layouts", () => {
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const p = plan.value.plans[0];
    expect(p?.mode).toBe("disaggregated");
    expect(p?.prefillLayout).toBeDefined();
    expect(p?.decodeLayout).toBeDefined();
    expect((p?.prefillChips ?? 0) + (p?.decodeChips ?? 0)).toBe(p?.chips);
    // Each pool is whole instances of its own layout.
    expect((p?.prefillChips ?? 1) % (p?.prefillLayout?.count ?? 0)).toBe(0);
    expect((p?.decodeChips ?? 1) % (p?.decodeLayout?.count ?? 0)).toBe(0);
  });

  it("a disaggregated fleet's capacity per chip covers the demand it was sized for", () => {
    if (!plan.ok) return;
    const p = plan.value.plans[0];
    expect((p?.capacityPerChip ?? 0) * (p?.chips ?? 0)).toBeGreaterThanOrEqual(50 * 500 * 0.999);
  });
});

describe("prefillCapacity", () => {
  const cfg = servingConfig(
    arch("llama-3.1-8b"),
    { chip: "h100-sxm", count: 1 },
    { tp: 1 },
    catalogCalibration(),
  );

  it("prefillCapacity(llama-3.1-8b, h100) is positive and a tighter TTFT never raises it", () => {
    if (!cfg.ok) throw new Error("config");
    const loose = prefillCapacity(cfg.value, 2000, 2);
    const tight = prefillCapacity(cfg.value, 2000, 0.05);
    expect(loose).toBeGreaterThan(0);
    expect(tight).toBeLessThanOrEqual(loose);
  });
});

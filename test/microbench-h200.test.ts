// The engine's per-op model against our own H200 micro-benchmarks (bench/device/results/h200-2026-11-28.json):
// decode GEMMs (weight streaming) must match the measurement as modelled; compute-bound GEMMs at serving shapes run
// below the best-shape MAMF figure the hopper-cuda profile uses, and the family's fitted servingEfficiency must
// account for that gap (an independent check of a fitted number against a measurement).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogCalibration, resolveCalibration } from "../src/engine/calibration.js";
import { resolveCluster } from "../src/engine/cluster.js";
import { engineVsGemms, readMicrobench } from "../bench/device/compare.js";
import { median } from "../bench/stats.js";

const file = readMicrobench(join(import.meta.dirname, "../bench/device/results/h200-2026-11-28.json"));
const rows = engineVsGemms(file, "h200-sxm");
const cl = resolveCluster({ chip: "h200-sxm", count: 1 });
if (!cl.ok) throw new Error("h200-sxm");
const cal = resolveCalibration(cl.value.chip, catalogCalibration());

describe("engine vs H200 micro-benchmarks", () => {
  it("the measurement says what it rests on (date, machine, method) and covers both formats", () => {
    expect(file.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file.machine.gpu).toContain("H200");
    expect(Object.keys(file.method)).toEqual(expect.arrayContaining(["timer", "inputs"]));
    expect(rows.filter((r) => r.dtype === "bf16").length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.dtype === "fp8").length).toBeGreaterThan(100);
  });

  for (const dtype of ["bf16", "fp8"] as const) {
    it(`${dtype} decode GEMMs (M ≤ 64): modelled time within 10 % of measured (median), none 40 % too fast`, () => {
      const sel = rows.filter((r) => r.dtype === dtype && r.m <= 64);
      expect(Math.abs(median(sel.map((r) => r.ratio)) - 1)).toBeLessThan(0.1);
      for (const r of sel) expect(r.ratio, `${r.shape} m=${r.m}`).toBeGreaterThan(0.6);
    });

    it(`${dtype} prefill GEMMs (M > 2048): physics × the family's fitted servingEfficiency within 12 % of measured`, () => {
      const sel = rows.filter((r) => r.dtype === dtype && r.m > 2048);
      const effective = median(sel.map((r) => r.ratio)) / cal.servingEfficiency;
      expect(Math.abs(effective - 1)).toBeLessThan(0.12);
    });
  }

  it("no GEMM is predicted slower than 10 % above its measured time (the model is an optimistic roofline)", () => {
    for (const r of rows) expect(r.ratio, `${r.dtype} ${r.shape} m=${r.m}`).toBeLessThan(1.1);
  });

  it("HBM copy bandwidth agrees with the profile's memoryEfficiency within 5 points", () => {
    const copy = file.results.hbm.find((h) => h.test === "copy");
    const bw = (cl.value.chip.memoryBandwidth.value ?? 0) / 1e9;
    expect(copy).toBeDefined();
    expect(Math.abs((copy?.GBps ?? 0) / bw - cal.memoryEfficiency)).toBeLessThan(0.05);
  });
});

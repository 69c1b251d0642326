// TPP, performance density, the 2022 I/O figure and the bandwidth metrics of the later criteria, on the rule texts'
// worked checks; unknown inputs give unknown metrics; a peak of unstated basis warns.
import { describe, expect, it } from "vitest";
import { chipMetrics, complianceMetrics } from "../src/index.js";
import { CHIPS, testChip } from "./helpers/compliance.js";

const close = (a: number | null, b: number, tol = 0.01) => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(tol);
};

describe("TPP and performance density (3A090 technical notes)", () => {
  it.each([
    ["a100", 4992, 6.04],
    ["h100", 15832, 19.45],
    ["h20", 2368, 2.91],
    ["l20", 1912, 3.14],
    ["rtx4090", 5284.8, 8.68],
    ["rtx4090d", 4706.4, 7.73],
    ["rtx5090d", 4750, 6.33],
  ] as const)("complianceMetrics(%s) has TPP %d and PD %d", (id, tpp, pd) => {
    const m = complianceMetrics(CHIPS[id]);
    close(m.tpp.value, tpp, 0.5);
    close(m.performanceDensity.value, pd, 0.01);
  });

  it("BIS illustration: 600 TOPS at 8 bits and 300 TFLOPS at 16 bits are both TPP 4,800", () => {
    close(
      complianceMetrics(testChip({ id: "x8", peaks: { int8: 600 }, dramGBps: 1000, dieMm2: 800 })).tpp.value,
      4800,
    );
    close(
      complianceMetrics(testChip({ id: "x16", peaks: { bf16: 300 }, dramGBps: 1000, dieMm2: 800 })).tpp.value,
      4800,
    );
  });

  it("TPP takes the highest precision: RTX 5090D FP4 1,187.5 × 4 beats FP8 593.75 × 8 only by equality", () => {
    const m = complianceMetrics(CHIPS.rtx5090d);
    close(m.tpp.value, 4750);
    expect(["fp4", "fp8"]).toContain(m.tppPrecision);
  });

  it("a sourced peak range gives TPP bounds (Ascend 910B 320–376 × 16 = 5,120–6,016)", () => {
    const m = complianceMetrics(CHIPS.ascend910b);
    expect(m.tpp.bounds?.[0]).toBeCloseTo(5120, 6);
    expect(m.tpp.bounds?.[1]).toBeCloseTo(6016, 6);
  });

  it("H100-equivalents: H20 is about 0.15 of an H100", () => {
    close(complianceMetrics(CHIPS.h20).h100Equivalents.value, 0.1496, 0.001);
  });
});

describe("the 2022 I/O test: 2 × (scale-up + host) per direction", () => {
  it("A100: 2 × (300 + 32) = 664 ≥ 600", () => close(complianceMetrics(CHIPS.a100).io2022GBps.value, 664));
  it("A800: 2 × (200 + 32) = 464 < 600", () => close(complianceMetrics(CHIPS.a800).io2022GBps.value, 464));
  it("H800: 2 × (200 + 64) = 528 < 600", () => close(complianceMetrics(CHIPS.h800).io2022GBps.value, 528));
  it("RTX 4090 (PCIe only): 2 × 32 = 64", () => close(complianceMetrics(CHIPS.rtx4090).io2022GBps.value, 64));
});

describe("bandwidth metrics of the April 2025 letters and the Jan 2026 rule", () => {
  it("H20: DRAM 4,000, interconnect 900 (NVLink bidirectional), sum 4,900", () => {
    const m = complianceMetrics(CHIPS.h20);
    close(m.dramBandwidthGBps.value, 4000);
    close(m.interconnectBandwidthGBps.value, 900);
    close(m.bandwidthSumGBps.value, 4900);
    close(m.totalDramBandwidthGBps.value, 4000);
  });
  it("RTX 5090D: 1,792 + 128 (PCIe 5, no NVLink) = 1,920; 5090D V2: 1,344 + 128 = 1,472", () => {
    close(complianceMetrics(CHIPS.rtx5090d).bandwidthSumGBps.value, 1920);
    close(complianceMetrics(CHIPS.rtx5090dV2).bandwidthSumGBps.value, 1472);
  });
});

describe("unknown inputs and unstated bases", () => {
  it("an unknown die area makes PD unknown and names dieAreaMm2", () => {
    const m = complianceMetrics(
      testChip({ id: "nodie", peaks: { bf16: 200 }, dramGBps: 1000, dieMm2: null }),
    );
    expect(m.performanceDensity.value).toBeNull();
    expect(m.performanceDensity.dependsOn).toContain("dieAreaMm2");
  });
  it("an unknown scale-up bandwidth makes the I/O figure unknown", () => {
    const m = complianceMetrics(
      testChip({ id: "nolink", peaks: { bf16: 200 }, dramGBps: 1000, scaleUpPerDirGBps: null, dieMm2: 500 }),
    );
    expect(m.io2022GBps.value).toBeNull();
    expect(m.io2022GBps.dependsOn).toContain("scaleUp.perDirectionGBps");
  });
  it("a peak whose basis is unstated is used, with a warning", () => {
    const m = complianceMetrics(CHIPS.ascend910b);
    expect(m.tpp.value).not.toBeNull();
    expect(m.warnings.map((w) => w.code)).toContain("peak_basis_unstated");
  });
  it("chipMetrics (used by the CLI) agrees with complianceMetrics", () => {
    expect(chipMetrics(CHIPS.h100).tpp.value).toBe(complianceMetrics(CHIPS.h100).tpp.value);
  });
});

// servePlanInput / trainPlanInput: a plan request's fields (ms, days, destination, date) mapped to the planners'.
import { describe, expect, it } from "vitest";
import { catalogCalibration } from "../src/engine/calibration.js";
import { servePlanInput, trainPlanInput } from "../src/planner/plan-requests.js";
import { caseArchitecture } from "../src/planner/validate/predict-training.js";

const arch = (() => {
  const a = caseArchitecture("llama-3.1-8b");
  if (!a.ok) throw new Error("llama-3.1-8b is in the catalog");
  return a.value;
})();

const serve = {
  rate: 10,
  inputTokens: 2000,
  outputTokens: 500,
  percentile: "p90" as const,
  includeRestricted: false,
  allowQuant: [],
  basis: "purchase" as const,
};

describe("servePlanInput", () => {
  it("servePlanInput({tpotMs: 50}) bounds TPOT at 0.05 s and leaves TTFT unbounded", () => {
    const p = servePlanInput({ ...serve, tpotMs: 50 }, arch, [], catalogCalibration(), "2026-01-02");
    expect(p.slo.tpot).toBeCloseTo(0.05, 12);
    expect(p.slo.ttft).toBeNull();
    expect(p.slo.percentile).toBe("p90");
    expect(p.exportTo).toBeNull();
    expect(p.powerMW).toBeNull();
  });

  it("servePlanInput({to: CN}) screens for CN today unless a date is given", () => {
    const cal = catalogCalibration();
    expect(servePlanInput({ ...serve, to: "CN" }, arch, [], cal, "2026-01-02").exportTo).toEqual({
      destination: "CN",
      date: "2026-01-02",
    });
    expect(
      servePlanInput({ ...serve, to: "CN", date: "2025-05-01" }, arch, [], cal, "2026-01-02").exportTo,
    ).toEqual({ destination: "CN", date: "2025-05-01" });
  });
});

describe("trainPlanInput", () => {
  const train = { chips: ["h100"], tokens: 1e12, seqLen: 8192, globalBatch: 512, precision: "bf16" as const };

  it("trainPlanInput({count: 64}) plans a fixed cluster; without a count, a deadline (default 30 days)", () => {
    const fixed = trainPlanInput({ ...train, count: 64, deadlineDays: 10 }, arch, "2026-01-02");
    expect(fixed.count).toBe(64);
    expect(fixed.deadlineDays).toBeUndefined();
    expect(trainPlanInput({ ...train, deadlineDays: 10 }, arch, "2026-01-02").deadlineDays).toBe(10);
    expect(trainPlanInput(train, arch, "2026-01-02").deadlineDays).toBe(30);
  });

  it("trainPlanInput({to: CN}) dates the export status today unless a date is given", () => {
    const p = trainPlanInput({ ...train, to: "CN" }, arch, "2026-01-02");
    expect([p.to, p.date]).toEqual(["CN", "2026-01-02"]);
    expect(trainPlanInput(train, arch, "2026-01-02").to).toBeUndefined();
    expect(p.space).toEqual({ globalBatch: 512, seqLen: 8192, precision: "bf16" });
  });
});

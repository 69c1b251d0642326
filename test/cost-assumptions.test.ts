// Cost assumptions: every default is a named field with unit, grade and source, overridable per call.
import { describe, expect, it } from "vitest";
import {
  ASSUMPTION_INFO,
  DEFAULT_COST_ASSUMPTIONS,
  electricityUsdPerKwh,
  resolveAssumptions,
} from "../src/index.js";

describe("cost assumptions", () => {
  it("every default has a unit, a grade and a source of at least a sentence; estimates state their method", () => {
    for (const name of Object.keys(DEFAULT_COST_ASSUMPTIONS) as (keyof typeof ASSUMPTION_INFO)[]) {
      const info = ASSUMPTION_INFO[name];
      expect(info.unit.length, name).toBeGreaterThan(0);
      expect(info.source.length, name).toBeGreaterThan(15);
      if (info.grade === "estimated") expect(info.source, name).toMatch(/^method:/);
    }
    expect(Object.keys(ASSUMPTION_INFO).sort()).toEqual(Object.keys(DEFAULT_COST_ASSUMPTIONS).sort());
  });

  it("resolveAssumptions({pue: 1.56}) lists every assumption once and flags only pue as overridden", () => {
    const r = resolveAssumptions({ pue: 1.56 });
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.values.pue).toBe(1.56);
    expect(r.value.records.filter((x) => x.overridden).map((x) => x.name)).toEqual(["pue"]);
    expect(r.value.records).toHaveLength(Object.keys(DEFAULT_COST_ASSUMPTIONS).length);
  });

  it("undefined overrides keep the default; bad ones fail naming the field", () => {
    const r = resolveAssumptions({ pue: undefined });
    expect(r.ok && r.value.values.pue).toBe(DEFAULT_COST_ASSUMPTIONS.pue);
    const bad = resolveAssumptions({ amortisationYears: -1, currency: "EUR" as never });
    expect(!bad.ok && bad.issues.map((i) => i.path.at(-1))).toEqual(["amortisationYears", "currency"]);
  });

  it("electricityUsdPerKwh picks the explicit price, else the region's tariff", () => {
    const a = { ...DEFAULT_COST_ASSUMPTIONS };
    expect(electricityUsdPerKwh(a)).toBe(a.electricityUsdPerKwhUs);
    expect(electricityUsdPerKwh({ ...a, electricityRegion: "CN" })).toBe(a.electricityUsdPerKwhCn);
    expect(electricityUsdPerKwh({ ...a, electricityUsdPerKwh: 0.05 })).toBe(0.05);
  });
});

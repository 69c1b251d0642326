// fleetCost over pools (single or disaggregated) and assumption overrides parsed from text.
import { describe, expect, it } from "vitest";
import {
  assumptionRows,
  costColumns,
  costPerMillionTokens,
  fleetCost,
  parseAssumptionOverrides,
  type FleetCost,
} from "../src/index.js";
import { price, testChip, testSystem } from "./helpers/cost-fixtures.js";

const close = (a: number | null | undefined, b: number, rel = 1e-9) => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
};
function value(r: ReturnType<typeof fleetCost>): FleetCost {
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}

describe("fleetCost", () => {
  it("one pool of 64 chips at 64,000 tok/s equals costPerMillionTokens at 1,000 tok/s per chip", () => {
    const f = value(
      fleetCost({ pools: [{ role: "serve", chip: testChip(), count: 64 }], tokensPerSecond: 64000 }),
    );
    const one = costPerMillionTokens({ chip: testChip(), count: 64, tokensPerSecondPerChip: 1000 });
    if (!one.ok) throw new Error("expected ok");
    close(f.perMillionTokens, one.value.perMillionTokens!);
    close(f.energy!.facilityJPerToken, one.value.energy!.facilityJPerToken);
    close(f.capex, one.value.capex!.total!);
    close(f.itMW, (64 * 500 * 1.8 * 0.6) / 1e6);
    close(f.facilityMW, f.itMW! * 1.3);
    close(f.provisionedItMW, (64 * 500 * 1.8) / 1e6);
  });

  it("a disaggregated fleet adds the pools' capex and power", () => {
    const prefill = { role: "prefill", chip: testChip(), system: testSystem(), count: 16 };
    const decode = { role: "decode", chip: testChip(), count: 48 };
    const f = value(fleetCost({ pools: [prefill, decode], tokensPerSecond: 50000 }));
    close(
      f.capex,
      f.pools.reduce((s, p) => s + p.capex!.total!, 0),
    );
    close(f.itMW, (16 * 1000 * 0.6 + 48 * 900 * 0.6) / 1e6);
    expect(f.reasons).toEqual([]);
  });

  it("a pool without a price makes $/M tokens null and says which pool", () => {
    const f = value(
      fleetCost({
        pools: [
          { role: "prefill", chip: testChip(), count: 8 },
          { role: "decode", chip: testChip({ prices: [] }), count: 8 },
        ],
        tokensPerSecond: 1000,
      }),
    );
    expect(f.perMillionTokens).toBeNull();
    expect(f.capex).toBeNull();
    expect(f.reasons.join(" ")).toMatch(/^decode hardware: the catalog has no street or list price/);
    expect(f.energy).not.toBeNull();
  });

  it("cloud basis: Σ count × rent ÷ tokens per hour", () => {
    const chip = testChip({ prices: [price("cloud-hourly", 3, "USD", "2025")] });
    const f = value(
      fleetCost({ pools: [{ role: "serve", chip, count: 10 }], tokensPerSecond: 10000, basis: "cloud" }),
    );
    close(f.perMillionTokens, ((10 * 3) / (10000 * 3600)) * 1e6);
    expect(f.capex).toBeNull();
  });

  it("rejects an empty fleet and zero throughput", () => {
    expect(fleetCost({ pools: [], tokensPerSecond: 1 }).ok).toBe(false);
    expect(fleetCost({ pools: [{ role: "s", chip: testChip(), count: 1 }], tokensPerSecond: 0 }).ok).toBe(
      false,
    );
  });
});

describe("parseAssumptionOverrides", () => {
  it('parseAssumptionOverrides(["pue=1.56", "electricityRegion=CN", "purchaseBasis=list,street"])', () => {
    const r = parseAssumptionOverrides(["pue=1.56", "electricityRegion=CN", "purchaseBasis=list,street"]);
    expect(r.ok && r.value).toEqual({
      pue: 1.56,
      electricityRegion: "CN",
      purchaseBasis: ["list", "street"],
    });
  });

  it("an unknown name, a malformed number and an out-of-range value fail with the field named", () => {
    const r = parseAssumptionOverrides(["pu=1.5", "amortisationYears=five"]);
    expect(!r.ok && r.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/unknown assumption "pu"; one of: .*pue/),
      expect.stringMatching(/amortisationYears=five: expected a number/),
    ]);
    const range = parseAssumptionOverrides(["pue=0.8"]);
    expect(!range.ok && range.issues[0]!.path).toEqual(["assumptions", "pue"]);
  });
});

describe("costColumns and assumptionRows", () => {
  it("costColumns(fleet) carries $/M tokens, MW and J/token; assumptionRows shows the latest FX rate per currency", () => {
    const r = fleetCost({ pools: [{ role: "serve", chip: testChip(), count: 8 }], tokensPerSecond: 8000 });
    if (!r.ok) throw new Error("expected ok");
    const cols = costColumns(r.value);
    expect(cols.perMillionTokens).toBe(r.value.perMillionTokens);
    expect(cols.facilityJPerToken).toBe(r.value.energy!.facilityJPerToken);
    const rows = assumptionRows(r.value.assumptions);
    expect(rows.find((x) => x.name === "fxRates")!.value).toMatch(/7\.2734 CNY\/USD \(2025-02\)/);
    expect(rows.find((x) => x.name === "pue")).toMatchObject({
      value: "1.3",
      unit: "ratio",
      grade: "reported",
    });
  });
});

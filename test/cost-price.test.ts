// $/M tokens and training-run cost: amortisation arithmetic, electricity, PUE and power fraction, cloud basis, properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costPerMillionTokens, resolveAssumptions, trainingRunCost, type TokenCost } from "../src/index.js";
import { price, testChip, testSystem } from "./helpers/cost-fixtures.js";

const close = (a: number | null | undefined, b: number, rel = 1e-9) => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
};
function value<T>(r: { ok: true; value: T } | { ok: false; issues: { message: string }[] }): T {
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}
const perM = (over: Partial<Parameters<typeof costPerMillionTokens>[0]> = {}): TokenCost =>
  value(costPerMillionTokens({ chip: testChip(), count: 64, tokensPerSecondPerChip: 1000, ...over }));

describe("costPerMillionTokens", () => {
  it("purchase: capex ÷ (5 y × 8,760 h) ÷ tokens per chip-hour, plus facility J/token × $/kWh", () => {
    const t = perM();
    const capexPerChip = t.capex!.total! / 64;
    close(t.breakdown.capex, (capexPerChip / (5 * 8760) / (1000 * 3600)) * 1e6);
    const facilityW = 500 * 1.8 * 0.6 * 1.3; // TDP × host × serving fraction × PUE
    close(t.energy!.facilityJPerToken, facilityW / 1000);
    close(t.breakdown.electricity, (((facilityW / 1000) * 1e6) / 3.6e6) * 0.0806);
    close(t.perMillionTokens, t.breakdown.capex! + t.breakdown.electricity!);
    expect(t.assumptions.map((a) => a.name)).toEqual(
      expect.arrayContaining(["amortisationYears", "pue", "electricityUsdPerKwhUs", "servingPowerFraction"]),
    );
  });

  it("amortising over 4 years instead of 5 raises the capex line by 5/4", () => {
    const five = perM();
    const four = perM({ assumptions: { amortisationYears: 4 } });
    close(four.breakdown.capex, five.breakdown.capex! * 1.25);
    expect(four.assumptions.find((a) => a.name === "amortisationYears")).toMatchObject({
      value: 4,
      overridden: true,
    });
  });

  it("the China tariff and an explicit electricity price replace the US default", () => {
    const cn = perM({ assumptions: { electricityRegion: "CN" } });
    close(cn.breakdown.electricity, perM().breakdown.electricity! * (0.088 / 0.0806));
    const own = perM({ assumptions: { electricityUsdPerKwh: 0.05 } });
    close(own.breakdown.electricity, perM().breakdown.electricity! * (0.05 / 0.0806));
  });

  it("PUE 1.56 instead of 1.3 multiplies facility energy per token by 1.2, IT energy unchanged", () => {
    const a = perM();
    const b = perM({ assumptions: { pue: 1.56 } });
    close(b.energy!.facilityJPerToken, a.energy!.facilityJPerToken * 1.2);
    close(b.energy!.itJPerToken, a.energy!.itJPerToken);
  });

  it("the serving power fraction scales energy per token; node power replaces TDP × host multiplier", () => {
    close(
      perM({ assumptions: { servingPowerFraction: 0.3 } }).energy!.itJPerToken,
      perM().energy!.itJPerToken / 2,
    );
    const node = perM({ system: testSystem() });
    close(node.energy!.itJPerToken, ((8000 / 8) * 0.6) / 1000);
  });

  it("cloud: rental per chip-hour ÷ tokens per chip-hour, no capex or electricity line", () => {
    const chip = testChip({ prices: [price("cloud-hourly", 2.5, "USD", "2025")] });
    const t = perM({ chip, basis: "cloud" });
    close(t.perMillionTokens, (2.5 / (1000 * 3600)) * 1e6);
    expect(t.breakdown.capex).toBeNull();
    expect(t.rental?.amount).toBe(2.5);
  });

  it("cloud without a catalog rental price is null with a reason, not 0", () => {
    const t = perM({ basis: "cloud" });
    expect(t.perMillionTokens).toBeNull();
    expect(t.reason).toMatch(/no cloud-hourly price for test-chip/);
  });

  it("an unknown purchase price gives null $/M tokens with the capex reason", () => {
    const t = perM({ chip: testChip({ prices: [] }) });
    expect(t.perMillionTokens).toBeNull();
    expect(t.reason).toMatch(/hardware: the catalog has no street or list price/);
    expect(t.breakdown.electricity).toBeGreaterThan(0);
  });

  it("lower utilisation spreads capex over fewer tokens; electricity per token is unchanged", () => {
    const half = perM({ assumptions: { utilisation: 0.5 } });
    close(half.breakdown.capex, perM().breakdown.capex! * 2);
    close(half.breakdown.electricity, perM().breakdown.electricity!);
  });

  it("CNY output converts at the latest rate", () => {
    close(perM({ assumptions: { currency: "CNY" } }).perMillionTokens, perM().perMillionTokens! * 7.2734);
  });

  it("invalid assumptions fail with a message naming the field", () => {
    const r = costPerMillionTokens({
      chip: testChip(),
      count: 1,
      tokensPerSecondPerChip: 1,
      assumptions: { pue: 0.9 },
    });
    expect(!r.ok && r.issues[0]!.path).toEqual(["assumptions", "pue"]);
    expect(resolveAssumptions({ servingPowerFraction: 1.5 }).ok).toBe(false);
    expect(costPerMillionTokens({ chip: testChip(), count: 1, tokensPerSecondPerChip: 0 }).ok).toBe(false);
  });

  it("property: more throughput never raises $/M tokens", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (tps, k) => {
          const a = perM({ tokensPerSecondPerChip: tps }).perMillionTokens!;
          const b = perM({ tokensPerSecondPerChip: tps * k }).perMillionTokens!;
          return b <= a * (1 + 1e-12);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("property: a higher PUE never lowers energy per token", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pue, d) => {
          const a = perM({ assumptions: { pue } }).energy!.facilityJPerToken;
          const b = perM({ assumptions: { pue: pue + d } }).energy!.facilityJPerToken;
          return b >= a * (1 - 1e-12);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("trainingRunCost", () => {
  const run = (over: Partial<Parameters<typeof trainingRunCost>[0]> = {}) =>
    value(trainingRunCost({ chip: testChip(), count: 64, chipSeconds: 64 * 86400, ...over }));

  it("trainingRunCost(64 chips × 1 day): 1,536 chip-hours, energy at the training power fraction, amortised capex", () => {
    const t = run();
    close(t.chipHours, 1536);
    const facilityW = 500 * 1.8 * 0.76 * 1.3;
    close(t.energy!.facilityKwh, (facilityW * 64 * 86400) / 3.6e6);
    close(t.breakdown.electricity, t.energy!.facilityKwh * 0.0806);
    close(t.breakdown.capex, (t.capex!.total! / 64 / (5 * 8760)) * 1536);
    close(t.cost, t.breakdown.capex! + t.breakdown.electricity!);
  });

  it("cloud basis: rent × chip-hours", () => {
    const t = run({ chip: testChip({ prices: [price("cloud-hourly", 2, "USD", "2025")] }), basis: "cloud" });
    close(t.cost, 2 * 1536);
  });

  it("an unknown price leaves the cost null with a reason", () => {
    const t = run({ chip: testChip({ prices: [] }) });
    expect(t.cost).toBeNull();
    expect(t.reason).toMatch(/no street or list price/);
  });
});

// capexFor: itemised capex (systems or chips × host overhead, fabric, facility), dated currency conversion, nulls.
import { describe, expect, it } from "vitest";
import { capexFor, DEFAULT_FX_RATES, type Capex } from "../src/index.js";
import { catalogChip, catalogSystem, price, testChip, testSystem } from "./helpers/cost-fixtures.js";

const close = (a: number | null, b: number, rel = 1e-9) => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));
};

function value(r: ReturnType<typeof capexFor>): Capex {
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}
const item = (c: Capex, name: string) => c.items.find((i) => i.item === name);

describe("capexFor", () => {
  it("capexFor(test-chip, 64) = chips × price × host multiplier + fabric + facility, and the items sum to the total", () => {
    const c = value(capexFor(testChip(), 64));
    close(item(c, "chips-and-hosts")!.amount, 64 * 10000 * 1.125);
    close(item(c, "fabric")!.amount, 64 * 6000); // 400 Gbit/s → $6,000 per chip
    close(item(c, "facility")!.amount, ((64 * 500 * 1.8) / 1e6) * 11.7e6); // rated = TDP × 1.8
    close(
      c.total,
      c.items.reduce((s, i) => s + (i.amount ?? 0), 0),
    );
    close(c.perChip, c.total! / 64);
  });

  it("capexFor(test-chip, 12, {system: 8-chip node}) buys 2 whole nodes at the node price and uses node power", () => {
    const c = value(capexFor(testChip(), 12, { system: testSystem() }));
    expect(c.nodes).toBe(2);
    close(item(c, "systems")!.amount, 2 * 100000);
    close(item(c, "fabric")!.amount, 12 * 6000 * (200 / 400));
    close(item(c, "facility")!.amount, ((12 * 8000) / 8 / 1e6) * 11.7e6);
    expect(c.power?.basis).toBe("node-power");
  });

  it("a pod price is divided by its node count", () => {
    const pod = testSystem({ nodes: 4, prices: [price("street", 400000, "USD", "2024-01")] });
    const c = value(capexFor(testChip(), 8, { system: pod }));
    close(item(c, "systems")!.amount, 100000);
  });

  it("chips that fit in one node need no scale-out fabric", () => {
    const c = value(capexFor(testChip(), 8, { system: testSystem() }));
    expect(item(c, "fabric")!.amount).toBe(0);
  });

  it("a system without a price falls back to the chip price × host capex multiplier", () => {
    const c = value(capexFor(testChip(), 8, { system: testSystem({ prices: [] }) }));
    close(item(c, "chips-and-hosts")!.amount, 8 * 10000 * 1.125);
  });

  it("an unknown price is null with a reason, never 0, and the total is null", () => {
    const c = value(capexFor(testChip({ prices: [] }), 16));
    const hw = item(c, "hardware")!;
    expect(hw.amount).toBeNull();
    expect(hw.reason).toMatch(/no street or list price for test-chip/);
    expect(c.total).toBeNull();
    expect(c.perChip).toBeNull();
    expect(c.knownTotal).toBeGreaterThan(0); // fabric and facility are still known
  });

  it("an unknown NIC bandwidth leaves the fabric null with a reason", () => {
    const c = value(capexFor(testChip({ scaleOutGbps: undefined }), 16));
    expect(item(c, "fabric")!.amount).toBeNull();
    expect(item(c, "fabric")!.reason).toMatch(/NIC bandwidth/);
  });

  it("a cloud-hourly price is never used as a purchase price", () => {
    const c = value(capexFor(testChip({ prices: [price("cloud-hourly", 2, "USD", "2025")] }), 1));
    expect(item(c, "hardware")!.amount).toBeNull();
  });

  it("purchaseBasis chooses list over street when asked", () => {
    const chip = testChip({
      prices: [price("street", 10000, "USD", "2024-01"), price("list", 16000, "USD", "2024-01")],
    });
    close(item(value(capexFor(chip, 1)), "chips-and-hosts")!.amount, 10000 * 1.125);
    const listFirst = value(capexFor(chip, 1, { assumptions: { purchaseBasis: ["list", "street"] } }));
    close(item(listFirst, "chips-and-hosts")!.amount, 16000 * 1.125);
  });

  it("a CNY price converts at the rate nearest its date (¥120,000 of 2023 at 7.1488 CNY/USD, H.10 2023-07-28)", () => {
    const c = value(capexFor(testChip({ prices: [price("street", 120000, "CNY", "2023")] }), 1));
    const hw = item(c, "chips-and-hosts")!;
    expect(hw.price?.fx?.date).toBe("2023-07-28");
    close(hw.amount, (120000 / 7.1488) * 1.125);
  });

  it("currency CNY reports every amount at the latest rate (7.2734 CNY/USD, 2025-02)", () => {
    const usd = value(capexFor(testChip(), 64));
    const cny = value(capexFor(testChip(), 64, { assumptions: { currency: "CNY" } }));
    expect(cny.currency).toBe("CNY");
    close(cny.total, usd.total! * 7.2734);
  });

  it("a price far from any rate in the table warns", () => {
    const r = capexFor(testChip({ prices: [price("list", 12999, "CNY", "2019-10")] }), 1);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["fx_rate_far"]);
  });

  it("overriding an assumption changes the result and is flagged as overridden", () => {
    const a = value(capexFor(testChip(), 64));
    const b = value(capexFor(testChip(), 64, { assumptions: { facilityUsdPerMw: 20e6 } }));
    expect(b.total!).toBeGreaterThan(a.total!);
    expect(b.assumptions.find((x) => x.name === "facilityUsdPerMw")).toMatchObject({
      value: 20e6,
      overridden: true,
    });
    expect(a.assumptions.find((x) => x.name === "facilityUsdPerMw")).toMatchObject({ overridden: false });
  });

  it("rejects a system that ships another chip and a non-positive count", () => {
    const wrong = capexFor(testChip(), 8, { system: testSystem({ chip: "h100-sxm" }) });
    expect(!wrong.ok && wrong.issues[0]!.message).toMatch(/ships h100-sxm, not test-chip/);
    expect(capexFor(testChip(), 0).ok).toBe(false);
  });

  it("capexFor(h20, 64, {system: hgx-h20}) on the real catalog: items known and summing to the total", () => {
    const c = value(capexFor(catalogChip("h20"), 64, { system: catalogSystem("hgx-h20") }));
    expect(c.nodes).toBe(8);
    expect(c.items.every((i) => i.amount !== null)).toBe(true);
    close(
      c.total,
      c.items.reduce((s, i) => s + i.amount!, 0),
    );
    expect(c.assumptions.every((x) => x.source.length > 10)).toBe(true);
  });

  it("the default FX table has a source and a positive rate for each entry", () => {
    for (const r of DEFAULT_FX_RATES) {
      expect(r.perUsd).toBeGreaterThan(0);
      expect(r.source).toMatch(/federalreserve|stlouisfed/);
    }
  });
});

describe("choosing among several catalog prices", () => {
  const chip = testChip({
    prices: [
      price("street", 25000, "USD", "2023-08"),
      price("street", 250000, "CNY", "2023-07"), // ≈ $35,000
      price("street", 30000, "USD", "2024-01"),
    ],
  });
  const hw = (over: Parameters<typeof capexFor>[2] = {}) =>
    item(value(capexFor(chip, 1, over)), "chips-and-hosts")!;

  it("priceSelection median (default) takes the middle price in USD", () => {
    expect(hw().price).toMatchObject({ amount: 30000, selection: "median", of: 3 });
    expect(hw().detail).toMatch(/median of 3/);
  });

  it("priceSelection latest and lowest", () => {
    expect(hw({ assumptions: { priceSelection: "latest" } }).price?.amount).toBe(30000);
    expect(hw({ assumptions: { priceSelection: "lowest" } }).price?.amount).toBe(25000);
  });

  it("an even count takes the lower middle price, an observed one", () => {
    const two = testChip({
      prices: [price("street", 10000, "USD", "2024"), price("street", 20000, "USD", "2024")],
    });
    expect(item(value(capexFor(two, 1)), "chips-and-hosts")!.price?.amount).toBe(10000);
  });
});

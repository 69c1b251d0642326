// Synthetic chips and systems for the cost tests: catalog shapes with round, known prices and power.
import { findChip, findSystem, type Accelerator, type Price, type System } from "../../src/index.js";

function must<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error("fixture lookup failed");
  return r.value;
}

/** A price literal. */
export function price(
  basis: Price["basis"],
  amount: number,
  currency: Price["currency"],
  date: string,
): Price {
  return { basis, amount, currency, date, grade: "reported", source: "fixture" };
}

/** The catalog H20 with a $10,000 street price dated 2024-01 and a 500 W TDP, 400 Gbit/s NIC. */
export function testChip(over: Partial<Accelerator> = {}): Accelerator {
  const base = must(findChip("h20"));
  return {
    ...base,
    id: "test-chip",
    prices: [price("street", 10000, "USD", "2024-01")],
    tdpW: { value: 500, grade: "official", source: Object.keys(base.sources)[0]! },
    scaleOutGbps: { value: 400, grade: "official", source: Object.keys(base.sources)[0]! },
    ...over,
  };
}

/** An 8-chip node of testChip: $100,000 per node, 8,000 W, 200 Gbit/s NIC per chip. */
export function testSystem(over: Partial<System> = {}): System {
  const base = must(findSystem("hgx-h20"));
  const src = Object.keys(base.sources)[0]!;
  return {
    ...base,
    id: "test-node",
    chip: "test-chip",
    chipsPerNode: 8,
    nodes: 1,
    nodePowerW: { value: 8000, grade: "official", source: src },
    scaleOut: { fabric: "test", perChipGbps: { value: 200, grade: "official", source: src } },
    prices: [price("street", 100000, "USD", "2024-01")],
    ...over,
  };
}

/** Real catalog entries by id. */
export const catalogChip = (id: string) => must(findChip(id));
export const catalogSystem = (id: string) => must(findSystem(id));

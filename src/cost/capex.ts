// Capex itemised for N chips: systems (or chips × host overhead), scale-out fabric, facility; unknown → null + reason.
import type { Accelerator } from "../catalog/schema-accelerator.js";
import { typicalOf } from "../catalog/schema-common.js";
import type { System } from "../catalog/schema-system.js";
import { fail, issue, ok, type Result, type Warning } from "../issues.js";
import {
  pickAssumptions,
  resolveAssumptions,
  type AssumptionRecord,
  type CostAssumptions,
} from "./assumptions.js";
import { fromUsd } from "./fx.js";
import { powerFor, type PowerEstimate, type Purpose } from "./power.js";
import { choosePrice, type ChosenPrice } from "./purchase-price.js";

/** One line of capex. `amount` is null when the input it needs is unknown; `reason` then says what is missing. */
export interface CapexItem {
  item: "systems" | "chips-and-hosts" | "hardware" | "fabric" | "facility";
  /** In the output currency; null when unknown (never a guess). */
  amount: number | null;
  usd: number | null;
  detail: string;
  reason?: string;
  price?: ChosenPrice;
}

/** Capex of a fleet, itemised. `total` is null when any item is unknown; `knownTotal` sums the known items. */
export interface Capex {
  chip: string;
  system: string | null;
  chips: number;
  /** Nodes bought (chips rounded up to whole nodes), or null without a system. */
  nodes: number | null;
  currency: "USD" | "CNY";
  items: CapexItem[];
  total: number | null;
  knownTotal: number;
  /** Total ÷ chips, or null. */
  perChip: number | null;
  power: PowerEstimate | null;
  assumptions: AssumptionRecord[];
}

/** Options of `capexFor`. */
export interface CapexOptions {
  /** A catalog system shipping this chip: its price and node power are used when stated. */
  system?: System;
  /** Serving or training: selects the power fraction (facility capex uses rated power either way). Default serving. */
  purpose?: Purpose;
  /** Overrides of the defaults in `DEFAULT_COST_ASSUMPTIONS`. */
  assumptions?: Partial<CostAssumptions>;
}

const USED: (keyof CostAssumptions)[] = [
  "purchaseBasis",
  "priceSelection",
  "hostCapexMultiplier",
  "fabricUsdPer400GbpsChip",
  "facilityUsdPerMw",
  "hostPowerMultiplier",
  "currency",
  "fxRates",
];

/** Hardware: the system's price per node × nodes (rounded up), else the chip's price × host capex multiplier. */
function hardwareItem(
  chip: Accelerator,
  count: number,
  system: System | undefined,
  a: CostAssumptions,
): CapexItem {
  const order = a.purchaseBasis;
  const sp = system ? choosePrice(system.prices, order, a) : null;
  if (system && sp) {
    const nodes = Math.ceil(count / system.chipsPerNode);
    const perNode = sp.usd / system.nodes;
    const what = system.nodes > 1 ? `${system.id} price ÷ ${system.nodes} nodes` : `${system.id} price`;
    return {
      item: "systems",
      amount: null,
      usd: nodes * perNode,
      detail: `${nodes} node(s) × $${round(perNode)} (${what}, ${sp.basis} ${sp.date}${pickNote(sp)})`,
      price: sp,
    };
  }
  const cp = choosePrice(chip.prices, order, a);
  if (cp) {
    const perChip = cp.usd * a.hostCapexMultiplier;
    return {
      item: "chips-and-hosts",
      amount: null,
      usd: count * perChip,
      detail: `${count} × ($${round(cp.usd)} ${chip.id} ${cp.basis} ${cp.date}${pickNote(cp)} × host capex multiplier ${a.hostCapexMultiplier})${
        system ? `; ${system.id} has no ${order.join("/")} price` : ""
      }`,
      price: cp,
    };
  }
  const where = system ? `${chip.id} or ${system.id}` : chip.id;
  return {
    item: "hardware",
    amount: null,
    usd: null,
    detail: "unknown",
    reason: `the catalog has no ${order.join(" or ")} price for ${where}; add a sourced price to catalog/`,
  };
}

/** Scale-out fabric: NIC Gbit/s per chip × (USD per 400G chip ÷ 400); none for a single node. */
function fabricItem(
  chip: Accelerator,
  count: number,
  system: System | undefined,
  a: CostAssumptions,
): CapexItem {
  const perNode = system?.chipsPerNode ?? 1;
  if (count <= perNode)
    return {
      item: "fabric",
      amount: null,
      usd: 0,
      detail: `${count} chip(s) fit in one node: no scale-out fabric`,
    };
  const gbps = typicalOf(system?.scaleOut.perChipGbps) ?? typicalOf(chip.scaleOutGbps);
  if (gbps === null)
    return {
      item: "fabric",
      amount: null,
      usd: null,
      detail: "unknown",
      reason: `scale-out NIC bandwidth per chip unknown for ${system ? system.id : chip.id}`,
    };
  const perChip = (a.fabricUsdPer400GbpsChip * gbps) / 400;
  return {
    item: "fabric",
    amount: null,
    usd: count * perChip,
    detail: `${count} × ${gbps} Gbit/s × $${a.fabricUsdPer400GbpsChip} per 400 Gbit/s`,
  };
}

/** Facility: provisioned (rated) IT MW × USD per MW. */
function facilityItem(power: Result<PowerEstimate>, a: CostAssumptions): CapexItem {
  if (!power.ok)
    return {
      item: "facility",
      amount: null,
      usd: null,
      detail: "unknown",
      reason: power.issues.map((i) => i.message).join("; "),
    };
  const mw = power.value.provisionedItW / 1e6;
  return {
    item: "facility",
    amount: null,
    usd: mw * a.facilityUsdPerMw,
    detail: `${round(mw * 1000) / 1000} MW rated IT (${power.value.detail}) × $${a.facilityUsdPerMw / 1e6} M/MW`,
  };
}

/** Capex of `count` chips, itemised, in the output currency.
 * @example capexFor(findChip("h20").value, 64, { system: findSystem("hgx-h20").value }) */
export function capexFor(chip: Accelerator, count: number, opts: CapexOptions = {}): Result<Capex> {
  if (!Number.isInteger(count) || count <= 0)
    return fail(issue("invalid_value", ["count"], `chip count must be a positive integer, got ${count}`));
  const { system } = opts;
  if (system && system.chip !== chip.id)
    return fail(
      issue(
        "invalid_value",
        ["system"],
        `${system.id} ships ${system.chip}, not ${chip.id}; pick a system for ${chip.id}`,
      ),
    );
  const resolved = resolveAssumptions(opts.assumptions);
  if (!resolved.ok) return resolved;
  const a = resolved.value.values;
  const power = powerFor(chip, count, {
    ...(system ? { system } : {}),
    purpose: opts.purpose ?? "serving",
    assumptions: a,
  });
  const warnings: Warning[] = [];
  const items = [
    hardwareItem(chip, count, system, a),
    fabricItem(chip, count, system, a),
    facilityItem(power, a),
  ].map((it) => {
    if (it.price?.fx && it.price.fx.gapDays > 365)
      warnings.push({
        code: "fx_rate_far",
        message: `${it.item}: price dated ${it.price.date} converted at the ${it.price.currency} rate of ${it.price.fx.date} (${it.price.fx.gapDays} days apart); pass fxRates with a closer rate`,
      });
    return { ...it, amount: it.usd === null ? null : fromUsd(it.usd, a.currency, a.fxRates).amount };
  });
  const unknown = items.some((it) => it.amount === null);
  const knownTotal = items.reduce((s, it) => s + (it.amount ?? 0), 0);
  const total = unknown ? null : knownTotal;
  return ok(
    {
      chip: chip.id,
      system: system?.id ?? null,
      chips: count,
      nodes: system ? Math.ceil(count / system.chipsPerNode) : null,
      currency: a.currency,
      items,
      total,
      knownTotal,
      perChip: total === null ? null : total / count,
      power: power.ok ? power.value : null,
      assumptions: pickAssumptions(resolved.value.records, USED),
    },
    warnings,
  );
}

/** ", median of 3" when the price was picked among several. */
function pickNote(p: ChosenPrice): string {
  return p.of > 1 ? `, ${p.selection} of ${p.of}` : "";
}

function round(x: number): number {
  return Math.round(x);
}

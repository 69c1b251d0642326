// Cost of a serving fleet of one or more pools (e.g. prefill on one chip, decode on another) at a fleet throughput.
import type { Accelerator } from "../catalog/schema-accelerator.js";
import type { System } from "../catalog/schema-system.js";
import { fail, issue, ok, type Result, type Warning } from "../issues.js";
import {
  electricityUsdPerKwh,
  pickAssumptions,
  resolveAssumptions,
  type AssumptionRecord,
  type CostAssumptions,
} from "./assumptions.js";
import { capexFor, type Capex } from "./capex.js";
import { toKwh, toMW, type EnergyPerToken } from "./energy.js";
import {
  amortisedUsdPerHour,
  costLines,
  inOutputCurrency,
  PRICE_ASSUMPTIONS,
  sumOrNull as sum,
  type CostBreakdown,
  type PriceBasis,
} from "./lines.js";
import { powerFor, type PowerEstimate } from "./power.js";
import { chooseRental, type ChosenPrice } from "./purchase-price.js";

/** One pool of identical chips in a fleet. */
export interface Pool {
  /** e.g. "prefill", "decode", "serve". */
  role: string;
  chip: Accelerator;
  system?: System;
  count: number;
}

/** A pool's share of the fleet cost. */
export interface PoolCost {
  role: string;
  chip: string;
  system: string | null;
  count: number;
  capex: Capex | null;
  power: PowerEstimate | null;
  rental: ChosenPrice | null;
}

/** Fleet cost: capex, power, energy per token and cost per million tokens; null fields say why in `reasons`. */
export interface FleetCost {
  basis: PriceBasis;
  currency: "USD" | "CNY";
  /** Tokens per second the whole fleet generates. */
  tokensPerSecond: number;
  pools: PoolCost[];
  /** Sum of the pools' capex in the output currency (purchase basis), or null when a price is unknown. */
  capex: number | null;
  /** Average IT and facility power and rated IT power, MW; null when a pool's power is unknown. */
  itMW: number | null;
  facilityMW: number | null;
  provisionedItMW: number | null;
  energy: EnergyPerToken | null;
  perMillionTokens: number | null;
  breakdown: CostBreakdown;
  reasons: string[];
  assumptions: AssumptionRecord[];
}

/** Cost of a fleet of pools producing `tokensPerSecond` tokens/s in total.
 * @example fleetCost({ pools: [{ role: "serve", chip: h20, count: 64 }], tokensPerSecond: 64_000 }) */
export function fleetCost(input: {
  pools: Pool[];
  tokensPerSecond: number;
  basis?: PriceBasis;
  assumptions?: Partial<CostAssumptions>;
}): Result<FleetCost> {
  const basis = input.basis ?? "purchase";
  if (input.pools.length === 0)
    return fail(issue("invalid_value", ["pools"], "a fleet needs at least one pool"));
  if (!(input.tokensPerSecond > 0) || !Number.isFinite(input.tokensPerSecond))
    return fail(
      issue(
        "invalid_value",
        ["tokensPerSecond"],
        `throughput must be positive, got ${input.tokensPerSecond}`,
      ),
    );
  const resolved = resolveAssumptions(input.assumptions);
  if (!resolved.ok) return resolved;
  const a = resolved.value.values;
  const warnings: Warning[] = [];
  const reasons: string[] = [];
  const pools: PoolCost[] = [];
  const capexUsd: (number | null)[] = [];
  const rentUsdPerHour: (number | null)[] = [];
  for (const [i, p] of input.pools.entries()) {
    const sys = p.system ? { system: p.system } : {};
    const power = powerFor(p.chip, p.count, { ...sys, purpose: "serving", assumptions: a });
    if (!power.ok) reasons.push(...power.issues.map((x) => `${p.role}: ${x.message}`));
    let capex: Capex | null = null;
    let rental: ChosenPrice | null = null;
    if (basis === "purchase") {
      const c = capexFor(p.chip, p.count, { ...sys, assumptions: { ...input.assumptions } });
      if (!c.ok) return fail(...c.issues.map((x) => ({ ...x, path: ["pools", i, ...x.path] })));
      capex = c.value;
      warnings.push(...c.warnings);
      const usd = sum(capex.items.map((it) => it.usd));
      if (usd === null)
        reasons.push(
          ...capex.items.flatMap((it) => (it.reason ? [`${p.role} ${it.item}: ${it.reason}`] : [])),
        );
      capexUsd.push(usd);
    } else {
      rental = chooseRental(p.chip.prices, a);
      if (!rental) reasons.push(`${p.role}: the catalog has no cloud-hourly price for ${p.chip.id}`);
      rentUsdPerHour.push(rental ? rental.usd * p.count : null);
    }
    pools.push({
      role: p.role,
      chip: p.chip.id,
      system: p.system?.id ?? null,
      count: p.count,
      capex,
      power: power.ok ? power.value : null,
      rental,
    });
  }
  const itW = sum(pools.map((p) => p.power?.itW ?? null));
  const facilityW = sum(pools.map((p) => p.power?.facilityW ?? null));
  const provisionedW = sum(pools.map((p) => p.power?.provisionedItW ?? null));
  const tps = input.tokensPerSecond;
  const energy =
    itW !== null && facilityW !== null
      ? { itJPerToken: itW / tps, facilityJPerToken: facilityW / tps }
      : null;
  const tokensPerHour = tps * 3600 * a.utilisation;
  const totalCapexUsd = basis === "purchase" ? sum(capexUsd) : null;
  const capexLine =
    totalCapexUsd === null ? null : (amortisedUsdPerHour(totalCapexUsd, a) / tokensPerHour) * 1e6;
  const elecLine =
    basis === "purchase" && energy ? toKwh(energy.facilityJPerToken * 1e6) * electricityUsdPerKwh(a) : null;
  const rentHour = basis === "cloud" ? sum(rentUsdPerHour) : null;
  const rentLine = rentHour === null ? null : (rentHour / tokensPerHour) * 1e6;
  const lines = costLines(basis, { capex: capexLine, electricity: elecLine, rental: rentLine }, a);
  const out = inOutputCurrency(a);
  const names: (keyof CostAssumptions)[] = [
    ...PRICE_ASSUMPTIONS,
    "servingPowerFraction",
    "hostPowerMultiplier",
    "hostCapexMultiplier",
    "fabricUsdPer400GbpsChip",
    "facilityUsdPerMw",
    "purchaseBasis",
    "priceSelection",
    "currency",
    "fxRates",
  ];
  return ok(
    {
      basis,
      currency: a.currency,
      tokensPerSecond: tps,
      pools,
      capex: out(totalCapexUsd),
      itMW: itW === null ? null : toMW(itW),
      facilityMW: facilityW === null ? null : toMW(facilityW),
      provisionedItMW: provisionedW === null ? null : toMW(provisionedW),
      energy,
      perMillionTokens: out(lines.totalUsd),
      breakdown: lines.breakdown,
      reasons: [...new Set(reasons)],
      assumptions: pickAssumptions(resolved.value.records, names),
    },
    warnings,
  );
}

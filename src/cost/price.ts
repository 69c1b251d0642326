// Price of work: $ (or ¥) per million tokens and the cost of a training run, bought (amortised) or rented.
import type { Accelerator } from "../catalog/schema-accelerator.js";
import type { System } from "../catalog/schema-system.js";
import { ok, type Result, type Warning } from "../issues.js";
import {
  electricityUsdPerKwh,
  pickAssumptions,
  resolveAssumptions,
  type AssumptionRecord,
  type CostAssumptions,
} from "./assumptions.js";
import { capexFor, type Capex } from "./capex.js";
import { energyOfChipSeconds, energyPerToken, toKwh, type EnergyPerToken, type RunEnergy } from "./energy.js";
import {
  amortisedUsdPerHour,
  costLines,
  inOutputCurrency,
  PRICE_ASSUMPTIONS,
  sumOrNull,
  type CostBreakdown,
  type PriceBasis,
} from "./lines.js";
import { powerFor, type PowerEstimate, type Purpose } from "./power.js";
import { chooseRental, type ChosenPrice } from "./purchase-price.js";

export type { CostBreakdown, PriceBasis } from "./lines.js";

/** Common inputs of the price functions. */
export interface PriceInput {
  chip: Accelerator;
  /** Chips in the fleet (sizes nodes, fabric and facility). */
  count: number;
  system?: System;
  /** Default purchase. */
  basis?: PriceBasis;
  assumptions?: Partial<CostAssumptions>;
}

/** $ (or ¥) per million tokens, with what it rests on. `perMillionTokens` is null when a price is unknown (`reason`). */
export interface TokenCost {
  basis: PriceBasis;
  currency: "USD" | "CNY";
  tokensPerSecondPerChip: number;
  perMillionTokens: number | null;
  /** Per-million-token cost split by line. */
  breakdown: CostBreakdown;
  reason?: string;
  energy: EnergyPerToken | null;
  power: PowerEstimate | null;
  capex: Capex | null;
  rental: ChosenPrice | null;
  assumptions: AssumptionRecord[];
}

/** Assumptions a price output lists: the shared ones, the power fraction, then the capex's own or the currency's. */
function usedAssumptions(s: Shared, fraction: keyof CostAssumptions): AssumptionRecord[] {
  const names: (keyof CostAssumptions)[] = [
    ...PRICE_ASSUMPTIONS,
    fraction,
    ...(s.capex !== null ? [] : (["priceSelection", "currency", "fxRates"] as const)),
  ];
  return [...pickAssumptions(s.records, names), ...(s.capex?.assumptions ?? [])];
}

/** The basis's cost lines in USD → the total and breakdown in the output currency, why a total is unknown, and the
 * assumptions listed. */
function priced(s: Shared, basis: PriceBasis, fraction: keyof CostAssumptions, usd: CostBreakdown) {
  const { totalUsd, breakdown } = costLines(basis, usd, s.a);
  return {
    total: inOutputCurrency(s.a)(totalUsd),
    breakdown,
    reason: totalUsd === null ? { reason: s.reasons.join("; ") || "unknown input" } : {},
    assumptions: usedAssumptions(s, fraction),
  };
}

interface Shared {
  a: CostAssumptions;
  records: AssumptionRecord[];
  power: PowerEstimate | null;
  capex: Capex | null;
  rental: ChosenPrice | null;
  /** USD per chip-hour of amortised capex, or null. */
  capexUsdPerChipHour: number | null;
  reasons: string[];
  warnings: Warning[];
}

function shared(input: PriceInput, purpose: Purpose): Result<Shared> {
  const resolved = resolveAssumptions(input.assumptions);
  if (!resolved.ok) return resolved;
  const a = resolved.value.values;
  const sys = input.system ? { system: input.system } : {};
  const power = powerFor(input.chip, input.count, { ...sys, purpose, assumptions: a });
  const reasons: string[] = power.ok ? [] : power.issues.map((i) => i.message);
  const warnings: Warning[] = [];
  let capex: Capex | null = null;
  let capexUsdPerChipHour: number | null = null;
  let rental: ChosenPrice | null = null;
  if ((input.basis ?? "purchase") === "purchase") {
    const c = capexFor(input.chip, input.count, { ...sys, purpose, assumptions: { ...input.assumptions } });
    if (!c.ok) return c;
    capex = c.value;
    warnings.push(...c.warnings);
    const totalUsd = sumOrNull(capex.items.map((it) => it.usd));
    if (totalUsd === null)
      reasons.push(...capex.items.flatMap((it) => (it.reason ? [`${it.item}: ${it.reason}`] : [])));
    else capexUsdPerChipHour = amortisedUsdPerHour(totalUsd / input.count, a);
  } else {
    rental = chooseRental(input.chip.prices, a);
    if (!rental)
      reasons.push(`the catalog has no cloud-hourly price for ${input.chip.id}; use the purchase basis`);
  }
  const records = resolved.value.records;
  return ok({
    a,
    records,
    power: power.ok ? power.value : null,
    capex,
    rental,
    capexUsdPerChipHour,
    reasons,
    warnings,
  });
}

/** Cost per million generated tokens at `tokensPerSecondPerChip`.
 * Purchase: capex ÷ (years × 8,760 h) per chip-hour ÷ tokens per chip-hour, plus facility J/token × electricity price.
 * Cloud: rental per chip-hour ÷ tokens per chip-hour (electricity included in the rent).
 * @example costPerMillionTokens({ chip: h20, count: 64, tokensPerSecondPerChip: 1000 }) */
export function costPerMillionTokens(
  input: PriceInput & { tokensPerSecondPerChip: number },
): Result<TokenCost> {
  const basis = input.basis ?? "purchase";
  const s = shared(input, "serving");
  if (!s.ok) return s;
  const { a, power, capexUsdPerChipHour, rental } = s.value;
  const energy = power ? energyPerToken(power, input.tokensPerSecondPerChip) : null;
  if (energy && !energy.ok) return energy;
  const tokensPerChipHour = input.tokensPerSecondPerChip * 3600 * a.utilisation;
  const purchase = basis === "purchase";
  const p = priced(s.value, basis, "servingPowerFraction", {
    capex: purchase && capexUsdPerChipHour !== null ? (capexUsdPerChipHour / tokensPerChipHour) * 1e6 : null,
    electricity:
      purchase && energy?.ok ? toKwh(energy.value.facilityJPerToken * 1e6) * electricityUsdPerKwh(a) : null,
    rental: !purchase && rental ? (rental.usd / tokensPerChipHour) * 1e6 : null,
  });
  return ok(
    {
      basis,
      currency: a.currency,
      tokensPerSecondPerChip: input.tokensPerSecondPerChip,
      perMillionTokens: p.total,
      breakdown: p.breakdown,
      ...p.reason,
      energy: energy?.ok ? energy.value : null,
      power,
      capex: s.value.capex,
      rental,
      assumptions: p.assumptions,
    },
    s.value.warnings,
  );
}

/** Chip-hours, energy and cost of a training run of `chipSeconds` chip-seconds on a fleet of `count` chips. */
export interface TrainingCost {
  basis: PriceBasis;
  currency: "USD" | "CNY";
  chipHours: number;
  energy: RunEnergy | null;
  /** Total cost of the run; null when a price is unknown (`reason`). */
  cost: number | null;
  breakdown: CostBreakdown;
  reason?: string;
  power: PowerEstimate | null;
  capex: Capex | null;
  rental: ChosenPrice | null;
  assumptions: AssumptionRecord[];
}

/** Cost of a training run: amortised capex for the chip-hours used (÷ utilisation) plus electricity, or rent.
 * @example trainingRunCost({ chip: h100, count: 1024, chipSeconds: 1024 * 30 * 86400 }) */
export function trainingRunCost(input: PriceInput & { chipSeconds: number }): Result<TrainingCost> {
  const basis = input.basis ?? "purchase";
  const s = shared(input, "training");
  if (!s.ok) return s;
  const { a, power, capexUsdPerChipHour, rental } = s.value;
  const chipHours = input.chipSeconds / 3600;
  const energy = power ? energyOfChipSeconds(power, input.chipSeconds) : null;
  const purchase = basis === "purchase";
  const p = priced(s.value, basis, "trainingPowerFraction", {
    capex:
      purchase && capexUsdPerChipHour !== null ? (capexUsdPerChipHour * chipHours) / a.utilisation : null,
    electricity: purchase && energy ? energy.facilityKwh * electricityUsdPerKwh(a) : null,
    rental: !purchase && rental ? rental.usd * chipHours : null,
  });
  return ok(
    {
      basis,
      currency: a.currency,
      chipHours,
      energy,
      cost: p.total,
      breakdown: p.breakdown,
      ...p.reason,
      power,
      capex: s.value.capex,
      rental,
      assumptions: p.assumptions,
    },
    s.value.warnings,
  );
}

// Price of work: $ (or ¥) per million tokens and the cost of a training run, bought (amortised) or rented.
import type { Accelerator } from "../catalog/schema-accelerator.js";
import type { System } from "../catalog/schema-system.js";
import { ok, type Result, type Warning } from "../issues.js";
import {
  electricityUsdPerKwh,
  HOURS_PER_YEAR,
  pickAssumptions,
  resolveAssumptions,
  type AssumptionRecord,
  type CostAssumptions,
} from "./assumptions.js";
import { capexFor, type Capex } from "./capex.js";
import { energyOfChipSeconds, energyPerToken, toKwh, type EnergyPerToken, type RunEnergy } from "./energy.js";
import { fromUsd } from "./fx.js";
import { powerFor, type PowerEstimate, type Purpose } from "./power.js";
import { chooseRental, type ChosenPrice } from "./purchase-price.js";

/** How the chips are paid for: bought and amortised (plus electricity), or rented per chip-hour (electricity included). */
export type PriceBasis = "purchase" | "cloud";

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

/** Cost lines in the output currency; null when unknown or not applicable to the basis. */
export interface CostBreakdown {
  capex: number | null;
  electricity: number | null;
  rental: number | null;
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

const TOKEN_USED: (keyof CostAssumptions)[] = [
  "amortisationYears",
  "utilisation",
  "electricityRegion",
  "electricityUsdPerKwhUs",
  "electricityUsdPerKwhCn",
  "electricityUsdPerKwh",
  "pue",
];

/** Assumptions a price output lists (the capex lists its own). */
function usedNames(fraction: keyof CostAssumptions, withCapex: boolean): (keyof CostAssumptions)[] {
  return [
    ...TOKEN_USED,
    fraction,
    ...(withCapex ? [] : (["priceSelection", "currency", "fxRates"] as const)),
  ];
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
    const totalUsd = capex.items.every((it) => it.usd !== null)
      ? capex.items.reduce((s, it) => s + (it.usd ?? 0), 0)
      : null;
    if (totalUsd === null)
      reasons.push(...capex.items.flatMap((it) => (it.reason ? [`${it.item}: ${it.reason}`] : [])));
    else capexUsdPerChipHour = totalUsd / input.count / (a.amortisationYears * HOURS_PER_YEAR);
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
  const { a, power } = s.value;
  const reasons = [...s.value.reasons];
  const energy = power ? energyPerToken(power, input.tokensPerSecondPerChip) : null;
  if (energy && !energy.ok) return energy;
  const tokensPerChipHour = input.tokensPerSecondPerChip * 3600 * a.utilisation;
  const out = (usd: number | null) => (usd === null ? null : fromUsd(usd, a.currency, a.fxRates).amount);
  let capexUsd: number | null = null;
  let electricityUsd: number | null = null;
  let rentalUsd: number | null = null;
  if (basis === "purchase") {
    if (s.value.capexUsdPerChipHour !== null)
      capexUsd = (s.value.capexUsdPerChipHour / tokensPerChipHour) * 1e6;
    if (energy?.ok) electricityUsd = toKwh(energy.value.facilityJPerToken * 1e6) * electricityUsdPerKwh(a);
  } else if (s.value.rental) rentalUsd = (s.value.rental.usd / tokensPerChipHour) * 1e6;
  const lines = basis === "purchase" ? [capexUsd, electricityUsd] : [rentalUsd];
  const totalUsd = lines.some((x) => x === null) ? null : lines.reduce<number>((t, x) => t + (x ?? 0), 0);
  const names = usedNames("servingPowerFraction", s.value.capex !== null);
  return ok(
    {
      basis,
      currency: a.currency,
      tokensPerSecondPerChip: input.tokensPerSecondPerChip,
      perMillionTokens: out(totalUsd),
      breakdown: { capex: out(capexUsd), electricity: out(electricityUsd), rental: out(rentalUsd) },
      ...(totalUsd === null ? { reason: reasons.join("; ") || "unknown input" } : {}),
      energy: energy?.ok ? energy.value : null,
      power,
      capex: s.value.capex,
      rental: s.value.rental,
      assumptions: [...pickAssumptions(s.value.records, names), ...(s.value.capex?.assumptions ?? [])],
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
  const { a, power } = s.value;
  const chipHours = input.chipSeconds / 3600;
  const energy = power ? energyOfChipSeconds(power, input.chipSeconds) : null;
  const out = (usd: number | null) => (usd === null ? null : fromUsd(usd, a.currency, a.fxRates).amount);
  let capexUsd: number | null = null;
  let electricityUsd: number | null = null;
  let rentalUsd: number | null = null;
  if (basis === "purchase") {
    if (s.value.capexUsdPerChipHour !== null)
      capexUsd = (s.value.capexUsdPerChipHour * chipHours) / a.utilisation;
    if (energy) electricityUsd = energy.facilityKwh * electricityUsdPerKwh(a);
  } else if (s.value.rental) rentalUsd = s.value.rental.usd * chipHours;
  const lines = basis === "purchase" ? [capexUsd, electricityUsd] : [rentalUsd];
  const totalUsd = lines.some((x) => x === null) ? null : lines.reduce<number>((t, x) => t + (x ?? 0), 0);
  const names = usedNames("trainingPowerFraction", s.value.capex !== null);
  return ok(
    {
      basis,
      currency: a.currency,
      chipHours,
      energy,
      cost: out(totalUsd),
      breakdown: { capex: out(capexUsd), electricity: out(electricityUsd), rental: out(rentalUsd) },
      ...(totalUsd === null ? { reason: s.value.reasons.join("; ") || "unknown input" } : {}),
      power,
      capex: s.value.capex,
      rental: s.value.rental,
      assumptions: [...pickAssumptions(s.value.records, names), ...(s.value.capex?.assumptions ?? [])],
    },
    s.value.warnings,
  );
}

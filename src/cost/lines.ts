// Cost lines shared by the price and fleet functions: null-propagating sums, the output currency, the basis's total.
import { HOURS_PER_YEAR, type CostAssumptions } from "./assumptions.js";
import { fromUsd } from "./fx.js";

/** How the chips are paid for: bought and amortised (plus electricity), or rented per chip-hour (electricity included). */
export type PriceBasis = "purchase" | "cloud";

/** Cost lines in the output currency; null when unknown or not applicable to the basis. */
export interface CostBreakdown {
  capex: number | null;
  electricity: number | null;
  rental: number | null;
}

/** Assumptions every price output lists, before its power fraction and its capex or currency assumptions. */
export const PRICE_ASSUMPTIONS: readonly (keyof CostAssumptions)[] = [
  "amortisationYears",
  "utilisation",
  "electricityRegion",
  "electricityUsdPerKwhUs",
  "electricityUsdPerKwhCn",
  "electricityUsdPerKwh",
  "pue",
];

/**
 * The sum, or null when any term is unknown (null).
 * @example sumOrNull([1, 2]) // 3; sumOrNull([1, null]) // null
 */
export function sumOrNull(xs: readonly (number | null)[]): number | null {
  return xs.some((x) => x === null) ? null : xs.reduce<number>((s, x) => s + (x ?? 0), 0);
}

/**
 * Capex spread over the amortisation period: USD per hour of ownership (÷ years × 8,760 h).
 * @example amortisedUsdPerHour(35_000, a) // ≈ 0.999 USD/h over 4 years
 */
export function amortisedUsdPerHour(usd: number, a: CostAssumptions): number {
  return usd / (a.amortisationYears * HOURS_PER_YEAR);
}

/**
 * A converter from USD to the assumptions' output currency (latest rate) that passes null through.
 * @example inOutputCurrency(a)(1000) // 1000 with currency USD
 */
export function inOutputCurrency(a: CostAssumptions): (usd: number | null) => number | null {
  return (usd) => (usd === null ? null : fromUsd(usd, a.currency, a.fxRates).amount);
}

/**
 * The basis's total in USD (purchase: capex + electricity; cloud: rental; null when a line is unknown) and the
 * breakdown in the output currency.
 * @example costLines("cloud", { capex: null, electricity: null, rental: 2 }, a) // { totalUsd: 2, breakdown: {…} }
 */
export function costLines(
  basis: PriceBasis,
  usd: CostBreakdown,
  a: CostAssumptions,
): { totalUsd: number | null; breakdown: CostBreakdown } {
  const out = inOutputCurrency(a);
  return {
    totalUsd: sumOrNull(basis === "purchase" ? [usd.capex, usd.electricity] : [usd.rental]),
    breakdown: { capex: out(usd.capex), electricity: out(usd.electricity), rental: out(usd.rental) },
  };
}

// Choosing a catalog purchase price (street / list) and converting it to USD at the rate nearest its date.
import type { Price } from "../catalog/schema-common.js";
import type { CostAssumptions } from "./assumptions.js";
import { dayOf, toUsd } from "./fx.js";

/** A catalog price chosen for a cost, converted to USD, with where it came from. */
export interface ChosenPrice {
  basis: Price["basis"];
  amount: number;
  currency: Price["currency"];
  date: string;
  grade: Price["grade"];
  note?: string;
  usd: number;
  /** Currency units per USD used, with its date; null for USD prices. */
  fx: { perUsd: number; date: string; gapDays: number } | null;
}

/** The price of the first basis in `order` that has one; among several of that basis the latest, then the one in the
 * output currency, then USD. Null when none has a convertible price. */
export function choosePrice(
  prices: readonly Price[],
  order: readonly Price["basis"][],
  a: CostAssumptions,
): ChosenPrice | null {
  for (const basis of order) {
    const candidates = prices
      .filter((p) => p.basis === basis)
      .sort((x, y) => dayOf(y.date) - dayOf(x.date) || preference(y, a) - preference(x, a));
    for (const p of candidates) {
      const c = toUsd(p.amount, p.currency, p.date, a.fxRates);
      if (!c) continue;
      const fx = c.rate ? { perUsd: c.rate.perUsd, date: c.rate.date, gapDays: c.gapDays } : null;
      return {
        basis: p.basis,
        amount: p.amount,
        currency: p.currency,
        date: p.date,
        grade: p.grade,
        ...(p.note ? { note: p.note } : {}),
        usd: c.usd,
        fx,
      };
    }
  }
  return null;
}

/** Among prices of the same date: the output currency first, then USD. */
function preference(p: Price, a: CostAssumptions): number {
  return p.currency === a.currency ? 2 : p.currency === "USD" ? 1 : 0;
}

/** Cloud rental price per chip-hour in USD, or null when the catalog has none. */
export function chooseRental(prices: readonly Price[], a: CostAssumptions): ChosenPrice | null {
  return choosePrice(prices, ["cloud-hourly"], a);
}

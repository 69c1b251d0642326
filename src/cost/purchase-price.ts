// Choosing a catalog price (street / list / cloud-hourly) among several, converted to USD at the rate nearest its date.
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
  /** How this price was picked among `of` prices of its basis (`priceSelection`). */
  selection: CostAssumptions["priceSelection"];
  of: number;
}

/** The price of the first basis in `order` that has one. Among several of that basis, by `priceSelection`: the median
 * in USD (the lower middle one for an even count, so the result is always an observed price), the latest (ties: the
 * output currency, then USD), or the lowest. Null when none has a convertible price. */
export function choosePrice(
  prices: readonly Price[],
  order: readonly Price["basis"][],
  a: CostAssumptions,
): ChosenPrice | null {
  for (const basis of order) {
    const candidates = prices.flatMap((p) => {
      if (p.basis !== basis) return [];
      const c = toUsd(p.amount, p.currency, p.date, a.fxRates);
      return c ? [{ p, c }] : [];
    });
    if (candidates.length === 0) continue;
    const byUsd = [...candidates].sort((x, y) => x.c.usd - y.c.usd || dayOf(y.p.date) - dayOf(x.p.date));
    const byDate = [...candidates].sort(
      (x, y) => dayOf(y.p.date) - dayOf(x.p.date) || preference(y.p, a) - preference(x.p, a),
    );
    const pick =
      a.priceSelection === "lowest"
        ? byUsd[0]!
        : a.priceSelection === "latest"
          ? byDate[0]!
          : byUsd[Math.floor((byUsd.length - 1) / 2)]!;
    const { p, c } = pick;
    return {
      basis: p.basis,
      amount: p.amount,
      currency: p.currency,
      date: p.date,
      grade: p.grade,
      ...(p.note ? { note: p.note } : {}),
      usd: c.usd,
      fx: c.rate ? { perUsd: c.rate.perUsd, date: c.rate.date, gapDays: c.gapDays } : null,
      selection: a.priceSelection,
      of: candidates.length,
    };
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

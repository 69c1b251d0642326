// Currency conversion at dated rates: a price converts at the rate nearest its own date, outputs at the latest rate.
import type { FxRate } from "./fx-rates.js";

/** A conversion and the rate it used (null for USD, which needs none). */
export interface Converted {
  usd: number;
  rate: FxRate | null;
  /** Days between the price's date and the rate's date (0 for USD). */
  gapDays: number;
}

/** Days since 1970 of an ISO date; a bare year means 1 July, a year-month the 15th. */
export function dayOf(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  const month = m ?? 7;
  const day = d ?? (m === undefined ? 1 : 15);
  return Date.UTC(y ?? 1970, month - 1, day) / 86_400_000;
}

/** The rate for `currency` nearest `date`, or null when the table has none. */
export function nearestRate(currency: string, date: string, rates: readonly FxRate[]): FxRate | null {
  const t = dayOf(date);
  let best: FxRate | null = null;
  for (const r of rates)
    if (
      r.currency === currency &&
      (best === null || Math.abs(dayOf(r.date) - t) < Math.abs(dayOf(best.date) - t))
    )
      best = r;
  return best;
}

/** The latest rate for `currency`, or null. */
export function latestRate(currency: string, rates: readonly FxRate[]): FxRate | null {
  let best: FxRate | null = null;
  for (const r of rates)
    if (r.currency === currency && (best === null || dayOf(r.date) > dayOf(best.date))) best = r;
  return best;
}

/** `amount` of `currency` dated `date` in USD, at the rate nearest that date; null when no rate exists.
 * @example toUsd(120000, "CNY", "2023", rates) // ≈ 16,800 USD at 7.15 CNY/USD (2023-07-28) */
export function toUsd(
  amount: number,
  currency: string,
  date: string,
  rates: readonly FxRate[],
): Converted | null {
  if (currency === "USD") return { usd: amount, rate: null, gapDays: 0 };
  const rate = nearestRate(currency, date, rates);
  if (!rate) return null;
  return { usd: amount / rate.perUsd, rate, gapDays: Math.round(Math.abs(dayOf(rate.date) - dayOf(date))) };
}

/** A USD amount in the output currency at the latest rate (the reporting rate). */
export function fromUsd(
  usd: number,
  currency: "USD" | "CNY",
  rates: readonly FxRate[],
): { amount: number; rate: FxRate | null } {
  if (currency === "USD") return { amount: usd, rate: null };
  const rate = latestRate(currency, rates);
  if (!rate) throw new Error(`no ${currency} rate in the table`);
  return { amount: usd * rate.perUsd, rate };
}

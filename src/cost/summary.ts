// Flat views of a fleet cost for tables, CSV and JSON: one row of cost columns, and the assumptions as rows.
import type { AssumptionRecord } from "./assumptions.js";
import type { FleetCost } from "./fleet.js";

/** The cost columns of a plan row; null where unknown (see `costReasons`). Amounts in `currency`. */
export interface CostColumns {
  currency: "USD" | "CNY";
  priceBasis: "purchase" | "cloud";
  capex: number | null;
  itMW: number | null;
  facilityMW: number | null;
  facilityJPerToken: number | null;
  perMillionTokens: number | null;
  costReasons: string[];
}

/** The cost columns of a fleet cost.
 * @example costColumns(fleetCost({pools, tokensPerSecond}).value).perMillionTokens */
export function costColumns(f: FleetCost): CostColumns {
  return {
    currency: f.currency,
    priceBasis: f.basis,
    capex: f.capex,
    itMW: f.itMW,
    facilityMW: f.facilityMW,
    facilityJPerToken: f.energy?.facilityJPerToken ?? null,
    perMillionTokens: f.perMillionTokens,
    costReasons: f.reasons,
  };
}

/** One printable row per assumption: name, value, unit, grade, source (fxRates shown as its latest entries). */
export function assumptionRows(
  records: readonly AssumptionRecord[],
): { name: string; value: string; unit: string; grade: string; overridden: boolean; source: string }[] {
  return records.map((r) => ({
    name: r.name,
    value: show(r),
    unit: r.unit,
    grade: r.grade,
    overridden: r.overridden,
    source: r.source,
  }));
}

function show(r: AssumptionRecord): string {
  if (r.name === "fxRates" && Array.isArray(r.value)) {
    const rates = r.value as { currency: string; date: string; perUsd: number }[];
    const latest = new Map<string, { date: string; perUsd: number }>();
    for (const x of rates)
      if (!latest.has(x.currency) || latest.get(x.currency)!.date < x.date) latest.set(x.currency, x);
    return [...latest].map(([c, x]) => `${x.perUsd.toFixed(4)} ${c}/USD (${x.date})`).join("; ");
  }
  return Array.isArray(r.value) ? r.value.join(",") : String(r.value);
}

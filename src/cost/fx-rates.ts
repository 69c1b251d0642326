// Dated exchange rates (currency units per US dollar) from the Federal Reserve's H.10 release, as data.

/** One dated exchange rate: how many units of `currency` buy one US dollar on `date`. */
export interface FxRate {
  currency: "CNY" | "EUR";
  /** ISO date (YYYY-MM for a monthly average). */
  date: string;
  /** Currency units per USD. */
  perUsd: number;
  source: string;
  /** Arithmetic when the source quotes the inverse (USD per euro). */
  formula?: string;
}

const h10 = (release: string) =>
  `Federal Reserve H.10 Foreign Exchange Rates, weekly release ${release}, https://www.federalreserve.gov/releases/h10/${release.replaceAll("-", "")}/`;
const fred =
  "Federal Reserve G.5 monthly average via FRED series EXCHUS, https://fred.stlouisfed.org/series/EXCHUS";

/** Default rate table: Fed H.10 noon buying rates and G.5 monthly averages, 2023–2025. */
export const DEFAULT_FX_RATES: FxRate[] = [
  { currency: "CNY", date: "2023-03-03", perUsd: 6.9048, source: h10("2023-03-06") },
  { currency: "CNY", date: "2023-03-17", perUsd: 6.887, source: h10("2023-03-20") },
  { currency: "CNY", date: "2023-07-28", perUsd: 7.1488, source: h10("2023-07-31") },
  { currency: "CNY", date: "2023-12-15", perUsd: 7.1179, source: h10("2023-12-18") },
  { currency: "CNY", date: "2024-01-12", perUsd: 7.1665, source: h10("2024-01-16") },
  { currency: "CNY", date: "2024-02-02", perUsd: 7.192, source: h10("2024-02-05") },
  { currency: "CNY", date: "2024-10", perUsd: 7.0881, source: fred },
  { currency: "CNY", date: "2024-11", perUsd: 7.2063, source: fred },
  { currency: "CNY", date: "2024-12", perUsd: 7.2807, source: fred },
  { currency: "CNY", date: "2025-01", perUsd: 7.2957, source: fred },
  { currency: "CNY", date: "2025-02", perUsd: 7.2734, source: fred },
  {
    currency: "EUR",
    date: "2023-03-03",
    perUsd: 1 / 1.0616,
    formula: "1 ÷ 1.0616 USD per euro",
    source: h10("2023-03-06"),
  },
  {
    currency: "EUR",
    date: "2023-07-28",
    perUsd: 1 / 1.1039,
    formula: "1 ÷ 1.1039 USD per euro",
    source: h10("2023-07-31"),
  },
  {
    currency: "EUR",
    date: "2023-12-15",
    perUsd: 1 / 1.0906,
    formula: "1 ÷ 1.0906 USD per euro",
    source: h10("2023-12-18"),
  },
  {
    currency: "EUR",
    date: "2024-01-12",
    perUsd: 1 / 1.0959,
    formula: "1 ÷ 1.0959 USD per euro",
    source: h10("2024-01-16"),
  },
  {
    currency: "EUR",
    date: "2024-02-02",
    perUsd: 1 / 1.0787,
    formula: "1 ÷ 1.0787 USD per euro",
    source: h10("2024-02-05"),
  },
];

// Cost assumptions: every number the cost layer uses that is not catalog data, named, with unit, grade and source.
import { fail, issue, ok, type Issue, type Result } from "../issues.js";
import { DEFAULT_FX_RATES, type FxRate } from "./fx-rates.js";

/** How far to trust an assumption: the catalog grades, plus "convention" for a modelling choice that is not a fact. */
export type AssumptionGrade = "official" | "reported" | "derived" | "estimated" | "convention";

/** Where electricity is bought: selects `electricityUsdPerKwhUs` or `electricityUsdPerKwhCn`. */
export type ElectricityRegion = "US" | "CN";
/** Purchase-price bases, in order of preference, when a chip or system lists several. */
export type PurchaseBasis = "street" | "list";
/** Currency of every cost output. */
export type OutputCurrency = "USD" | "CNY";

/** Every assumption of the cost layer. Defaults in `DEFAULT_COST_ASSUMPTIONS`; override any subset per call. */
export interface CostAssumptions {
  /** US industrial electricity, USD/kWh. */
  electricityUsdPerKwhUs: number;
  /** China industrial electricity, USD/kWh. */
  electricityUsdPerKwhCn: number;
  /** Which tariff applies. */
  electricityRegion: ElectricityRegion;
  /** Explicit electricity price, USD/kWh; when set it replaces the regional default. */
  electricityUsdPerKwh: number | null;
  /** Power usage effectiveness: facility power ÷ IT power (≥ 1). */
  pue: number;
  /** Average draw while serving, as a fraction of rated IT power (node rating, or TDP × host power multiplier). */
  servingPowerFraction: number;
  /** Average draw while training, as a fraction of rated IT power. */
  trainingPowerFraction: number;
  /** Rated IT power per chip ÷ chip TDP when no system states its node power (host CPUs, NICs, fans, PSU losses). */
  hostPowerMultiplier: number;
  /** Years over which purchase capex is spread (straight line, no residual value, no cost of capital). */
  amortisationYears: number;
  /** Fraction of hours the fleet runs at the throughput given (1 = sized for the demand, always busy). */
  utilisation: number;
  /** Scale-out fabric capex per chip at 400 Gbit/s of NIC bandwidth, USD; scaled linearly with the chip's NIC Gbit/s. */
  fabricUsdPer400GbpsChip: number;
  /** Facility (building, power and cooling plant) capex per MW of provisioned IT load, USD/MW. */
  facilityUsdPerMw: number;
  /** Price of a chip installed in a server ÷ price of the bare chip, when the catalog has no system price. */
  hostCapexMultiplier: number;
  /** Purchase-price bases in order of preference. */
  purchaseBasis: PurchaseBasis[];
  /** Which of several catalog prices of one basis to use: the median, the latest or the lowest. */
  priceSelection: "median" | "latest" | "lowest";
  /** Currency of every output amount. */
  currency: OutputCurrency;
  /** Dated exchange rates (currency units per USD); a price converts at the rate nearest its date. */
  fxRates: FxRate[];
}

/** One assumption as reported with an output. */
export interface AssumptionRecord {
  name: keyof CostAssumptions;
  value: unknown;
  unit: string;
  grade: AssumptionGrade;
  source: string;
  note?: string;
  /** True when the caller overrode the default. */
  overridden: boolean;
}

/** Unit, grade, source and rationale of each assumption. */
export const ASSUMPTION_INFO: Readonly<
  Record<keyof CostAssumptions, Omit<AssumptionRecord, "name" | "value" | "overridden">>
> = {
  electricityUsdPerKwhUs: {
    unit: "USD/kWh",
    grade: "reported",
    source:
      "US EIA, average retail price of electricity to industrial customers, 2023 annual: 8.06 ¢/kWh (EIA Electric Power Annual, https://www.eia.gov/electricity/annual/; series as charted by Statista from EIA data, 2024-03-18)",
  },
  electricityUsdPerKwhCn: {
    unit: "USD/kWh",
    grade: "reported",
    source:
      "China Briefing (Dezan Shira), China's Industrial Power Rates: A Guide for Investors — average industrial rate ≈ US$0.088/kWh in 2024, https://china-briefing.com/news/china-electricity-prices-industrial-consumers",
    note: "≈ ¥0.63/kWh at 7.19 CNY/USD; provincial large-industry tariffs (NDRC-regulated) vary widely, western data-centre hubs are cheaper",
  },
  electricityRegion: { unit: "US|CN", grade: "convention", source: "caller's choice; US by default" },
  electricityUsdPerKwh: {
    unit: "USD/kWh",
    grade: "convention",
    source: "caller's override; null uses the regional default",
  },
  pue: {
    unit: "ratio",
    grade: "reported",
    source:
      "Uptime Institute Global Data Center Survey 2024: industry average PUE 1.56 (flat since ~2020), while new large facilities reach 1.3 or better (14th annual survey, as reported at https://cloudnews.tech/uptime-institute-highlights-decline-in-trust-in-ai-and-need-to-improve-sustainability-metrics-in-data-centers; 2023 average 1.58 per https://intelligence.uptimeinstitute.com/resource/large-data-centers-are-mostly-more-efficient-analysis-confirms)",
    note: "1.3 = a new purpose-built AI facility; pass 1.56 for the industry average",
  },
  servingPowerFraction: {
    unit: "fraction of rated IT power",
    grade: "estimated",
    source:
      "method: Patel et al., POLCA: Power Oversubscription in LLM Cloud Providers (Microsoft, arXiv 2308.12908, 2023) find inference clusters leave enough power headroom to host 30 % more servers (peak ≲ 1/1.3 ≈ 0.77 of rating); average draw sits below peak as decode is memory-bound; 0.6 chosen",
  },
  trainingPowerFraction: {
    unit: "fraction of rated IT power",
    grade: "reported",
    source:
      "Newkirk et al., Empirically-Calibrated H100 Node Power Models (arXiv 2506.14551, 2025): compute-intensive training on 8×H100 HGX at Brookhaven runs at 76 % of the 10.2 kW node rating; cf. Latif et al., IEEE Access 13 (2025) 61740, max 8.4 kW",
  },
  hostPowerMultiplier: {
    unit: "ratio",
    grade: "derived",
    source:
      "catalog node ratings ÷ GPU TDPs: DGX H100 10,200 W ÷ (8 × 700 W) = 1.82; DGX B200 14,300 ÷ (8 × 1,000) = 1.79; DGX A100 6,500 ÷ (8 × 400) = 2.03; 1.8 taken",
    note: "used only when the system does not state its node power",
  },
  amortisationYears: {
    unit: "years",
    grade: "reported",
    source:
      "Amazon 10-K for 2024 (filed 2025-02-07): useful life of a subset of servers and networking equipment cut from 6 to 5 years from 2025-01-01, citing the pace of AI technology; Meta 5 years (10-K 2022); Microsoft and Alphabet 6 years",
  },
  utilisation: {
    unit: "fraction of hours",
    grade: "convention",
    source:
      "the planner sizes the fleet for the demanded rate, so it runs at the throughput given; lower it for diurnal load",
  },
  fabricUsdPer400GbpsChip: {
    unit: "USD per chip at 400 Gbit/s",
    grade: "estimated",
    source:
      "method: per chip in a two-tier non-blocking fat tree, one 400G NIC (~$2,000) + three switch ports (leaf down, leaf up, spine; ~$400 each) + four 400G transceivers for two links (~$700 each) ≈ $6,000; cross-check: reported AI-cluster networking shares of 10–20 % of GPU hardware cost ($3,000–6,000 against a $30,000 H100)",
    note: "scaled linearly with NIC Gbit/s; a third tier (clusters beyond ~2,000 chips at 64-port radix) adds about a third",
  },
  facilityUsdPerMw: {
    unit: "USD/MW of IT load",
    grade: "reported",
    source:
      "Cushman & Wakefield, Data Center Development Cost Guide 2025: $11.7 M per MW of critical load, average of 19 US markets ($9.3–15.0 M), excluding land, owner-furnished equipment and soft costs, https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/8-9",
    note: "applied to provisioned (rated) IT power, not average draw",
  },
  hostCapexMultiplier: {
    unit: "ratio",
    grade: "derived",
    source:
      "catalog prices: DGX H100 street $270,000 (SemiAnalysis via Epoch AI, 2023) ÷ (8 × H100 SXM street $30,000) = 1.125",
    note: "understates the host share for low-priced chips (a consumer card's server costs more than 12.5 % of the card)",
  },
  purchaseBasis: {
    unit: "basis order",
    grade: "convention",
    source:
      "street (what buyers paid) before list (vendor's price); cloud-hourly prices are never used as purchase prices",
  },
  priceSelection: {
    unit: "median|latest|lowest",
    grade: "convention",
    source:
      "sources disagree (dealer vs analyst prices; on-demand vs marketplace rents): the median of a basis's catalog prices, each in USD at its dated rate, is robust to one outlier; the lower middle one for an even count, so the price used is always an observed, cited one",
  },
  currency: { unit: "USD|CNY", grade: "convention", source: "caller's choice; USD by default" },
  fxRates: {
    unit: "currency units per USD, dated",
    grade: "official",
    source: "Federal Reserve H.10 / G.5 (noon buying rates in New York; monthly averages via FRED EXCHUS)",
  },
};

/** The defaults. Override any subset per call with `resolveAssumptions({pue: 1.56})`. */
export const DEFAULT_COST_ASSUMPTIONS: Readonly<CostAssumptions> = Object.freeze({
  electricityUsdPerKwhUs: 0.0806,
  electricityUsdPerKwhCn: 0.088,
  electricityRegion: "US",
  electricityUsdPerKwh: null,
  pue: 1.3,
  servingPowerFraction: 0.6,
  trainingPowerFraction: 0.76,
  hostPowerMultiplier: 1.8,
  amortisationYears: 5,
  utilisation: 1,
  fabricUsdPer400GbpsChip: 6000,
  facilityUsdPerMw: 11.7e6,
  hostCapexMultiplier: 1.125,
  purchaseBasis: ["street", "list"],
  priceSelection: "median",
  currency: "USD",
  fxRates: DEFAULT_FX_RATES,
} satisfies CostAssumptions);

/** Resolved assumptions and the records every output lists. */
export interface ResolvedAssumptions {
  values: CostAssumptions;
  records: AssumptionRecord[];
}

const positive: (keyof CostAssumptions)[] = [
  "electricityUsdPerKwhUs",
  "electricityUsdPerKwhCn",
  "amortisationYears",
  "hostPowerMultiplier",
  "hostCapexMultiplier",
];
const nonNegative: (keyof CostAssumptions)[] = ["fabricUsdPer400GbpsChip", "facilityUsdPerMw"];
const fractions: (keyof CostAssumptions)[] = ["servingPowerFraction", "trainingPowerFraction", "utilisation"];

function check(v: CostAssumptions): Issue[] {
  const out: Issue[] = [];
  const bad = (k: keyof CostAssumptions, why: string) =>
    out.push(issue("invalid_value", ["assumptions", k], `${k} = ${String(v[k])}: ${why}`));
  for (const k of positive)
    if (!(Number(v[k]) > 0) || !Number.isFinite(Number(v[k]))) bad(k, "must be a positive number");
  for (const k of nonNegative)
    if (!(Number(v[k]) >= 0) || !Number.isFinite(Number(v[k]))) bad(k, "must be ≥ 0");
  for (const k of fractions)
    if (!(Number(v[k]) > 0 && Number(v[k]) <= 1)) bad(k, "must be a fraction in (0, 1]");
  if (!(v.pue >= 1) || !Number.isFinite(v.pue))
    bad("pue", "PUE is facility ÷ IT power and must be ≥ 1 (e.g. 1.3)");
  if (v.electricityUsdPerKwh !== null && !(v.electricityUsdPerKwh >= 0))
    bad("electricityUsdPerKwh", "must be ≥ 0 or null");
  if (v.electricityRegion !== "US" && v.electricityRegion !== "CN")
    bad("electricityRegion", 'must be "US" or "CN"');
  if (v.currency !== "USD" && v.currency !== "CNY") bad("currency", 'must be "USD" or "CNY"');
  if (
    !Array.isArray(v.purchaseBasis) ||
    v.purchaseBasis.length === 0 ||
    v.purchaseBasis.some((b) => b !== "street" && b !== "list")
  )
    bad("purchaseBasis", 'must list "street" and/or "list"');
  if (!["median", "latest", "lowest"].includes(v.priceSelection))
    bad("priceSelection", 'must be "median", "latest" or "lowest"');
  if (!Array.isArray(v.fxRates) || v.fxRates.some((r) => !(r.perUsd > 0)))
    bad("fxRates", "every rate needs perUsd > 0 (currency units per USD)");
  else if (v.currency === "CNY" && !v.fxRates.some((r) => r.currency === "CNY"))
    bad("fxRates", "output in CNY needs at least one CNY rate");
  return out;
}

/** Defaults merged with the caller's overrides, validated, with one record per assumption (name, value, unit, source).
 * @example resolveAssumptions({ pue: 1.56, electricityRegion: "CN" }) */
export function resolveAssumptions(overrides: Partial<CostAssumptions> = {}): Result<ResolvedAssumptions> {
  const given = Object.fromEntries(
    Object.entries(overrides).filter(([, x]) => x !== undefined),
  ) as Partial<CostAssumptions>;
  const values: CostAssumptions = { ...DEFAULT_COST_ASSUMPTIONS, ...given };
  const problems = check(values);
  if (problems.length > 0) return fail(...problems);
  const records = (Object.keys(ASSUMPTION_INFO) as (keyof CostAssumptions)[]).map((name) => ({
    name,
    value: values[name],
    ...ASSUMPTION_INFO[name],
    overridden: name in given,
  }));
  return ok({ values, records });
}

/** The electricity price in force, USD/kWh: the explicit override, else the regional default. */
export function electricityUsdPerKwh(a: CostAssumptions): number {
  if (a.electricityUsdPerKwh !== null) return a.electricityUsdPerKwh;
  return a.electricityRegion === "CN" ? a.electricityUsdPerKwhCn : a.electricityUsdPerKwhUs;
}

/** Hours in a year (365 days), the amortisation clock. */
export const HOURS_PER_YEAR = 8760;

/** The records of the named assumptions, in the order given: what an output lists as "assumptions used". */
export function pickAssumptions(
  records: readonly AssumptionRecord[],
  names: readonly (keyof CostAssumptions)[],
): AssumptionRecord[] {
  return names.flatMap((n) => records.filter((r) => r.name === n));
}

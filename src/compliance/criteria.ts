// Evaluating a rule's criterion (comparisons of chip metrics with thresholds, data-centre facts, all/any) into
// met / not met / unknown, with the numbers compared ("TPP 15,832 ≥ 4,800") and the inputs it depends on.
import type { Accelerator, Criterion, RuleBasis, RuleMetric } from "../catalog/index.js";
import type { ComplianceMetrics, MetricValue } from "./metrics.js";

export type Outcome = "met" | "not-met" | "unknown";

export interface CriterionResult {
  outcome: Outcome;
  /** The comparison(s) with numbers, e.g. "TPP 2,368 < 4,800". */
  text: string;
  /** How the deciding part of the criterion is known. */
  basis: RuleBasis;
  /** Chip fields that were unknown. */
  dependsOn: string[];
}

/** How each metric is named in reasons, and its unit. */
export const METRIC_LABEL: Record<RuleMetric, { label: string; unit: string; digits: number }> = {
  tpp: { label: "TPP", unit: "", digits: 0 },
  performanceDensity: { label: "PD", unit: "", digits: 2 },
  io2022GBps: { label: "I/O", unit: " GB/s", digits: 0 },
  dramBandwidthGBps: { label: "DRAM bandwidth", unit: " GB/s", digits: 0 },
  interconnectBandwidthGBps: { label: "interconnect", unit: " GB/s", digits: 0 },
  bandwidthSumGBps: { label: "DRAM + interconnect", unit: " GB/s", digits: 0 },
  totalDramBandwidthGBps: { label: "total DRAM bandwidth", unit: " GB/s", digits: 0 },
  hbmBandwidthDensityGBpsPerMm2: { label: "HBM bandwidth density", unit: " GB/s/mm²", digits: 2 },
};

const RANK: Record<RuleBasis, number> = { official: 0, reported: 1, derived: 2 };
/** The weakest of several bases (derived < reported < official). */
export const weakestBasis = (bs: readonly RuleBasis[]): RuleBasis =>
  bs.reduce<RuleBasis>((a, b) => (RANK[b] > RANK[a] ? b : a), "official");
/** The strongest of several bases (official > reported > derived). */
export const strongestBasis = (bs: readonly RuleBasis[]): RuleBasis =>
  bs.reduce<RuleBasis>((a, b) => (RANK[b] < RANK[a] ? b : a), bs[0] ?? "official");

/** Formats a number for reasons: thousands separators, up to `digits` decimals. */
export const fmtNum = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

const NEGATE = { ">=": "<", ">": "≤", "<": "≥", "<=": ">" } as const;
const SHOW = { ">=": "≥", ">": ">", "<": "<", "<=": "≤" } as const;
const test = (x: number, op: keyof typeof SHOW, t: number) =>
  op === ">=" ? x >= t : op === ">" ? x > t : op === "<" ? x < t : x <= t;

function compare(
  m: MetricValue,
  metric: RuleMetric,
  op: keyof typeof SHOW,
  threshold: number,
  basis: RuleBasis,
): CriterionResult {
  const { label, unit, digits } = METRIC_LABEL[metric];
  const t = fmtNum(threshold, 2);
  if (m.value === null || !m.bounds)
    return {
      outcome: "unknown",
      text: `${label} unknown (needs ${m.dependsOn.join(", ") || "inputs"}) vs ${SHOW[op]} ${t}${unit}`,
      basis,
      dependsOn: m.dependsOn,
    };
  const [lo, hi] = m.bounds;
  const shown = lo === hi ? fmtNum(m.value, digits) : `${fmtNum(lo, digits)}–${fmtNum(hi, digits)}`;
  const okLo = test(lo, op, threshold);
  const okHi = test(hi, op, threshold);
  if (okLo && okHi)
    return { outcome: "met", text: `${label} ${shown} ${SHOW[op]} ${t}${unit}`, basis, dependsOn: [] };
  if (!okLo && !okHi)
    return { outcome: "not-met", text: `${label} ${shown} ${NEGATE[op]} ${t}${unit}`, basis, dependsOn: [] };
  return {
    outcome: "unknown",
    text: `${label} ${shown} straddles ${SHOW[op]} ${t}${unit}`,
    basis,
    dependsOn: [`${metric} (sourced range)`],
  };
}

/**
 * Evaluates a criterion for a chip. `defaultBasis` is the rule's grade, used where a comparison has no `basis`.
 * @example evaluate({metric: "tpp", op: ">=", value: 4800}, h100, metrics, "official").text // "TPP 15,832 ≥ 4,800"
 */
export function evaluate(
  c: Criterion,
  chip: Accelerator,
  m: ComplianceMetrics,
  defaultBasis: RuleBasis,
): CriterionResult {
  if ("metric" in c) return compare(m[c.metric], c.metric, c.op, c.value, c.basis ?? defaultBasis);
  if ("fact" in c) {
    const basis = c.basis ?? defaultBasis;
    const dc = chip.dataCenter;
    if ("unknown" in dc)
      return { outcome: "unknown", text: "data-centre status unknown", basis, dependsOn: ["dataCenter"] };
    const text = dc.value ? "designed/marketed for data centres" : "not designed/marketed for data centres";
    return { outcome: dc.value === c.equals ? "met" : "not-met", text, basis, dependsOn: [] };
  }
  const isAll = "all" in c;
  const parts = (isAll ? c.all : c.any).map((x) => evaluate(x, chip, m, defaultBasis));
  const met = parts.filter((p) => p.outcome === "met");
  const notMet = parts.filter((p) => p.outcome === "not-met");
  const unknown = parts.filter((p) => p.outcome === "unknown");
  const joiner = isAll ? " and " : " or ";
  const text = parts
    .map((p) =>
      parts.length > 1 && (p.text.includes(" and ") || p.text.includes(" or ")) ? `(${p.text})` : p.text,
    )
    .join(joiner);
  const dependsOn = [...new Set(unknown.flatMap((p) => p.dependsOn))];
  if (isAll) {
    if (notMet.length)
      return {
        outcome: "not-met",
        text: notMet.map((p) => p.text).join(joiner),
        basis: strongestBasis(notMet.map((p) => p.basis)),
        dependsOn: [],
      };
    if (unknown.length)
      return { outcome: "unknown", text, basis: weakestBasis(parts.map((p) => p.basis)), dependsOn };
    return { outcome: "met", text, basis: weakestBasis(parts.map((p) => p.basis)), dependsOn: [] };
  }
  if (met.length)
    return {
      outcome: "met",
      text: met.map((p) => p.text).join(joiner),
      basis: strongestBasis(met.map((p) => p.basis)),
      dependsOn: [],
    };
  if (unknown.length)
    return { outcome: "unknown", text, basis: weakestBasis(parts.map((p) => p.basis)), dependsOn };
  return { outcome: "not-met", text, basis: weakestBasis(parts.map((p) => p.basis)), dependsOn: [] };
}

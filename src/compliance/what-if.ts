// What if the thresholds were different? A hypothetical rule from user thresholds, added to (or replacing) the
// catalog's rules: which chips change status, by how much each clears or misses, and the compliant frontier.
import type { Accelerator, CatalogBundle, Rule, RuleMetric } from "../catalog/index.js";
import { typicalOf } from "../catalog/index.js";
import { classify, type Classification, type ComplianceStatus, type ExportQuery } from "./classify.js";
import { fmtNum, METRIC_LABEL } from "./criteria.js";

/** User thresholds: a chip is caught when any given metric reaches its threshold (≥). */
export type WhatIfThresholds = Partial<Record<Exclude<RuleMetric, "hbmBandwidthDensityGBpsPerMm2">, number>>;

export interface WhatIfOptions {
  /** add (default): the hypothetical rule applies on top of the rules in force; replace: it is the only rule. */
  mode?: "add" | "replace";
  /** Require a data-centre part (as the Oct 2023 letter did). Default false. */
  dataCenterOnly?: boolean;
}

export interface Margin {
  metric: string;
  value: number | null;
  threshold: number;
  /** value ÷ threshold − 1: positive clears (caught), negative misses; null when unknown. */
  relative: number | null;
  text: string;
}

export interface WhatIfRow {
  chip: string;
  name: string;
  before: ComplianceStatus;
  after: ComplianceStatus;
  changed: boolean;
  margins: Margin[];
  after_: Classification;
}

export interface FrontierEntry {
  metric: "bf16Tflops" | "memoryBandwidthGBps" | "memoryCapacityGB";
  chip: string | null;
  value: number | null;
}

export const WHAT_IF_RULE_ID = "what-if";

/** The hypothetical rule as catalog data (so it is classified exactly like a real one). */
export function whatIfRule(t: WhatIfThresholds, q: ExportQuery, opts: WhatIfOptions = {}): Rule {
  const any = Object.entries(t).map(([metric, value]) => ({
    metric: metric as RuleMetric,
    op: ">=" as const,
    value: value as number,
    basis: "derived" as const,
  }));
  const when = opts.dataCenterOnly
    ? { all: [{ fact: "dataCenter" as const, equals: true }, { any }] }
    : { any };
  return {
    id: WHAT_IF_RULE_ID,
    title: "Hypothetical thresholds",
    kind: "regulation",
    instrument: "user what-if",
    grade: "derived",
    source: "user",
    published: "1900-01-01",
    effective: "1900-01-01",
    supersedes: [],
    modifies: [],
    item: "logic",
    controls: [{ paragraph: "what-if", eccn: null, when }],
    exclusions: [],
    scope: {
      destinations: { countries: [q.destination], label: `${q.destination} (what-if)` },
      ...(q.buyerHq ? { headquarters: { countries: [q.buyerHq] } } : {}),
    },
    exceptions: [],
    policies: [],
    notes: [],
    sources: { user: { title: "thresholds given by the user", url: "user input", date: q.date } },
  };
}

/**
 * Classifies each chip under the catalog's rules and under the rules plus (or replaced by) the hypothetical
 * thresholds; returns every chip with before/after status and how far each metric is from its threshold.
 * @example whatIf(chips, { tpp: 1600, dramBandwidthGBps: 1000 }, { date: "2025-06-01", destination: "CN" }, catalog)
 */
export function whatIf(
  chips: readonly Accelerator[],
  thresholds: WhatIfThresholds,
  q: ExportQuery,
  cat: CatalogBundle,
  opts: WhatIfOptions = {},
): WhatIfRow[] {
  const rule = whatIfRule(thresholds, q, opts);
  const scenario: CatalogBundle = { ...cat, rules: opts.mode === "replace" ? [rule] : [...cat.rules, rule] };
  return chips.map((chip) => {
    const before = classify(chip, q, cat);
    const after = classify(chip, q, scenario);
    const margins = Object.entries(thresholds).map(([k, threshold]): Margin => {
      const metric = k as keyof WhatIfThresholds;
      const v = after.metrics[metric].value;
      const { label, unit, digits } = METRIC_LABEL[metric];
      const relative = v === null ? null : v / (threshold as number) - 1;
      const text =
        v === null
          ? `${label} unknown`
          : `${label} ${fmtNum(v, digits)}${unit} vs ${fmtNum(threshold as number, 2)}: ${relative! >= 0 ? "clears by" : "misses by"} ${fmtNum(Math.abs(relative! * 100), 1)} %`;
      return { metric, value: v, threshold: threshold as number, relative, text };
    });
    return {
      chip: chip.id,
      name: chip.name,
      before: before.status,
      after: after.status,
      changed: before.status !== after.status,
      margins,
      after_: after,
    };
  });
}

/** The best chip per metric (dense BF16 TFLOPS, memory bandwidth, capacity) among those not controlled. */
export function compliantFrontier(
  chips: readonly Accelerator[],
  statusOf: (c: Accelerator) => ComplianceStatus,
): FrontierEntry[] {
  const allowed = chips.filter((c) => statusOf(c) === "not-controlled");
  const pick = (metric: FrontierEntry["metric"], f: (c: Accelerator) => number | null): FrontierEntry => {
    let best: FrontierEntry = { metric, chip: null, value: null };
    for (const c of allowed) {
      const v = f(c);
      if (v !== null && (best.value === null || v > best.value)) best = { metric, chip: c.id, value: v };
    }
    return best;
  };
  return [
    pick("bf16Tflops", (c) => typicalOf(c.peakTflops.bf16)),
    pick("memoryBandwidthGBps", (c) => typicalOf(c.memory.bandwidthGBps)),
    pick("memoryCapacityGB", (c) => typicalOf(c.memory.capacityGB)),
  ];
}

// Fitting calibration to measured cases, re-runnable on any subset (leave-one-source-out). One parameter is fitted
// per calibration family: servingEfficiency, the ratio of achieved to modelled speed, as the geometric median of
// the family's measured / predicted speed ratios (its own chips' cases, or its whole subtree's for a grouping
// profile) — only where there are ≥ 5 cases from ≥ 2 sources; a family with fewer takes its parent's value.
import { findChip } from "../../catalog/index.js";
import { chainOf, profileFor, type CalibrationSet } from "../../engine/calibration.js";
import type { ValidationCase } from "./case-schema.js";
import { fitTrainingEfficiency } from "./fit-training.js";
import { predictCase } from "./predict-case.js";

/** A fitted parameter needs at least this many supporting cases … */
export const MIN_FIT_CASES = 5;
/** … from at least this many independent sources. */
export const MIN_FIT_SOURCES = 2;

export interface FittedValue {
  profile: string;
  value: number;
  /** Supporting cases (ids) and sources (URLs); empty when inherited. */
  cases: string[];
  sources: string[];
  inherited: boolean;
}

const TIME_METRICS = new Set(["tpot_ms", "ttft_ms"]);
const rawCache = new WeakMap<CalibrationSet, WeakMap<ValidationCase, number | null>>();

function neutral(base: CalibrationSet): CalibrationSet {
  const overrides: Record<string, Record<string, number>> = {};
  for (const p of base.profiles)
    overrides[p.id] = { ...(base.overrides?.[p.id] ?? {}), servingEfficiency: 1 };
  return { profiles: base.profiles, overrides };
}

/** Speed ratio measured / modelled (for time metrics modelled / measured), with servingEfficiency = 1. */
function speedRatio(c: ValidationCase, base: CalibrationSet): number | null {
  let cache = rawCache.get(base);
  if (!cache) {
    cache = new WeakMap();
    rawCache.set(base, cache);
  }
  let raw = cache.get(c);
  if (raw === undefined) {
    const p = predictCase(c, neutral(base));
    raw = p.ok && p.predicted > 0 ? p.predicted : null;
    cache.set(c, raw);
  }
  if (raw === null) return null;
  return TIME_METRICS.has(c.metric.name) ? raw / c.metric.value : c.metric.value / raw;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function sourceOf(c: ValidationCase): string {
  return c.source.url.replace(/#.*$/, "").replace(/\/+$/, "").toLowerCase();
}

/**
 * servingEfficiency per calibration profile fitted to `cases` (inference cases; others are ignored).
 * Profiles are visited root first, so an unfitted profile inherits its parent's fitted value.
 */
export function fitServingEfficiency(cases: readonly ValidationCase[], base: CalibrationSet): FittedValue[] {
  const direct = new Map<string, { c: ValidationCase; r: number }[]>();
  const subtree = new Map<string, { c: ValidationCase; r: number }[]>();
  for (const c of cases) {
    if (c.kind !== "inference") continue;
    const chip = findChip(c.system.chip);
    if (!chip.ok) continue;
    const prof = profileFor(chip.value, base);
    if (!prof) continue;
    const r = speedRatio(c, base);
    if (r === null) continue;
    direct.set(prof.id, [...(direct.get(prof.id) ?? []), { c, r }]);
    for (const p of chainOf(prof.id, base)) subtree.set(p.id, [...(subtree.get(p.id) ?? []), { c, r }]);
  }
  const enough = (list: { c: ValidationCase }[]) =>
    list.length >= MIN_FIT_CASES && new Set(list.map((x) => sourceOf(x.c))).size >= MIN_FIT_SOURCES;
  // A family is fitted on its own chips' cases; a grouping profile (or a family with too few) on its subtree's.
  const members = new Map<string, { c: ValidationCase; r: number }[]>();
  for (const p of base.profiles) {
    const own = direct.get(p.id) ?? [];
    members.set(p.id, enough(own) ? own : (subtree.get(p.id) ?? []));
  }
  const byId = new Map<string, FittedValue>();
  const depth = (id: string) => chainOf(id, base).length;
  const ordered = [...base.profiles].sort((a, b) => depth(a.id) - depth(b.id));
  for (const p of ordered) {
    const list = members.get(p.id) ?? [];
    const sources = [...new Set(list.map((x) => sourceOf(x.c)))];
    const fitted = p.parent !== null && enough(list);
    if (fitted) {
      const value = Math.exp(median(list.map((x) => Math.log(x.r))));
      byId.set(p.id, {
        profile: p.id,
        value,
        cases: list.map((x) => x.c.id).sort(),
        sources: sources.sort(),
        inherited: false,
      });
    } else {
      const parent = p.parent ? byId.get(p.parent) : undefined;
      const own = p.parent === null ? (p.parameters.servingEfficiency?.value ?? 1) : undefined;
      byId.set(p.id, {
        profile: p.id,
        value: own ?? parent?.value ?? 1,
        cases: [],
        sources: [],
        inherited: true,
      });
    }
  }
  return [...byId.values()];
}

/** Calibration re-fitted to `cases` on top of `base` (micro-benchmark values kept, servingEfficiency re-fitted). */
export function fitCalibration(cases: readonly ValidationCase[], base: CalibrationSet): CalibrationSet {
  const overrides: Record<string, Record<string, number>> = {};
  for (const p of base.profiles) overrides[p.id] = { ...(base.overrides?.[p.id] ?? {}) };
  for (const f of fitServingEfficiency(cases, base))
    (overrides[f.profile] as Record<string, number>).servingEfficiency = f.value;
  for (const f of fitTrainingEfficiency(cases, base))
    (overrides[f.profile] as Record<string, number>).trainingEfficiency = f.value;
  return { profiles: base.profiles, overrides };
}

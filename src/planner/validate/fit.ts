// Fitting calibration to measured cases, re-runnable on any subset (leave-one-source-out). Two parameters are fitted
// per calibration family: sequenceOverheadS (host cost per running sequence, from a short grid) and
// servingEfficiency, the ratio of achieved to modelled speed, as the geometric median of the family's measured /
// predicted speed ratios (its own chips' cases, or its whole subtree's for a grouping
// profile) — only where there are ≥ 5 cases from ≥ 2 sources; a family with fewer takes its parent's value.
import { findChip } from "../../catalog/index.js";
import { chainOf, profileFor, type CalibrationSet } from "../../engine/calibration.js";
import type { ValidationCase } from "./case-schema.js";
import { hasFitSupport, median, sourceOf } from "./fit-common.js";
import { fitTrainingEfficiency } from "./fit-training.js";
import { predictCase } from "./predict-case.js";

export { MIN_FIT_CASES, MIN_FIT_SOURCES, type FittedValue } from "./fit-common.js";

const TIME_METRICS = new Set(["tpot_ms", "ttft_ms"]);

/** Candidate host costs per running sequence per step (seconds) the fit chooses from, per family. */
export const SEQUENCE_OVERHEAD_GRID = [0, 2.5e-5, 5e-5, 1e-4, 2e-4, 4e-4] as const;

const rawCache = new WeakMap<CalibrationSet, Map<number, WeakMap<ValidationCase, number | null>>>();

/** The base with servingEfficiency = 1 and sequenceOverheadS = `seq` on every profile (file values ignored). */
function neutral(base: CalibrationSet, seq: number): CalibrationSet {
  const overrides: Record<string, Record<string, number>> = {};
  for (const p of base.profiles)
    overrides[p.id] = { ...(base.overrides?.[p.id] ?? {}), servingEfficiency: 1, sequenceOverheadS: seq };
  return { profiles: base.profiles, overrides };
}

/** Speed ratio measured / modelled (for time metrics modelled / measured), with servingEfficiency = 1. */
function speedRatio(c: ValidationCase, base: CalibrationSet, seq: number): number | null {
  let bySeq = rawCache.get(base);
  if (!bySeq) {
    bySeq = new Map();
    rawCache.set(base, bySeq);
  }
  let cache = bySeq.get(seq);
  if (!cache) {
    cache = new WeakMap();
    bySeq.set(seq, cache);
  }
  let raw = cache.get(c);
  if (raw === undefined) {
    const p = predictCase(c, neutral(base, seq));
    raw = p.ok && p.predicted > 0 ? p.predicted : null;
    cache.set(c, raw);
  }
  if (raw === null) return null;
  return TIME_METRICS.has(c.metric.name) ? raw / c.metric.value : c.metric.value / raw;
}

export interface FittedServing {
  profile: string;
  /** servingEfficiency (ratio of achieved to modelled speed). */
  value: number;
  /** sequenceOverheadS chosen with it (host cost per running sequence per step, seconds). */
  sequenceOverheadS: number;
  cases: string[];
  sources: string[];
  inherited: boolean;
}

/** servingEfficiency per profile for one host cost `seq`, and the mean |log residual| over the fitted cases. */
function efficiencies(
  cases: readonly ValidationCase[],
  base: CalibrationSet,
  seq: number,
): { fits: FittedServing[]; loss: number; used: ValidationCase[] } {
  const direct = new Map<string, ValidationCase[]>();
  const subtree = new Map<string, ValidationCase[]>();
  const profileOf = new Map<ValidationCase, string>();
  for (const c of cases) {
    if (c.kind !== "inference") continue;
    const chip = findChip(c.system.chip);
    if (!chip.ok) continue;
    const prof = profileFor(chip.value, base);
    if (!prof) continue;
    if (speedRatio(c, base, seq) === null) continue;
    profileOf.set(c, prof.id);
    direct.set(prof.id, [...(direct.get(prof.id) ?? []), c]);
    for (const p of chainOf(prof.id, base)) subtree.set(p.id, [...(subtree.get(p.id) ?? []), c]);
  }
  const enough = hasFitSupport;
  // A family is fitted on its own chips' cases; a grouping profile (or a family with too few) on its subtree's.
  const members = new Map<string, ValidationCase[]>();
  for (const p of base.profiles) {
    const own = direct.get(p.id) ?? [];
    members.set(p.id, enough(own) ? own : (subtree.get(p.id) ?? []));
  }
  const byId = new Map<string, FittedServing>();
  const depth = (id: string) => chainOf(id, base).length;
  const ordered = [...base.profiles].sort((a, b) => depth(a.id) - depth(b.id));
  for (const p of ordered) {
    const list = members.get(p.id) ?? [];
    const parent = p.parent ? byId.get(p.parent) : undefined;
    const fitted = p.parent !== null && enough(list);
    byId.set(p.id, {
      profile: p.id,
      value: fitted
        ? Math.exp(median(list.map((c) => Math.log(speedRatio(c, base, seq) as number))))
        : p.parent === null
          ? (p.parameters.servingEfficiency?.value ?? 1)
          : (parent?.value ?? 1),
      sequenceOverheadS: seq,
      cases: fitted ? list.map((c) => c.id).sort() : [],
      sources: fitted ? [...new Set(list.map(sourceOf))].sort() : [],
      inherited: !fitted,
    });
  }
  const used = [...profileOf.keys()];
  const loss =
    used.reduce((a, c) => {
      const e = byId.get(profileOf.get(c) as string)?.value ?? 1;
      return a + Math.abs(Math.log(speedRatio(c, base, seq) as number) - Math.log(e));
    }, 0) / Math.max(1, used.length);
  return { fits: [...byId.values()], loss, used };
}

/**
 * servingEfficiency per calibration profile and one sequenceOverheadS for all (fitted at the root on every case):
 * for each candidate host cost the efficiencies are the geometric medians of each family's speed ratios, and the
 * host cost with the smallest mean |log residual| over all cases wins. The root's record lists every case used.
 */
export function fitServingEfficiency(
  cases: readonly ValidationCase[],
  base: CalibrationSet,
): FittedServing[] {
  let best: ReturnType<typeof efficiencies> | null = null;
  for (const seq of SEQUENCE_OVERHEAD_GRID) {
    const r = efficiencies(cases, base, seq);
    if (!best || r.loss < best.loss - 1e-9) best = r;
  }
  if (!best) return [];
  const used = best.used;
  return best.fits.map((f) => {
    const p = base.profiles.find((x) => x.id === f.profile);
    if (p?.parent !== null) return f;
    return { ...f, cases: used.map((c) => c.id).sort(), sources: [...new Set(used.map(sourceOf))].sort() };
  });
}

/** Calibration re-fitted to `cases` on top of `base` (micro-benchmark values kept, servingEfficiency re-fitted). */
export function fitCalibration(cases: readonly ValidationCase[], base: CalibrationSet): CalibrationSet {
  const overrides: Record<string, Record<string, number>> = {};
  for (const p of base.profiles) overrides[p.id] = { ...(base.overrides?.[p.id] ?? {}) };
  for (const f of fitServingEfficiency(cases, base)) {
    const o = overrides[f.profile] as Record<string, number>;
    o.servingEfficiency = f.value;
    o.sequenceOverheadS = f.sequenceOverheadS;
  }
  for (const f of fitTrainingEfficiency(cases, base))
    (overrides[f.profile] as Record<string, number>).trainingEfficiency = f.value;
  return { profiles: base.profiles, overrides };
}

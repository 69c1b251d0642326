// Fitting trainingEfficiency per calibration family to training cases, re-runnable on any subset (leave-one-source-
// out): the geometric median of measured / modelled tokens/s over the family's cases, only where the family has
// ≥ 5 cases from ≥ 2 sources; otherwise its parent's value. The root (default) is fitted over every training case.
import { findChip } from "../../catalog/index.js";
import { chainOf, profileFor, type CalibrationSet } from "../../engine/calibration.js";
import type { TrainingCase, ValidationCase } from "./case-schema.js";
import { hasFitSupport, median, sourceOf, type FittedValue } from "./fit-common.js";
import { predictTraining } from "./predict-training.js";

/** Minimum support of a fitted number: the same rule as the serving fit. */
export {
  MIN_FIT_CASES as MIN_TRAINING_FIT_CASES,
  MIN_FIT_SOURCES as MIN_TRAINING_FIT_SOURCES,
} from "./fit-common.js";

/** A fitted (or inherited) trainingEfficiency. */
export type FittedTraining = FittedValue;

/** The set with trainingEfficiency = 1 everywhere (physics only). */
export function physicsOnly(base: CalibrationSet): CalibrationSet {
  const overrides: Record<string, Record<string, number>> = {};
  for (const p of base.profiles)
    overrides[p.id] = { ...(base.overrides?.[p.id] ?? {}), trainingEfficiency: 1 };
  return { profiles: base.profiles, overrides };
}

const rawCache = new WeakMap<CalibrationSet, WeakMap<ValidationCase, number | null>>();

/** Modelled tokens/s of a case with trainingEfficiency = 1 (cached per base set and case). */
function physicsPrediction(c: TrainingCase, base: CalibrationSet): number | null {
  let cache = rawCache.get(base);
  if (!cache) {
    cache = new WeakMap();
    rawCache.set(base, cache);
  }
  let v = cache.get(c);
  if (v === undefined) {
    const p = predictTraining(c, { calibration: physicsOnly(base) });
    v = p.ok && p.predicted > 0 ? p.predicted : null;
    cache.set(c, v);
  }
  return v;
}

/**
 * trainingEfficiency per calibration profile fitted to the training cases among `cases`, root first, so an
 * unfitted profile inherits its parent's value.
 * @example fitTrainingEfficiency(publicCases, catalogCalibration()).find((f) => f.profile === "hopper-cuda")
 */
export function fitTrainingEfficiency(
  cases: readonly ValidationCase[],
  base: CalibrationSet,
): FittedTraining[] {
  const members = new Map<string, { c: ValidationCase; r: number }[]>();
  for (const c of cases) {
    if (c.kind !== "training" || !c.training) continue;
    const chip = findChip(c.system.chip);
    if (!chip.ok) continue;
    const prof = profileFor(chip.value, base);
    if (!prof) continue;
    const raw = physicsPrediction(c as TrainingCase, base);
    if (raw === null) continue;
    for (const p of chainOf(prof.id, base)) {
      const list = members.get(p.id) ?? [];
      list.push({ c, r: c.metric.value / raw });
      members.set(p.id, list);
    }
  }
  const byId = new Map<string, FittedTraining>();
  const depth = (id: string) => chainOf(id, base).length;
  const ordered = [...base.profiles].sort((a, b) => depth(a.id) - depth(b.id));
  for (const p of ordered) {
    const list = members.get(p.id) ?? [];
    const sources = [...new Set(list.map((x) => sourceOf(x.c)))];
    if (hasFitSupport(list.map((x) => x.c))) {
      byId.set(p.id, {
        profile: p.id,
        value: Math.exp(median(list.map((x) => Math.log(x.r)))),
        cases: list.map((x) => x.c.id).sort(),
        sources: sources.sort(),
        inherited: false,
      });
    } else {
      const parent = p.parent ? byId.get(p.parent) : undefined;
      byId.set(p.id, { profile: p.id, value: parent?.value ?? 1, cases: [], sources: [], inherited: true });
    }
  }
  return [...byId.values()];
}

/** `base` with trainingEfficiency re-fitted to `cases` (every other value kept). */
export function fitTrainingCalibration(
  cases: readonly ValidationCase[],
  base: CalibrationSet,
): CalibrationSet {
  const overrides: Record<string, Record<string, number>> = {};
  for (const p of base.profiles) overrides[p.id] = { ...(base.overrides?.[p.id] ?? {}) };
  for (const f of fitTrainingEfficiency(cases, base))
    (overrides[f.profile] as Record<string, number>).trainingEfficiency = f.value;
  return { profiles: base.profiles, overrides };
}

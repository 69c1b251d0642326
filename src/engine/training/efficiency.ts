// The trainingEfficiency that applies to a chip: a caller's override, else the catalog profile's value, else the
// committed fit (fitted.ts), walking the profile chain from the most specific profile up.
import {
  chainOf,
  profileFor,
  resolveCalibration,
  type Calibration,
  type CalibrationSet,
} from "../calibration.js";
import { FITTED_TRAINING_EFFICIENCY } from "./fitted.js";

/** Kernel calibration for a chip with trainingEfficiency resolved (override → profile → committed fit → 1). */
export function trainingCalibration(
  chip: { family: string; stack: string },
  set: CalibrationSet,
): Calibration {
  const cal = resolveCalibration(chip, set);
  const start = profileFor(chip, set);
  const chain = start ? chainOf(start.id, set) : [];
  for (const p of chain) {
    const o = set.overrides?.[p.id]?.trainingEfficiency;
    if (o !== undefined) return { ...cal, trainingEfficiency: o };
    const v = p.parameters.trainingEfficiency;
    if (v) return { ...cal, trainingEfficiency: v.value };
    const f = FITTED_TRAINING_EFFICIENCY[p.id];
    if (f) return { ...cal, trainingEfficiency: f.value };
  }
  return { ...cal, trainingEfficiency: 1 };
}

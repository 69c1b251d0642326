// Fitting calibration parameters to a set of measured cases (re-runnable on any subset, e.g. leave-one-source-out).
import type { CalibrationSet } from "../../engine/calibration.js";
import type { ValidationCase } from "./case-schema.js";

/** Calibration re-fitted to `cases` on top of `base` (the physics and micro-benchmark values). */
export function fitCalibration(_cases: readonly ValidationCase[], base: CalibrationSet): CalibrationSet {
  return base;
}

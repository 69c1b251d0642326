// What a predictor returns for one validation case: a figure in the case's metric, or why it cannot predict it.
import type { CalibrationSet } from "../../engine/calibration.js";

/** A predicted figure in the unit of the case's metric, or the reason there is none. */
export type Prediction =
  | { ok: true; predicted: number; warnings: string[]; calibrationProfile?: string }
  | { ok: false; reason: string };

/** Inputs a predictor may use besides the case: the calibration (catalog profiles or a re-fit). */
export interface PredictContext {
  calibration: CalibrationSet;
}

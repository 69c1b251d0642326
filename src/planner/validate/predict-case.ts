// Predicting one case: the predictor sees a blinded copy (no id, source, notes, derivation, tolerance or value).
import type { CalibrationSet } from "../../engine/calibration.js";
import type { InferenceCase, TrainingCase, ValidationCase } from "./case-schema.js";
import { predictInference } from "./predict-inference.js";
import { predictTraining } from "./predict-training.js";
import type { Prediction } from "./prediction.js";

/** The case as a predictor may see it: id, source, notes, derivation, tolerance and measured value removed. */
export function blind(c: ValidationCase): ValidationCase {
  const { notes: _n, derivation: _d, ...rest } = c;
  return {
    ...rest,
    id: "case",
    source: { title: "-", url: "-" },
    tolerance: 1,
    metric: { name: c.metric.name, value: 1 },
  };
}

/** Predicts one case with the given calibration (the predictor sees the blinded case only). */
export function predictCase(c: ValidationCase, calibration: CalibrationSet): Prediction {
  const b = blind(c);
  const ctx = { calibration };
  try {
    return c.kind === "training"
      ? predictTraining(b as TrainingCase, ctx)
      : predictInference(b as InferenceCase, ctx);
  } catch (e) {
    // A bug must not abort a validation run of many cases: the case is reported, with the error, as unpredicted.
    return {
      ok: false,
      reason: `internal error (please report): ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

// Predicts an inference validation case's metric with the inference engine and serving model.
import type { InferenceCase } from "./case-schema.js";
import type { PredictContext, Prediction } from "./prediction.js";

/** The metric of an inference case predicted from its inputs only (never its id, source, notes or value). */
export function predictInference(_c: InferenceCase, _ctx: PredictContext): Prediction {
  return { ok: false, reason: "inference engine not yet available" };
}

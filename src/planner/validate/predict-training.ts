// Predicts a training validation case's metric with the training engine.
import type { TrainingCase } from "./case-schema.js";
import type { PredictContext, Prediction } from "./prediction.js";

/**
 * The metric of a training case (tokens_per_s_per_chip, …) predicted from its inputs only.
 * @example predictTraining(c, { calibration: catalogCalibration() }) // {ok: false, reason: "…"} until the engine lands
 */
export function predictTraining(_c: TrainingCase, _ctx: PredictContext): Prediction {
  return { ok: false, reason: "training engine not yet available" };
}

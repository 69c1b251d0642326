// Error bands of training estimates: leave-one-source-out validation error per calibration family.

/** Relative error band (±) of a family, from leave-one-source-out validation of the public training cases. */
export interface TrainingErrorBand {
  low: number;
  high: number;
  basis: string;
}

/** Per calibration profile (written by `npx tsx bench/training-cases.ts --write`); profiles without validation
 * cases get the widest band, flagged unvalidated. */
export const TRAINING_ERROR_BANDS: Record<string, TrainingErrorBand> = {
  "ampere-cuda": {
    low: -0.102,
    high: 0.034,
    basis: "leave-one-source-out, 8 public training cases: 10th–90th percentile of signed error",
  },
  "hopper-cuda": {
    low: -0.087,
    high: 0.174,
    basis: "leave-one-source-out, 5 public training cases: 10th–90th percentile of signed error",
  },
  "blackwell-cuda": {
    low: 0.0,
    high: 0.317,
    basis: "leave-one-source-out, 2 public training cases: 10th–90th percentile of signed error",
  },
  "ascend-910b-cann": {
    low: -0.094,
    high: 0.144,
    basis: "leave-one-source-out, 14 public training cases: 10th–90th percentile of signed error",
  },
  default: {
    low: 0.0,
    high: 0.601,
    basis: "leave-one-source-out, 2 public training cases: 10th–90th percentile of signed error",
  },
};

const UNVALIDATED: TrainingErrorBand = { low: -0.5, high: 0.5, basis: "unvalidated family: widest band" };

/** The band for a calibration family. */
export function trainingErrorBandFor(family: string): TrainingErrorBand {
  return TRAINING_ERROR_BANDS[family] ?? UNVALIDATED;
}

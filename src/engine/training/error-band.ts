// Error bands of training estimates: leave-one-source-out validation error per calibration family.

/** Relative error band (±) of a family, from leave-one-source-out validation of the public training cases. */
export interface ErrorBand {
  low: number;
  high: number;
  basis: string;
}

/** Leave-one-source-out |error| (p90) per family; families without validation get the widest band. */
export const TRAINING_ERROR_BANDS: Record<string, ErrorBand> = {};

const UNVALIDATED: ErrorBand = { low: -0.5, high: 0.5, basis: "unvalidated family: widest band" };

/** The band for a calibration family. */
export function errorBandFor(family: string): ErrorBand {
  return TRAINING_ERROR_BANDS[family] ?? UNVALIDATED;
}

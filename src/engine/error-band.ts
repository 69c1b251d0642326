// Error bands for estimates: the leave-one-source-out validation error of the chip's calibration family (or the
// nearest validated parent below the root); a family with no validation is flagged `unvalidated` and gets the
// widest band.
import type { CalibrationSet } from "./calibration.js";
import { chainOf, profileFor } from "./calibration.js";

/** Fewest validated cases for a profile's own band; below it the parent's applies. */
export const MIN_BAND_CASES = 3;

/** Band used when no family on the chain is validated (named assumption: ±50 % typical, ±100 % p90). */
export const UNVALIDATED_BAND = { typical: 0.5, p90: 1 };

export interface ErrorBand {
  /** Typical relative error (median |error| of leave-one-source-out predictions). */
  typical: number;
  /** 90th-percentile relative error. */
  p90: number;
  /** The profile whose validation the band comes from, or null. */
  profile: string | null;
  cases: number;
  status: "validated" | "unvalidated";
}

/**
 * The error band of estimates for a chip, from its calibration family's validation record.
 * @example errorBandFor({family: "hopper", stack: "cuda"}, catalogCalibration()).typical // 0.1
 */
export function errorBandFor(chip: { family: string; stack: string }, set: CalibrationSet): ErrorBand {
  const start = profileFor(chip, set);
  for (const p of start ? chainOf(start.id, set) : []) {
    const v = p.validation;
    // The root's record pools every family: it says nothing about an unvalidated one.
    if (p.parent !== null && v && v.cases >= MIN_BAND_CASES)
      return {
        typical: v.medianAbsError,
        p90: v.p90AbsError,
        profile: p.id,
        cases: v.cases,
        status: "validated",
      };
  }
  return { ...UNVALIDATED_BAND, profile: null, cases: 0, status: "unvalidated" };
}

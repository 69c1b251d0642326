// Energy: joules per token from per-chip power and throughput, MW of a fleet, energy of a run of chip-seconds.
import { fail, issue, ok, type Result } from "../issues.js";
import type { PowerEstimate } from "./power.js";

/** Energy per generated token, J/token: IT (chips and hosts) and facility (× PUE). */
export interface EnergyPerToken {
  itJPerToken: number;
  facilityJPerToken: number;
}

/** J/token = average W per chip ÷ tokens/s per chip.
 * @example energyPerToken({averagePerChipW: 432, facilityPerChipW: 561.6}, 1000) // 0.432 J IT, 0.562 J facility */
export function energyPerToken(
  power: Pick<PowerEstimate, "averagePerChipW" | "facilityPerChipW">,
  tokensPerSecondPerChip: number,
): Result<EnergyPerToken> {
  if (!(tokensPerSecondPerChip > 0) || !Number.isFinite(tokensPerSecondPerChip))
    return fail(
      issue(
        "invalid_value",
        ["tokensPerSecondPerChip"],
        `throughput must be a positive number, got ${tokensPerSecondPerChip}`,
      ),
    );
  return ok({
    itJPerToken: power.averagePerChipW / tokensPerSecondPerChip,
    facilityJPerToken: power.facilityPerChipW / tokensPerSecondPerChip,
  });
}

/** Watts to megawatts. */
export const toMW = (w: number) => w / 1e6;

/** Joules to kilowatt-hours. */
export const toKwh = (j: number) => j / 3.6e6;

/** Energy of a run of `chipSeconds` chip-seconds at the estimate's per-chip draw. */
export interface RunEnergy {
  itJ: number;
  facilityJ: number;
  facilityKwh: number;
}

/** Energy of `chipSeconds` chip-seconds (e.g. a training run: chips × wall-clock seconds). */
export function energyOfChipSeconds(
  power: Pick<PowerEstimate, "averagePerChipW" | "facilityPerChipW">,
  chipSeconds: number,
): RunEnergy {
  const itJ = power.averagePerChipW * chipSeconds;
  const facilityJ = power.facilityPerChipW * chipSeconds;
  return { itJ, facilityJ, facilityKwh: toKwh(facilityJ) };
}

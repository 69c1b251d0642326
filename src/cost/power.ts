// Power of a fleet: rated IT power per chip (node rating, or TDP × host multiplier), average draw, facility power.
import type { Accelerator } from "../catalog/schema-accelerator.js";
import { typicalOf } from "../catalog/schema-common.js";
import type { System } from "../catalog/schema-system.js";
import { fail, issue, ok, type Result } from "../issues.js";
import type { CostAssumptions } from "./assumptions.js";

/** What the chips do: selects `servingPowerFraction` or `trainingPowerFraction`. */
export type Purpose = "serving" | "training";

/** Power of `chips` chips, W. Average = rated × power fraction; facility = IT × PUE. */
export interface PowerEstimate {
  purpose: Purpose;
  chips: number;
  /** Where the rating came from: the system's stated node power, or the chip's TDP × host power multiplier. */
  basis: "node-power" | "chip-tdp";
  /** Rated IT power per chip including its share of the host, W. */
  ratedPerChipW: number;
  /** Average IT draw per chip, W. */
  averagePerChipW: number;
  /** Average facility draw per chip (× PUE), W. */
  facilityPerChipW: number;
  /** Fleet average IT power, W. */
  itW: number;
  /** Fleet average facility power, W. */
  facilityW: number;
  /** Fleet rated IT power (what the facility must be built for), W. */
  provisionedItW: number;
  /** How the rating was obtained, e.g. "node 10,200 W ÷ 8 chips". */
  detail: string;
}

/** Rated IT power per chip, W, with how it was obtained; null with a reason when neither node power nor TDP is known. */
export function ratedPowerPerChip(
  chip: Accelerator,
  system: System | undefined,
  a: CostAssumptions,
): { w: number; basis: PowerEstimate["basis"]; detail: string } | { w: null; reason: string } {
  const node = system ? typicalOf(system.nodePowerW) : null;
  if (system && node !== null && node > 0)
    return {
      w: node / system.chipsPerNode,
      basis: "node-power",
      detail: `${system.id} node ${node} W ÷ ${system.chipsPerNode} chips`,
    };
  const tdp = typicalOf(chip.tdpW);
  if (tdp === null || tdp <= 0)
    return {
      w: null,
      reason: `${chip.id}: TDP unknown${system ? ` and ${system.id} states no node power` : ""}`,
    };
  return {
    w: tdp * a.hostPowerMultiplier,
    basis: "chip-tdp",
    detail: `${chip.id} TDP ${tdp} W × host power multiplier ${a.hostPowerMultiplier}`,
  };
}

/** Power of `count` chips doing `purpose`.
 * @example powerFor(h20, 64, { purpose: "serving", assumptions }) // HGX-less: 400 W × 1.8 × 0.6 = 432 W per chip */
export function powerFor(
  chip: Accelerator,
  count: number,
  opts: { system?: System; purpose: Purpose; assumptions: CostAssumptions },
): Result<PowerEstimate> {
  if (!(count > 0))
    return fail(issue("invalid_value", ["count"], `chip count must be positive, got ${count}`));
  const a = opts.assumptions;
  const rated = ratedPowerPerChip(chip, opts.system, a);
  if (rated.w === null)
    return fail(issue("unknown_input", ["tdpW"], `${rated.reason}; power cannot be estimated`));
  const fraction = opts.purpose === "training" ? a.trainingPowerFraction : a.servingPowerFraction;
  const averagePerChipW = rated.w * fraction;
  return ok({
    purpose: opts.purpose,
    chips: count,
    basis: rated.basis,
    ratedPerChipW: rated.w,
    averagePerChipW,
    facilityPerChipW: averagePerChipW * a.pue,
    itW: averagePerChipW * count,
    facilityW: averagePerChipW * a.pue * count,
    provisionedItW: rated.w * count,
    detail: rated.detail,
  });
}

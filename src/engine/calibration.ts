// Resolving a chip's calibration: its family × stack profile, then the parents' values, then fitted overrides.
import {
  CalibrationParameterName,
  catalog,
  type CalibrationProfile,
  type CalibrationParameter,
} from "../catalog/index.js";

export type CalibrationValues = Record<CalibrationParameterName, number>;

/** Efficiencies and overheads for one chip, with the profiles they came from (most specific first). */
export interface Calibration extends CalibrationValues {
  profile: string;
  chain: string[];
  /** Where each value came from: profile id and basis. */
  provenance: Partial<
    Record<CalibrationParameterName, { profile: string; basis: CalibrationParameter["basis"] }>
  >;
}

/** Calibration profiles plus optional in-memory overrides per profile id (a re-fit, e.g. leave-one-source-out). */
export interface CalibrationSet {
  profiles: readonly CalibrationProfile[];
  overrides?: Readonly<Record<string, Partial<CalibrationValues>>>;
}

/** The catalog's calibration profiles, unmodified. */
export function catalogCalibration(): CalibrationSet {
  return { profiles: (catalog as { calibration?: CalibrationProfile[] }).calibration ?? [] };
}

/** Built-in last resort when the catalog carries no `default` profile (keeps the engine usable in tests). */
const FALLBACK: CalibrationValues = {
  gemmEfficiency: 0.78,
  gemmEfficiencyLowPrecision: 0.7,
  gemmTileM: 64,
  referencePeakTflops: 0,
  referenceBandwidthGBps: 0,
  memoryEfficiency: 0.82,
  gemmMemoryEfficiency: 0,
  groupedGemmEfficiencyLowPrecision: 0,
  gemmEfficiencyFp4: 0,
  allToAllLatencyS: 0,
  attentionComputeEfficiency: 0.5,
  attentionMemoryEfficiency: 0.75,
  kernelOverheadS: 5e-6,
  stepOverheadS: 2e-3,
  sequenceOverheadS: 0,
  collectiveLatencyS: 2e-5,
  scaleUpEfficiency: 0.78,
  scaleOutEfficiency: 0.74,
  allToAllEfficiency: 0.6,
  commOverlap: 0.5,
  memoryReserveFraction: 0.1,
  servingEfficiency: 1,
  trainingEfficiency: 1,
};

/** The profile that applies to a chip: family and stack both match, else family alone, else `default`. */
export function profileFor(
  chip: { family: string; stack: string },
  set: CalibrationSet,
): CalibrationProfile | undefined {
  const ps = set.profiles;
  return (
    ps.find((p) => p.match.families.includes(chip.family) && p.match.stacks.includes(chip.stack)) ??
    ps.find((p) => p.match.families.includes(chip.family) && p.match.stacks.length === 0) ??
    ps.find((p) => p.id === "default")
  );
}

/** The chain of profile ids from a profile up to its root (most specific first). */
export function chainOf(id: string, set: CalibrationSet): CalibrationProfile[] {
  const out: CalibrationProfile[] = [];
  let cur: string | null = id;
  while (cur !== null && out.length < 16) {
    const p = set.profiles.find((x) => x.id === cur);
    if (!p) break;
    out.push(p);
    cur = p.parent;
  }
  return out;
}

/**
 * Calibration for a chip: each parameter from the most specific profile that sets it (an override beats the file).
 * @example resolveCalibration({family: "hopper", stack: "cuda"}, catalogCalibration()).gemmEfficiency // 0.8
 */
export function resolveCalibration(
  chip: { family: string; stack: string },
  set: CalibrationSet,
): Calibration {
  const start = profileFor(chip, set);
  const chain = start ? chainOf(start.id, set) : [];
  const values = { ...FALLBACK };
  const provenance: Calibration["provenance"] = {};
  for (const name of CalibrationParameterName.options) {
    for (const p of chain) {
      const o = set.overrides?.[p.id]?.[name];
      if (o !== undefined) {
        values[name] = o;
        provenance[name] = { profile: p.id, basis: "fitted" };
        break;
      }
      const v = p.parameters[name];
      if (v) {
        values[name] = v.value;
        provenance[name] = { profile: p.id, basis: v.basis };
        break;
      }
    }
  }
  return { ...values, profile: start?.id ?? "built-in", chain: chain.map((p) => p.id), provenance };
}

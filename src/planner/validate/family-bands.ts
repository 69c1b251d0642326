// Per-family validation record: leave-one-source-out error of the public inference cases each calibration profile
// covers (its subtree). Written into catalog/calibration as `validation`; error bands come from it.
import { findChip } from "../../catalog/index.js";
import { chainOf, profileFor, type CalibrationSet } from "../../engine/calibration.js";
import { parseCase } from "./case-schema.js";
import { sourceKey, validateCases } from "./run.js";

export interface FamilyValidation {
  cases: number;
  sources: number;
  medianAbsError: number;
  p90AbsError: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

/** Leave-one-source-out |error| statistics of the inference cases under each profile (predicted cases only). */
export function familyValidation(
  raw: readonly unknown[],
  set: CalibrationSet,
): Record<string, FamilyValidation> {
  const report = validateCases(raw, { cv: "source", calibration: set });
  const byId = new Map(report.cases.map((r) => [r.id, r]));
  const errs = new Map<string, { e: number; s: string }[]>();
  raw.forEach((x, i) => {
    const p = parseCase(x, i);
    if (!p.ok || p.case.kind !== "inference") return;
    const r = byId.get(p.case.id);
    const chip = findChip(p.case.system.chip);
    if (!r || r.error === null || !chip.ok) return;
    const prof = profileFor(chip.value, set);
    for (const q of prof ? chainOf(prof.id, set) : [])
      errs.set(q.id, [...(errs.get(q.id) ?? []), { e: Math.abs(r.error), s: sourceKey(p.case) }]);
  });
  const out: Record<string, FamilyValidation> = {};
  for (const [id, list] of errs) {
    const e = list.map((x) => x.e);
    out[id] = {
      cases: list.length,
      sources: new Set(list.map((x) => x.s)).size,
      medianAbsError: quantile(e, 0.5),
      p90AbsError: quantile(e, 0.9),
    };
  }
  return out;
}

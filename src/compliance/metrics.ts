// Export-control metrics from catalog data: TPP, performance density, H100-equivalents (3A090 Technical Notes).
import type { Accelerator, PeakPrecision } from "../catalog/index.js";
import { boundsOf, typicalOf } from "../catalog/index.js";
import type { Warning } from "../issues.js";

/** Bit length of each precision's multiply inputs, as the TPP definition counts it. */
export const BIT_LENGTH: Record<PeakPrecision, number> = {
  fp64: 64,
  fp32: 32,
  tf32: 32,
  bf16: 16,
  fp16: 16,
  fp16Acc16: 16,
  fp8: 8,
  int8: 8,
  fp4: 4,
  int4: 4,
};

/** H100 SXM TPP (1,979 dense FP8 TOPS × 8), the unit of "H100-equivalents". */
export const H100_TPP = 15_832;

export interface MetricValue {
  /** Typical value; null when an input is unknown. */
  value: number | null;
  /** Low and high where an input is a sourced range. */
  bounds: [number, number] | null;
  /** How it was computed, e.g. "1,978.9 TOPS fp8 × 8". */
  formula: string;
  /** Grade of the weakest input. */
  grade: "official" | "reported" | "derived" | "estimated" | "unknown";
  /** Inputs that were unknown. */
  dependsOn: string[];
}

export interface ChipMetrics {
  tpp: MetricValue;
  /** The precision that gives the highest TPP. */
  tppPrecision: PeakPrecision | null;
  performanceDensity: MetricValue;
  h100Equivalents: MetricValue;
  warnings: Warning[];
}

const gradeRank = { official: 0, reported: 1, derived: 2, estimated: 3, unknown: 4 } as const;
type G = keyof typeof gradeRank;
const weakest = (...gs: G[]): G => gs.reduce((a, b) => (gradeRank[b] > gradeRank[a] ? b : a), "official" as G);
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** TPP = 2 × MacTOPS × bit length = dense TOPS × bit length, the highest over the chip's precisions. */
export function chipMetrics(chip: Accelerator): ChipMetrics {
  const warnings: Warning[] = [];
  let best: { p: PeakPrecision; v: number; b: [number, number]; g: G; basis: string } | null = null;
  for (const [p, peak] of Object.entries(chip.peakTflops) as [PeakPrecision, Accelerator["peakTflops"][PeakPrecision]][]) {
    if (!peak) continue;
    const t = typicalOf(peak);
    const b = boundsOf(peak);
    if (t === null || b === null) continue;
    const bits = BIT_LENGTH[p];
    const v = t * bits;
    if (!best || v > best.v)
      best = { p, v, b: [b[0] * bits, b[1] * bits], g: "unknown" in peak ? "unknown" : peak.grade, basis: ("basis" in peak && peak.basis) || "unstated" };
  }
  const tpp: MetricValue = best
    ? {
        value: best.v,
        bounds: best.b,
        formula: `${fmt(best.v / BIT_LENGTH[best.p])} ${best.p.startsWith("int") ? "TOPS" : "TFLOPS"} ${best.p} × ${BIT_LENGTH[best.p]}`,
        grade: best.g === "official" ? "derived" : weakest(best.g, "derived"),
        dependsOn: [],
      }
    : { value: null, bounds: null, formula: "no dense peak known", grade: "unknown", dependsOn: ["peakTflops"] };
  if (best && best.basis !== "dense")
    warnings.push({
      code: "peak_basis_unstated",
      message: `${chip.id}: the ${best.p} peak behind TPP does not say whether it is dense or sparse; used as dense`,
    });

  const area = typicalOf(chip.dieAreaMm2);
  const areaB = boundsOf(chip.dieAreaMm2);
  const areaGrade: G = !chip.dieAreaMm2 || "unknown" in chip.dieAreaMm2 ? "unknown" : chip.dieAreaMm2.grade;
  const pd: MetricValue =
    tpp.value !== null && tpp.bounds && area !== null && areaB
      ? {
          value: tpp.value / area,
          bounds: [tpp.bounds[0] / areaB[1], tpp.bounds[1] / areaB[0]],
          formula: `TPP ${fmt(tpp.value)} ÷ ${fmt(area)} mm²`,
          grade: weakest(tpp.grade, areaGrade, "derived"),
          dependsOn: [],
        }
      : {
          value: null,
          bounds: null,
          formula: "TPP ÷ applicable die area",
          grade: "unknown",
          dependsOn: [...tpp.dependsOn, ...(area === null ? ["dieAreaMm2"] : [])],
        };
  const h100: MetricValue =
    tpp.value !== null && tpp.bounds
      ? {
          value: tpp.value / H100_TPP,
          bounds: [tpp.bounds[0] / H100_TPP, tpp.bounds[1] / H100_TPP],
          formula: `TPP ${fmt(tpp.value)} ÷ ${fmt(H100_TPP)}`,
          grade: tpp.grade,
          dependsOn: [],
        }
      : { ...tpp, formula: "TPP ÷ 15,832" };
  return { tpp, tppPrecision: best?.p ?? null, performanceDensity: pd, h100Equivalents: h100, warnings };
}

// Export-control metrics from catalog data: TPP, performance density, H100-equivalents (3A090 Technical Notes).
import type { Accelerator, PeakPrecision } from "../catalog/index.js";
import { boundsOf, typicalOf } from "../catalog/index.js";
import type { Warning } from "../issues.js";

/** Bit length of each precision's multiply inputs, as the TPP definition counts it ("bit length of the operation").
 * TF32 multiplies 19-bit inputs (1 sign, 8 exponent, 10 mantissa bits) held in 32-bit registers; counting it at 32
 * would double the TPP of parts that run TF32 at their BF16 rate (Trainium2), so it counts at 19. On NVIDIA parts,
 * where TF32 runs at half the BF16 rate, it never decides TPP either way. */
export const BIT_LENGTH: Record<PeakPrecision, number> = {
  fp64: 64,
  fp32: 32,
  tf32: 19,
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
const weakest = (...gs: G[]): G =>
  gs.reduce((a, b) => (gradeRank[b] > gradeRank[a] ? b : a), "official" as G);
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** TPP = 2 × MacTOPS × bit length = dense TOPS × bit length, the highest over the chip's precisions. Catalog peaks are
 * datasheet rates at the highest claimed (boost) clock, which is what the 3A090 technical note asks for. */
export function chipMetrics(chip: Accelerator): ChipMetrics {
  const warnings: Warning[] = [];
  let best: { p: PeakPrecision; v: number; b: [number, number]; g: G; basis: string } | null = null;
  for (const [p, peak] of Object.entries(chip.peakTflops) as [
    PeakPrecision,
    Accelerator["peakTflops"][PeakPrecision],
  ][]) {
    if (!peak) continue;
    const t = typicalOf(peak);
    const b = boundsOf(peak);
    if (t === null || b === null) continue;
    const bits = BIT_LENGTH[p];
    const v = t * bits;
    // Highest TPP wins; on a tie (H20: 148 × 16 = 296 × 8 = 592 × 4) the 8-bit rate, as BIS's example and most
    // datasheet comparisons quote it, then the closest width to 8 bits.
    const tie = best !== null && Math.abs(v - best.v) <= 1e-6 * best.v;
    if (!best || (v > best.v && !tie) || (tie && Math.abs(bits - 8) < Math.abs(BIT_LENGTH[best.p] - 8)))
      best = {
        p,
        v,
        b: [b[0] * bits, b[1] * bits],
        g: "unknown" in peak ? "unknown" : peak.grade,
        basis: ("basis" in peak && peak.basis) || "unstated",
      };
  }
  const tpp: MetricValue = best
    ? {
        value: best.v,
        bounds: best.b,
        formula: `${fmt(best.v / BIT_LENGTH[best.p])} ${best.p.startsWith("int") ? "TOPS" : "TFLOPS"} ${best.p} × ${BIT_LENGTH[best.p]}`,
        grade: best.g === "official" ? "derived" : weakest(best.g, "derived"),
        dependsOn: [],
      }
    : {
        value: null,
        bounds: null,
        formula: "no dense peak known",
        grade: "unknown",
        dependsOn: ["peakTflops"],
      };
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

/** Every metric a rule criterion can compare, keyed by the names rules use (catalog/rules, `metric:`). */
export interface ComplianceMetrics {
  /** TPP: dense TOPS × bit length, the highest over precisions. */
  tpp: MetricValue;
  /** TPP ÷ applicable die area (mm²). */
  performanceDensity: MetricValue;
  /** The Oct 2022 I/O figure: aggregate bidirectional transfer to non-memory ICs, 2 × (scale-up + host) per-direction GB/s. */
  io2022GBps: MetricValue;
  /** DRAM (HBM/GDDR) bandwidth of the package, GB/s. */
  dramBandwidthGBps: MetricValue;
  /** Chip-to-chip interconnect, bidirectional GB/s: the scale-up fabric, or the host interface when there is none. */
  interconnectBandwidthGBps: MetricValue;
  /** DRAM + interconnect bandwidth, GB/s (the "combination thereof" of the April 2025 letters). */
  bandwidthSumGBps: MetricValue;
  /** "Total DRAM bandwidth" of the Jan 2026 rule: all DRAM on the package, GB/s. */
  totalDramBandwidthGBps: MetricValue;
  /** 3A090.c (HBM sold on its own): bandwidth ÷ stack area. Always unknown for an accelerator, which is judged by
   * its logic dies. */
  hbmBandwidthDensityGBpsPerMm2: MetricValue;
  h100Equivalents: MetricValue;
  tppPrecision: PeakPrecision | null;
  warnings: Warning[];
}

type Sourced = Parameters<typeof typicalOf>[0];

function sourced(v: Sourced, label: string, scale = 1, scaleText = ""): MetricValue {
  const t = typicalOf(v);
  const b = boundsOf(v);
  if (!v || t === null || b === null)
    return { value: null, bounds: null, formula: `${label} unknown`, grade: "unknown", dependsOn: [label] };
  const grade = "grade" in v ? v.grade : "unknown";
  return {
    value: t * scale,
    bounds: [b[0] * scale, b[1] * scale],
    formula: scaleText ? `${scaleText} × ${fmt(t)} (${label})` : `${fmt(t)} (${label})`,
    grade: scale === 1 ? grade : weakest(grade, "derived"),
    dependsOn: [],
  };
}

/** a + b with bounds, grades and unknowns combined; `formula` describes the sum. */
function add(a: MetricValue, b: MetricValue, formula: (x: string, y: string) => string): MetricValue {
  if (a.value === null || b.value === null || !a.bounds || !b.bounds)
    return {
      value: null,
      bounds: null,
      formula: formula("?", "?"),
      grade: "unknown",
      dependsOn: [...a.dependsOn, ...b.dependsOn],
    };
  return {
    value: a.value + b.value,
    bounds: [a.bounds[0] + b.bounds[0], a.bounds[1] + b.bounds[1]],
    formula: formula(fmt(a.value), fmt(b.value)),
    grade: weakest(a.grade, b.grade, "derived"),
    dependsOn: [],
  };
}

const zero = (label: string): MetricValue => ({
  value: 0,
  bounds: [0, 0],
  formula: `0 (${label})`,
  grade: "derived",
  dependsOn: [],
});

/**
 * All export-control metrics of a chip. Unknown inputs give a metric with value null and `dependsOn` naming the
 * field; a chip without a scale-up fabric counts 0 GB/s for it (PCIe-only cards).
 * @example complianceMetrics(a100).io2022GBps.value // 2 × (300 + 32) = 664
 */
export function complianceMetrics(chip: Accelerator): ComplianceMetrics {
  const base = chipMetrics(chip);
  const warnings = [...base.warnings];
  const up = chip.scaleUp
    ? sourced(chip.scaleUp.perDirectionGBps, "scaleUp.perDirectionGBps")
    : zero("no scale-up fabric");
  const host = chip.hostInterface
    ? sourced(chip.hostInterface.perDirectionGBps, "hostInterface.perDirectionGBps")
    : zero("no host interface listed");
  if (!chip.hostInterface)
    warnings.push({
      code: "host_interface_missing",
      message: `${chip.id}: no host interface listed; the I/O figures count it as 0 GB/s`,
    });
  const perDir = add(up, host, (x, y) => `${x} + ${y}`);
  const io: MetricValue =
    perDir.value === null || !perDir.bounds
      ? { ...perDir, formula: "2 × (scale-up + host) per-direction GB/s" }
      : {
          ...perDir,
          value: 2 * perDir.value,
          bounds: [2 * perDir.bounds[0], 2 * perDir.bounds[1]],
          formula: `2 × (${perDir.formula}) GB/s per direction (scale-up + host)`,
        };
  const dram = sourced(chip.memory.bandwidthGBps, "memory.bandwidthGBps");
  const interconnect = chip.scaleUp
    ? sourced(chip.scaleUp.perDirectionGBps, `${chip.scaleUp.name} per direction`, 2, "2")
    : chip.hostInterface
      ? sourced(
          chip.hostInterface.perDirectionGBps,
          `PCIe ${chip.hostInterface.pcieGen} per direction`,
          2,
          "2",
        )
      : zero("no interconnect listed");
  const sum = add(dram, interconnect, (x, y) => `${x} DRAM + ${y} interconnect`);
  return {
    tpp: base.tpp,
    performanceDensity: base.performanceDensity,
    io2022GBps: io,
    dramBandwidthGBps: dram,
    interconnectBandwidthGBps: interconnect,
    bandwidthSumGBps: sum,
    totalDramBandwidthGBps: { ...dram, formula: `${dram.formula}, whole package` },
    hbmBandwidthDensityGBpsPerMm2: {
      value: null,
      bounds: null,
      formula: "HBM stack bandwidth ÷ stack area (not an accelerator metric)",
      grade: "unknown",
      dependsOn: ["HBM stack area"],
    },
    h100Equivalents: base.h100Equivalents,
    tppPrecision: base.tppPrecision,
    warnings,
  };
}

// Time of one op on one chip: roofline max(FLOPs / (peak · η_c(shape)), bytes / (BW · η_m)) + kernel overhead,
// with the chip's peak for the op's precision (or a documented fallback when the chip lacks the format).
import type { ChipSpec, PeakPrecision } from "../catalog/index.js";
import type { Warning } from "../issues.js";
import type { Precision } from "../units/index.js";
import type { Op } from "../workload/op.js";
import type { Calibration } from "./calibration.js";
import type { ClusterSpec } from "./cluster.js";
import { collectiveTime } from "./collectives.js";

export type Bound = "compute" | "memory" | "network" | "latency";

export interface OpTime {
  name: string;
  kind: Op["kind"];
  count: number;
  /** Seconds for all `count` instances. */
  time: number;
  bound: Bound;
  flops: number;
  bytes: number;
}

/** Peak keys to try for a precision, best first (the format itself, then wider formats the data can run in). */
const PEAK_ORDER: Record<Precision, PeakPrecision[]> = {
  fp32: ["fp32"],
  tf32: ["tf32", "fp32"],
  bf16: ["bf16", "fp16", "fp32"],
  fp16: ["fp16", "bf16", "fp32"],
  fp8: ["fp8", "bf16", "fp16"],
  mxfp8: ["fp8", "bf16", "fp16"],
  int8: ["int8", "fp8", "bf16", "fp16"],
  fp4: ["fp4", "fp8", "bf16", "fp16"],
  nvfp4: ["fp4", "fp8", "bf16", "fp16"],
  mxfp4: ["fp4", "fp8", "bf16", "fp16"],
  int4: ["int4", "int8", "bf16", "fp16"],
};

const NATIVE: Record<Precision, PeakPrecision> = {
  fp32: "fp32",
  tf32: "tf32",
  bf16: "bf16",
  fp16: "fp16",
  fp8: "fp8",
  mxfp8: "fp8",
  int8: "int8",
  fp4: "fp4",
  nvfp4: "fp4",
  mxfp4: "fp4",
  int4: "int4",
};

/** The dense peak (FLOP/s) a chip runs `precision` math at, the peak key used, and a warning on fallback. */
export function peakFor(
  chip: ChipSpec,
  precision: Precision,
): { flops: number; used: PeakPrecision | null; warning?: Warning } {
  for (const key of PEAK_ORDER[precision]) {
    const v = chip.peak[key]?.value;
    if (v) {
      if (
        key === NATIVE[precision] ||
        (precision === "bf16" && key === "fp16") ||
        (precision === "fp16" && key === "bf16")
      )
        return { flops: v, used: key };
      return {
        flops: v,
        used: key,
        warning: {
          code: "precision_fallback",
          message: `${chip.id} has no ${precision} peak: ${precision} math timed at its ${key} rate (storage stays ${precision})`,
        },
      };
    }
  }
  return { flops: 0, used: null };
}

/**
 * A compute efficiency measured on a reference chip, carried to a chip of the same family with another ratio of
 * peak FLOP/s to memory bandwidth (its ridge point): each tile costs its math plus operand traffic and latency that
 * do not shrink with the math, so η = 1 / (1 + (1/η_ref − 1) · ridge / ridge_ref). A part with slow tensor units
 * and the same memory hides more of it (H20: GEMM 96 % of peak where H100 reaches 80 %; H200 a little above H100).
 */
export function scaledEfficiency(etaRef: number, ridge: number, referenceRidge: number): number {
  if (!(referenceRidge > 0) || !(ridge > 0) || etaRef <= 0) return etaRef;
  return 1 / (1 + (1 / etaRef - 1) * (ridge / referenceRidge));
}

function lowPrecision(key: PeakPrecision | null): boolean {
  return key === "fp8" || key === "int8" || key === "fp4" || key === "int4";
}

/** Fraction of memory bandwidth an op's kernel achieves: decode attention, GEMMs (their library's own streaming
 * figure where the family measured one) or the copy-class figure for everything else. */
function memoryEfficiencyOf(op: Op, cal: Calibration): number {
  if (op.kind === "attention") return cal.attentionMemoryEfficiency;
  if (op.kind === "gemm" && cal.gemmMemoryEfficiency > 0) return cal.gemmMemoryEfficiency;
  return cal.memoryEfficiency;
}

/**
 * Times one op (all `count` instances) on one chip of the cluster.
 * GEMMs with fewer rows than the calibrated tile height cost a full tile of compute (decode GEMMs).
 */
export function timeOp(op: Op, cluster: ClusterSpec, cal: Calibration, warnings: Warning[]): OpTime {
  const base = {
    name: op.name,
    kind: op.kind,
    count: op.count,
    flops: op.flops * op.count,
    bytes: op.bytes * op.count,
  };
  if (op.kind === "collective" && op.collective) {
    const c = collectiveTime(op.collective, cluster, cal);
    return { ...base, time: c.time * op.count, bound: c.bound };
  }
  const bw = (cluster.chip.memoryBandwidth.value ?? 0) * memoryEfficiencyOf(op, cal);
  const tm = bw > 0 ? op.bytes / bw : Number.POSITIVE_INFINITY;
  let tc = 0;
  if (op.flops > 0) {
    const peak = peakFor(cluster.chip, op.precision);
    if (peak.warning) warnings.push(peak.warning);
    let eta: number;
    let flops = op.flops;
    if (op.kind === "attention") eta = cal.attentionComputeEfficiency;
    else {
      eta = lowPrecision(peak.used) ? cal.gemmEfficiencyLowPrecision : cal.gemmEfficiency;
      if (peak.used === "fp4" && cal.gemmEfficiencyFp4 > 0) eta = cal.gemmEfficiencyFp4;
      if (lowPrecision(peak.used) && (op.gemm?.groups ?? 1) > 1 && cal.groupedGemmEfficiencyLowPrecision > 0)
        eta = cal.groupedGemmEfficiencyLowPrecision;
      if (op.gemm && op.gemm.m > 0) {
        const tile = Math.max(1, cal.gemmTileM);
        // Rows below one tile still cost a full tile; above it, partial tiles average out across the shapes a
        // serving engine pads batches to, so cost grows smoothly with M.
        flops = (op.flops * Math.max(op.gemm.m, tile)) / op.gemm.m;
      }
    }
    const ridge = peakFor(cluster.chip, "bf16").flops / (cluster.chip.memoryBandwidth.value ?? 0);
    const refRidge =
      cal.referenceBandwidthGBps > 0
        ? (cal.referencePeakTflops * 1e12) / (cal.referenceBandwidthGBps * 1e9)
        : 0;
    eta = scaledEfficiency(eta, ridge, refRidge);
    tc = peak.flops > 0 ? flops / (peak.flops * eta) : Number.POSITIVE_INFINITY;
  }
  const work = Math.max(tc, tm);
  const overhead = cal.kernelOverheadS;
  const bound: Bound = overhead > work ? "latency" : tc >= tm ? "compute" : "memory";
  return { ...base, time: (work + overhead) * op.count, bound };
}

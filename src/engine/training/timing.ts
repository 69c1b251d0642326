// Op timing for training: an adapter over the engine's shared roofline (op-time.ts) and α–β collectives
// (collectives.ts), placing each parallel group on the topology and applying the training-only factors.
import type { Warning } from "../../issues.js";
import type { Op } from "../../workload/op.js";
import type { Calibration } from "../calibration.js";
import type { ClusterSpec } from "../cluster.js";
import { collectiveTime as sharedCollectiveTime } from "../collectives.js";
import { timeOp } from "../op-time.js";
import type { TrainingFactors } from "./calibration.js";

/** The cluster fields the training engine reads (a ClusterSpec satisfies it). */
export type TrainingCluster = Pick<
  ClusterSpec,
  "chip" | "count" | "scaleUpDomain" | "scaleUpBandwidth" | "scaleOutBandwidth"
>;

/** How a parallel group sits on the topology. */
export interface GroupLink {
  /** Group members inside one scale-up domain (1 when every member is in a different domain). */
  perDomain: number;
  /** Group size. */
  size: number;
}

/** Seconds of a compute op (all `count` instances) and what binds it. Backward attention runs at
 * `attentionBackwardRatio` of the forward kernel's rate; the family's fitted `trainingEfficiency` scales every
 * kernel (what a whole training step sustains of the modelled kernel speed). */
export function computeSeconds(
  op: Op,
  cluster: TrainingCluster,
  cal: Calibration,
  f: TrainingFactors,
  warnings: Warning[],
): { seconds: number; bound: "compute" | "memory" } {
  const t = timeOp(op, cluster as ClusterSpec, cal, warnings);
  const eff = cal.trainingEfficiency || 1;
  if (op.gemm && t.bound !== "memory" && f.gemmShapeHalfSaturation > 0) {
    // Shape efficiency: each GEMM dimension d fills the chip's tiles as d / (d + d₀), on top of the large-shape
    // efficiency; the per-kernel overhead stays as the shared timing adds it.
    const g = op.gemm;
    const fill = (d: number) => d / (d + f.gemmShapeHalfSaturation);
    const overhead = cal.kernelOverheadS * op.count;
    // Grouped expert GEMMs: one kernel per local expert (Transformer Engine GroupedLinear) at the grouped-GEMM
    // efficiency relative to a dense GEMM of the same shape.
    const grouped = g.groups > 1 ? f.groupedGemmEfficiency : 1;
    const work = Math.max(0, t.time - overhead) / (fill(g.m) * fill(g.n) * fill(g.k) * grouped);
    if (g.groups > 1) return { seconds: (work + overhead * g.groups) / eff, bound: "compute" };
    return { seconds: (work + overhead) / eff, bound: "compute" };
  }
  const slow = op.kind === "attention" && op.name.endsWith(".bwd") ? 1 / f.attentionBackwardRatio : 1;
  return { seconds: (t.time * slow) / eff, bound: t.bound === "memory" ? "memory" : "compute" };
}

/**
 * Seconds of a collective over a group placed on the hierarchical topology: the shared α–β model with the
 * scale-up domain narrowed to the members of this group that share one (a DP group strided by TP·CP has one
 * member per node when TP·CP fills the node, so its reduce runs over the NICs).
 */
export function collectiveSeconds(
  kind: NonNullable<Op["collective"]>["kind"],
  payloadBytes: number,
  link: GroupLink,
  cluster: TrainingCluster,
  cal: Calibration,
): number {
  if (link.size <= 1 || payloadBytes <= 0) return 0;
  const placed = {
    ...cluster,
    scaleUpDomain: Math.max(1, Math.min(link.perDomain, link.size)),
  } as ClusterSpec;
  return sharedCollectiveTime({ kind, payloadBytes, group: "dp", groupSize: link.size }, placed, cal).time;
}

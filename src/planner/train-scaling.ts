// The training scaling curve: tokens/s per chip and MFU against cluster size for a model on a chip — the picture
// of multi-card cluster efficiency — each point the best configuration the search finds at that size.
import { resolveCluster, type ClusterInput } from "../engine/cluster.js";
import type { Architecture } from "../workload/architecture.js";
import { describeConfig, searchTraining, type TrainingSearchSpace } from "./train-search.js";

/** One point of the curve; `best` is null (with `reason`) when no configuration fits that many chips. */
export interface ScalingPoint {
  chips: number;
  best: {
    config: string;
    tokensPerSecondPerChip: number;
    mfu: number;
    mfuBf16: number;
    stepTime: number;
    bubbleFraction: number;
  } | null;
  reason?: string;
}

/** Default cluster sizes: 8 doubling to 65,536, then 98,304 and 131,072 (past 100,000). */
export const SCALING_SIZES: readonly number[] = [
  8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 98304, 131072,
];

/**
 * Best configuration at each cluster size for a fixed global batch (default: 16 M tokens, Llama 3 405B's final
 * batch) — per-chip throughput falls once data parallelism runs out of sequences and TP/PP/CP must grow.
 * @example scalingCurve(llama70b, { chip: "h100", count: 8 }, { globalBatch: 2048, seqLen: 8192, precision: "bf16" })
 */
export function scalingCurve(
  arch: Architecture,
  cluster: Omit<ClusterInput, "count">,
  space: TrainingSearchSpace,
  sizes: readonly number[] = SCALING_SIZES,
): ScalingPoint[] {
  return sizes.map((chips) => {
    const cl = resolveCluster({ ...cluster, count: chips });
    if (!cl.ok) return { chips, best: null, reason: cl.issues[0]?.message ?? "cannot resolve the cluster" };
    const r = searchTraining(arch, cl.value, space, { keep: 1 });
    if (!r.ok) return { chips, best: null, reason: r.issues[0]?.message ?? "infeasible" };
    const b = r.value.ranked[0];
    if (!b) return { chips, best: null, reason: "infeasible" };
    return {
      chips,
      best: {
        config: describeConfig(b.config),
        tokensPerSecondPerChip: b.tokensPerSecondPerChip,
        mfu: b.mfu,
        mfuBf16: b.mfuBf16,
        stepTime: b.stepTime,
        bubbleFraction: b.bubbleFraction,
      },
    };
  });
}

// Building a ServingConfig from user-level choices (nullable degrees and precisions), with documented defaults:
// the same path for `suanli infer`, `plan serve`, the API and validation cases.
import { fail, issue, ok, type Result, type Warning } from "../issues.js";
import { isPrecision, type Precision } from "../units/index.js";
import type { Architecture } from "../workload/architecture.js";
import type { MoeRouting } from "../workload/moe-routing.js";
import { resolveCalibration, type CalibrationSet } from "./calibration.js";
import { resolveCluster, type ClusterInput } from "./cluster.js";
import type { ServingConfig, Speculative } from "./inference.js";
import { compiledRuntime, reserveBasis } from "./serving-defaults.js";

export interface ServingChoices {
  tp?: number | null;
  ep?: number | null;
  dp?: number | null;
  pp?: number | null;
  weights?: Precision | null;
  activations?: Precision | null;
  kvCache?: Precision | null;
  moeRouting?: MoeRouting | null;
  speculative?: Speculative | null;
  /** Serving framework name (e.g. "vllm", "tensorrt-llm"); selects the host-overhead model. */
  framework?: string | null;
}

const LOW_FLOAT: readonly Precision[] = ["fp8", "mxfp8", "fp4", "nvfp4", "mxfp4"];

/**
 * Precisions with the documented defaults: weights the checkpoint's; activations the weights' 8-bit format (W8A8)
 * or bf16; KV cache FP8 for FP8/FP4 weight-and-activation checkpoints (they ship FP8 KV scales), else bf16.
 */
export function defaultPrecisions(arch: Architecture, c: ServingChoices): ServingConfig["precisions"] {
  const ck: Precision = isPrecision(arch.weightPrecision) ? arch.weightPrecision : "bf16";
  const weights: Precision = c.weights ?? ck;
  const eight = weights === "fp8" || weights === "int8" || weights === "mxfp8";
  const activations: Precision = c.activations ?? (eight ? weights : "bf16");
  const kvDefault: Precision =
    LOW_FLOAT.includes(weights) && LOW_FLOAT.includes(activations) ? "fp8" : "bf16";
  return { weights, activations, kvCache: c.kvCache ?? kvDefault };
}

/** Parallel degrees filling nulls so that tp × dp × pp = count; a MoE model with ep > 1 defaults to attention DP. */
export function defaultParallel(
  count: number,
  moe: boolean,
  c: ServingChoices,
): Result<ServingConfig["parallel"]> {
  const pp = c.pp ?? 1;
  const ep = c.ep ?? 1;
  let tp = c.tp ?? null;
  let dp = c.dp ?? null;
  if (tp === null && dp === null) {
    if (moe && ep > 1) [tp, dp] = [1, count / pp];
    else [tp, dp] = [count / pp, 1];
  } else if (tp === null) tp = count / ((dp as number) * pp);
  else if (dp === null) dp = count / (tp * pp);
  if (!Number.isInteger(tp) || !Number.isInteger(dp) || tp * (dp as number) * pp !== count)
    return fail(issue("invalid_value", ["tp"], `tp × dp × pp must equal the chip count (${count})`));
  return ok({ tp, ep, dp: dp as number, pp });
}

/**
 * A serving configuration: cluster resolved from the catalog, calibration of the chip's family, defaults applied.
 * @example servingConfig(arch, {chip: "h100", count: 8}, {tp: 8}, catalogCalibration())
 */
export function servingConfig(
  arch: Architecture,
  cluster: ClusterInput,
  choices: ServingChoices,
  calibration: CalibrationSet,
): Result<ServingConfig> {
  const cl = resolveCluster(cluster);
  if (!cl.ok) return cl;
  const moe = arch.layers.some((l) => l.mlp.kind === "moe");
  const parallel = defaultParallel(cluster.count, moe, choices);
  if (!parallel.ok) return parallel;
  const warnings: Warning[] = [...cl.warnings];
  const cal = resolveCalibration(cl.value.accelerator, calibration);
  return ok(
    {
      arch,
      cluster: cl.value,
      calibration: compiledRuntime(choices.framework) ? { ...cal, sequenceOverheadS: 0 } : cal,
      precisions: defaultPrecisions(arch, choices),
      parallel: parallel.value,
      moeRouting: choices.moeRouting ?? "natural",
      speculative: choices.speculative ?? null,
      reserveOf: reserveBasis(choices.framework),
    },
    warnings,
  );
}

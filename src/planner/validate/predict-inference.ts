// Predicts an inference validation case's metric with the inference engine and serving model.
import { findModel } from "../../catalog/index.js";
import { formatIssue, type Result } from "../../issues.js";
import { isPrecision, type Precision } from "../../units/index.js";
import { resolveCalibration } from "../../engine/calibration.js";
import { resolveCluster } from "../../engine/cluster.js";
import { estimateInference, type InferenceEstimate, type InferenceRequest } from "../../engine/estimate.js";
import type { ServingConfig } from "../../engine/inference.js";
import { frameworkMaxBatch } from "../../engine/serving-defaults.js";
import { importConfig } from "../../workload/import/index.js";
import type { Architecture } from "../../workload/architecture.js";
import type { InferenceCase } from "./case-schema.js";
import type { PredictContext, Prediction } from "./prediction.js";

function no(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function why<T>(r: Result<T>): string {
  return r.ok ? "" : r.issues.map(formatIssue).join("; ");
}

function archOf(model: InferenceCase["model"]): Result<Architecture> {
  if (typeof model === "string") {
    const m = findModel(model);
    if (!m.ok) return m;
    return importConfig(m.value.configText, { source: `models/${m.value.id}/config.json` });
  }
  return importConfig(model, { source: "model" });
}

/** Precisions with the documented defaults: weights the checkpoint's, activations the weights' 8-bit format
 * (W8A8) or bf16, KV cache FP8 for FP8/FP4 weight-and-activation checkpoints, else bf16. */
function precisionsOf(c: InferenceCase, arch: Architecture): ServingConfig["precisions"] {
  const i = c.inference;
  const ck = isPrecision(arch.weightPrecision) ? arch.weightPrecision : "bf16";
  const weights: Precision = i.weights ?? ck;
  const eight = weights === "fp8" || weights === "int8" || weights === "mxfp8";
  const activations: Precision = i.activations ?? (eight ? weights : "bf16");
  // FP8 W8A8 checkpoints ship FP8 KV scales; the engine takes the FP8 cache they allow (the best it finds).
  const lowFloat = ["fp8", "mxfp8", "fp4", "nvfp4", "mxfp4"];
  const kvDefault: Precision = lowFloat.includes(weights) && lowFloat.includes(activations) ? "fp8" : "bf16";
  return { weights, activations, kvCache: i.kvCache ?? kvDefault };
}

/** Parallel degrees, filling nulls: tp × dp × pp = count; a MoE model with ep > 1 defaults to attention DP. */
function parallelOf(c: InferenceCase, moe: boolean): ServingConfig["parallel"] | string {
  const i = c.inference;
  const n = c.system.count;
  const pp = i.pp ?? 1;
  const ep = i.ep ?? 1;
  let tp = i.tp ?? null;
  let dp = i.dp ?? null;
  if (tp === null && dp === null) {
    if (moe && ep > 1) {
      tp = 1;
      dp = n / pp;
    } else {
      dp = 1;
      tp = n / pp;
    }
  } else if (tp === null) tp = n / ((dp as number) * pp);
  else if (dp === null) dp = n / (tp * pp);
  if (!Number.isInteger(tp) || !Number.isInteger(dp)) return `tp × dp × pp cannot equal count (${n})`;
  return { tp, ep, dp: dp as number, pp };
}

/** The serving configuration and scenario a case describes, or why it cannot be expressed. */
export function caseScenario(
  c: InferenceCase,
  ctx: PredictContext,
):
  | { ok: true; cfg: ServingConfig; request: InferenceRequest; warnings: string[] }
  | { ok: false; reason: string } {
  const i = c.inference;
  if (i.disaggregation) return no("prefill–decode disaggregated cases are not expressed yet");
  const phase = i.phase;
  if (!phase) return no("inference.phase is required");
  const arch = archOf(c.model);
  if (!arch.ok) return no(why(arch));
  const cluster = resolveCluster({
    chip: c.system.chip,
    count: c.system.count,
    scaleUpDomain: c.system.scaleUpDomain ?? null,
    scaleOutGbpsPerChip: c.system.scaleOutGbpsPerChip ?? null,
    server: c.system.server ?? null,
  });
  if (!cluster.ok) return no(why(cluster));
  const moe = arch.value.layers.some((l) => l.mlp.kind === "moe");
  const parallel = parallelOf(c, moe);
  if (typeof parallel === "string") return no(parallel);
  const calibration = resolveCalibration(cluster.value.accelerator, ctx.calibration);
  const cfg: ServingConfig = {
    arch: arch.value,
    cluster: cluster.value,
    calibration,
    precisions: precisionsOf(c, arch.value),
    parallel,
    moeRouting: i.moeRouting ?? "natural",
    speculative: i.speculative
      ? { method: i.speculative.method, acceptLength: i.speculative.acceptLength }
      : null,
  };
  const input = i.inputTokens;
  if (!input) return no("inference.inputTokens is required");
  if (phase === "end-to-end" && !i.outputTokens)
    return no("inference.outputTokens is required for an end-to-end case");
  const scenario = i.scenario ?? (i.requestRate ? "server" : i.batch ? "closed-loop" : "offline");
  const request: InferenceRequest = {
    phase,
    inputTokens: input,
    outputTokens: i.outputTokens ?? 0,
    batch: i.batch ?? null,
    scenario,
    requestRate: i.requestRate ?? null,
    slo: {
      tpot: i.slo?.tpotMs ? i.slo.tpotMs / 1e3 : null,
      ttft: i.slo?.ttftMs ? i.slo.ttftMs / 1e3 : null,
      percentile: i.slo?.percentile ?? "mean",
    },
    maxBatch: frameworkMaxBatch(i.software?.framework),
  };
  return { ok: true, cfg, request, warnings: cluster.warnings.map((x) => x.message) };
}

/** The metric of an inference case predicted from its inputs only (never its id, source, notes or value). */
export function predictInference(c: InferenceCase, ctx: PredictContext): Prediction {
  const sc = caseScenario(c, ctx);
  if (!sc.ok) return sc;
  const est = estimateInference(sc.cfg, sc.request);
  if (!est.ok) return no(why(est));
  const e = est.value;
  const phase = sc.request.phase;
  const value = metricOf(c.metric.name, phase, e);
  if (value === null) return no(`metric ${c.metric.name} is not defined for a ${phase} case`);
  return {
    ok: true,
    predicted: value,
    warnings: [...new Set([...sc.warnings, ...est.warnings.map((x) => x.message)])],
    calibrationProfile: sc.cfg.calibration.profile,
  };
}

function metricOf(name: string, phase: string, e: InferenceEstimate): number | null {
  switch (name) {
    case "input_tokens_per_s_per_chip":
      return phase === "decode" ? null : e.inputTokensPerSecondPerChip;
    case "output_tokens_per_s_per_chip":
      return phase === "prefill" ? null : e.outputTokensPerSecondPerChip;
    case "tpot_ms":
      return phase === "prefill" ? null : e.tpot * 1e3;
    case "ttft_ms":
      return phase === "decode" ? null : e.ttft * 1e3;
    default:
      return null;
  }
}

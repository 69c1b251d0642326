// Predicts an inference validation case's metric with the inference engine and serving model.
import { findModel } from "../../catalog/index.js";
import { formatIssue, type Result } from "../../issues.js";
import { isPrecision, type Precision } from "../../units/index.js";
import { resolveCalibration } from "../../engine/calibration.js";
import { resolveCluster } from "../../engine/cluster.js";
import { decodeStep, prefillStep, type ServingConfig } from "../../engine/inference.js";
import {
  atRate,
  batchLimit,
  bestBatch,
  meanContext,
  PREFILL_CHUNK_TOKENS,
  servingPoint,
} from "../../engine/serving.js";
import { frameworkMaxBatch, PERCENTILE_OVER_MEAN } from "../../engine/serving-defaults.js";
import { importConfig } from "../../workload/import/index.js";
import type { Architecture } from "../../workload/architecture.js";
import type { InferenceCase } from "./case-schema.js";
import type { PredictContext, Prediction } from "./prediction.js";

function no(reason: string): Prediction {
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
 * (W8A8) or bf16, KV cache bf16. */
function precisionsOf(c: InferenceCase, arch: Architecture): ServingConfig["precisions"] {
  const i = c.inference;
  const ck = isPrecision(arch.weightPrecision) ? arch.weightPrecision : "bf16";
  const weights: Precision = i.weights ?? ck;
  const eight = weights === "fp8" || weights === "int8" || weights === "mxfp8";
  const activations: Precision = i.activations ?? (eight ? weights : "bf16");
  return { weights, activations, kvCache: i.kvCache ?? "bf16" };
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

/** The metric of an inference case predicted from its inputs only (never its id, source, notes or value). */
export function predictInference(c: InferenceCase, ctx: PredictContext): Prediction {
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
  const output = i.outputTokens ?? 0;
  const w = { inputTokens: input, outputTokens: output };
  const count = c.system.count;
  const metric = c.metric.name;
  const warnings = [...cluster.warnings.map((x) => x.message)];
  const done = (v: number, ws: { message: string }[] = []): Prediction => ({
    ok: true,
    predicted: v,
    warnings: [...new Set([...warnings, ...ws.map((x) => x.message)])],
    calibrationProfile: calibration.profile,
  });
  const pct = PERCENTILE_OVER_MEAN[i.slo?.percentile ?? "mean"] ?? 1;
  const cap = frameworkMaxBatch(i.software?.framework);

  if (phase === "prefill") {
    let batch = i.batch ?? null;
    if (batch === null) {
      const perRank = Math.max(1, Math.floor(PREFILL_CHUNK_TOKENS / input));
      batch = perRank * parallel.dp;
      const ttft = i.slo?.ttftMs ? (i.slo.ttftMs / 1e3) * pct : null;
      if (ttft) {
        // Largest whole prompts per rank whose prefill step meets the TTFT bound.
        let best = 1;
        for (let k = 1; k <= perRank; k++) {
          const s = prefillStep(cfg, k * parallel.dp, input);
          if (s.ok && s.value.time <= ttft) best = k;
        }
        batch = best * parallel.dp;
      }
    }
    const s = prefillStep(cfg, batch, input);
    if (!s.ok) return no(why(s));
    if (metric === "input_tokens_per_s_per_chip")
      return done((batch * input) / s.value.time / count, s.warnings);
    if (metric === "ttft_ms") return done(s.value.time * 1e3, s.warnings);
    return no(`metric ${metric} is not defined for a prefill case`);
  }

  if (phase === "decode") {
    let batch = i.batch ?? null;
    if (batch === null) {
      const lim = batchLimit(cfg, w);
      if (!lim.ok) return no(why(lim));
      batch = Math.min(lim.value.max, cap);
    }
    const s = decodeStep(cfg, batch, meanContext(w));
    if (!s.ok) return no(why(s));
    const accept = cfg.speculative?.acceptLength ?? 1;
    if (metric === "output_tokens_per_s_per_chip")
      return done((batch * accept) / s.value.time / count, s.warnings);
    if (metric === "tpot_ms") return done((s.value.time / accept) * 1e3, s.warnings);
    return no(`metric ${metric} is not defined for a decode case`);
  }

  // End-to-end.
  if (!i.outputTokens) return no("inference.outputTokens is required for an end-to-end case");
  const scenario = i.scenario ?? (i.requestRate ? "server" : i.batch ? "closed-loop" : "offline");
  let point;
  if (scenario === "fixed-batch" && i.batch) {
    // One batch, prefilled together and decoded to the end (a latency benchmark).
    const pre = prefillStep(cfg, i.batch, input);
    const dec = decodeStep(cfg, i.batch, meanContext(w));
    if (!pre.ok) return no(why(pre));
    if (!dec.ok) return no(why(dec));
    const accept = cfg.speculative?.acceptLength ?? 1;
    const wall = pre.value.time + (output / accept) * dec.value.time;
    const tpot = dec.value.time / accept;
    if (metric === "output_tokens_per_s_per_chip")
      return done((i.batch * output) / wall / count, dec.warnings);
    if (metric === "tpot_ms") return done(tpot * 1e3, dec.warnings);
    if (metric === "ttft_ms") return done(pre.value.time * 1e3, pre.warnings);
    return no(`metric ${metric} is not defined for an end-to-end case`);
  } else if (scenario === "server" && i.requestRate) point = atRate(cfg, w, i.requestRate);
  else if (i.batch && scenario !== "offline") point = servingPoint(cfg, w, i.batch);
  else {
    const slo =
      scenario === "server" ? { tpot: i.slo?.tpotMs ? (i.slo.tpotMs / 1e3) * pct : null, ttft: null } : {};
    point = bestBatch(cfg, w, slo, i.batch ?? cap);
  }
  if (!point.ok) return no(why(point));
  const p = point.value;
  const ws = point.warnings;
  if (metric === "output_tokens_per_s_per_chip") {
    const demand = i.requestRate ? (i.requestRate * output) / count : Number.POSITIVE_INFINITY;
    return done(Math.min(p.outputPerChip, demand), ws);
  }
  if (metric === "input_tokens_per_s_per_chip") return done(p.inputPerChip, ws);
  if (metric === "tpot_ms") return done(p.tpot * 1e3, ws);
  if (metric === "ttft_ms") return done(p.ttft * 1e3, ws);
  return no(`metric ${metric} is not defined for an inference case`);
}

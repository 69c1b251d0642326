// Predicts an inference validation case's metric with the inference engine and serving model.
import { findModel } from "../../catalog/index.js";
import { formatIssue, type Result } from "../../issues.js";
import { servingConfig } from "../../engine/serving-config.js";
import { estimateDisaggregated } from "../../engine/disaggregated.js";
import { estimateInference, type InferenceEstimate, type InferenceRequest } from "../../engine/estimate.js";
import type { ServingConfig } from "../../engine/inference.js";
import type { CalibrationSet } from "../../engine/calibration.js";
import { frameworkMaxBatch } from "../../engine/serving-defaults.js";
import { importConfig } from "../../workload/import/index.js";
import type { Architecture } from "../../workload/architecture.js";
import { caseCluster, type InferenceCase } from "./case-schema.js";
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

/** The serving configuration and scenario a case describes, or why it cannot be expressed. */
export function caseScenario(
  c: InferenceCase,
  ctx: PredictContext,
):
  | { ok: true; cfg: ServingConfig; request: InferenceRequest; warnings: string[] }
  | { ok: false; reason: string } {
  const i = c.inference;
  const phase = i.phase;
  if (!phase) return no("inference.phase is required");
  const arch = archOf(c.model);
  if (!arch.ok) return no(why(arch));
  const built = servingConfig(
    arch.value,
    caseCluster(c.system),
    {
      tp: i.tp,
      ep: i.ep,
      dp: i.dp,
      pp: i.pp,
      weights: i.weights,
      activations: i.activations,
      kvCache: i.kvCache,
      moeRouting: i.moeRouting,
      speculative: i.speculative
        ? { method: i.speculative.method, acceptLength: i.speculative.acceptLength }
        : null,
      framework: i.software?.framework ?? null,
    },
    ctx.calibration,
  );
  if (!built.ok) return no(why(built));
  const cfg = built.value;
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
  return { ok: true, cfg, request, warnings: built.ok ? built.warnings.map((x) => x.message) : [] };
}

/** The metric of an inference case predicted from its inputs only (never its id, source, notes or value). */
export function predictInference(c: InferenceCase, ctx: PredictContext): Prediction {
  if (c.inference.disaggregation) return predictDisaggregated(c, ctx);
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
    warnings: [
      ...new Set([
        ...sc.warnings,
        ...est.warnings.map((x) => x.message),
        ...calibrationNotes(sc.cfg, ctx.calibration),
      ]),
    ],
    calibrationProfile: sc.cfg.calibration.profile,
  };
}

/** Named threshold: a family whose leave-one-source-out p90 |error| reaches this is flagged as widely scattered. */
export const SCATTERED_FAMILY_P90 = 0.5;

/**
 * What the calibration behind a prediction rests on, when it is weak: a serving efficiency inherited from a parent
 * (the family has too few public cases to fit its own) or a family whose public cases scatter widely.
 */
export function calibrationNotes(cfg: ServingConfig, set: CalibrationSet): string[] {
  const cal = cfg.calibration;
  const own = set.profiles.find((p) => p.id === cal.profile);
  if (!own) return [];
  const out: string[] = [];
  if (own.parameters.servingEfficiency?.basis !== "fitted") {
    const from = cal.provenance.servingEfficiency?.profile ?? "default";
    out.push(
      `calibration ${own.id} has too few public serving cases (< 5 from ≥ 2 sources) to fit its own serving ` +
        `efficiency: it inherits ${cal.servingEfficiency.toFixed(2)} from ${from}`,
    );
  }
  const v = own.validation;
  if (v && v.cases > 1 && v.p90AbsError >= SCATTERED_FAMILY_P90)
    out.push(
      `calibration ${own.id}: its public cases scatter widely (leave-one-source-out p90 |error| ` +
        `${(v.p90AbsError * 100).toFixed(0)} % over ${v.cases} cases): measured serving speed on this family ` +
        `varies with framework and version more than the model explains`,
    );
  return out;
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

/** A disaggregated case: each pool is the case's system with the pool's count and degrees. */
function predictDisaggregated(c: InferenceCase, ctx: PredictContext): Prediction {
  const d = c.inference.disaggregation;
  if (!d) return no("no disaggregation");
  const pool = (p: { count: number; tp?: number | null; dp?: number | null; ep?: number | null }) =>
    caseScenario(
      {
        ...c,
        system: { ...c.system, count: p.count },
        inference: {
          ...c.inference,
          disaggregation: null,
          tp: p.tp ?? null,
          dp: p.dp ?? null,
          ep: p.ep ?? null,
          pp: 1,
        },
      },
      ctx,
    );
  const pre = pool(d.prefill);
  if (!pre.ok) return no(`prefill pool: ${pre.reason}`);
  const dec = pool(d.decode);
  if (!dec.ok) return no(`decode pool: ${dec.reason}`);
  const est = estimateDisaggregated(pre.cfg, dec.cfg, dec.request);
  if (!est.ok) return no(why(est));
  const e = est.value;
  const phase = dec.request.phase;
  const pick = phase === "prefill" ? e.prefill : phase === "decode" ? e.decode : e.system;
  const value = metricOf(c.metric.name, phase, pick);
  if (value === null) return no(`metric ${c.metric.name} is not defined for a ${phase} case`);
  return {
    ok: true,
    predicted: value,
    warnings: [...new Set([...pre.warnings, ...dec.warnings, ...est.warnings.map((x) => x.message)])],
    calibrationProfile: dec.cfg.calibration.profile,
  };
}

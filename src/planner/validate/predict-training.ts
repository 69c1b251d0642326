// Predicts a training validation case's metric with the training engine: the case's model, cluster and layout;
// fields the source leaves open (null) are searched and the choice is reported.
import { findModel } from "../../catalog/index.js";
import { resolveCluster } from "../../engine/cluster.js";
import { trainingFactorsFor, type TrainingFactors } from "../../engine/training/calibration.js";
import { trainingCalibration } from "../../engine/training/efficiency.js";
import type { Architecture } from "../../workload/architecture.js";
import { importConfig } from "../../workload/import/index.js";
import { formatIssue, type Result, type Warning } from "../../issues.js";
import { searchTraining, type TrainingSearchSpace } from "../train-search.js";
import { caseCluster, type TrainingCase } from "./case-schema.js";
import type { PredictContext, Prediction } from "./prediction.js";

/** The architecture of a case's model: an inline config.json object or a catalog model id. */
export function caseArchitecture(model: string | Record<string, unknown>): Result<Architecture> {
  if (typeof model === "string") {
    const m = findModel(model);
    if (!m.ok) return m;
    return importConfig(m.value.configText, { source: `models/${m.value.id}/config.json` });
  }
  return importConfig(model, { source: "model" });
}

/** The search space of a case: fixed fields as given, nulls left open (searched) — except interleaving, which
 * defaults to plain 1F1B (vpp 1) when the source does not state it (documented default of FORMAT.md's null). */
export function caseSearchSpace(c: TrainingCase): Result<TrainingSearchSpace> {
  const t = c.training;
  const warnings: Warning[] = [];
  // Documented defaults where the source is silent: 4,096-token sequences, 4 M tokens per step (a whole number of
  // sequences per data-parallel rank is found by the search).
  const seqLen = t.seqLen ?? 4096;
  if (!t.seqLen)
    warnings.push({ code: "assumed_seq_len", message: "sequence length not stated: 4,096 assumed" });
  let globalBatch = t.globalBatch ?? Math.max(1, Math.round(4_194_304 / seqLen));
  if (!t.globalBatch) {
    const dp = t.dp ?? 1;
    globalBatch = Math.max(dp, Math.round(globalBatch / dp) * dp);
    warnings.push({
      code: "assumed_global_batch",
      message: `global batch not stated: ${globalBatch} sequences (~4 M tokens) assumed`,
    });
  }
  return {
    ok: true,
    warnings,
    value: {
      globalBatch,
      seqLen,
      precision: t.precision ?? "bf16",
      tp: t.tp ?? null,
      pp: t.pp ?? null,
      dp: t.dp ?? null,
      cp: t.cp ?? null,
      ep: t.ep ?? null,
      vpp: t.vpp ?? 1,
      microBatch: t.microBatch ?? null,
      recompute: t.recompute ?? null,
      zero: (t.zero ?? null) as 0 | 1 | 2 | 3 | null,
      pipelineLayers: t.pipelineLayers ?? null,
      lora: t.lora ?? false,
    },
  };
}

/**
 * The metric of a training case (tokens_per_s_per_chip) predicted from its inputs only.
 * @example predictTraining(c, { calibration: catalogCalibration() }) // { ok: true, predicted: 1580, … }
 */
export function predictTraining(
  c: TrainingCase,
  ctx: PredictContext & { factors?: Record<string, TrainingFactors> },
): Prediction {
  if (c.metric.name !== "tokens_per_s_per_chip")
    return {
      ok: false,
      reason: `training metric ${c.metric.name} is not supported (tokens_per_s_per_chip is)`,
    };
  const arch = caseArchitecture(c.model as string | Record<string, unknown>);
  if (!arch.ok) return { ok: false, reason: arch.issues.map(formatIssue).join("; ") };
  const cluster = resolveCluster(caseCluster(c.system));
  if (!cluster.ok) return { ok: false, reason: cluster.issues.map(formatIssue).join("; ") };
  const space = caseSearchSpace(c);
  if (!space.ok) return { ok: false, reason: space.issues.map(formatIssue).join("; ") };
  const calibration = trainingCalibration(cluster.value.chip, ctx.calibration);
  const factors = trainingFactorsFor(cluster.value.chip, ctx.factors);
  const r = searchTraining(arch.value, cluster.value, space.value, { calibration, factors, keep: 1 });
  if (!r.ok) return { ok: false, reason: r.issues.map(formatIssue).join("; ") };
  const best = r.value.ranked[0];
  if (!best) return { ok: false, reason: "no feasible configuration" };
  const chosen = Object.entries(r.value.chosen).map(([k, v]) => `${k}=${String(v)}`);
  const warnings = [...cluster.warnings.map((w) => w.message), ...space.warnings.map((w) => w.message)];
  if (chosen.length) warnings.push(`chosen by search (the case leaves them open): ${chosen.join(", ")}`);
  if (arch.value.layers.some((l) => l.mlp.kind === "moe"))
    warnings.push(
      "mixture-of-experts training modelled as balanced grouped GEMMs and all-to-all: router, permutation and launch overheads of the framework are not modelled (the public MoE cases run slower than this)",
    );
  if (c.training.vpp === null || c.training.vpp === undefined)
    warnings.push("interleaving not stated: plain 1F1B assumed (vpp 1)");
  return {
    ok: true,
    predicted: best.tokensPerSecondPerChip,
    warnings,
    calibrationProfile:
      factors.family === calibration.profile
        ? calibration.profile
        : `${calibration.profile} (training factors ${factors.family})`,
  };
}

// What the web app computes off the main thread, by name: each job is a composition of library calls on
// structured-cloneable input (model ids, chip ids, numbers), so the page stays responsive during a search.
import { planTraining } from "../../../src/planner/train-plan.js";
import { scalingCurve, type ScalingPoint } from "../../../src/planner/train-scaling.js";
import { caseArchitecture } from "../../../src/planner/validate/predict-training.js";
import { validateCases } from "../../../src/planner/validate/run.js";
import {
  catalogCalibration,
  decodeStep,
  findChip,
  formatIssue,
  meanContext,
  prefillStep,
  servingConfig,
  type Accelerator,
} from "../../../src/index.js";
import { servePlanInput, trainPlanInput } from "../../../src/planner/plan-requests.js";
import { planServe, type ServeLayout } from "../../../src/planner/serve-plan.js";
import type { ServingPlanRequest, TrainingPlanRequest } from "../../../server/api-schemas.js";
import extraCases from "../../../validation/extra-cases.json" with { type: "json" };
import publicCases from "../../../validation/public-cases.json" with { type: "json" };
import { todayIso } from "../lib/dates.js";

/** Inputs are the HTTP API's request shapes (one declaration, shared with the server). */
export type TrainInput = TrainingPlanRequest;

function arch(model: string | Record<string, unknown>) {
  const a = caseArchitecture(model);
  if (!a.ok) throw new Error(a.issues.map(formatIssue).join("; "));
  return a.value;
}

function trainPlan(i: TrainInput) {
  const r = planTraining(trainPlanInput(i, arch(i.model), todayIso()));
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("; "));
  return { rows: r.value, warnings: r.warnings };
}

function scaling(
  i: Pick<TrainInput, "model" | "chips" | "seqLen" | "globalBatch" | "precision"> & { sizes: number[] },
) {
  const a = arch(i.model);
  const out: { chip: string; points: ScalingPoint[] }[] = [];
  for (const id of i.chips) {
    const chip = findChip(id);
    if (!chip.ok) continue;
    out.push({
      chip: chip.value.id,
      points: scalingCurve(
        a,
        { chip: chip.value.id },
        { globalBatch: i.globalBatch, seqLen: i.seqLen, precision: i.precision },
        i.sizes,
      ),
    });
  }
  return out;
}

export type ServeInput = ServingPlanRequest;

function accelerators(ids: readonly string[]): Accelerator[] {
  return ids.flatMap((id) => {
    const r = findChip(id);
    return r.ok ? [r.value] : [];
  });
}

function servePlan(i: ServeInput) {
  const r = planServe(
    servePlanInput(i, arch(i.model), accelerators(i.chips ?? []), catalogCalibration(), todayIso()),
  );
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("; "));
  return { ...r.value, warnings: r.warnings };
}

/** TPOT bounds of the Pareto sweep, ms (tokens/s per user = 1000 / TPOT). */
export const PARETO_TPOT_MS = [15, 20, 30, 50, 80, 120, 200];

/** Per chip: capacity per chip at each TPOT bound → the tokens/s-per-user vs tokens/s-per-chip frontier. */
function servePareto(i: ServeInput) {
  const a = arch(i.model);
  const chips = accelerators(i.chips ?? []);
  const out = chips.map((c) => ({
    chip: c.id,
    points: [] as { perUser: number; perChip: number; tpotMs: number }[],
  }));
  for (const tpotMs of PARETO_TPOT_MS) {
    const r = planServe({
      arch: a,
      chips,
      rate: i.rate,
      inputTokens: i.inputTokens,
      outputTokens: i.outputTokens,
      slo: { tpot: tpotMs / 1e3, ttft: null, percentile: i.percentile },
      allowQuant: i.allowQuant,
      exportTo: null,
      calibration: catalogCalibration(),
    });
    if (!r.ok) continue;
    for (const p of r.value.plans) {
      const row = out.find((o) => o.chip === p.chip);
      if (row && p.feasible && p.capacityPerChip && p.tpotMs)
        row.points.push({ perUser: 1000 / p.tpotMs, perChip: p.capacityPerChip, tpotMs: p.tpotMs });
    }
  }
  return out;
}

/** Which pool of a plan the breakdown shows: a colocated instance runs both steps, a disaggregated pool one. */
export type DetailPool = "colocated" | "prefill" | "decode";

/** One pool's decode and prefill steps, op by op (for the breakdown of one plan); the batch each step ran at. */
function serveDetail(i: {
  model: string;
  chip: string;
  /** The plan's system (its scale-up domain and network), as the planner used. */
  server: string | null;
  layout: ServeLayout;
  /** The plan's batch: the decode batch of a colocated instance, or of the decode pool at the planned load. */
  batch: number;
  pool: DetailPool;
  inputTokens: number;
  outputTokens: number;
  tpotMs: number | null;
  ttftMs: number | null;
  percentile: string;
  speculative?: { method: string; acceptLength: number } | null;
}) {
  const a = arch(i.model);
  const cfg = servingConfig(
    a,
    { chip: i.chip, count: i.layout.count, server: i.server },
    {
      tp: i.layout.tp,
      ep: i.layout.ep,
      dp: i.layout.dp,
      pp: 1,
      weights: i.layout.weights,
      activations: i.layout.activations,
      kvCache: i.layout.kvCache,
      speculative: i.speculative ?? null,
    },
    catalogCalibration(),
  );
  if (!cfg.ok) throw new Error(cfg.issues.map(formatIssue).join("; "));
  const w = { inputTokens: i.inputTokens, outputTokens: i.outputTokens };
  const batch = i.batch;
  const decode = i.pool === "prefill" ? null : decodeStep(cfg.value, batch, meanContext(w));
  const prompts = Math.max(1, i.layout.dp);
  const prefill = i.pool === "decode" ? null : prefillStep(cfg.value, prompts, i.inputTokens);
  return {
    decode: decode?.ok ? decode.value : null,
    prefill: prefill?.ok ? prefill.value : null,
    batch,
    prompts,
  };
}

/** Job name → function. */
export const WEB_JOBS = {
  trainPlan,
  scaling,
  servePlan,
  servePareto,
  serveDetail,
  validate: (i: { cv: boolean; set?: "public" | "extra" }) =>
    i.set === "extra"
      ? validateCases(extraCases as unknown[])
      : validateCases(publicCases as unknown[], i.cv ? { cv: "source" } : {}),
} as const;

export type WebJob = keyof typeof WEB_JOBS;
export type WebJobInput<N extends WebJob> = Parameters<(typeof WEB_JOBS)[N]>[0];
export type WebJobOutput<N extends WebJob> = ReturnType<(typeof WEB_JOBS)[N]>;

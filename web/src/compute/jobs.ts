// What the web app computes off the main thread, by name: each job is a composition of library calls on
// structured-cloneable input (model ids, chip ids, numbers), so the page stays responsive during a search.
import { planTraining } from "../../../src/planner/train-plan.js";
import { scalingCurve, type ScalingPoint } from "../../../src/planner/train-scaling.js";
import { caseArchitecture } from "../../../src/planner/validate/predict-training.js";
import { validateCases } from "../../../src/planner/validate/run.js";
import { findChip, formatIssue } from "../../../src/index.js";
import publicCases from "../../../validation/public-cases.json" with { type: "json" };

export interface TrainInput {
  model: string;
  chips: string[];
  tokens: number;
  deadlineDays: number | null;
  count: number | null;
  seqLen: number;
  globalBatch: number;
  precision: "bf16" | "fp8";
  to: string;
  date: string;
}

function arch(model: string) {
  const a = caseArchitecture(model);
  if (!a.ok) throw new Error(a.issues.map(formatIssue).join("; "));
  return a.value;
}

function trainPlan(i: TrainInput) {
  const r = planTraining({
    arch: arch(i.model),
    chips: i.chips,
    tokens: i.tokens,
    ...(i.count ? { count: i.count } : { deadlineDays: i.deadlineDays ?? 30 }),
    space: { globalBatch: i.globalBatch, seqLen: i.seqLen, precision: i.precision },
    to: i.to,
    date: i.date,
  });
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

/** Job name → function. */
export const WEB_JOBS = {
  trainPlan,
  scaling,
  validate: (i: { cv: boolean }) => validateCases(publicCases as unknown[], i.cv ? { cv: "source" } : {}),
} as const;

export type WebJob = keyof typeof WEB_JOBS;
export type WebJobInput<N extends WebJob> = Parameters<(typeof WEB_JOBS)[N]>[0];
export type WebJobOutput<N extends WebJob> = ReturnType<(typeof WEB_JOBS)[N]>;

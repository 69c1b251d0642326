// Heavy computations the API runs off the main thread, by name: the worker looks a job up here and runs it.
// Each is a composition of library calls on JSON input, returning JSON (a Result where the input may be infeasible).
import {
  catalog,
  fail,
  findChip,
  ok,
  type Accelerator,
  type Issue,
  type Result,
  type Warning,
} from "../src/index.js";
import { planServe } from "../src/planner/serve-plan.js";
import { planTraining } from "../src/planner/train-plan.js";
import { servePlanInput, trainPlanInput } from "../src/planner/plan-requests.js";
import { scalingCurve, SCALING_SIZES } from "../src/planner/train-scaling.js";
import { catalogCalibration } from "../src/engine/calibration.js";
import { resolveCluster } from "../src/engine/cluster.js";
import { estimateInference } from "../src/engine/estimate.js";
import { searchTraining } from "../src/planner/train-search.js";
import { caseCluster, type InferenceCase, type TrainingCase } from "../src/planner/validate/case-schema.js";
import { caseScenario } from "../src/planner/validate/predict-inference.js";
import { caseArchitecture, caseSearchSpace } from "../src/planner/validate/predict-training.js";
import { validateCases, type ValidateOptions } from "../src/planner/validate/run.js";
import type { InferenceEstimateRequest, TrainingEstimateRequest } from "./api-schemas-engine.js";
import type { ScalingRequest, ServingPlanRequest, TrainingPlanRequest } from "./api-schemas-plans.js";

/** The case-format envelope the engine's case readers expect, around a request (no id, source or measured value
 * is read by them). */
function asCase<K extends "inference" | "training">(kind: K, body: object): unknown {
  return {
    id: "request",
    kind,
    source: { title: "API request", url: "request" },
    metric: { name: "tokens_per_s_per_chip", value: 1 },
    tolerance: 1,
    ...body,
  };
}

function inferenceEstimate(r: InferenceEstimateRequest) {
  const c = asCase("inference", r) as InferenceCase;
  const sc = caseScenario(c, { calibration: catalogCalibration() });
  if (!sc.ok) return fail({ code: "infeasible", path: ["inference"], message: sc.reason });
  const est = estimateInference(sc.cfg, sc.request);
  if (!est.ok) return est;
  const warnings: Warning[] = [
    ...sc.warnings.map((m) => ({ code: "scenario", message: m })),
    ...est.warnings,
  ];
  return ok(
    {
      estimate: est.value,
      config: {
        parallel: sc.cfg.parallel,
        precisions: sc.cfg.precisions,
        calibrationProfile: sc.cfg.calibration.profile,
      },
    },
    warnings,
  );
}

function trainingEstimate(r: TrainingEstimateRequest) {
  const arch = caseArchitecture(r.model);
  if (!arch.ok) return arch;
  const space = caseSearchSpace(asCase("training", r) as TrainingCase);
  if (!space.ok) return space;
  const cluster = resolveCluster(caseCluster(r.system));
  if (!cluster.ok) return cluster;
  const found = searchTraining(arch.value, cluster.value, space.value, { keep: r.keep ?? 5 });
  if (!found.ok) return found;
  const best = found.value.ranked[0];
  if (!best)
    return fail({
      code: "infeasible",
      path: ["training"],
      message:
        "no configuration fits: " + found.value.rejected.map((x) => `${x.reason} (${x.count})`).join("; "),
    });
  return ok({ best, ...found.value }, [...cluster.warnings, ...found.warnings]);
}

const today = () => new Date().toISOString().slice(0, 10);

function chipsOf(ids: readonly string[]): Result<Accelerator[]> {
  const issues: Issue[] = [];
  const out: Accelerator[] = [];
  ids.forEach((id, i) => {
    const r = findChip(id);
    if (r.ok) out.push(r.value);
    else issues.push(...r.issues.map((x) => ({ ...x, path: ["chips", i] })));
  });
  return issues.length ? fail(...issues) : ok(out);
}

function servingPlan(r: ServingPlanRequest) {
  const arch = caseArchitecture(r.model);
  if (!arch.ok) return { ...arch, issues: arch.issues.map((x) => ({ ...x, path: ["model", ...x.path] })) };
  const chips = r.all
    ? ok(catalog.accelerators.filter((c) => c.status !== "cancelled"))
    : chipsOf(r.chips ?? []);
  if (!chips.ok) return chips;
  const req = { ...r, to: r.to?.toUpperCase() };
  return planServe(servePlanInput(req, arch.value, chips.value, catalogCalibration(), today()));
}

function trainingPlan(r: TrainingPlanRequest) {
  const arch = caseArchitecture(r.model);
  if (!arch.ok) return { ...arch, issues: arch.issues.map((x) => ({ ...x, path: ["model", ...x.path] })) };
  return planTraining(trainPlanInput({ ...r, to: r.to?.toUpperCase() }, arch.value, today()));
}

function scaling(r: ScalingRequest) {
  const arch = caseArchitecture(r.model);
  if (!arch.ok) return { ...arch, issues: arch.issues.map((x) => ({ ...x, path: ["model", ...x.path] })) };
  const chip = findChip(r.chip);
  if (!chip.ok) return { ...chip, issues: chip.issues.map((x) => ({ ...x, path: ["chip"] })) };
  const points = scalingCurve(
    arch.value,
    { chip: chip.value.id },
    { globalBatch: r.globalBatch, seqLen: r.seqLen, precision: r.precision },
    r.sizes ?? SCALING_SIZES.filter((n) => n <= 16384),
  );
  return ok({ chip: chip.value.id, points });
}

/** Job name → pure function of a JSON-able input. */
export const JOBS = {
  validate: (input: { cases: unknown[]; cv?: "source" }) =>
    validateCases(input.cases, input.cv ? ({ cv: input.cv } satisfies ValidateOptions) : {}),
  inferenceEstimate: (
    input: InferenceEstimateRequest,
  ): Result<ReturnType<typeof inferenceEstimate> extends Result<infer T> ? T : never> =>
    inferenceEstimate(input),
  trainingEstimate: (input: TrainingEstimateRequest) => trainingEstimate(input),
  servingPlan: (input: ServingPlanRequest) => servingPlan(input),
  trainingPlan: (input: TrainingPlanRequest) => trainingPlan(input),
  scaling: (input: ScalingRequest) => scaling(input),
} as const;

export type JobName = keyof typeof JOBS;
export type JobInput<N extends JobName> = Parameters<(typeof JOBS)[N]>[0];
export type JobOutput<N extends JobName> = ReturnType<(typeof JOBS)[N]>;

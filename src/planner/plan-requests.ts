// A plan request (the HTTP API's and the web app's shape, declared once as zod schemas in server/api-schemas.ts)
// mapped to the planner's input: latency bounds ms → s, the export screen from `to` and `date`, a deadline or a count.
import type { Accelerator } from "../catalog/index.js";
import type { CalibrationSet } from "../engine/calibration.js";
import type { Architecture } from "../workload/architecture.js";
import type { ServePlanInput } from "./serve-plan.js";
import type { TrainPlanInput } from "./train-plan.js";

/** The fields of a serving plan request the planner reads (latency bounds in ms; null or absent = no bound). */
export interface ServePlanRequestFields {
  rate: number;
  inputTokens: number;
  outputTokens: number;
  tpotMs?: number | null | undefined;
  ttftMs?: number | null | undefined;
  percentile: ServePlanInput["slo"]["percentile"];
  /** Export destination (as given: the caller normalises case). */
  to?: string | undefined;
  /** YYYY-MM-DD of the export screen; default `today`. */
  date?: string | undefined;
  includeRestricted: boolean;
  allowQuant: NonNullable<ServePlanInput["allowQuant"]>;
  powerMW?: number | null | undefined;
  basis: NonNullable<ServePlanInput["basis"]>;
  speculative?: ServePlanInput["speculative"] | undefined;
}

/**
 * `planServe`'s input for a request, on resolved architecture and chips.
 * Example: `planServe(servePlanInput(req, arch, chips, catalogCalibration(), "2026-01-01"))`.
 */
export function servePlanInput(
  r: ServePlanRequestFields,
  arch: Architecture,
  chips: readonly Accelerator[],
  calibration: CalibrationSet,
  today: string,
): ServePlanInput {
  return {
    arch,
    chips,
    rate: r.rate,
    inputTokens: r.inputTokens,
    outputTokens: r.outputTokens,
    slo: {
      tpot: r.tpotMs ? r.tpotMs / 1e3 : null,
      ttft: r.ttftMs ? r.ttftMs / 1e3 : null,
      percentile: r.percentile,
    },
    allowQuant: r.allowQuant,
    exportTo: r.to ? { destination: r.to, date: r.date ?? today } : null,
    includeRestricted: r.includeRestricted,
    powerMW: r.powerMW ?? null,
    basis: r.basis,
    speculative: r.speculative ?? null,
    calibration,
  };
}

/** The fields of a training plan request the planner reads: a count (when given) or a deadline (default 30 days). */
export interface TrainPlanRequestFields {
  chips: string[];
  tokens: number;
  deadlineDays?: number | undefined;
  count?: number | undefined;
  seqLen: number;
  globalBatch: number;
  precision: TrainPlanInput["space"]["precision"];
  /** Export destination (as given: the caller normalises case). */
  to?: string | undefined;
  /** YYYY-MM-DD of the export status; default `today`. */
  date?: string | undefined;
}

/**
 * `planTraining`'s input for a request, on a resolved architecture.
 * Example: `planTraining(trainPlanInput(req, arch, "2026-01-01"))`.
 */
export function trainPlanInput(r: TrainPlanRequestFields, arch: Architecture, today: string): TrainPlanInput {
  return {
    arch,
    chips: r.chips,
    tokens: r.tokens,
    ...(r.count ? { count: r.count } : { deadlineDays: r.deadlineDays ?? 30 }),
    space: { globalBatch: r.globalBatch, seqLen: r.seqLen, precision: r.precision },
    ...(r.to ? { to: r.to, date: r.date ?? today } : {}),
  };
}

// HTTP API schemas for validation: run the bundled public cases or a posted case file (format v1). No Node imports.
import { z } from "zod";
import type { ValidationReport as LibReport } from "../src/planner/validate/run.js";
import { LIMITS, Meta, type Assert } from "./api-schemas-common.js";

export const ValidationQuery = z.object({
  cv: z.enum(["source"]).optional().meta({ description: "leave-one-source-out cross-validation" }),
  set: z.enum(["public", "extra"]).optional().meta({
    description:
      "which bundled cases: the public ones (default) or the out-of-sample extra set nothing is fitted to (no cv)",
  }),
});

/** POST /validation: cases in the format of validation/FORMAT.md (each case is checked; a bad one becomes a row). */
export const ValidationRequest = z
  .object({
    cases: z
      .array(z.looseObject({}))
      .min(1)
      .meta({ description: `at most ${LIMITS.maxCases} (else 422)` }),
    cv: z.enum(["source"]).optional(),
  })
  .meta({ id: "ValidationRequest" });

const CaseResult = z.object({
  id: z.string(),
  kind: z.string(),
  chip: z.string(),
  metric: z.string().nullable(),
  measured: z.number().nullable(),
  predicted: z.number().nullable(),
  error: z.number().nullable(),
  tolerance: z.number().nullable(),
  withinTolerance: z.boolean(),
  reason: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  calibrationProfile: z.string().optional(),
});
const Summary = z.object({
  count: z.number(),
  medianAbsError: z.number(),
  p90AbsError: z.number(),
  withinTolerance: z.number(),
});
export const ValidationReport = z
  .object({
    cases: z.array(CaseResult),
    summary: Summary.extend({ byKind: z.object({ training: Summary, inference: Summary }) }),
    mode: z.enum(["in-sample", "leave-one-source-out"]),
  })
  .meta({ id: "ValidationReport" });
export type _ReportMatch = Assert<LibReport extends z.infer<typeof ValidationReport> ? true : false>;

export const ValidationResponse = z.object({ meta: Meta, report: ValidationReport }).meta({
  id: "ValidationResponse",
  description:
    "errors are fractions: (predicted − measured) / measured; medians count a missing prediction as infinite (serialised as null)",
});

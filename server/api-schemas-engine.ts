// HTTP API schemas for the performance engines: one inference estimate and one training estimate (or search),
// with inputs in the validation-case format (model, system, inference | training). No Node imports.
import { z } from "zod";
import { CaseSystem, InferenceSpec, TrainingSpec } from "../src/planner/validate/case-schema.js";
import { Meta, WarningSchema } from "./api-schemas-common.js";

/** A catalog model id or alias, or a Hugging Face config.json object. */
const ModelRef = z
  .union([z.string().min(1).max(120), z.record(z.string(), z.unknown())])
  .meta({ example: "deepseek-r1", description: "catalog model id/alias, or a config.json object" });

/** POST /inference/estimate: one serving scenario on one instance. Nulls are chosen by the engine. */
export const InferenceEstimateRequest = z
  .object({ model: ModelRef, system: CaseSystem, inference: InferenceSpec })
  .meta({
    id: "InferenceEstimateRequest",
    example: {
      model: "deepseek-r1",
      system: { chip: "h20", count: 8 },
      inference: {
        phase: "decode",
        tp: 8,
        inputTokens: 2048,
        outputTokens: 512,
        batch: 32,
        scenario: "fixed-batch",
      },
    },
  });
export type InferenceEstimateRequest = z.infer<typeof InferenceEstimateRequest>;

/** POST /training/estimate: the best configurations for a model on a cluster; nulls in `training` are searched. */
export const TrainingEstimateRequest = z
  .object({
    model: ModelRef,
    system: CaseSystem,
    training: TrainingSpec,
    keep: z
      .number()
      .int()
      .min(1)
      .max(50)
      .optional()
      .meta({ description: "configurations to return (default 5)" }),
  })
  .meta({
    id: "TrainingEstimateRequest",
    example: {
      model: "llama-3.1-70b",
      system: { chip: "h100-sxm", count: 64 },
      training: { seqLen: 8192, globalBatch: 128, precision: "bf16" },
    },
  });
export type TrainingEstimateRequest = z.infer<typeof TrainingEstimateRequest>;

const Step = z.looseObject({ time: z.number() });
export const InferenceEstimate = z
  .looseObject({
    batch: z.number(),
    outputTokensPerSecondPerChip: z.number(),
    inputTokensPerSecondPerChip: z.number(),
    tpot: z.number().meta({ description: "seconds per output token" }),
    ttft: z.number().meta({ description: "seconds to first token" }),
    decode: Step.nullable(),
    prefill: Step.nullable(),
    memory: z.looseObject({}).nullable(),
  })
  .meta({ id: "InferenceEstimate" });

export const InferenceEstimateResponse = z
  .object({
    meta: Meta,
    estimate: InferenceEstimate,
    config: z.looseObject({
      parallel: z.looseObject({}),
      precisions: z.looseObject({}),
      calibrationProfile: z.string(),
    }),
    warnings: z.array(WarningSchema),
  })
  .meta({ id: "InferenceEstimateResponse" });

export const TrainingEstimate = z
  .looseObject({
    config: z.looseObject({}),
    stepTime: z.number(),
    tokensPerSecondPerChip: z.number(),
    mfu: z.number(),
    mfuBf16: z.number(),
    hfu: z.number(),
    breakdown: z.looseObject({}),
    memory: z.looseObject({}),
    ops: z.array(z.looseObject({})),
    errorBand: z.looseObject({ low: z.number(), high: z.number(), basis: z.string() }),
  })
  .meta({ id: "TrainingEstimate" });

export const TrainingEstimateResponse = z
  .object({
    meta: Meta,
    best: TrainingEstimate,
    ranked: z.array(TrainingEstimate),
    evaluated: z.number().int(),
    rejected: z.array(z.object({ reason: z.string(), count: z.number(), example: z.string() })),
    chosen: z.record(z.string(), z.unknown()),
    warnings: z.array(WarningSchema),
  })
  .meta({ id: "TrainingEstimateResponse" });

// HTTP API schemas for plans: serving capacity plans, training plans and the training scaling curve. No Node imports.
import { z } from "zod";
import { PRECISIONS } from "../src/index.js";
import type { ChipServePlan as LibChipServePlan } from "../src/planner/serve-plan.js";
import type { TrainPlanRow as LibTrainPlanRow } from "../src/planner/train-plan.js";
import type { ScalingPoint as LibScalingPoint } from "../src/planner/train-scaling.js";
import { LIMITS, Meta, WarningSchema, type Assert } from "./api-schemas-common.js";

/** Most chips one plan may compare (else 422). */
export const MAX_PLAN_CHIPS = LIMITS.maxPlanChips;
/** Most chips one training plan may search (each a search over cluster sizes; else 422). */
export const MAX_TRAIN_PLAN_CHIPS = LIMITS.maxTrainPlanChips;
/** Largest cluster a training plan or curve may consider. */
export const MAX_CLUSTER = LIMITS.maxClusterChips;

const ModelRef = z
  .union([z.string().min(1).max(120), z.record(z.string(), z.unknown())])
  .meta({ example: "deepseek-r1", description: "catalog model id/alias, or a config.json object" });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
const Country = z.string().regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 country code, e.g. CN");
const Chips = z.array(z.string().min(1).max(120)).min(1);

export const ServingPlanRequest = z
  .object({
    model: ModelRef,
    chips: Chips.optional().meta({
      description: `chip ids or aliases (at most ${MAX_PLAN_CHIPS}); or all: true`,
    }),
    all: z.boolean().optional().meta({ description: "every catalog chip" }),
    rate: z.number().positive().meta({ description: "requests per second across the fleet" }),
    inputTokens: z.number().int().positive().default(2000),
    outputTokens: z.number().int().positive().default(500),
    tpotMs: z.number().positive().nullable().optional(),
    ttftMs: z.number().positive().nullable().optional(),
    percentile: z.enum(["mean", "p50", "p90", "p99"]).default("mean"),
    to: Country.optional().meta({
      description:
        "export destination; chips under presumption of denial are left out unless includeRestricted",
    }),
    date: Day.optional(),
    includeRestricted: z.boolean().default(false),
    allowQuant: z.array(z.enum(PRECISIONS)).default([]),
    powerMW: z.number().positive().nullable().optional(),
    basis: z.enum(["purchase", "cloud"]).default("purchase"),
    speculative: z
      .object({ method: z.string().min(1), acceptLength: z.number().min(1) })
      .nullable()
      .optional()
      .meta({
        description: "speculative decoding / MTP on every layout: mean tokens emitted per target step",
      }),
  })
  .refine((r) => r.all === true || (r.chips?.length ?? 0) > 0, {
    message: "give chips or all: true",
    path: ["chips"],
  })
  .meta({
    id: "ServingPlanRequest",
    example: {
      model: "deepseek-r1",
      chips: ["h20", "ascend-910b", "ascend-910c", "h100"],
      rate: 10,
      tpotMs: 50,
      to: "CN",
      includeRestricted: true,
    },
  });
export type ServingPlanRequest = z.infer<typeof ServingPlanRequest>;

const ChipServePlanCore = z.object({
  chip: z.string(),
  name: z.string(),
  feasible: z.boolean(),
  reason: z.string().optional(),
  chips: z.number().optional(),
  outputTokensPerSecondPerChip: z.number().optional(),
  configsEvaluated: z.number(),
  rejected: z.record(z.string(), z.number()),
});
export type _ServeMatch = Assert<LibChipServePlan extends z.infer<typeof ChipServePlanCore> ? true : false>;
/** One chip's plan: layout, batch, throughput, chips, nodes, cost, export status, error band (more fields pass). */
export const ChipServePlan = ChipServePlanCore.loose().meta({ id: "ChipServePlan" });

export const ServingPlanResponse = z
  .object({
    meta: Meta,
    plans: z.array(ChipServePlan),
    configsEvaluated: z.number(),
    warnings: z.array(WarningSchema),
  })
  .meta({ id: "ServingPlanResponse" });

export const TrainingPlanRequest = z
  .object({
    model: ModelRef,
    chips: Chips.meta({ description: `chip ids or aliases (at most ${MAX_TRAIN_PLAN_CHIPS})` }),
    tokens: z.number().positive().meta({ description: "tokens to train on" }),
    deadlineDays: z.number().positive().optional(),
    count: z.number().int().positive().optional(),
    seqLen: z.number().int().positive(),
    globalBatch: z.number().int().positive().meta({ description: "sequences per optimizer step" }),
    precision: z.enum(["bf16", "fp16", "fp8"]).default("bf16"),
    to: Country.optional(),
    date: Day.optional(),
  })
  .refine((r) => r.deadlineDays !== undefined || r.count !== undefined, {
    message: "give deadlineDays (the smallest cluster meeting it) or count (the time a fixed cluster needs)",
    path: ["deadlineDays"],
  })
  .meta({
    id: "TrainingPlanRequest",
    example: {
      model: "llama-3.1-70b",
      chips: ["h100", "ascend-910b"],
      tokens: 1e12,
      deadlineDays: 30,
      seqLen: 8192,
      globalBatch: 512,
    },
  });
export type TrainingPlanRequest = z.infer<typeof TrainingPlanRequest>;

const TrainPlanRowCore = z.object({
  chip: z.string(),
  system: z.string().nullable(),
  count: z.number().nullable(),
  meetsDeadline: z.boolean(),
  reason: z.string().optional(),
});
export type _TrainMatch = Assert<LibTrainPlanRow extends z.infer<typeof TrainPlanRowCore> ? true : false>;
/** One chip's training plan: cluster size, best configuration, time, cost, export status (more fields pass). */
export const TrainPlanRow = TrainPlanRowCore.loose().meta({ id: "TrainPlanRow" });

export const TrainingPlanResponse = z
  .object({ meta: Meta, rows: z.array(TrainPlanRow), warnings: z.array(WarningSchema) })
  .meta({ id: "TrainingPlanResponse" });

export const ScalingRequest = z
  .object({
    model: ModelRef,
    chip: z.string().min(1).max(120),
    sizes: z
      .array(z.number().int().positive())
      .min(1)
      .optional()
      .meta({ description: `cluster sizes (each ≤ ${MAX_CLUSTER}; at most ${LIMITS.maxScalingSizes})` }),
    seqLen: z.number().int().positive(),
    globalBatch: z.number().int().positive(),
    precision: z.enum(["bf16", "fp16", "fp8"]).default("bf16"),
  })
  .meta({
    id: "ScalingRequest",
    example: {
      model: "llama-3.1-70b",
      chip: "h100",
      sizes: [8, 64, 512, 4096],
      seqLen: 8192,
      globalBatch: 512,
    },
  });
export type ScalingRequest = z.infer<typeof ScalingRequest>;

export const ScalingPoint = z
  .object({
    chips: z.number(),
    best: z
      .object({
        config: z.string(),
        tokensPerSecondPerChip: z.number(),
        mfu: z.number(),
        mfuBf16: z.number(),
        stepTime: z.number(),
        bubbleFraction: z.number(),
      })
      .nullable(),
    reason: z.string().optional(),
  })
  .meta({ id: "ScalingPoint" });
export type _ScalingMatch = Assert<LibScalingPoint extends z.infer<typeof ScalingPoint> ? true : false>;
export const ScalingResponse = z
  .object({ meta: Meta, chip: z.string(), points: z.array(ScalingPoint) })
  .meta({ id: "ScalingResponse" });

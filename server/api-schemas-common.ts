// HTTP API schemas shared by every route: provenance, problem details, limits, catalog entities. No Node imports.
import { z } from "zod";
import { Accelerator, ChipStatus, Market, ModelMeta, System } from "../src/index.js";
import type { ChipMetrics as LibChipMetrics, Meta as LibMeta } from "../src/index.js";

/** The API version in every route, e.g. `/api/v1/chips`. */
export const API_BASE = "/api/v1";

/** Limits on one request. Bodies over `maxBodyBytes` get 413; sweeps over the count limits get 422 (too much work);
 * a computation that runs past `timeBudgetMs` is stopped and answered with 503. */
export const LIMITS = {
  /** Largest request body, bytes (default 256 KiB). */
  maxBodyBytes: 256 * 1024,
  /** Most chips (ids or specs) in one classify / what-if request. */
  maxChipsPerRequest: 200,
  /** Most chips one serving plan may compare. */
  maxPlanChips: 100,
  /** Most chips one training plan may search (each a search over cluster sizes). */
  maxTrainPlanChips: 12,
  /** Largest cluster an estimate, plan or scaling curve may describe, chips. */
  maxClusterChips: 131_072,
  /** Most cluster sizes in one scaling curve. */
  maxScalingSizes: 16,
  /** Most validation cases in one request. */
  maxCases: 500,
  /** Wall-clock budget for one computation, ms (default 20 s). */
  timeBudgetMs: 20_000,
} as const;

/** Provenance carried by every response: tool version, catalog date, rules as-of date. */
export const Meta = z
  .object({ version: z.string(), catalogDate: z.string(), rulesAsOf: z.string() })
  .meta({ id: "Meta", description: "tool version, catalog date and rules as-of date the answer rests on" });

/** One field error inside a problem: the path into the request and what was wrong. */
export const FieldError = z
  .object({
    path: z.array(z.union([z.string(), z.number()])),
    /** JSON pointer of the field, e.g. "/chips/0". */
    pointer: z.string(),
    message: z.string(),
  })
  .meta({ id: "FieldError" });

/** RFC 9457 problem details, with the field paths of bad input. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)" });
export type Problem = z.infer<typeof Problem>;

const Grade = z.enum(["official", "reported", "derived", "estimated", "unknown"]);

/** A computed metric with its spread, formula and weakest input grade (the library's MetricValue). */
export const MetricValue = z
  .object({
    value: z.number().nullable(),
    bounds: z.tuple([z.number(), z.number()]).nullable(),
    formula: z.string(),
    grade: Grade,
    dependsOn: z.array(z.string()),
  })
  .meta({ id: "MetricValue" });

export const WarningSchema = z.object({ code: z.string(), message: z.string() }).meta({ id: "Warning" });

/** TPP, performance density and H100-equivalents of one chip (the library's ChipMetrics). */
export const ChipMetrics = z
  .object({
    tpp: MetricValue,
    tppPrecision: z.string().nullable(),
    performanceDensity: MetricValue,
    h100Equivalents: MetricValue,
    warnings: z.array(WarningSchema),
  })
  .meta({ id: "ChipMetrics" });

// Compile-time checks that the API's twins of library interfaces stay in step with them.
/** Fails to compile unless T is true. */
export type Assert<T extends true> = T;
export type _MetricsMatch = Assert<LibChipMetrics extends z.infer<typeof ChipMetrics> ? true : false>;
export type _MetaMatch = Assert<LibMeta extends z.infer<typeof Meta> ? true : false>;

/** Filters of GET /chips. */
export const ChipListQuery = z.object({
  vendor: z
    .string()
    .min(1)
    .max(80)
    .optional()
    .meta({ description: "vendor, case-insensitive", example: "Huawei" }),
  market: Market.optional(),
  status: ChipStatus.optional(),
});

/** One row of GET /chips: headline numbers (typical values) and export metrics. */
export const ChipSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    nameZh: z.string().optional(),
    vendor: z.string(),
    market: Market,
    status: ChipStatus,
    family: z.string(),
    bf16Tflops: z.number().nullable(),
    memoryCapacityGB: z.number().nullable(),
    memoryBandwidthGBps: z.number().nullable(),
    tdpW: z.number().nullable(),
    tpp: z.number().nullable(),
    performanceDensity: z.number().nullable(),
  })
  .meta({ id: "ChipSummary" });
export type ChipSummary = z.infer<typeof ChipSummary>;

export const ChipList = z.object({ meta: Meta, chips: z.array(ChipSummary) }).meta({ id: "ChipList" });

/** GET /chips/{id}: the catalog entry as written (every number with its source) plus export metrics. */
export const ChipDetail = z
  .object({ meta: Meta, chip: Accelerator, metrics: ChipMetrics, systems: z.array(z.string()) })
  .meta({ id: "ChipDetail" });

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .meta({ param: { name: "id", in: "path" }, example: "h100-sxm", description: "id or alias" }),
});

export const SystemList = z.object({ meta: Meta, systems: z.array(System) }).meta({ id: "SystemList" });
export const SystemDetail = z.object({ meta: Meta, system: System }).meta({ id: "SystemDetail" });

/** One row of GET /models. */
export const ModelSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    organisation: z.string(),
    releaseDate: z.string(),
    totalParams: z.number(),
  })
  .meta({ id: "ModelSummary" });
export const ModelList = z.object({ meta: Meta, models: z.array(ModelSummary) }).meta({ id: "ModelList" });
/** Parameter counts and KV-cache bytes per token of an imported architecture (computed from shapes). */
export const ModelAnalysis = z
  .object({
    architecture: z
      .looseObject({})
      .meta({ description: "the canonical architecture the config imports into" }),
    parameters: z.looseObject({ total: z.number(), active: z.number(), nonEmbedding: z.number() }),
    kvCache: z.array(z.looseObject({ precision: z.string(), bytesPerToken: z.number() })),
  })
  .meta({ id: "ModelAnalysis" });

/** GET /models/{id}: metadata, the published config.json (parsed, or its raw text when not JSON) and, when the
 * importer reads it, the architecture, parameter counts and KV-cache footprint. */
export const ModelDetail = z
  .object({
    meta: Meta,
    id: z.string(),
    model: ModelMeta,
    config: z.unknown(),
    analysis: ModelAnalysis.nullable(),
    warnings: z.array(WarningSchema),
  })
  .meta({ id: "ModelDetail" });

/** POST /models/import: any supported Hugging Face config.json. */
export const ModelImportRequest = z.object({ config: z.record(z.string(), z.unknown()) }).meta({
  id: "ModelImportRequest",
  example: {
    config: {
      model_type: "llama",
      hidden_size: 4096,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      intermediate_size: 11008,
      vocab_size: 32000,
    },
  },
});
export const ModelImportResponse = z
  .object({ meta: Meta, analysis: ModelAnalysis, warnings: z.array(WarningSchema) })
  .meta({ id: "ModelImportResponse" });

// The validation case format v1 (shared/validation/FORMAT.md) as zod schemas, and a per-case parser that turns a
// bad case into a reason instead of aborting the run.
import { z } from "zod";
import { ID_PATTERN } from "../../catalog/schema-common.js";
import type { ClusterInput } from "../../engine/cluster.js";
import { PRECISIONS } from "../../units/index.js";

const PrecisionName = z.enum(PRECISIONS);
const Count = z.number().int().positive();
const Degree = Count.nullable().optional();

export const CaseSource = z.looseObject({
  title: z.string().min(1),
  url: z.string().min(1),
  locator: z.string().optional(),
});

export const CaseSystem = z.looseObject({
  /** A catalog accelerator id or alias. */
  chip: z.string().min(1),
  /** All chips the figure is normalised over. */
  count: Count,
  /** Chips sharing the scale-up fabric; overrides the system's. */
  scaleUpDomain: Count.nullable().optional(),
  /** Scale-out NIC bandwidth per chip, Gbit/s; overrides the system's. */
  scaleOutGbpsPerChip: z.number().positive().nullable().optional(),
  /** A catalog system's id, name or alias. */
  server: z.string().nullable().optional(),
});

export type CaseSystem = z.infer<typeof CaseSystem>;

/** The cluster a case's `system` describes (absent overrides = the catalog system's). */
export function caseCluster(s: CaseSystem): ClusterInput {
  return {
    chip: s.chip,
    count: s.count,
    scaleUpDomain: s.scaleUpDomain ?? null,
    scaleOutGbpsPerChip: s.scaleOutGbpsPerChip ?? null,
    server: s.server ?? null,
  };
}

export const TrainingSpec = z.looseObject({
  precision: PrecisionName.nullable().optional(),
  tp: Degree,
  pp: Degree,
  dp: Degree,
  cp: Degree,
  ep: Degree,
  vpp: Degree,
  pipelineLayers: z.array(Count).nullable().optional(),
  microBatch: Count.nullable().optional(),
  globalBatch: Count.nullable().optional(),
  seqLen: Count.nullable().optional(),
  recompute: z.enum(["none", "selective", "full"]).nullable().optional(),
  zero: z.number().int().min(0).max(3).nullable().optional(),
  lora: z.boolean().nullable().optional(),
});
export type TrainingSpec = z.infer<typeof TrainingSpec>;

const PoolSpec = z.looseObject({ count: Count, tp: Degree, dp: Degree, ep: Degree });

export const InferenceSpec = z.looseObject({
  phase: z.enum(["prefill", "decode", "end-to-end"]).optional(),
  weights: PrecisionName.nullable().optional(),
  activations: PrecisionName.nullable().optional(),
  kvCache: PrecisionName.nullable().optional(),
  tp: Degree,
  ep: Degree,
  dp: Degree,
  pp: Degree,
  /** Per request, means (may be fractional). */
  inputTokens: z.number().positive().nullable().optional(),
  outputTokens: z.number().positive().nullable().optional(),
  /** Concurrent sequences per instance. */
  batch: z.number().positive().nullable().optional(),
  /** Offered load, requests/s per instance. */
  requestRate: z.number().positive().nullable().optional(),
  scenario: z.enum(["offline", "server", "closed-loop", "fixed-batch"]).nullable().optional(),
  slo: z
    .looseObject({
      tpotMs: z.number().positive().nullable().optional(),
      ttftMs: z.number().positive().nullable().optional(),
      percentile: z.enum(["mean", "p50", "p90", "p99"]).nullable().optional(),
    })
    .nullable()
    .optional(),
  speculative: z
    .looseObject({ method: z.string().min(1), acceptLength: z.number().min(1) })
    .nullable()
    .optional(),
  moeRouting: z.enum(["natural", "balanced", "eplb"]).nullable().optional(),
  disaggregation: z.looseObject({ prefill: PoolSpec, decode: PoolSpec }).nullable().optional(),
  software: z
    .looseObject({ framework: z.string().nullable().optional(), version: z.string().nullable().optional() })
    .nullable()
    .optional(),
});
export type InferenceSpec = z.infer<typeof InferenceSpec>;

export const MetricName = z.enum([
  "tokens_per_s_per_chip",
  "input_tokens_per_s_per_chip",
  "output_tokens_per_s_per_chip",
  "tpot_ms",
  "ttft_ms",
]);
export type MetricName = z.infer<typeof MetricName>;

export const ValidationCase = z
  .looseObject({
    id: z.string().regex(ID_PATTERN, "ids are lower-case: ^[a-z0-9][a-z0-9.-]*$"),
    kind: z.enum(["training", "inference"]),
    source: CaseSource,
    system: CaseSystem,
    /** A Hugging Face config.json object, or a catalog model id. */
    model: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
    training: TrainingSpec.optional(),
    inference: InferenceSpec.optional(),
    metric: z.looseObject({ name: MetricName, value: z.number().positive() }),
    tolerance: z.number().positive(),
    derivation: z.string().optional(),
    notes: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.kind === "training" && (!c.training || c.inference))
      ctx.addIssue({
        code: "custom",
        path: ["training"],
        message: "a training case has `training` and no `inference`",
      });
    if (c.kind === "inference" && (!c.inference || c.training))
      ctx.addIssue({
        code: "custom",
        path: ["inference"],
        message: "an inference case has `inference` and no `training`",
      });
    const t = c.training;
    if (
      c.kind === "training" &&
      t &&
      t.tp &&
      t.pp &&
      t.dp &&
      t.cp &&
      t.tp * t.pp * t.dp * t.cp !== c.system.count
    )
      ctx.addIssue({
        code: "custom",
        path: ["training"],
        message: `tp × pp × dp × cp = ${t.tp * t.pp * t.dp * t.cp} must equal system.count (${c.system.count})`,
      });
    const i = c.inference;
    if (
      c.kind === "inference" &&
      i &&
      !i.disaggregation &&
      i.tp &&
      i.dp &&
      i.pp &&
      i.tp * i.dp * i.pp !== c.system.count
    )
      ctx.addIssue({
        code: "custom",
        path: ["inference"],
        message: `tp × dp × pp = ${i.tp * i.dp * i.pp} must equal system.count (${c.system.count})`,
      });
  });
export type ValidationCase = z.infer<typeof ValidationCase>;
export type TrainingCase = ValidationCase & { kind: "training"; training: TrainingSpec };
export type InferenceCase = ValidationCase & { kind: "inference"; inference: InferenceSpec };

/** One entry of a case file after parsing: a usable case, or the reason it is not (with what could be read). */
export type ParsedCase =
  | { ok: true; case: ValidationCase }
  | {
      ok: false;
      id: string;
      kind: string;
      chip: string;
      metric: string | null;
      measured: number | null;
      reason: string;
    };

function str(v: unknown, fallback: string): string {
  return typeof v === "string" && v.length > 0 ? v : fallback;
}

/** Parses one case; a schema error becomes `{ok: false, reason}` naming the field, never an exception. */
export function parseCase(raw: unknown, index: number): ParsedCase {
  const r = ValidationCase.safeParse(raw);
  if (r.success) return { ok: true, case: r.data };
  const o = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const sys = (o.system && typeof o.system === "object" ? o.system : {}) as Record<string, unknown>;
  const metric = (o.metric && typeof o.metric === "object" ? o.metric : {}) as Record<string, unknown>;
  const reason = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "(case)"}: ${i.message}`)
    .join("; ");
  return {
    ok: false,
    id: str(o.id, `#${index}`),
    kind: str(o.kind, "unknown"),
    chip: str(sys.chip, "—"),
    metric: typeof metric.name === "string" ? metric.name : null,
    measured: typeof metric.value === "number" ? metric.value : null,
    reason: `schema error: ${reason}`,
  };
}

/** Parses a case file's JSON value: must be an array; each element is parsed on its own. */
export function parseCaseFile(
  json: unknown,
): { ok: true; cases: ParsedCase[] } | { ok: false; message: string } {
  if (!Array.isArray(json)) return { ok: false, message: "a case file holds a JSON array of cases" };
  return { ok: true, cases: json.map((c, i) => parseCase(c, i)) };
}

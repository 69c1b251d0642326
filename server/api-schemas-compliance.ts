// HTTP API schemas for export controls: classify, what-if, timeline, rules. No Node imports (shared with the web).
import { z } from "zod";
import { IsoDate, TimelineEvent, type Rule } from "../src/index.js";
import type {
  Classification as LibClassification,
  TimelineEntry as LibTimelineEntry,
  WhatIfRow as LibWhatIfRow,
} from "../src/index.js";
import { LIMITS, Meta, MetricValue, WarningSchema, type Assert } from "./api-schemas-common.js";

const Country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 country code, e.g. CN")
  .meta({ example: "CN" });
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .meta({ example: "2025-05-01" });
const Status = z.enum(["controlled", "not-controlled", "unknown"]);

/** A chip to classify: a catalog id or alias, or a full hypothetical spec in the catalog's format. */
export const ChipRef = z
  .union([
    z.string().min(1).max(120),
    z
      .looseObject({})
      .meta({ description: "a hypothetical chip in the catalog's accelerator format (as ChipDetail.chip)" }),
  ])
  .meta({ description: "catalog id/alias, or a chip spec", example: "h20" });

/** Every metric a rule can compare (the library's ComplianceMetrics). */
export const ComplianceMetrics = z
  .object({
    tpp: MetricValue,
    performanceDensity: MetricValue,
    io2022GBps: MetricValue,
    dramBandwidthGBps: MetricValue,
    interconnectBandwidthGBps: MetricValue,
    bandwidthSumGBps: MetricValue,
    totalDramBandwidthGBps: MetricValue,
    hbmBandwidthDensityGBpsPerMm2: MetricValue,
    h100Equivalents: MetricValue,
    tppPrecision: z.string().nullable(),
    warnings: z.array(WarningSchema),
  })
  .meta({ id: "ComplianceMetrics" });

/** POST /classify. Date defaults to today, destination to CN. */
export const ClassifyRequest = z
  .object({
    chips: z
      .array(ChipRef)
      .min(1)
      .meta({ description: `at most ${LIMITS.maxChipsPerRequest} (else 422)` }),
    date: Day.optional(),
    destination: Country.optional(),
    buyerHq: Country.optional(),
  })
  .meta({ id: "ClassifyRequest", example: { chips: ["h20"], date: "2025-05-01", destination: "CN" } });
export type ClassifyRequest = z.infer<typeof ClassifyRequest>;

/** One chip's classification (the library's Classification). */
export const Classification = z
  .object({
    chip: z.string(),
    chipName: z.string(),
    status: Status,
    tpp: z.number().nullable(),
    performanceDensity: z.number().nullable(),
    eccn: z.string().nullable().meta({ example: "3A090.a" }),
    licenseRequired: z.boolean(),
    licenseException: z.string().nullable().meta({ example: "NAC" }),
    policy: z.string(),
    decidedBy: z.array(z.string()),
    basis: z.string(),
    dependsOn: z.array(z.string()),
    reasons: z.array(z.string()),
    warnings: z.array(WarningSchema),
    query: z.object({ date: z.string(), destination: z.string(), buyerHq: z.string().nullable() }),
    next: z
      .object({ date: z.string(), status: Status, decidedBy: z.array(z.string()) })
      .passthrough()
      .nullable(),
    metrics: ComplianceMetrics,
  })
  .meta({ id: "Classification" });
export type _ClassificationMatch = Assert<
  LibClassification extends z.infer<typeof Classification> ? true : false
>;

export const ClassifyResponse = z
  .object({
    meta: Meta,
    notice: z.string(),
    warnings: z.array(WarningSchema),
    results: z.array(Classification),
  })
  .meta({ id: "ClassifyResponse" });

/** User thresholds of a what-if (a chip is caught when any metric reaches its threshold). */
export const Thresholds = z
  .object({
    tpp: z.number().positive().optional(),
    performanceDensity: z.number().positive().optional(),
    io2022GBps: z.number().positive().optional(),
    dramBandwidthGBps: z.number().positive().optional(),
    interconnectBandwidthGBps: z.number().positive().optional(),
    bandwidthSumGBps: z.number().positive().optional(),
    totalDramBandwidthGBps: z.number().positive().optional(),
  })
  .strict()
  .refine((t) => Object.keys(t).length > 0, 'give at least one threshold, e.g. {"tpp": 1600}');

/** POST /whatif. `chips` defaults to every catalog chip. */
export const WhatIfRequest = z
  .object({
    thresholds: Thresholds,
    chips: z
      .array(z.string().min(1).max(120))
      .min(1)
      .optional()
      .meta({ description: `at most ${LIMITS.maxChipsPerRequest} (else 422); default every catalog chip` }),
    date: Day.optional(),
    destination: Country.optional(),
    buyerHq: Country.optional(),
    mode: z.enum(["add", "replace"]).optional(),
    dataCenterOnly: z.boolean().optional(),
  })
  .meta({
    id: "WhatIfRequest",
    example: { thresholds: { tpp: 1600, dramBandwidthGBps: 1000 }, date: "2025-06-01", destination: "CN" },
  });
export type WhatIfRequest = z.infer<typeof WhatIfRequest>;

const Margin = z.object({
  metric: z.string(),
  value: z.number().nullable(),
  threshold: z.number(),
  relative: z.number().nullable(),
  text: z.string(),
});
export const WhatIfRow = z
  .object({
    chip: z.string(),
    name: z.string(),
    before: Status,
    after: Status,
    changed: z.boolean(),
    margins: z.array(Margin),
    after_: Classification,
  })
  .meta({ id: "WhatIfRow" });
export type _WhatIfRowMatch = Assert<LibWhatIfRow extends z.infer<typeof WhatIfRow> ? true : false>;

const FrontierEntry = z.object({
  metric: z.string(),
  chip: z.string().nullable(),
  value: z.number().nullable(),
});
export const WhatIfResponse = z
  .object({
    meta: Meta,
    notice: z.string(),
    changed: z.number().int(),
    rows: z.array(WhatIfRow),
    frontier: z.object({ before: z.array(FrontierEntry), after: z.array(FrontierEntry) }),
  })
  .meta({ id: "WhatIfResponse" });

export const TimelineQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  rule: z.string().max(120).optional(),
});
export const TimelineEntry = z
  .intersection(
    TimelineEvent,
    z.object({
      linked: z.array(z.object({ id: z.string(), title: z.string() })),
      citations: z.array(z.object({ title: z.string(), url: z.string(), date: z.string() })),
    }),
  )
  .meta({ id: "TimelineEntry" });
export type _TimelineMatch = Assert<LibTimelineEntry extends z.infer<typeof TimelineEntry> ? true : false>;
export const TimelineResponse = z
  .object({ meta: Meta, events: z.array(TimelineEntry) })
  .meta({ id: "TimelineResponse" });

export const RulesQuery = z.object({ date: Day.optional() });
/** A rule version as data (catalog/rules/<id>.yaml). Its recursive criteria are left open here: the OpenAPI
 * generator cannot follow the recursion. */
export const RuleData = z
  .looseObject({
    id: z.string(),
    title: z.string(),
    kind: z.enum(["regulation", "letter", "policy", "announcement"]),
    instrument: z.string(),
    published: z.string(),
    effective: z.string(),
    controls: z.array(
      z.looseObject({ paragraph: z.string(), eccn: z.string().nullable(), when: z.unknown() }),
    ),
  })
  .meta({ id: "Rule", description: "one rule version, as in catalog/rules/<id>.yaml" });
export type _RuleMatch = Assert<Rule extends z.infer<typeof RuleData> ? true : false>;

export const RuleWithStanding = z
  .object({
    rule: RuleData,
    bindsFrom: z.string(),
    standing: z.string(),
    supersededBy: z.string().optional(),
  })
  .meta({ id: "RuleWithStanding" });
export const RulesResponse = z
  .object({ meta: Meta, date: z.string(), rules: z.array(RuleWithStanding) })
  .meta({ id: "RulesResponse" });

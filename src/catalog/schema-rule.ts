// Export-control rule schema (catalog/rules/<id>.yaml): one rule version or company letter as data — dates,
// criteria over chip metrics, destination scope, licence exceptions and review policy, each with its citation.
import { z } from "zod";
import { CatalogId, checkSourceKeys, CountryCode, IsoDate, SourceKeys, SourceMap } from "./schema-common.js";

/** How a criterion is known: published text (official), press or bill text taken as the letter's numbers
 * (reported), or our own inference (derived). */
export const RuleBasis = z.enum(["official", "reported", "derived"]);
export type RuleBasis = z.infer<typeof RuleBasis>;

/** Chip metrics a criterion may compare (units in the names; see src/compliance/metrics.ts for definitions). */
export const RuleMetric = z.enum([
  "tpp",
  "performanceDensity",
  "io2022GBps",
  "dramBandwidthGBps",
  "interconnectBandwidthGBps",
  "bandwidthSumGBps",
  "totalDramBandwidthGBps",
  "hbmBandwidthDensityGBpsPerMm2",
]);
export type RuleMetric = z.infer<typeof RuleMetric>;

/** One comparison of a chip metric with a threshold, e.g. `{metric: tpp, op: ">=", value: 4800}`. */
export const Comparison = z.strictObject({
  metric: RuleMetric,
  op: z.enum([">=", ">", "<", "<="]),
  value: z.number().finite(),
  /** Defaults to the rule's `grade`. */
  basis: RuleBasis.optional(),
  note: z.string().optional(),
});
export type Comparison = z.infer<typeof Comparison>;

/** A yes/no fact about the chip: whether it is designed or marketed for data centres (Note 2 to 3A090). */
export const FactTest = z.strictObject({
  fact: z.enum(["dataCenter"]),
  equals: z.boolean(),
  basis: RuleBasis.optional(),
});
export type FactTest = z.infer<typeof FactTest>;

/** A criterion: a comparison, a fact, or all / any of nested criteria. */
export type Criterion = Comparison | FactTest | { all: Criterion[] } | { any: Criterion[] };
export const Criterion: z.ZodType<Criterion> = z.lazy(() =>
  z.union([
    Comparison,
    FactTest,
    z.strictObject({ all: z.array(Criterion).min(1) }),
    z.strictObject({ any: z.array(Criterion).min(1) }),
  ]),
);

/** A set of destinations (or headquarters countries): ISO 3166-1 alpha-2 codes and country groups (by name,
 * "D:5", or id), less the excluded ones. `worldwide: true` starts from every country. */
export const Where = z.strictObject({
  worldwide: z.boolean().optional(),
  countries: z.array(CountryCode).optional(),
  groups: z.array(z.string()).optional(),
  exceptCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  exceptGroups: z.array(z.string()).optional(),
  /** How the set is described to people, e.g. "D:1, D:4, D:5 (less A:5/A:6) and Macau". */
  label: z.string().optional(),
});
export type Where = z.infer<typeof Where>;

export const LicencePolicy = z.enum([
  "presumption-of-denial",
  "case-by-case",
  "presumption-of-approval",
  "unstated",
]);
export type LicencePolicy = z.infer<typeof LicencePolicy>;

/** A paragraph of a control: when its criterion is met the chip is caught. */
export const ControlParagraph = z.strictObject({
  /** Paragraph label, e.g. "3A090.a.1" or "letter". */
  paragraph: z.string().min(1),
  /** ECCN paragraph it places the item in ("3A090.a"); null for letters, which impose a licence without one. */
  eccn: z.enum(["3A090.a", "3A090.b", "3A090.c"]).nullable(),
  when: Criterion,
  /** Where this paragraph's licence requirement applies, when it differs from the rule's scope. */
  destinations: Where.optional(),
  /** The text it implements, quoted or paraphrased. */
  text: z.string().optional(),
});

/** A carve-out: when met, the chip is not caught even if a paragraph is (Note 2 to 3A090). */
export const Exclusion = z.strictObject({
  id: z.string(),
  when: Criterion,
  text: z.string().optional(),
});

/** A licence exception (NAC / ACA; AIA and LPP of the AI Diffusion rule) available for some ECCN paragraphs to some destinations. */
export const LicenceException = z.strictObject({
  id: z.enum(["NAC", "ACA", "AIA", "LPP"]),
  /** ECCN paragraphs it covers; `dataCenter` (when given) must equal the chip's data-centre status. */
  items: z.array(z.strictObject({ eccn: z.enum(["3A090.a", "3A090.b"]), dataCenter: z.boolean().optional() })).min(1),
  destinations: Where,
  /** Whether a notification to BIS is needed first (NAC: 25 days). */
  notification: z.boolean(),
  grade: RuleBasis,
  source: SourceKeys,
  note: z.string().optional(),
});

/** One licence-review policy line; the first whose destination (and headquarters, if given) match applies. */
export const PolicyLine = z.strictObject({
  policy: LicencePolicy,
  destinations: Where.optional(),
  headquarters: Where.optional(),
  grade: RuleBasis,
  source: SourceKeys,
  note: z.string().optional(),
});

export const Rule = z
  .strictObject({
    id: CatalogId,
    title: z.string().min(3),
    /** regulation (Federal Register rule), letter (is-informed letter to one company), policy (changes the review
     * policy of other rules), announcement (non-enforcement, guidance). */
    kind: z.enum(["regulation", "letter", "policy", "announcement"]),
    instrument: z.string().min(3),
    /** Weakest grade of what the file states about the rule itself. */
    grade: RuleBasis,
    source: SourceKeys,
    /** Date it was announced or signed (may precede publication). */
    released: IsoDate.optional(),
    published: IsoDate,
    effective: IsoDate,
    /** Date it binds exporters, when later than `effective`. Date queries use this, never `published`. */
    compliance: IsoDate.optional(),
    /** First date on which it is no longer enforced (non-enforcement, rescission). */
    enforcedUntil: IsoDate.optional(),
    /** Rules this version replaces from the date it binds. */
    supersedes: z.array(z.string()).default([]),
    /** For policy rules: the rules whose review policy this one changes (when its criterion is met). */
    modifies: z.array(z.string()).default([]),
    /** What it classifies: logic ICs (accelerators, judged by their logic dies) or HBM sold on its own. */
    item: z.enum(["logic", "hbm"]).default("logic"),
    /** Letters: the company it was issued to and the chips (catalog ids or aliases) it names. A letter also
     * reaches the vendor's other chips that meet its `controls`. */
    issuedTo: z.strictObject({ vendor: z.string(), chips: z.array(z.string()).default([]) }).optional(),
    controls: z.array(ControlParagraph).default([]),
    exclusions: z.array(Exclusion).default([]),
    /** Policy rules: the chips whose policy changes (e.g. TPP < 21,000 and total DRAM bandwidth < 6,500 GB/s). */
    when: Criterion.optional(),
    /** Where the licence requirement applies. */
    scope: z
      .strictObject({
        destinations: Where,
        /** Buyers headquartered here (or whose ultimate parent is) need a licence wherever the item goes. */
        headquarters: Where.optional(),
        note: z.string().optional(),
      })
      .optional(),
    exceptions: z.array(LicenceException).default([]),
    policies: z.array(PolicyLine).default([]),
    /** Data-centre note, caps, tiers and other conditions that the engine does not evaluate, for people. */
    notes: z.array(z.string()).default([]),
    sources: SourceMap,
    reviewed: IsoDate.optional(),
  })
  .superRefine((rule, ctx) => {
    const keys = new Set(Object.keys(rule.sources));
    const check = (v: { source?: string | string[] }, path: (string | number)[]) => checkSourceKeys(ctx, keys, v, path);
    check(rule, []);
    rule.exceptions.forEach((e, i) => check(e, ["exceptions", i]));
    rule.policies.forEach((p, i) => check(p, ["policies", i]));
    if (rule.kind === "letter" && !rule.issuedTo)
      ctx.addIssue({ code: "custom", path: ["issuedTo"], message: "a letter names the company it was issued to" });
    if (rule.kind === "policy" && rule.modifies.length === 0)
      ctx.addIssue({ code: "custom", path: ["modifies"], message: "a policy rule lists the rules it modifies" });
    if ((rule.kind === "regulation" || rule.kind === "letter") && rule.item === "logic" && !rule.scope)
      ctx.addIssue({ code: "custom", path: ["scope"], message: "say where the licence requirement applies" });
  });
export type Rule = z.infer<typeof Rule>;

// Shared catalog schema pieces: sources, grades and sourced values (every number carries its source).
import { z } from "zod";

/** How much to trust a value: official (datasheet, Federal Register, filing), reported (press, analysts,
 * third-party databases), derived (arithmetic on other values; `formula` required), estimated (a modelled guess
 * from a named method; never a bare guess). */
export const Grade = z.enum(["official", "reported", "derived", "estimated"]);
export type Grade = z.infer<typeof Grade>;

/** ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD");

/** One citation: a URL or a named document, and the date it was published or read. */
export const Source = z.strictObject({
  title: z.string().min(3),
  /** http(s) URL, or a document reference such as "NVIDIA 8-K, 2023-10-24". Never a path into ../shared. */
  url: z
    .string()
    .min(3)
    .refine((u) => !u.includes("shared/"), "cite the primary source, not ../shared"),
  date: IsoDate,
  publisher: z.string().optional(),
  locator: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** Sources of one file, by short key ("nv-h100-ds"). */
export const SourceMap = z.record(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/), Source);

/** One key or several keys into the file's `sources`. */
export const SourceKeys = z.union([z.string(), z.array(z.string()).min(1)]);

/** Catalog ids: lower case, digits, dots and dashes, e.g. `h100-sxm`, `ear-2023-10-25`. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;

/** A catalog id (`ID_PATTERN`). */
export const CatalogId = z.string().regex(ID_PATTERN);

/** An ISO 3166-1 alpha-2 country code, upper case ("CN"). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2, upper case");

const sourcedBase = {
  grade: Grade,
  source: SourceKeys,
  /** Arithmetic for a derived value, e.g. "148 × 16". Required when grade is derived. */
  formula: z.string().optional(),
  note: z.string().optional(),
};

function requireFormula(v: { grade?: string; formula?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.grade === "derived" && !v.formula) {
    ctx.addIssue({ code: "custom", message: "a derived value needs its formula", path: ["formula"] });
  }
}

/** A number with its source: `{value}`, a sourced range `{range: [lo, hi]}` where sources disagree (with an
 * optional `typical` inside it), or `{unknown: true, note}` when searched for and not found. */
export const SourcedNumber = z.union([
  z.strictObject({ value: z.number().finite(), ...sourcedBase }).superRefine(requireFormula),
  z
    .strictObject({
      range: z.tuple([z.number().finite(), z.number().finite()]),
      typical: z.number().finite().optional(),
      ...sourcedBase,
    })
    .superRefine((v, ctx) => {
      requireFormula(v, ctx);
      if (v.range[0] > v.range[1]) ctx.addIssue({ code: "custom", message: "range must be [low, high]", path: ["range"] });
      if (v.typical !== undefined && (v.typical < v.range[0] || v.typical > v.range[1]))
        ctx.addIssue({ code: "custom", message: "typical must lie inside range", path: ["typical"] });
    }),
  z.strictObject({
    unknown: z.literal(true),
    note: z.string().min(3),
    source: SourceKeys.optional(),
  }),
]);
export type SourcedNumber = z.infer<typeof SourcedNumber>;

/** A non-negative sourced number (sizes, rates, power). */
export const SourcedNonNegative = SourcedNumber.superRefine((v, ctx) => {
  if ("value" in v && v.value < 0) ctx.addIssue({ code: "custom", message: "must not be negative", path: ["value"] });
  if ("range" in v && v.range[0] < 0) ctx.addIssue({ code: "custom", message: "must not be negative", path: ["range"] });
});

/** A text value (memory type, process, date) with its source. */
export const SourcedText = z.union([
  z.strictObject({ value: z.string().min(1), ...sourcedBase }).superRefine(requireFormula),
  z.strictObject({ unknown: z.literal(true), note: z.string().min(3), source: SourceKeys.optional() }),
]);
export type SourcedText = z.infer<typeof SourcedText>;

/** A yes/no fact with its source. */
export const SourcedBoolean = z.union([
  z.strictObject({ value: z.boolean(), ...sourcedBase }).superRefine(requireFormula),
  z.strictObject({ unknown: z.literal(true), note: z.string().min(3), source: SourceKeys.optional() }),
]);
export type SourcedBoolean = z.infer<typeof SourcedBoolean>;

/** A price with its basis: list or street purchase price per unit, or cloud rental per chip-hour. */
export const Price = z.strictObject({
  basis: z.enum(["list", "street", "cloud-hourly"]),
  amount: z.number().positive(),
  currency: z.enum(["USD", "CNY", "EUR"]),
  /** When the price held (not when it was read). */
  date: IsoDate,
  grade: Grade,
  source: SourceKeys,
  formula: z.string().optional(),
  note: z.string().optional(),
});
export type Price = z.infer<typeof Price>;

/** The typical value of a sourced number, or null when unknown. Range → `typical`, else midpoint. */
export function typicalOf(v: SourcedNumber | undefined): number | null {
  if (!v || "unknown" in v) return null;
  if ("value" in v) return v.value;
  return v.typical ?? (v.range[0] + v.range[1]) / 2;
}

/** [low, high] of a sourced number (equal for a point value), or null when unknown. */
export function boundsOf(v: SourcedNumber | undefined): [number, number] | null {
  if (!v || "unknown" in v) return null;
  if ("value" in v) return [v.value, v.value];
  return [v.range[0], v.range[1]];
}

/** Every source key a sourced value cites. */
export function sourceKeysOf(v: { source?: string | string[] | undefined }): string[] {
  if (v.source === undefined) return [];
  return Array.isArray(v.source) ? v.source : [v.source];
}

/**
 * In a superRefine: an issue at `[...path, "source"]` for each key `v` cites that `keys` (the file's `sources`) lacks.
 * @example checkSourceKeys(ctx, new Set(Object.keys(rule.sources)), rule.policies[0], ["policies", 0])
 */
export function checkSourceKeys(
  ctx: z.RefinementCtx,
  keys: ReadonlySet<string>,
  v: { source?: string | string[] | undefined },
  path: readonly (string | number)[],
): void {
  for (const k of sourceKeysOf(v))
    if (!keys.has(k)) ctx.addIssue({ code: "custom", path: [...path, "source"], message: `source "${k}" is not in sources` });
}

/**
 * In a superRefine: checks every `source` cited anywhere in `entity` (outside its `sources` map, depth first in key
 * order) against `entity.sources`.
 * @example System.superRefine((sys, ctx) => checkCitedSources(sys, ctx))
 */
export function checkCitedSources(entity: { sources: Record<string, unknown> }, ctx: z.RefinementCtx): void {
  const keys = new Set(Object.keys(entity.sources));
  const visit = (v: unknown, path: (string | number)[]) => {
    if (v && typeof v === "object") {
      if (!Array.isArray(v) && "source" in v && path[0] !== "sources")
        checkSourceKeys(ctx, keys, v as { source?: string | string[] }, path);
      for (const [k, child] of Object.entries(v)) visit(child, [...path, k]);
    }
  };
  visit(entity, []);
}

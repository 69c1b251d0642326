// Country-group schema (catalog/country-groups/<id>.yaml): an EAR country group (Supp. 1 to part 740) or another
// named set of destinations (AI Diffusion tiers) as a complete list of ISO 3166-1 alpha-2 codes, with its source.
import { z } from "zod";
import { CatalogId, checkSourceKeys, CountryCode, IsoDate, SourceKeys, SourceMap } from "./schema-common.js";
import { RuleBasis } from "./schema-rule.js";

export const CountryGroup = z
  .strictObject({
    id: CatalogId,
    /** The name rules use, e.g. "D:5" or "AI-Tier-1". */
    name: z.string().min(2),
    title: z.string().min(3),
    /** Members, ISO 3166-1 alpha-2 (upper case). */
    countries: z.array(CountryCode).min(1),
    /** Other groups (by name) whose members also belong, e.g. AI-Tier-3 = D:5 + Macau. */
    includeGroups: z.array(z.string()).default([]),
    /** Date the membership list is as of. */
    asOf: IsoDate,
    grade: RuleBasis,
    source: SourceKeys,
    sources: SourceMap,
    notes: z.string().optional(),
  })
  .superRefine((g, ctx) => {
    checkSourceKeys(ctx, new Set(Object.keys(g.sources)), g, []);
    const dup = g.countries.filter((c, i) => g.countries.indexOf(c) !== i);
    if (dup.length) ctx.addIssue({ code: "custom", path: ["countries"], message: `listed twice: ${dup.join(", ")}` });
  });
export type CountryGroup = z.infer<typeof CountryGroup>;

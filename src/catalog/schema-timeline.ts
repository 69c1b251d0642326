// Timeline schema (catalog/timeline/<year>.yaml): dated export-control events — rules, company letters, licence
// resumptions, revenue-share arrangements, China's own measures — each with sources and the rule data it changed.
import { z } from "zod";
import { IsoDate, SourceKeys, SourceMap, sourceKeysOf } from "./schema-common.js";
import { RuleBasis } from "./schema-rule.js";

export const TimelineEvent = z.strictObject({
  date: IsoDate,
  title: z.string().min(3),
  kind: z.enum(["rule", "letter", "licensing", "arrangement", "china-measure", "company", "legislation", "product"]),
  /** Who acted: "US BIS", "NVIDIA", "China CAC" … */
  actor: z.string().min(2),
  summary: z.string().min(3),
  /** Figures the event is known for, e.g. "$4.5 B inventory charge". */
  figures: z.array(z.string()).default([]),
  /** Ids of catalog/rules files this event created or changed. */
  rules: z.array(z.string()).default([]),
  grade: RuleBasis,
  source: SourceKeys,
  note: z.string().optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** One year's events. */
export const TimelineYear = z
  .strictObject({
    id: z.string().regex(/^\d{4}$/, "the file's year, e.g. 2025"),
    events: z.array(TimelineEvent).min(1),
    sources: SourceMap,
  })
  .superRefine((y, ctx) => {
    const keys = new Set(Object.keys(y.sources));
    y.events.forEach((e, i) => {
      for (const k of sourceKeysOf(e))
        if (!keys.has(k)) ctx.addIssue({ code: "custom", path: ["events", i, "source"], message: `source "${k}" is not in sources` });
      if (!e.date.startsWith(y.id))
        ctx.addIssue({ code: "custom", path: ["events", i, "date"], message: `date ${e.date} is not in ${y.id}` });
    });
  });
export type TimelineYear = z.infer<typeof TimelineYear>;

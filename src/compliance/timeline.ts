// The export-control timeline: dated events from catalog/timeline, in order, each linked to the rule data it changed,
// and a check that every link and country-group name in the rules resolves.
import type { CatalogBundle, Rule, TimelineEvent } from "../catalog/index.js";
import { issue, type Issue } from "../issues.js";
import { fullDate } from "./in-force.js";
import { groupMembers } from "./destinations.js";

export interface TimelineEntry extends TimelineEvent {
  /** The linked rules' ids and titles. */
  linked: { id: string; title: string }[];
  /** Resolved source citations of the event. */
  citations: { title: string; url: string; date: string }[];
}

/** Events between `from` and `to` (inclusive, ISO dates), oldest first; `rule` keeps events linked to that rule. */
export function timeline(
  cat: CatalogBundle,
  opts: { from?: string; to?: string; rule?: string } = {},
): TimelineEntry[] {
  const byId = new Map(cat.rules.map((r) => [r.id, r]));
  const out: TimelineEntry[] = [];
  for (const year of cat.timeline)
    for (const e of year.events) {
      const d = fullDate(e.date);
      if (opts.from && d < fullDate(opts.from)) continue;
      if (opts.to && d > fullDate(opts.to)) continue;
      if (opts.rule && !e.rules.includes(opts.rule)) continue;
      const keys = Array.isArray(e.source) ? e.source : [e.source];
      out.push({
        ...e,
        linked: e.rules.map((id) => ({ id, title: byId.get(id)?.title ?? "(missing rule)" })),
        citations: keys.flatMap((k) => {
          const s = year.sources[k];
          return s ? [{ title: s.title, url: s.url, date: s.date }] : [];
        }),
      });
    }
  return out.sort((a, b) => fullDate(a.date).localeCompare(fullDate(b.date)));
}

function groupNames(r: Rule): string[] {
  const wheres = [
    r.scope?.destinations,
    r.scope?.headquarters,
    ...r.controls.map((c) => c.destinations),
    ...r.exceptions.map((e) => e.destinations),
    ...r.policies.flatMap((p) => [p.destinations, p.headquarters]),
  ];
  return wheres.flatMap((w) => [...(w?.groups ?? []), ...(w?.exceptGroups ?? [])]);
}

/** Cross-file checks of the rule data: supersedes/modifies/timeline links and group names all resolve. */
export function checkRuleData(cat: CatalogBundle): Issue[] {
  const ids = new Set(cat.rules.map((r) => r.id));
  const issues: Issue[] = [];
  for (const r of cat.rules) {
    for (const id of [...r.supersedes, ...r.modifies])
      if (!ids.has(id))
        issues.push(
          issue("unknown_id", [`rules/${r.id}.yaml`], `rules/${r.id}.yaml: refers to unknown rule "${id}"`),
        );
    for (const g of groupNames(r))
      if (!groupMembers(g, cat.countryGroups))
        issues.push(
          issue("unknown_id", [`rules/${r.id}.yaml`], `rules/${r.id}.yaml: unknown country group "${g}"`),
        );
  }
  for (const g of cat.countryGroups)
    for (const inc of g.includeGroups)
      if (!groupMembers(inc, cat.countryGroups))
        issues.push(
          issue(
            "unknown_id",
            [`country-groups/${g.id}.yaml`],
            `country-groups/${g.id}.yaml: unknown group "${inc}"`,
          ),
        );
  for (const y of cat.timeline)
    for (const e of y.events)
      for (const id of e.rules)
        if (!ids.has(id))
          issues.push(
            issue(
              "unknown_id",
              [`timeline/${y.id}.yaml`],
              `timeline/${y.id}.yaml: event ${e.date} links unknown rule "${id}"`,
            ),
          );
  return issues;
}

// Which rule versions bind on a date: a rule binds from its compliance date (else its effective date) until it
// stops being enforced or a later binding version supersedes it. Publication alone never binds anyone.
import type { Rule } from "../catalog/index.js";

/** Pads an ISO date (YYYY, YYYY-MM) to YYYY-MM-DD so dates compare as strings. */
export function fullDate(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** The first date on which a rule binds exporters. */
export function bindsFrom(rule: Rule): string {
  return fullDate(rule.compliance ?? rule.effective);
}

/** True when the rule binds on `date` by its own dates (before supersession). */
export function bindsOn(rule: Rule, date: string): boolean {
  const d = fullDate(date);
  return bindsFrom(rule) <= d && (!rule.enforcedUntil || d < fullDate(rule.enforcedUntil));
}

/** True when the rule binds for at least one day. The AI Diffusion rule (compliance 2025-05-15, not enforced from
 * 2025-05-13) never did. */
export function everBinds(rule: Rule): boolean {
  return !rule.enforcedUntil || bindsFrom(rule) < fullDate(rule.enforcedUntil);
}

export type RuleStanding =
  "not-yet-published" | "published-not-binding" | "in-force" | "superseded" | "no-longer-enforced";

/** Where a rule stands on a date, and which rule superseded it when it has been. */
export function standing(
  rule: Rule,
  date: string,
  rules: readonly Rule[],
): { standing: RuleStanding; by?: string } {
  const d = fullDate(date);
  if (d < fullDate(rule.released ?? rule.published)) return { standing: "not-yet-published" };
  if (rule.enforcedUntil && d >= fullDate(rule.enforcedUntil)) return { standing: "no-longer-enforced" };
  if (d < bindsFrom(rule)) return { standing: "published-not-binding" };
  const by = rules.find((r) => r.id !== rule.id && r.supersedes.includes(rule.id) && bindsOn(r, d));
  return by ? { standing: "superseded", by: by.id } : { standing: "in-force" };
}

/** The rules in force on `date`: binding by their dates and not superseded by another binding rule. */
export function rulesInForce(rules: readonly Rule[], date: string): Rule[] {
  return rules.filter((r) => standing(r, date, rules).standing === "in-force");
}

/** Dates after `date` on which the set of rules in force may change (bind dates and end-of-enforcement dates). */
export function changeDates(rules: readonly Rule[], date: string): string[] {
  const d = fullDate(date);
  const all = rules.flatMap((r) => [bindsFrom(r), ...(r.enforcedUntil ? [fullDate(r.enforcedUntil)] : [])]);
  return [...new Set(all)].filter((x) => x > d).sort();
}

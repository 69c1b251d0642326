// One rule version (or company letter) applied to one chip and one export: is the chip caught, under which
// paragraph, does the licence requirement reach the destination or the buyer's headquarters, which licence
// exception and review policy apply — with the numbers compared.
import type { Accelerator, CountryGroup, LicencePolicy, Rule, RuleBasis } from "../catalog/index.js";
import { evaluate, weakestBasis, type Outcome } from "./criteria.js";
import { describeWhere, matchWhere } from "./destinations.js";
import type { ComplianceMetrics } from "./metrics.js";

export interface ExportQuery {
  /** YYYY-MM-DD. */
  date: string;
  /** ISO 3166-1 alpha-2 destination (HK is treated as CN). */
  destination: string;
  /** Country where the buyer (or its ultimate parent) is headquartered. */
  buyerHq?: string;
}

export interface RuleFinding {
  ruleId: string;
  kind: Rule["kind"];
  /** met = the chip is caught by the rule (some paragraph met, no exclusion). */
  caught: Outcome;
  eccn: "3A090.a" | "3A090.b" | null;
  paragraph: string | null;
  basis: RuleBasis;
  dependsOn: string[];
  /** Whether the destination or the buyer's headquarters is inside the rule's scope. */
  inScope: boolean;
  /** True/false, or "unknown" when the chip's status under the rule is unknown and the export is in scope. */
  licenseRequired: boolean | "unknown";
  licenseException: "NAC" | "ACA" | "AIA" | "LPP" | null;
  /** The exception's note (notification needed, eligibility caveats). */
  exceptionNote: string | null;
  policy: LicencePolicy | null;
  policyBasis: RuleBasis | null;
  /** One line on the chip's status under the rule, one on the scope, and policy/exception lines. */
  reasons: string[];
}

const short = (r: Rule) => `${r.id} (${r.instrument})`;

/** Whether a letter reaches this chip at all: issued to the chip's vendor. */
export function letterReaches(rule: Rule, chip: Accelerator): boolean {
  if (!rule.issuedTo) return true;
  return chip.vendor.toLowerCase().includes(rule.issuedTo.vendor.toLowerCase());
}

/** True when a letter names the chip (by catalog id or alias). */
export function letterNames(rule: Rule, chip: Accelerator): boolean {
  const names = new Set([chip.id, ...chip.aliases]);
  return (rule.issuedTo?.chips ?? []).some((c) => names.has(c));
}

/** Applies one regulation or letter to a chip and an export. */
export function evaluateRule(
  rule: Rule,
  chip: Accelerator,
  m: ComplianceMetrics,
  q: ExportQuery,
  groups: readonly CountryGroup[],
): RuleFinding {
  const reasons: string[] = [];
  let caught: Outcome = "not-met";
  let eccn: RuleFinding["eccn"] = null;
  let paragraph: string | null = null;
  let paragraphScope: Rule["scope"] | undefined;
  let basis: RuleBasis = rule.grade;
  let dependsOn: string[] = [];

  if (rule.issuedTo && letterNames(rule, chip)) {
    caught = "met";
    paragraph = "named";
    const also = rule.controls
      .map((p) => evaluate(p.when, chip, m, rule.grade))
      .filter((r) => r.outcome === "met");
    reasons.push(
      `${short(rule)}: ${chip.name} is named in the letter to ${rule.issuedTo.vendor}` +
        (also.length
          ? `; it also meets the letter's criteria (${also.map((r) => `${r.text}, ${r.basis}`).join("; ")})`
          : ""),
    );
  } else {
    const parts: string[] = [];
    const results = rule.controls.map((p) => ({ p, r: evaluate(p.when, chip, m, rule.grade) }));
    for (const { p, r } of results)
      parts.push(
        `${p.paragraph} ${r.outcome === "met" ? "✓" : r.outcome === "unknown" ? "?" : "✗"} ${r.text}`,
      );
    const hit = results.find((x) => x.r.outcome === "met");
    const unknown = results.filter((x) => x.r.outcome === "unknown");
    if (hit) {
      caught = "met";
      eccn = hit.p.eccn === "3A090.c" ? null : hit.p.eccn;
      paragraph = hit.p.paragraph;
      paragraphScope =
        hit.p.destinations && rule.scope ? { ...rule.scope, destinations: hit.p.destinations } : undefined;
      basis = hit.r.basis;
    } else if (unknown.length) {
      caught = "unknown";
      basis = weakestBasis(unknown.map((x) => x.r.basis));
      dependsOn = [...new Set(unknown.flatMap((x) => x.r.dependsOn))];
    } else basis = weakestBasis(results.map((x) => x.r.basis));
    const none = rule.kind === "regulation" ? "→ not 3A090" : "→ not caught";
    let verdict = hit ? `→ ${hit.p.eccn ?? "caught by the letter"}` : unknown.length ? "→ unknown" : none;
    if (caught !== "not-met") {
      for (const ex of rule.exclusions) {
        const r = evaluate(ex.when, chip, m, rule.grade);
        if (r.outcome === "met") {
          verdict = `→ excluded by ${ex.id} (${r.text})`;
          caught = "not-met";
          eccn = null;
          paragraph = null;
          basis = r.basis;
          break;
        }
        if (r.outcome === "unknown" && caught === "met") {
          caught = "unknown";
          dependsOn = [...new Set([...dependsOn, ...r.dependsOn])];
          verdict += `; ${ex.id} unknown (${r.text})`;
        }
      }
    }
    const who = rule.issuedTo ? ` (letter to ${rule.issuedTo.vendor}; criteria ${basis})` : "";
    reasons.push(`${short(rule)}${who}: ${parts.join("; ")} ${verdict}`);
  }

  const scope = paragraphScope ?? rule.scope;
  const dest = matchWhere(q.destination, scope?.destinations ?? {}, groups);
  const hq = q.buyerHq && scope?.headquarters ? matchWhere(q.buyerHq, scope.headquarters, groups) : null;
  const inScope = dest.inside || (hq?.inside ?? false);
  const licenseRequired: RuleFinding["licenseRequired"] = !inScope
    ? false
    : caught === "met"
      ? true
      : caught === "unknown"
        ? "unknown"
        : false;
  if (caught !== "not-met") {
    const where = scope ? describeWhere(scope.destinations) : "—";
    if (dest.inside)
      reasons.push(
        `${rule.id}: licence requirement applies to ${q.destination}: ${dest.why} (scope: ${where})`,
      );
    else if (hq?.inside)
      reasons.push(
        `${rule.id}: buyer headquartered in ${q.buyerHq} (${hq.why}) needs a licence wherever the item goes (headquarters rule)`,
      );
    else
      reasons.push(
        `${rule.id}: no licence requirement for this export: ${dest.why}${hq ? `; buyer HQ ${hq.why}` : ""}`,
      );
  }

  let licenseException: RuleFinding["licenseException"] = null;
  let exceptionNote: string | null = null;
  let policy: LicencePolicy | null = null;
  let policyBasis: RuleBasis | null = null;
  if (licenseRequired === true) {
    const ex = rule.exceptions.find(
      (e) =>
        e.items.some(
          (it) =>
            it.eccn === eccn &&
            (it.dataCenter === undefined ||
              ("value" in chip.dataCenter && chip.dataCenter.value === it.dataCenter)),
        ) &&
        (matchWhere(q.destination, e.destinations, groups).inside ||
          (q.buyerHq !== undefined && !dest.inside && matchWhere(q.buyerHq, e.destinations, groups).inside)),
    );
    if (ex) {
      licenseException = ex.id;
      exceptionNote = `${ex.id} may apply (${ex.notification ? "notify BIS first" : "no notification"})${ex.note ? `: ${ex.note}` : ""}`;
      reasons.push(`${rule.id}: licence exception ${exceptionNote}`);
    } else if (rule.exceptions.length)
      reasons.push(
        `${rule.id}: no licence exception (${eccn ?? "letter"}${eccn === "3A090.a" ? ", data-centre part" : ""})`,
      );
    const line = rule.policies.find(
      (p) =>
        (!p.destinations || matchWhere(q.destination, p.destinations, groups).inside) &&
        (!p.headquarters ||
          (q.buyerHq !== undefined && matchWhere(q.buyerHq, p.headquarters, groups).inside)),
    );
    policy = line?.policy ?? "unstated";
    policyBasis = line?.grade ?? null;
    reasons.push(
      `${rule.id}: licence review policy ${policy}${line ? ` (${line.grade})` : ""}${line?.note ? ` — ${line.note}` : ""}`,
    );
  }
  return {
    ruleId: rule.id,
    kind: rule.kind,
    caught,
    eccn,
    paragraph,
    basis,
    dependsOn,
    inScope,
    licenseRequired,
    licenseException,
    exceptionNote,
    policy,
    policyBasis,
    reasons,
  };
}

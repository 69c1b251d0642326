// classify(chip, {date, destination, buyerHq}): may this chip go there on that date, and why — status, ECCN
// paragraph, licence requirement, exception, review policy, deciding rules and the numbers compared.
import {
  catalog as embedded,
  type Accelerator,
  type CatalogBundle,
  type LicencePolicy,
  type Rule,
  type RuleBasis,
} from "../catalog/index.js";
import { dedupeWarnings, type Warning } from "../issues.js";
import { evaluate, strongestBasis, weakestBasis } from "./criteria.js";
import { matchWhere, normaliseCountry } from "./destinations.js";
import { evaluateRule, letterReaches, type ExportQuery, type RuleFinding } from "./evaluate-rule.js";
import { bindsFrom, changeDates, fullDate, rulesInForce, standing } from "./in-force.js";
import { complianceMetrics, type ComplianceMetrics } from "./metrics.js";

export type { ExportQuery } from "./evaluate-rule.js";

export type ComplianceStatus = "controlled" | "not-controlled" | "unknown";

export interface Classification {
  chip: string;
  chipName: string;
  /** controlled: a licence requirement applies to this export (before any exception). */
  status: ComplianceStatus;
  tpp: number | null;
  performanceDensity: number | null;
  /** 3A090.a / 3A090.b when a paragraph of the regulation in force is met, whatever the destination; else null
   * (also when only a company letter imposes the licence). 3A090.c (HBM) is never returned for an accelerator. */
  eccn: "3A090.a" | "3A090.b" | null;
  licenseRequired: boolean;
  /** A licence exception that may apply (NAC needs a notification to BIS; ACA none). AIA/LPP belong to the AI
   * Diffusion rule, which never bound anyone. */
  licenseException: "NAC" | "ACA" | "AIA" | "LPP" | null;
  policy: LicencePolicy | "none";
  /** Rule ids that decided the answer. */
  decidedBy: string[];
  /** How the deciding criterion is known. */
  basis: RuleBasis;
  /** Unknown chip inputs the answer depends on. */
  dependsOn: string[];
  reasons: string[];
  /** True for a part designed and sold by a Chinese vendor (catalog market domestic-china): a sale inside China is
   * not an export from the US, and the answer says what US rules make of a chip with these parameters. */
  domesticChinesePart: boolean;
  warnings: Warning[];
  query: { date: string; destination: string; buyerHq: string | null };
  /** The next date after `query.date` on which the answer changes under the catalog's rules, if any. */
  next: {
    date: string;
    status: ComplianceStatus;
    policy: LicencePolicy | "none";
    decidedBy: string[];
  } | null;
  metrics: ComplianceMetrics;
}

const SEVERITY: Record<LicencePolicy, number> = {
  "presumption-of-denial": 3,
  unstated: 2,
  "case-by-case": 1,
  "presumption-of-approval": 0,
};

interface Core extends Omit<Classification, "next" | "warnings"> {
  warnings: Warning[];
}

/** Applies the catalog's policy rules (e.g. the Jan 2026 case-by-case review) to a finding that needs a licence. */
function applyPolicyRules(
  f: RuleFinding,
  active: readonly Rule[],
  chip: Accelerator,
  m: ComplianceMetrics,
  q: ExportQuery,
  cat: CatalogBundle,
): { reasons: string[]; applied: string[] } {
  const reasons: string[] = [];
  const applied: string[] = [];
  for (const p of active.filter((r) => r.kind === "policy" && r.modifies.includes(f.ruleId))) {
    const line = p.policies.find(
      (l) =>
        (!l.destinations || matchWhere(q.destination, l.destinations, cat.countryGroups).inside) &&
        (!l.headquarters ||
          (q.buyerHq !== undefined && matchWhere(q.buyerHq, l.headquarters, cat.countryGroups).inside)),
    );
    if (!line) continue;
    const r = p.when ? evaluate(p.when, chip, m, p.grade) : null;
    if (r && r.outcome !== "met") {
      reasons.push(`${p.id} (${p.instrument}): does not apply — ${r.text}`);
      continue;
    }
    f.policy = line.policy;
    f.policyBasis = line.grade;
    applied.push(p.id);
    reasons.push(
      `${p.id} (${p.instrument}): review policy becomes ${line.policy}${r ? ` (${r.text})` : ""}${line.note ? ` — ${line.note}` : ""}`,
    );
  }
  return { reasons, applied };
}

function classifyCore(chip: Accelerator, q: ExportQuery, cat: CatalogBundle): Core {
  const m = complianceMetrics(chip);
  const warnings: Warning[] = [...m.warnings];
  const reasons: string[] = [];
  const dest = normaliseCountry(q.destination);
  const hq = q.buyerHq ? normaliseCountry(q.buyerHq) : null;
  const domesticChinesePart = chip.market === "domestic-china";
  if (domesticChinesePart)
    reasons.push(
      `${chip.name} is a domestic Chinese part: a sale inside China is not an export from the US. What follows is what ` +
        `US rules make of a chip with its parameters — they matter for exports and re-exports reached by the ` +
        `foreign-direct-product rules, and BIS guidance of 2025-05-13 warns that using Ascend 910B/910C/910D anywhere ` +
        `risks violating US export controls (General Prohibition 10)`,
    );
  if (dest.note) reasons.push(dest.note);
  if (hq?.note) reasons.push(`buyer HQ: ${hq.note}`);
  const query: ExportQuery = {
    date: fullDate(q.date),
    destination: dest.code,
    ...(hq ? { buyerHq: hq.code } : {}),
  };

  const active = rulesInForce(cat.rules, query.date);
  const deciding = active.filter(
    (r) => (r.kind === "regulation" || r.kind === "letter") && r.item === "logic" && letterReaches(r, chip),
  );
  const findings = deciding.map((r) => evaluateRule(r, chip, m, query, cat.countryGroups));
  for (const f of findings) reasons.push(...f.reasons);
  for (const r of active.filter((x) => x.item === "hbm"))
    reasons.push(
      `${r.id}: 3A090.c concerns HBM sold on its own; an accelerator is classified by its logic dies (3A090.a/.b)`,
    );

  const required = findings.filter((f) => f.licenseRequired === true);
  const unknown = findings.filter((f) => f.licenseRequired === "unknown");
  const applied = required.map((f) => {
    const p = applyPolicyRules(f, active, chip, m, query, cat);
    reasons.push(...p.reasons);
    return p.applied;
  });
  const regulation = findings.filter((f) => f.kind === "regulation" && f.caught === "met" && f.eccn);
  const eccn = regulation.some((f) => f.eccn === "3A090.a") ? "3A090.a" : (regulation[0]?.eccn ?? null);
  const status = required.length ? "controlled" : unknown.length ? "unknown" : "not-controlled";
  const policies = required.map((f) => f.policy ?? "unstated");
  const policy = policies.length ? policies.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a)) : "none";
  const licenseException =
    required.length && required.every((f) => f.licenseException)
      ? (required[0]?.licenseException ?? null)
      : null;
  const decidedBy =
    status === "controlled"
      ? [
          ...required.map((f) => f.ruleId),
          // Policy rules count when they shaped the final policy (the most restrictive one).
          ...new Set(
            required.flatMap((f, i) => ((f.policy ?? "unstated") === policy ? (applied[i] ?? []) : [])),
          ),
        ]
      : status === "unknown"
        ? unknown.map((f) => f.ruleId)
        : findings.map((f) => f.ruleId);
  const basis: RuleBasis =
    status === "controlled"
      ? strongestBasis(required.map((f) => f.basis))
      : findings.length
        ? weakestBasis((status === "unknown" ? unknown : findings).map((f) => f.basis))
        : "official";
  const dependsOn = [...new Set(unknown.flatMap((f) => f.dependsOn))];
  if (!findings.length) reasons.push(`no export-control rule on ${chip.id} was in force on ${query.date}`);

  // Rules published but not (yet, or ever) binding on this date: why they did not decide.
  for (const r of cat.rules) {
    if (r.item !== "logic" || !letterReaches(r, chip) || r.kind === "announcement") continue;
    const s = standing(r, query.date, cat.rules);
    if (s.standing === "published-not-binding")
      reasons.push(
        `${r.id}: published ${r.published} but binding only from ${bindsFrom(r)}${r.enforcedUntil ? `; not enforced from ${r.enforcedUntil}, so it never bound anyone` : ""}`,
      );
    if (
      s.standing === "no-longer-enforced" &&
      r.enforcedUntil &&
      fullDate(r.enforcedUntil) <= query.date &&
      fullDate(r.published) <= query.date
    )
      reasons.push(
        `${r.id}: not enforced from ${r.enforcedUntil}${bindsFrom(r) >= fullDate(r.enforcedUntil) ? " (it never bound anyone)" : ""}`,
      );
  }
  const rulesAsOf = cat.info.rulesAsOf;
  if (query.date > fullDate(rulesAsOf))
    warnings.push({
      code: "date_after_rules_as_of",
      message: `${query.date} is later than the rules' as-of date ${rulesAsOf}: later rule changes are not in the catalog`,
    });

  return {
    chip: chip.id,
    chipName: chip.name,
    status,
    tpp: m.tpp.value,
    performanceDensity: m.performanceDensity.value,
    eccn,
    licenseRequired: status === "controlled",
    licenseException,
    policy,
    decidedBy,
    basis,
    dependsOn,
    reasons: [...new Set(reasons)],
    domesticChinesePart,
    warnings,
    query: { date: query.date, destination: query.destination, buyerHq: query.buyerHq ?? null },
    metrics: m,
  };
}

/**
 * Classifies a chip (catalog entry or hypothetical spec) for an export on a date to a destination.
 * Uses compliance/enforcement dates, never publication dates.
 * @example classify(h20, { date: "2025-05-01", destination: "CN" }).status // "controlled" (the April 2025 letter)
 */
export function classify(chip: Accelerator, q: ExportQuery, cat: CatalogBundle = embedded): Classification {
  const core = classifyCore(chip, q, cat);
  let next: Classification["next"] = null;
  for (const d of changeDates(cat.rules, core.query.date)) {
    const later = classifyCore(chip, { ...q, date: d }, cat);
    const changed = (["status", "eccn", "policy", "licenseException"] as const).some(
      (k) => later[k] !== core[k],
    );
    if (changed) {
      next = { date: d, status: later.status, policy: later.policy, decidedBy: later.decidedBy };
      break;
    }
  }
  return { ...core, warnings: dedupeWarnings(core.warnings), next };
}

// Assumption overrides from text ("pue=1.56", "electricityRegion=CN"), for the CLI, the API and shareable URLs.
import { fail, issue, ok, type Issue, type Result } from "../issues.js";
import { DEFAULT_COST_ASSUMPTIONS, resolveAssumptions, type CostAssumptions } from "./assumptions.js";

/** Parses `name=value` pairs into overrides; unknown names, malformed numbers and bad values fail with the fix.
 * @example parseAssumptionOverrides(["pue=1.56", "purchaseBasis=list,street"]) // ok({pue: 1.56, purchaseBasis: [...]}) */
export function parseAssumptionOverrides(pairs: readonly string[]): Result<Partial<CostAssumptions>> {
  const out: Record<string, unknown> = {};
  const problems: Issue[] = [];
  const names = Object.keys(DEFAULT_COST_ASSUMPTIONS).filter((k) => k !== "fxRates");
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const name = eq < 0 ? pair : pair.slice(0, eq).trim();
    const text = eq < 0 ? "" : pair.slice(eq + 1).trim();
    if (!names.includes(name)) {
      problems.push(
        issue(
          "unknown_key",
          ["assumptions", name],
          `unknown assumption "${name}"; one of: ${names.join(", ")}`,
        ),
      );
      continue;
    }
    const def = DEFAULT_COST_ASSUMPTIONS[name as keyof CostAssumptions];
    if (Array.isArray(def)) out[name] = text.split(",").map((s) => s.trim());
    else if (typeof def === "string") out[name] = text;
    else if (name === "electricityUsdPerKwh" && text === "null") out[name] = null;
    else {
      const n = Number(text);
      if (text === "" || !Number.isFinite(n))
        problems.push(
          issue(
            "invalid_value",
            ["assumptions", name],
            `${name}=${text}: expected a number, e.g. ${name}=${String(def ?? 0.08)}`,
          ),
        );
      else out[name] = n;
    }
  }
  if (problems.length > 0) return fail(...problems);
  const checked = resolveAssumptions(out as Partial<CostAssumptions>);
  return checked.ok ? ok(out as Partial<CostAssumptions>) : checked;
}

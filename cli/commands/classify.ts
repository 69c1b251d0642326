// `suanli classify <chip-id | ./chip.yaml …> [--date] [--to] [--hq] [--json]`: may this chip go to that destination
// on that date, and why — status, ECCN, licence, exception, review policy, deciding rules and the numbers compared.
import type { Command } from "commander";
import pc from "picocolors";
import { catalog, classify, metaOf, NOT_LEGAL_ADVICE, type Classification } from "../../src/index.js";
import { footer, num, printJson, printWarnings } from "../output.js";
import { exportQuery, loadChip } from "./export-query.js";

interface Opts {
  date?: string;
  to?: string;
  hq?: string;
  json?: boolean;
}

/** The JSON object of one classification (the contract of `classify --json`). */
export function classificationJson(c: Classification) {
  const meta = metaOf(catalog);
  return {
    chip: c.chip,
    status: c.status,
    tpp: c.tpp,
    performanceDensity: c.performanceDensity,
    eccn: c.eccn,
    licenseRequired: c.licenseRequired,
    licenseException: c.licenseException,
    policy: c.policy,
    decidedBy: c.decidedBy,
    basis: c.basis,
    dependsOn: c.dependsOn,
    reasons: c.reasons,
    warnings: c.warnings.map((w) => w.message),
    query: c.query,
    next: c.next,
    meta: { ...meta, notice: NOT_LEGAL_ADVICE },
  };
}

const STATUS = {
  controlled: (s: string) => pc.red(pc.bold(s)),
  "not-controlled": (s: string) => pc.green(pc.bold(s)),
  unknown: (s: string) => pc.yellow(pc.bold(s)),
};

function render(c: Classification): string {
  const q = c.query;
  const head =
    c.status === "controlled"
      ? "CONTROLLED — a licence is required (before any exception)"
      : c.status === "not-controlled"
        ? "NOT CONTROLLED — no licence requirement under the rules in force"
        : `UNKNOWN — depends on ${c.dependsOn.join(", ")}`;
  const lines = [
    `${pc.bold(c.chipName)} (${c.chip}) → ${q.destination}${q.buyerHq ? ` (buyer HQ ${q.buyerHq})` : ""} on ${q.date}: ${STATUS[c.status](head)}`,
    ...(c.domesticChinesePart
      ? [`  ${pc.yellow("domestic Chinese part: as an export from the US; a sale inside China is not one")}`]
      : []),
    `  TPP ${num(c.tpp, 0)} · PD ${num(c.performanceDensity, 2)} · ECCN ${c.eccn ?? "none (no 3A090 paragraph met)"}`,
    `  licence exception ${c.licenseException ?? "none"} · review policy ${c.policy} · basis ${c.basis}`,
    `  decided by ${c.decidedBy.join(", ") || "—"}`,
    `  why:`,
    ...c.reasons.map((r) => `   • ${r}`),
  ];
  if (c.next)
    lines.push(
      pc.dim(
        `  next change: from ${c.next.date} → ${c.next.status}, policy ${c.next.policy} (${c.next.decidedBy.join(", ")})`,
      ),
    );
  return lines.join("\n");
}

export function register(program: Command): void {
  program
    .command("classify <chips...>")
    .description("export-control status of chips (ids, aliases or ./chip.yaml) on a date to a destination")
    .option("--date <YYYY-MM-DD>", "date of the export (default: today); uses compliance/enforcement dates")
    .option("--to <ISO>", "destination country, ISO 3166-1 alpha-2 (default CN; HK is treated as CN)")
    .option("--hq <ISO>", "country where the buyer (or its ultimate parent) is headquartered")
    .option("--json", "a JSON array, one object per chip")
    .action((args: string[], opts: Opts) => {
      const q = exportQuery(opts);
      const results = args.map((a) => classify(loadChip(a), q, catalog));
      const warnings = results.flatMap((r) => r.warnings);
      if (opts.json) printJson(results.map(classificationJson));
      else {
        process.stdout.write(results.map(render).join("\n\n") + "\n");
        process.stdout.write(pc.bold(NOT_LEGAL_ADVICE) + "\n" + footer(metaOf(catalog)) + "\n");
      }
      printWarnings([...new Map(warnings.map((w) => [w.message, w])).values()]);
    });
}

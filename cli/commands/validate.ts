// `suanli validate --cases FILE [--json] [--cv source]`: predicts every case of a case file (shared FORMAT v1) and
// reports the error per case, per kind and overall. Exit 0 when the run completed, 2 when the file is unreadable.
import type { Command } from "commander";
import pc from "picocolors";
import {
  validateCases,
  type CaseResult,
  type Summary,
  type ValidationReport,
} from "../../src/planner/validate/run.js";
import { CliError, EXIT } from "../errors.js";
import { readText } from "../files.js";
import { footer, num, printJson, renderTable } from "../output.js";

function pct(v: number | null): string {
  if (v === null) return "—";
  if (!Number.isFinite(v)) return "∞";
  return `${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)} %`;
}

function abs(v: number): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : "∞";
}

function summaryLine(label: string, s: Summary): string {
  if (s.count === 0) return `${label.padEnd(10)} no cases`;
  return `${label.padEnd(10)} ${String(s.count).padStart(3)} cases   median |error| ${abs(s.medianAbsError).padStart(8)}   p90 ${abs(
    s.p90AbsError,
  ).padStart(8)}   within tolerance ${(s.withinTolerance * 100).toFixed(0)} %`;
}

/** Why a case missed: no prediction (its reason), or which way and by how much, with the engine's caveats. */
function explainMiss(r: CaseResult): string {
  if (r.predicted === null) return `${r.id}: not predicted — ${r.reason ?? "unknown reason"}`;
  const dir = (r.error ?? 0) > 0 ? "over" : "under";
  const w = r.warnings?.length ? `; engine notes: ${r.warnings.join("; ")}` : "";
  return `${r.id}: ${dir}-predicted by ${abs(Math.abs(r.error ?? 0))} (tolerance ${abs(r.tolerance ?? 0)}; calibration ${
    r.calibrationProfile ?? "—"
  })${w}`;
}

function render(report: ValidationReport): string {
  const rows = renderTable(report.cases, [
    { key: "id", header: "case", value: (r) => r.id },
    { key: "chip", header: "chip", value: (r) => r.chip },
    { key: "metric", header: "metric", value: (r) => r.metric },
    { key: "measured", header: "measured", value: (r) => num(r.measured, 2), align: "right" },
    { key: "predicted", header: "predicted", value: (r) => num(r.predicted, 2), align: "right" },
    { key: "error", header: "error", value: (r) => pct(r.error), align: "right" },
    { key: "ok", header: "within tol.", value: (r) => (r.withinTolerance ? pc.green("yes") : pc.red("no")) },
  ]);
  const s = report.summary;
  const misses = report.cases.filter((r) => !r.withinTolerance);
  return [
    rows,
    pc.bold(`summary (${report.mode})`),
    summaryLine("inference", s.byKind.inference),
    summaryLine("training", s.byKind.training),
    summaryLine("overall", s),
    ...(misses.length ? [pc.bold("misses"), ...misses.map((m) => "  " + explainMiss(m))] : []),
  ].join("\n");
}

export function register(program: Command): void {
  program
    .command("validate")
    .description("predict published measurements (validation cases) and report the error")
    .requiredOption("--cases <file>", "JSON file holding an array of cases (format v1)")
    .option("--json", "one JSON document: {cases, summary}")
    .option("--cv <mode>", "cross-validation: 'source' = leave-one-source-out")
    .action((opts: { cases: string; json?: boolean; cv?: string }) => {
      if (opts.cv !== undefined && opts.cv !== "source")
        throw new CliError(
          `--cv ${opts.cv}: the only mode is "source" (leave-one-source-out)`,
          EXIT.badInput,
        );
      let data: unknown;
      try {
        data = JSON.parse(readText(opts.cases));
      } catch (e) {
        if (e instanceof CliError) throw e;
        throw new CliError(`${opts.cases}: not valid JSON (${(e as Error).message})`, EXIT.badInput);
      }
      if (!Array.isArray(data))
        throw new CliError(`${opts.cases}: a case file holds a JSON array of cases`, EXIT.badInput);
      const report = validateCases(data, opts.cv === "source" ? { cv: "source" } : {});
      if (opts.json) printJson({ cases: report.cases, summary: report.summary, mode: report.mode });
      else process.stdout.write(render(report) + "\n" + footer() + "\n");
    });
}

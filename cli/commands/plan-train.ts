// `suanli plan train --model M --tokens T (--deadline-days D | --count N) [--chip a,b,… | --all] [--to CN --date D]`:
// per chip the cluster size and configuration that meets the deadline (or the time a fixed count needs), MFU,
// cost, energy and export status, ranked. `registerPlanTrain` adds the subcommand to an existing `plan` command.
import type { Command } from "commander";
import { catalog } from "../../src/index.js";
import { planTraining, GOODPUT_ASSUMPTION, type TrainPlanRow } from "../../src/planner/train-plan.js";
import { describeConfig } from "../../src/planner/train-search.js";
import { CliError, EXIT, unwrap } from "../errors.js";
import { footer, num, printCsv, printJson, printWarnings, renderTable, type Column } from "../output.js";
import { loadArchitecture, parseTokens, spaceOf, type TrainOptions } from "./train.js";

interface PlanTrainOptions {
  model: string;
  tokens: string;
  deadlineDays?: string;
  count?: string;
  chip?: string;
  all?: boolean;
  to?: string;
  date?: string;
  precision: string;
  seq: string;
  globalBatch?: string;
  json?: boolean;
  csv?: boolean;
  basis?: string;
}

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? "—" : `${(x * 100).toFixed(1)} %`;

const COLUMNS: Column<TrainPlanRow>[] = [
  { key: "chip", header: "chip", value: (r) => r.chip },
  { key: "chips", header: "chips", value: (r) => num(r.count, 0), align: "right" },
  {
    key: "days",
    header: "days",
    value: (r) => num(r.time ? r.time.wallSeconds / 86400 : null, 1),
    align: "right",
  },
  { key: "mfu", header: "MFU", value: (r) => pct(r.best?.mfu), align: "right" },
  {
    key: "tokensPerChip",
    header: "tok/s/chip",
    value: (r) => num(r.best?.tokensPerSecondPerChip, 0),
    align: "right",
  },
  {
    key: "chipHoursM",
    header: "M chip-h",
    value: (r) => num(r.time ? r.time.chipHours / 1e6 : null, 2),
    align: "right",
  },
  {
    key: "gwh",
    header: "GWh",
    value: (r) => num(r.cost?.energy ? r.cost.energy.facilityKwh / 1e6 : null, 2),
    align: "right",
  },
  {
    key: "cost",
    header: "cost (M)",
    value: (r) =>
      r.cost?.cost === null || !r.cost ? "—" : `${num(r.cost.cost / 1e6, 1)} ${r.cost.currency}`,
    align: "right",
  },
  { key: "export", header: "export", value: (r) => r.exportStatus?.status ?? "" },
  {
    key: "config",
    header: "configuration",
    value: (r) => (r.best ? describeConfig(r.best.config) : (r.reason ?? "—")),
  },
];

function chipsOf(o: PlanTrainOptions): string[] {
  if (o.all)
    return catalog.accelerators
      .filter(
        (a) =>
          a.dataCenter &&
          "value" in a.dataCenter &&
          a.dataCenter.value &&
          (a.peakTflops.bf16 || a.peakTflops.fp16),
      )
      .map((a) => a.id);
  if (!o.chip) throw new CliError("give --chip a,b,… or --all", EXIT.badInput);
  return o.chip
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Adds `train` under a `plan` command. */
export function registerPlanTrain(plan: Command): void {
  plan
    .command("train")
    .description(
      "cluster size, configuration, MFU, cost and export status per chip to train a model by a deadline",
    )
    .requiredOption("--model <id|config.json>", "catalog model id/alias or a config.json path")
    .requiredOption("--tokens <n>", "tokens to train, e.g. 15T")
    .option("--deadline-days <d>", "wall-clock deadline (goodput included)")
    .option("--count <n>", "fixed cluster size instead of a deadline")
    .option("--chip <ids>", "comma-separated chip ids")
    .option("--all", "every data-centre chip in the catalog")
    .option("--to <country>", "export destination (ISO code) for the status column")
    .option("--date <yyyy-mm-dd>", "as-of date of the export status")
    .option("--precision <p>", "GEMM precision", "bf16")
    .option("--seq <n>", "sequence length", "4096")
    .option("--global-batch <n>", "sequences per step (default: 4 M tokens)")
    .option(
      "--basis <purchase|cloud>",
      "price basis: purchase (amortised capex + electricity) or cloud rental",
      "purchase",
    )
    .option("--json", "one JSON document")
    .option("--csv", "CSV")
    .action((o: PlanTrainOptions) => {
      const deadline = o.deadlineDays === undefined ? undefined : Number(o.deadlineDays);
      if (deadline !== undefined && !(deadline > 0))
        throw new CliError(`--deadline-days must be positive, got "${o.deadlineDays}"`, EXIT.badInput);
      const count = o.count === undefined ? undefined : Number(o.count);
      if (count !== undefined && !(Number.isInteger(count) && count > 0))
        throw new CliError(`--count must be a positive integer, got "${o.count}"`, EXIT.badInput);
      if (o.basis !== undefined && o.basis !== "purchase" && o.basis !== "cloud")
        throw new CliError(`--basis must be purchase or cloud, got "${o.basis}"`, EXIT.badInput);
      const { arch, warnings } = loadArchitecture(o.model);
      const space = spaceOf({ ...(o as unknown as TrainOptions), flops: "default", top: "1" });
      const r = planTraining({
        arch,
        chips: chipsOf(o),
        tokens: parseTokens(o.tokens),
        ...(deadline !== undefined ? { deadlineDays: deadline } : {}),
        ...(count !== undefined ? { count } : {}),
        space: { globalBatch: space.globalBatch, seqLen: space.seqLen, precision: space.precision },
        ...(o.to ? { to: o.to } : {}),
        ...(o.date ? { date: o.date } : {}),
        ...(o.basis ? { basis: o.basis as "purchase" | "cloud" } : {}),
      });
      const rows = unwrap(r);
      const all = [...warnings, ...(r.ok ? r.warnings : [])];
      if (o.json) return printJson({ rows, goodput: GOODPUT_ASSUMPTION, warnings: all });
      if (o.csv) return printCsv(rows, COLUMNS);
      printWarnings(all);
      process.stdout.write(
        renderTable(rows, COLUMNS) +
          "\n" +
          footer(undefined, [`goodput: ${GOODPUT_ASSUMPTION.source}`]) +
          "\n",
      );
    });
}

export function register(program: Command): void {
  registerPlanTrain(program.command("plan").description("plans: training (and serving, where available)"));
}

// `suanli plan serve --model M --rate R --input I --output O --tpot-ms X --ttft-ms Y [--chip a,b,… | --all]
// [--to CN --date D] [--allow-quant fp8,int8] [--power-mw P]`: per chip the best serving layout, chips and nodes,
// capex, power, energy and $/M tokens, and export status, ranked. `registerPlanServe` adds it to `plan`.
import type { Command } from "commander";
import { SingleBar } from "cli-progress";
import {
  catalog,
  catalogCalibration,
  assumptionRows,
  electricityUsdPerKwh,
  findChip,
  isPrecision,
  parseAssumptionOverrides,
  resolveAssumptions,
  type Accelerator,
  type Precision,
} from "../../src/index.js";
import { planServe, type ChipServePlan, type ServeLayout } from "../../src/planner/serve-plan.js";
import { CliError, EXIT, unwrap } from "../errors.js";
import { positiveNumber, sloOption, speculativeOption } from "../options.js";
import { footer, num, printCsv, printJson, renderTable, type Column } from "../output.js";
import { loadArchitecture } from "./train.js";

interface PlanServeOptions {
  model: string;
  rate: string;
  input: string;
  output: string;
  tpotMs?: string;
  ttftMs?: string;
  percentile: string;
  chip?: string;
  all?: boolean;
  to?: string;
  date?: string;
  includeRestricted?: boolean;
  allowQuant?: string;
  powerMw?: string;
  kvNicGbps?: string;
  speculative?: string;
  basis: string;
  assume?: string[];
  currency?: string;
  json?: boolean;
  csv?: boolean;
}

/** One serving layout as `instance-size× tp ep dp weights/kv`. */
function layoutText(l: ServeLayout): string {
  return `${l.count}× tp${l.tp} ep${l.ep} dp${l.dp} ${l.weights}/${l.kvCache}`;
}

/** A disaggregated plan's pools, one line each: layout, chips, batch, and the latency each pool contributes. */
function poolsText(r: ChipServePlan): string | null {
  const p = r.pools;
  if (!p) return null;
  return [
    `prefill ${layoutText(p.prefill.layout)} ×${p.prefill.chips} chips · ${p.prefill.batch} prompts/step · ` +
      `TTFT ${num(p.prefill.ttftMs, 0)} ms = queue ${num(p.prefill.queueMs, 0)} + prefill ${num(p.prefill.prefillMs, 0)} + KV transfer ${num(p.prefill.kvTransferMs, 1)} · ${num(p.prefill.inputTokensPerSecondPerChip, 0)} in tok/s/chip`,
    `decode ${layoutText(p.decode.layout)} ×${p.decode.chips} chips · batch ${num(p.decode.batch, 0)} · ` +
      `TPOT ${num(p.decode.tpotMs, 1)} ms · ${num(p.decode.outputTokensPerSecondPerChip, 0)} out tok/s/chip`,
  ].join("\n");
}

const COLUMNS: Column<ChipServePlan>[] = [
  { key: "chip", header: "chip", value: (r) => r.chip },
  { key: "feasible", header: "ok", value: (r) => (r.feasible ? "yes" : "no") },
  {
    key: "layout",
    header: "layout",
    value: (r) =>
      poolsText(r) ??
      (r.prefillLayout && r.decodeLayout
        ? `prefill ${layoutText(r.prefillLayout)} ×${r.prefillChips} chips | decode ${layoutText(r.decodeLayout)} ×${r.decodeChips} chips`
        : r.layout
          ? layoutText(r.layout)
          : null),
  },
  { key: "batch", header: "batch", value: (r) => num(r.batch, 0), align: "right" },
  { key: "capacity", header: "tok/s/chip", value: (r) => num(r.capacityPerChip, 0), align: "right" },
  { key: "chips", header: "chips", value: (r) => num(r.chips, 0), align: "right" },
  { key: "nodes", header: "nodes", value: (r) => num(r.nodes, 0), align: "right" },
  { key: "tpotMs", header: "TPOT ms", value: (r) => num(r.tpotMs, 1), align: "right" },
  { key: "ttftMs", header: "TTFT ms", value: (r) => num(r.ttftMs, 0), align: "right" },
  { key: "capex", header: "capex", value: (r) => num(r.cost?.capex, 0), align: "right" },
  { key: "mw", header: "facility MW", value: (r) => num(r.cost?.facilityMW, 3), align: "right" },
  {
    key: "jPerToken",
    header: "J/token",
    value: (r) => num(r.cost?.energy?.facilityJPerToken, 2),
    align: "right",
  },
  { key: "perM", header: "cost/M tok", value: (r) => num(r.cost?.perMillionTokens, 3), align: "right" },
  { key: "export", header: "export", value: (r) => r.exportStatus?.policy ?? null },
  {
    key: "band",
    header: "± err",
    value: (r) =>
      r.errorBand
        ? `${(r.errorBand.typical * 100).toFixed(0)} %${r.errorBand.status === "unvalidated" ? "?" : ""}`
        : null,
  },
  { key: "reason", header: "why not", value: (r) => r.reason ?? null },
];

/** CSV: one line per plan (the pools joined with " | "). */
const CSV_COLUMNS: Column<ChipServePlan>[] = COLUMNS.map((c) =>
  c.key === "layout" ? { ...c, value: (r) => c.value(r)?.toString().replace(/\n/g, " | ") ?? null } : c,
);

function chipsOf(o: PlanServeOptions): Accelerator[] {
  if (o.chip) return o.chip.split(",").map((id) => unwrap(findChip(id.trim())));
  if (o.all) return catalog.accelerators.filter((a) => a.status !== "cancelled");
  throw new CliError("name chips with --chip a,b,… or pass --all", EXIT.badInput);
}

export function registerPlanServe(plan: Command): void {
  plan
    .command("serve")
    .description("chips, layout, cost, power and export status per chip to serve a request rate under an SLO")
    .requiredOption("--model <id|config.json>", "catalog model id/alias or a config.json path")
    .requiredOption("--rate <req/s>", "requests per second across the fleet")
    .option("--input <tokens>", "prompt tokens per request", "2000")
    .option("--output <tokens>", "output tokens per request", "500")
    .option("--tpot-ms <ms>", "time-per-output-token bound")
    .option("--ttft-ms <ms>", "time-to-first-token bound")
    .option("--percentile <p>", "mean | p50 | p90 | p99 of the bounds", "mean")
    .option("--chip <ids>", "comma-separated chip ids")
    .option("--all", "every chip in the catalog")
    .option("--to <country>", "export destination (ISO code); chips under presumption of denial are left out")
    .option("--date <yyyy-mm-dd>", "as-of date for --to (default today)")
    .option("--include-restricted", "keep chips under presumption of denial")
    .option("--allow-quant <list>", "lower precisions allowed, e.g. fp8,int8")
    .option("--power-mw <mw>", "facility power budget, MW")
    .option("--speculative <method:accept>", "speculative decoding / MTP on every layout, e.g. mtp:1.8")
    .option(
      "--kv-nic-gbps <gbit/s>",
      "per-chip NIC bandwidth the KV cache moves over from prefill to decode pool (default: the system's scale-out)",
    )
    .option("--basis <b>", "purchase | cloud", "purchase")
    .option("--currency <c>", "USD | CNY (at the dated rate listed in the assumptions)")
    .option(
      "--assume <name=value...>",
      "override a cost assumption, e.g. pue=1.56 electricityRegion=CN amortisationYears=4",
    )
    .option("--json", "one JSON document, with configsEvaluated and rejection reasons")
    .option("--csv", "CSV")
    .action((o: PlanServeOptions) => {
      const arch = loadArchitecture(o.model).arch;
      const allow: Precision[] = (o.allowQuant ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .map((p) => {
          if (!isPrecision(p)) throw new CliError(`--allow-quant ${p}: not a precision`, EXIT.badInput);
          return p;
        });
      if (o.basis !== "purchase" && o.basis !== "cloud")
        throw new CliError("--basis: purchase or cloud", EXIT.badInput);
      const assumptions = unwrap(
        parseAssumptionOverrides([
          ...(o.assume ?? []),
          ...(o.currency ? [`currency=${o.currency.toUpperCase()}`] : []),
        ]),
      );
      const used = unwrap(resolveAssumptions(assumptions));
      const chips = chipsOf(o);
      const bar = !o.json && !o.csv && process.stderr.isTTY ? new SingleBar({ clearOnComplete: true }) : null;
      bar?.start(chips.length, 0);
      const r = planServe({
        arch,
        chips,
        rate: positiveNumber("rate", o.rate) as number,
        inputTokens: positiveNumber("input", o.input) ?? 2000,
        outputTokens: positiveNumber("output", o.output) ?? 500,
        slo: sloOption(o),
        allowQuant: allow,
        exportTo: o.to
          ? { destination: o.to.toUpperCase(), date: o.date ?? new Date().toISOString().slice(0, 10) }
          : null,
        includeRestricted: o.includeRestricted ?? false,
        powerMW: positiveNumber("power-mw", o.powerMw),
        kvTransferGbpsPerChip: positiveNumber("kv-nic-gbps", o.kvNicGbps),
        speculative: speculativeOption(o.speculative),
        basis: o.basis,
        assumptions,
        calibration: catalogCalibration(),
        onProgress: (done) => bar?.update(done),
      });
      bar?.stop();
      const plan = unwrap(r);
      const a = used.values;
      const costNote = `costs in ${a.currency} (${o.basis}): ${a.amortisationYears}-year amortisation, PUE ${a.pue}, electricity ${electricityUsdPerKwh(a)} USD/kWh (${a.electricityRegion}), serving power ${a.servingPowerFraction} of rated; --assume name=value to change, --json lists every assumption with its source`;
      const unknownCost = plan.plans.flatMap((p) =>
        p.feasible && p.cost && p.cost.perMillionTokens === null
          ? [`${p.chip}: cost unknown: ${p.cost.reasons.join("; ")}`]
          : [],
      );
      if (o.json) printJson({ ...plan, costAssumptions: assumptionRows(used.records) });
      else if (o.csv) printCsv(plan.plans, CSV_COLUMNS);
      else
        process.stdout.write(
          renderTable(plan.plans, COLUMNS) +
            "\n" +
            footer(undefined, [
              `${plan.configsEvaluated} configurations evaluated; ± err = typical validation error of the chip family (? = unvalidated)`,
              costNote,
              ...unknownCost,
            ]) +
            "\n",
        );
    });
}

// `suanli whatif [chips…] --tpp 1600 --dram 1000 …`: what if a chip were caught at these thresholds (any one
// reached)? Which chips change status, by how much each clears or misses, and the best chips still allowed.
import type { Command } from "commander";
import pc from "picocolors";
import {
  catalog,
  compliantFrontier,
  metaOf,
  NOT_LEGAL_ADVICE,
  whatIf,
  type WhatIfThresholds,
} from "../../src/index.js";
import { CliError, EXIT } from "../errors.js";
import { footer, num, printJson, renderTable } from "../output.js";
import { exportQuery, loadChip } from "./export-query.js";

interface Opts {
  tpp?: string;
  pd?: string;
  dram?: string;
  interconnect?: string;
  sum?: string;
  io?: string;
  totalDram?: string;
  replace?: boolean;
  dcOnly?: boolean;
  changed?: boolean;
  date?: string;
  to?: string;
  hq?: string;
  json?: boolean;
}

const FLAGS: [keyof Opts, keyof WhatIfThresholds][] = [
  ["tpp", "tpp"],
  ["pd", "performanceDensity"],
  ["dram", "dramBandwidthGBps"],
  ["interconnect", "interconnectBandwidthGBps"],
  ["sum", "bandwidthSumGBps"],
  ["io", "io2022GBps"],
  ["totalDram", "totalDramBandwidthGBps"],
];

function thresholds(opts: Opts): WhatIfThresholds {
  const t: WhatIfThresholds = {};
  for (const [flag, metric] of FLAGS) {
    const v = opts[flag];
    if (v === undefined) continue;
    const n = Number(v);
    if (typeof v !== "string" || !Number.isFinite(n) || n <= 0)
      throw new CliError(`--${flag} ${String(v)}: expected a positive number`, EXIT.badInput);
    t[metric] = n;
  }
  if (Object.keys(t).length === 0)
    throw new CliError(
      "give at least one threshold, e.g. --tpp 1600 or --dram 1000 (see suanli whatif --help)",
      EXIT.badInput,
    );
  return t;
}

export function register(program: Command): void {
  program
    .command("whatif [chips...]")
    .description(
      "hypothetical thresholds (a chip is caught when any one is reached): who changes status, by how much, and the compliant frontier",
    )
    .option("--tpp <n>", "TPP threshold")
    .option("--pd <n>", "performance-density threshold")
    .option("--dram <GBps>", "DRAM bandwidth threshold, GB/s")
    .option("--interconnect <GBps>", "interconnect bandwidth threshold, GB/s (bidirectional)")
    .option("--sum <GBps>", "DRAM + interconnect threshold, GB/s")
    .option("--io <GBps>", "2022-style aggregate bidirectional I/O threshold, GB/s")
    .option("--total-dram <GBps>", "total DRAM bandwidth threshold, GB/s")
    .option("--replace", "use only these thresholds (default: add them to the rules in force)")
    .option("--dc-only", "catch only data-centre parts")
    .option("--changed", "list only chips whose status changes")
    .option("--date <YYYY-MM-DD>", "date (default: today)")
    .option("--to <ISO>", "destination (default CN)")
    .option("--hq <ISO>", "buyer headquarters country")
    .option("--json", "one JSON document")
    .action((args: string[], opts: Opts) => {
      const t = thresholds(opts);
      const q = exportQuery(opts);
      const chips = args.length ? args.map(loadChip) : catalog.accelerators;
      const rows = whatIf(chips, t, q, catalog, {
        mode: opts.replace ? "replace" : "add",
        dataCenterOnly: opts.dcOnly ?? false,
      });
      const statusAfter = new Map(rows.map((r) => [r.chip, r.after]));
      const statusBefore = new Map(rows.map((r) => [r.chip, r.before]));
      const frontier = {
        before: compliantFrontier(chips, (c) => statusBefore.get(c.id) ?? "unknown"),
        after: compliantFrontier(chips, (c) => statusAfter.get(c.id) ?? "unknown"),
      };
      const shown = opts.changed ? rows.filter((r) => r.changed) : rows;
      if (opts.json) {
        printJson({
          thresholds: t,
          query: q,
          mode: opts.replace ? "replace" : "add",
          chips: shown.map((r) => ({
            chip: r.chip,
            before: r.before,
            after: r.after,
            changed: r.changed,
            margins: r.margins,
            decidedBy: r.after_.decidedBy,
          })),
          frontier,
          meta: { ...metaOf(catalog), notice: NOT_LEGAL_ADVICE },
        });
        return;
      }
      const sorted = [...shown].sort(
        (a, b) => Number(b.changed) - Number(a.changed) || a.chip.localeCompare(b.chip),
      );
      process.stdout.write(
        renderTable(sorted, [
          { key: "chip", header: "chip", value: (r) => r.chip },
          { key: "before", header: "now", value: (r) => r.before },
          { key: "after", header: "what-if", value: (r) => (r.changed ? pc.bold(r.after) : r.after) },
          {
            key: "margins",
            header: "margin to each threshold",
            value: (r) => r.margins.map((m) => m.text).join("; "),
          },
        ]) + "\n",
      );
      const label = {
        bf16Tflops: "dense BF16 TFLOPS",
        memoryBandwidthGBps: "memory bandwidth GB/s",
        memoryCapacityGB: "memory GB",
      };
      process.stdout.write(
        pc.bold(`compliant frontier (best chip not controlled → ${q.destination} on ${q.date}):\n`),
      );
      for (const [i, f] of frontier.after.entries()) {
        const b = frontier.before[i];
        process.stdout.write(
          `  ${label[f.metric].padEnd(22)} what-if ${f.chip ?? "—"} (${num(f.value, 0)})   now ${b?.chip ?? "—"} (${num(b?.value ?? null, 0)})\n`,
        );
      }
      process.stdout.write(
        `${rows.filter((r) => r.changed).length} of ${rows.length} chips change status\n${NOT_LEGAL_ADVICE}\n${footer(metaOf(catalog))}\n`,
      );
    });
}

// `suanli chips`: every catalog accelerator (filter by vendor, market, status); `--coverage` counts known fields.
import type { Command } from "commander";
import { catalog, chipMetrics, coverage, metaOf, typicalOf, type Accelerator } from "../../src/index.js";
import { num, printJson, printList, renderTable, footer, type Column } from "../output.js";

interface Opts {
  vendor?: string;
  market?: string;
  status?: string;
  coverage?: boolean;
  json?: boolean;
  csv?: boolean;
}

const peak = (c: Accelerator) => typicalOf(c.peakTflops.bf16) ?? typicalOf(c.peakTflops.fp16);

export const columns: Column<Accelerator>[] = [
  { key: "id", header: "id", value: (c) => c.id },
  { key: "name", header: "name", value: (c) => c.name },
  { key: "vendor", header: "vendor", value: (c) => c.vendor },
  { key: "market", header: "market", value: (c) => c.market },
  { key: "status", header: "status", value: (c) => c.status },
  { key: "bf16Tflops", header: "BF16 TFLOPS", value: (c) => num(peak(c), 0), align: "right" },
  { key: "memoryGB", header: "mem GB", value: (c) => num(typicalOf(c.memory.capacityGB), 0), align: "right" },
  {
    key: "bandwidthGBps",
    header: "BW GB/s",
    value: (c) => num(typicalOf(c.memory.bandwidthGBps), 0),
    align: "right",
  },
  { key: "tdpW", header: "TDP W", value: (c) => num(typicalOf(c.tdpW), 0), align: "right" },
  { key: "tpp", header: "TPP", value: (c) => num(chipMetrics(c).tpp.value, 0), align: "right" },
];

const csvColumns: Column<Accelerator>[] = columns.map((c) =>
  c.key === "id" || c.key === "name" || c.key === "vendor" || c.key === "market" || c.key === "status"
    ? c
    : { ...c, value: (a: Accelerator) => rawValue(c.key, a) },
);

function rawValue(key: string, c: Accelerator): number | null {
  switch (key) {
    case "bf16Tflops":
      return peak(c);
    case "memoryGB":
      return typicalOf(c.memory.capacityGB);
    case "bandwidthGBps":
      return typicalOf(c.memory.bandwidthGBps);
    case "tdpW":
      return typicalOf(c.tdpW);
    case "tpp":
      return chipMetrics(c).tpp.value;
    default:
      return null;
  }
}

export function register(program: Command): void {
  program
    .command("chips")
    .description("list catalog accelerators (all statuses unless filtered)")
    .option("--vendor <name>", "only this vendor (case-insensitive)")
    .option("--market <m>", "global | china-variant | domestic-china | us-cloud-only | edge")
    .option("--status <s>", "shipping | announced | reported | cancelled | discontinued")
    .option("--coverage", "count how many spec fields are known")
    .option("--json", "one JSON document on stdout")
    .option("--csv", "CSV on stdout")
    .action((opts: Opts) => {
      const chips = catalog.accelerators.filter(
        (c) =>
          (!opts.vendor || c.vendor.toLowerCase() === opts.vendor.toLowerCase()) &&
          (!opts.market || c.market === opts.market) &&
          (!opts.status || c.status === opts.status),
      );
      if (opts.coverage) {
        const cov = coverage(chips);
        if (opts.json) return printJson({ ...cov, meta: metaOf() });
        process.stdout.write(
          renderTable(cov.byField, [
            { key: "field", header: "field", value: (f) => f.field },
            { key: "known", header: `known (of ${cov.chips})`, value: (f) => f.known, align: "right" },
          ]) +
            `\n${cov.known} of ${cov.chips * cov.fields} fields known (${num(cov.share * 100, 1)} %) across ${cov.chips} chips\n` +
            footer() +
            "\n",
        );
        return;
      }
      const unstated = chips.filter((c) => chipMetrics(c).warnings.length > 0).map((c) => c.id);
      const summary = unstated.length
        ? [
            {
              code: "peak_basis_unstated",
              message: `TPP of ${unstated.length} chip(s) rests on a peak whose basis (dense or sparse) the vendor does not state; used as dense: ${unstated.join(", ")}`,
            },
          ]
        : [];
      printList(
        chips,
        opts.csv ? csvColumns : columns,
        opts,
        (c) => {
          const m = chipMetrics(c);
          return {
            ...c,
            tpp: m.tpp.value,
            performanceDensity: m.performanceDensity.value,
            warnings: m.warnings,
          };
        },
        opts.json ? [] : summary,
      );
    });
}

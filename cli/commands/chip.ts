// `suanli chip <id|alias|./file.yaml>`: one accelerator's full spec, each value with its grade and source,
// plus TPP and performance density.
import type { Command } from "commander";
import pc from "picocolors";
import { chipMetrics, findChip, metaOf, type Accelerator, type Source } from "../../src/index.js";
import { unwrap } from "../errors.js";
import { loadChipFile } from "../files.js";
import { footer, num, printJson, printWarnings } from "../output.js";

type Sourced = {
  value?: unknown;
  range?: [number, number];
  typical?: number;
  unknown?: true;
  grade?: string;
  source?: string | string[];
  formula?: string;
  note?: string;
  basis?: string;
};

function describe(v: Sourced, unit: string): string {
  if (v.unknown) return pc.dim(`unknown (${v.note ?? "not found"})`);
  const val = v.range
    ? `${num(v.range[0], 2)}–${num(v.range[1], 2)}${v.typical !== undefined ? ` (typ. ${num(v.typical, 2)})` : ""}`
    : typeof v.value === "number"
      ? num(v.value, 2)
      : String(v.value);
  const src = Array.isArray(v.source) ? v.source.join(", ") : (v.source ?? "");
  const extra = [v.basis, v.grade, src && `[${src}]`, v.formula && `= ${v.formula}`]
    .filter(Boolean)
    .join(" ");
  return `${val}${unit ? " " + unit : ""}  ${pc.dim(extra)}${v.note ? pc.dim(` — ${v.note}`) : ""}`;
}

function lines(chip: Accelerator): string[] {
  const out: string[] = [];
  const row = (label: string, v: unknown, unit = "") => {
    if (v !== undefined) out.push(`  ${label.padEnd(26)} ${describe(v as Sourced, unit)}`);
  };
  out.push(
    pc.bold(`${chip.name}`) +
      pc.dim(`  (${chip.id}${chip.aliases.length ? "; aliases " + chip.aliases.join(", ") : ""})`),
  );
  out.push(`  ${"vendor / family / stack".padEnd(26)} ${chip.vendor} / ${chip.family} / ${chip.stack}`);
  out.push(`  ${"market / status".padEnd(26)} ${chip.market} / ${chip.status}`);
  row("release date", chip.releaseDate);
  row("data-centre part", chip.dataCenter);
  out.push(pc.bold("  peak (dense unless marked)"));
  for (const [p, v] of Object.entries(chip.peakTflops))
    row(`  ${p}`, v, p.startsWith("int") ? "TOPS" : "TFLOPS");
  for (const [p, v] of Object.entries(chip.peakTflopsSparse ?? {}))
    row(`  ${p} (sparse)`, v, p.startsWith("int") ? "TOPS" : "TFLOPS");
  out.push(pc.bold("  memory"));
  row("  capacity", chip.memory.capacityGB, "GB");
  row("  type", chip.memory.type);
  row("  bandwidth", chip.memory.bandwidthGBps, "GB/s");
  if (chip.scaleUp) {
    out.push(pc.bold(`  scale-up: ${chip.scaleUp.name}`));
    row("  per direction", chip.scaleUp.perDirectionGBps, "GB/s");
    row("  links", chip.scaleUp.links);
    row("  largest domain", chip.scaleUp.maxDomain, "chips");
  }
  if (chip.hostInterface)
    row(
      `host PCIe ${chip.hostInterface.pcieGen} ×${chip.hostInterface.lanes}`,
      chip.hostInterface.perDirectionGBps,
      "GB/s/dir",
    );
  row("scale-out per chip", chip.scaleOutGbps, "Gbit/s");
  row("TDP", chip.tdpW, "W");
  row("applicable die area", chip.dieAreaMm2, "mm²");
  if (chip.dies) out.push(`  ${"dies".padEnd(26)} ${chip.dies}`);
  row("process", chip.process);
  out.push(`  ${"software".padEnd(26)} ${chip.software.join(", ")}`);
  for (const p of chip.prices)
    out.push(
      `  ${("price (" + p.basis + ")").padEnd(26)} ${num(p.amount, 2)} ${p.currency} ${pc.dim(`${p.date} ${p.grade} [${Array.isArray(p.source) ? p.source.join(", ") : p.source}]${p.note ? " — " + p.note : ""}`)}`,
    );
  const m = chipMetrics(chip);
  out.push(pc.bold("  export-control metrics"));
  out.push(`  ${"TPP".padEnd(26)} ${num(m.tpp.value, 0)}  ${pc.dim(`${m.tpp.grade}: ${m.tpp.formula}`)}`);
  out.push(
    `  ${"performance density".padEnd(26)} ${num(m.performanceDensity.value, 2)}  ${pc.dim(`${m.performanceDensity.grade}: ${m.performanceDensity.formula}`)}`,
  );
  out.push(`  ${"H100-equivalents".padEnd(26)} ${num(m.h100Equivalents.value, 2)}`);
  out.push(pc.bold("  sources"));
  for (const [k, s] of Object.entries(chip.sources) as [string, Source][])
    out.push(`  ${pc.dim(`[${k}]`)} ${s.title}, ${s.date} — ${s.url}`);
  if (chip.notes) out.push(pc.dim(`  note: ${chip.notes}`));
  return out;
}

export function register(program: Command): void {
  program
    .command("chip <idOrFile>")
    .description(
      "one accelerator's full spec with sources, TPP and performance density (id, alias or ./chip.yaml)",
    )
    .option("--json", "one JSON document on stdout")
    .action((query: string, opts: { json?: boolean }) => {
      const chip = /\.ya?ml$|\.json$/.test(query) ? loadChipFile(query) : unwrap(findChip(query));
      const m = chipMetrics(chip);
      if (opts.json) {
        printJson({ ...chip, metrics: m, warnings: m.warnings, meta: metaOf() });
      } else {
        process.stdout.write(lines(chip).join("\n") + "\n" + footer() + "\n");
      }
      printWarnings(m.warnings);
    });
}

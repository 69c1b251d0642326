// Rendering for the terminal and for machines: tables, one JSON document, or CSV on stdout; warnings on stderr.
import Table from "cli-table3";
import pc from "picocolors";
import { metaOf, type Meta, type Warning } from "../src/index.js";

export interface OutputOptions {
  json?: boolean;
  csv?: boolean;
}

export interface Column<R> {
  key: string;
  header: string;
  value: (row: R) => string | number | boolean | null | undefined;
  align?: "left" | "right";
}

/** Writes exactly one JSON document to stdout. */
export function printJson(doc: unknown): void {
  process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes a CSV document (header + rows) to stdout. */
export function printCsv<R>(rows: readonly R[], columns: readonly Column<R>[]): void {
  const lines = [columns.map((c) => csvCell(c.key)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.value(r))).join(","));
  process.stdout.write(lines.join("\n") + "\n");
}

/** Formats a number for people: thousands separators, up to `digits` decimals; "—" for unknown. */
export function num(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return v.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** A terminal table. */
export function renderTable<R>(rows: readonly R[], columns: readonly Column<R>[]): string {
  const t = new Table({
    head: columns.map((c) => pc.bold(c.header)),
    colAligns: columns.map((c) => c.align ?? "left"),
    style: { head: [], border: [], compact: true },
  });
  for (const r of rows)
    t.push(columns.map((c) => (c.value(r) === null || c.value(r) === undefined ? "—" : String(c.value(r)))));
  return t.toString();
}

/** Prints warnings to stderr for people (machine formats also carry them inside the document). */
export function printWarnings(warnings: readonly Warning[]): void {
  for (const w of warnings) process.stderr.write(pc.yellow(`warning: ${w.message}`) + "\n");
}

/** The provenance footer: version, catalog date, rules as-of date. */
export function footer(meta: Meta = metaOf(), extra: string[] = []): string {
  return pc.dim(
    [`suanli ${meta.version} · catalog ${meta.catalogDate} · rules as of ${meta.rulesAsOf}`, ...extra].join(
      "\n",
    ),
  );
}

/** Renders a list either as a bare JSON array (each element with `meta`), CSV, or a table with a footer. */
export function printList<R extends object>(
  rows: readonly R[],
  columns: readonly Column<R>[],
  opts: OutputOptions,
  toJson: (r: R) => object = (r) => r,
  warnings: readonly Warning[] = [],
): void {
  const meta = metaOf();
  if (opts.json) {
    printJson(
      rows.map((r) => ({ ...toJson(r), meta: { version: meta.version, catalogDate: meta.catalogDate } })),
    );
    printWarnings(warnings);
  } else if (opts.csv) {
    printCsv(rows, columns);
    printWarnings(warnings);
  } else {
    process.stdout.write(renderTable(rows, columns) + "\n" + footer(meta) + "\n");
    printWarnings(warnings);
  }
}

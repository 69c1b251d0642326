// `suanli rules [id] [--date] [--json]`: the export-control rule versions in the catalog, their dates and where each
// stands on a date; with an id, one rule's criteria, scope, exceptions, policies and sources.
import type { Command } from "commander";
import pc from "picocolors";
import {
  bindsFrom,
  catalog,
  describeWhere,
  metaOf,
  standing,
  suggest,
  type Criterion,
  type Rule,
} from "../../src/index.js";
import { CliError, EXIT } from "../errors.js";
import { footer, printJson, renderTable } from "../output.js";
import { today } from "./export-query.js";

function criterionText(c: Criterion): string {
  if ("metric" in c)
    return `${c.metric} ${c.op} ${c.value.toLocaleString("en-US")}${c.basis && c.basis !== "official" ? ` [${c.basis}]` : ""}`;
  if ("fact" in c) return `${c.fact} = ${c.equals}`;
  if ("all" in c)
    return c.all
      .map((x) => ("metric" in x || "fact" in x ? criterionText(x) : `(${criterionText(x)})`))
      .join(" and ");
  return c.any
    .map((x) => ("metric" in x || "fact" in x ? criterionText(x) : `(${criterionText(x)})`))
    .join(" or ");
}

function details(r: Rule): string {
  const out = [
    pc.bold(`${r.title}`) + pc.dim(`  (${r.id})`),
    `  ${r.kind} · ${r.instrument} · grade ${r.grade}`,
    `  released ${r.released ?? "—"} · published ${r.published} · effective ${r.effective} · binds from ${bindsFrom(r)}${r.enforcedUntil ? ` · not enforced from ${r.enforcedUntil}` : ""}`,
  ];
  if (r.supersedes.length) out.push(`  supersedes ${r.supersedes.join(", ")}`);
  if (r.modifies.length) out.push(`  modifies the review policy of ${r.modifies.join(", ")}`);
  if (r.issuedTo)
    out.push(
      `  issued to ${r.issuedTo.vendor}${r.issuedTo.chips.length ? `; names ${r.issuedTo.chips.join(", ")}` : ""}`,
    );
  if (r.when) out.push(`  applies when ${criterionText(r.when)}`);
  for (const c of r.controls)
    out.push(
      `  ${c.paragraph} → ${c.eccn ?? "licence (no ECCN)"}: ${criterionText(c.when)}${c.destinations ? ` — to ${describeWhere(c.destinations)}` : ""}`,
    );
  for (const e of r.exclusions) out.push(`  excluded (${e.id}): ${criterionText(e.when)}`);
  if (r.scope)
    out.push(
      `  scope: ${describeWhere(r.scope.destinations)}${r.scope.headquarters ? `; and buyers: ${describeWhere(r.scope.headquarters)}` : ""}`,
    );
  for (const e of r.exceptions)
    out.push(
      `  exception ${e.id} for ${e.items.map((i) => `${i.eccn}${i.dataCenter === false ? " (non-DC)" : i.dataCenter ? " (DC)" : ""}`).join(", ")} to ${describeWhere(e.destinations)}${e.notification ? ", notification" : ""} [${e.grade}]`,
    );
  for (const p of r.policies)
    out.push(
      `  policy ${p.policy}${p.destinations ? ` to ${describeWhere(p.destinations)}` : ""}${p.headquarters ? ` for buyers HQ'd in ${describeWhere(p.headquarters)}` : ""} [${p.grade}]${p.note ? pc.dim(` — ${p.note}`) : ""}`,
    );
  for (const n of r.notes) out.push(pc.dim(`  note: ${n}`));
  for (const [k, s] of Object.entries(r.sources))
    out.push(pc.dim(`  [${k}] ${s.title}, ${s.date} — ${s.url}`));
  return out.join("\n");
}

export function register(program: Command): void {
  program
    .command("rules [id]")
    .description(
      "export-control rule versions and company letters, with dates and where each stands on --date",
    )
    .option("--date <YYYY-MM-DD>", "date for the 'standing' column (default: today)")
    .option("--json", "one JSON document")
    .action((id: string | undefined, opts: { date?: string; json?: boolean }) => {
      const date = opts.date ?? today();
      if (id) {
        const r = catalog.rules.find((x) => x.id === id);
        if (!r) {
          const s = suggest(
            id,
            catalog.rules.map((x) => x.id),
          );
          throw new CliError(
            `unknown rule "${id}"${s.length ? `; did you mean ${s.join(", ")}?` : ""} (suanli rules lists them)`,
            EXIT.badInput,
          );
        }
        if (opts.json) printJson({ ...r, standing: standing(r, date, catalog.rules), meta: metaOf(catalog) });
        else process.stdout.write(details(r) + "\n" + footer(metaOf(catalog)) + "\n");
        return;
      }
      const rows = [...catalog.rules].sort((a, b) => bindsFrom(a).localeCompare(bindsFrom(b)));
      if (opts.json) {
        printJson(
          rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            title: r.title,
            instrument: r.instrument,
            published: r.published,
            bindsFrom: bindsFrom(r),
            enforcedUntil: r.enforcedUntil ?? null,
            standing: standing(r, date, catalog.rules),
            meta: metaOf(catalog),
          })),
        );
        return;
      }
      const table = renderTable(rows, [
        { key: "id", header: "id", value: (r) => r.id },
        { key: "kind", header: "kind", value: (r) => r.kind },
        { key: "published", header: "published", value: (r) => r.published },
        { key: "binds", header: "binds from", value: (r) => bindsFrom(r) },
        { key: "until", header: "not enforced from", value: (r) => r.enforcedUntil ?? "" },
        {
          key: "standing",
          header: `on ${date}`,
          value: (r) => {
            const s = standing(r, date, catalog.rules);
            return s.by ? `${s.standing} by ${s.by}` : s.standing;
          },
        },
      ]);
      process.stdout.write(
        table +
          "\n" +
          footer(metaOf(catalog), ["suanli rules <id> shows one rule's criteria, scope and sources"]) +
          "\n",
      );
    });
}

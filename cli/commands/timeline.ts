// `suanli timeline [--from] [--to] [--rule id] [--json]`: dated export-control events with sources and the rule
// data each one changed.
import type { Command } from "commander";
import pc from "picocolors";
import { catalog, metaOf, timeline } from "../../src/index.js";
import { footer, printJson } from "../output.js";

export function register(program: Command): void {
  program
    .command("timeline")
    .description(
      "dated export-control events (rules, letters, licences, 15 %/25 % arrangements, China's measures)",
    )
    .option("--from <date>", "first date (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--to <date>", "last date")
    .option("--rule <id>", "only events linked to this rule")
    .option("--sources", "print each event's citations")
    .option("--json", "a JSON array of events")
    .action((opts: { from?: string; to?: string; rule?: string; sources?: boolean; json?: boolean }) => {
      const events = timeline(catalog, opts);
      if (opts.json) {
        printJson(events.map((e) => ({ ...e, meta: metaOf(catalog) })));
        return;
      }
      const lines: string[] = [];
      for (const e of events) {
        lines.push(
          `${pc.bold(e.date.padEnd(10))} ${pc.cyan(e.kind.padEnd(13))} ${e.title} ${pc.dim(`[${e.grade}]`)}`,
        );
        lines.push(pc.dim(`${" ".repeat(25)}${e.summary}`));
        if (e.figures.length) lines.push(`${" ".repeat(25)}figures: ${e.figures.join("; ")}`);
        if (e.rules.length) lines.push(`${" ".repeat(25)}rules: ${e.rules.join(", ")}`);
        if (opts.sources)
          for (const c of e.citations)
            lines.push(pc.dim(`${" ".repeat(25)}source: ${c.title}, ${c.date} — ${c.url}`));
      }
      process.stdout.write(lines.join("\n") + "\n" + footer(metaOf(catalog)) + "\n");
    });
}

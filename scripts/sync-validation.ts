// Copies the public validation cases from ../shared/validation/public-cases.json into validation/ (the repository
// stands alone: a user's clone has no ../shared). Figures, fields and citations are kept exactly; `notes` are
// rewritten in the project's own words from the case's fields. Run: npx tsx scripts/sync-validation.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "../shared/validation/public-cases.json");
if (!existsSync(shared)) {
  console.error(`${shared} not found: nothing to sync`);
  process.exit(2);
}

type Json = Record<string, unknown>;
const cases = JSON.parse(readFileSync(shared, "utf8")) as Json[];

/** A note in our own words, built from the case's own fields (never from its original notes). */
export function ownNote(c: Json): string {
  const sys = c.system as Json;
  const model = c.model as Json | string;
  const modelType = typeof model === "string" ? model : String(model.model_type);
  const metric = c.metric as Json;
  const parts: string[] = [];
  if (c.kind === "training") {
    const t = c.training as Json;
    const open = Object.entries(t)
      .filter(([, v]) => v === null)
      .map(([k]) => k);
    parts.push(
      `Training throughput of a ${modelType} model on ${sys.count} × ${sys.chip}` +
        `${sys.server ? ` (${sys.server})` : ""}: TP ${t.tp}, PP ${t.pp}, DP ${t.dp}, sequence ${t.seqLen}, global batch ${t.globalBatch}, ${t.precision}, recompute ${t.recompute}.`,
    );
    if (open.length)
      parts.push(`The source leaves ${open.join(", ")} open; the engine chooses and reports its choice.`);
  } else {
    const i = c.inference as Json;
    const open = Object.entries(i)
      .filter(([, v]) => v === null)
      .map(([k]) => k);
    const spec = i.speculative
      ? ` with speculative decoding (mean accepted length ${(i.speculative as Json).acceptLength})`
      : "";
    parts.push(
      `${String(i.phase)} ${String(i.scenario ?? "")} serving of a ${modelType} model on ${sys.count} × ${sys.chip}` +
        `${sys.server ? ` (${sys.server})` : ""}, weights ${i.weights}, TP ${i.tp}, EP ${i.ep}, DP ${i.dp}${spec}.`,
    );
    if (open.length) parts.push(`Not stated by the source: ${open.join(", ")}.`);
  }
  parts.push(
    `Measured ${metric.name} per the source's ${(c.source as Json).locator ?? "text"}; arithmetic in derivation.`,
  );
  return parts.join(" ");
}

const copy = cases.map((c) => ({ ...c, notes: ownNote(c) }));
writeFileSync(join(root, "validation/public-cases.json"), JSON.stringify(copy, null, 1) + "\n");
console.error(`validation/public-cases.json: ${copy.length} cases copied (notes rewritten)`);

// After a deliberate engine or calibration change: what the fitted serving numbers, the family error bands
// (catalog/calibration/*.yaml `validation` blocks) and the accuracy ratchet (validation/baseline.json) become.
// Prints the differences; with --write updates the validation blocks and the baseline (the servingEfficiency values
// themselves are printed to be edited by hand, with their fittedTo lists). Then `npm run build` and `npm test`.
// Never run it to admit a regression: the ratchet exists to stop those.
// Run: npx tsx scripts/refresh-validation.ts [--write]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalogCalibration } from "../src/engine/calibration.js";
import { parseCase } from "../src/planner/validate/case-schema.js";
import { familyValidation } from "../src/planner/validate/family-bands.js";
import { fitServingEfficiency } from "../src/planner/validate/fit.js";
import { validateCases } from "../src/planner/validate/run.js";

const root = join(import.meta.dirname, "..");
const write = process.argv.includes("--write");
const read = (f: string): unknown[] => JSON.parse(readFileSync(join(root, f), "utf8")) as unknown[];
const pub = read("validation/public-cases.json");
const extra = read("validation/extra-cases.json");
const cal = catalogCalibration();
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

// 1. Fitted serving efficiencies against the files.
const cases = pub.flatMap((c, i) => {
  const p = parseCase(c, i);
  return p.ok ? [p.case] : [];
});
for (const f of fitServingEfficiency(cases, cal).filter((x) => !x.inherited)) {
  const v = cal.profiles.find((p) => p.id === f.profile)?.parameters.servingEfficiency?.value;
  const mark = v !== undefined && Math.abs(v - f.value) / f.value < 0.001 ? "ok" : "EDIT";
  console.log(
    `${mark} ${f.profile}.servingEfficiency: file ${v ?? "—"}, re-fit ${r4(f.value)} (${f.cases.length} cases)`,
  );
}

// 2. Family validation blocks (leave-one-source-out error bands).
for (const [id, v] of Object.entries(familyValidation(pub, cal))) {
  const file = join(root, `catalog/calibration/${id}.yaml`);
  const text = readFileSync(file, "utf8");
  const block =
    `validation:\n  cases: ${v.cases}\n  sources: ${v.sources}\n` +
    `  medianAbsError: ${r4(v.medianAbsError)}\n  p90AbsError: ${r4(v.p90AbsError)}\n`;
  const next = text.replace(/validation:\n( {2}\w+: [0-9.]+\n){4}/, block);
  if (next !== text) {
    console.log(`${write ? "wrote" : "differs"} catalog/calibration/${id}.yaml validation block`);
    if (write) writeFileSync(file, next);
  }
}

// 3. The ratchet: summary per kind for the public cases, and for the out-of-sample extra cases.
const baselinePath = join(root, "validation/baseline.json");
const baseline = JSON.parse(readFileSync(baselinePath, "utf8")) as Record<string, unknown>;
const inSample = validateCases(pub);
const cv = validateCases(pub, { cv: "source" });
const out = validateCases(extra);
const summary = (
  r: ReturnType<typeof validateCases>,
  kind: "inference" | "training",
  cvr?: ReturnType<typeof validateCases>,
) => {
  const s = r.summary.byKind[kind];
  return {
    count: s.count,
    medianAbsError: r4(s.medianAbsError),
    p90AbsError: r4(s.p90AbsError),
    withinTolerance: r4(s.withinTolerance),
    ...(cvr ? { cvMedianAbsError: r4(cvr.summary.byKind[kind].medianAbsError) } : {}),
    withinToleranceCases: r.cases
      .filter((c) => c.kind === kind && c.withinTolerance)
      .map((c) => c.id)
      .sort(),
  };
};
const next = {
  ...baseline,
  inference: summary(inSample, "inference", cv),
  training: summary(inSample, "training", cv),
  extra: { ...(baseline.extra as object), ...summary(out, "inference") },
};
for (const k of ["inference", "training", "extra"] as const) {
  const { withinToleranceCases: a, ...was } = baseline[k] as { withinToleranceCases: string[] };
  const { withinToleranceCases: b, ...now } = next[k];
  console.log(
    `${k}: was ${JSON.stringify(was)} (${a.length} within), now ${JSON.stringify(now)} (${b.length} within)`,
  );
}
if (write) writeFileSync(baselinePath, JSON.stringify(next, null, 2) + "\n");
console.log(
  write
    ? "wrote validation/baseline.json; run npx prettier --write on the changed files"
    : "(--write to update)",
);

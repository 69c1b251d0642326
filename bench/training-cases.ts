// Prints the public training cases: fitted trainingEfficiency per family, each case's prediction and error in
// sample and leave-one-source-out, and the summary (dev aid; `npm test` holds the gate).
import { readFileSync, writeFileSync } from "node:fs";
import { findChip } from "../src/catalog/index.js";
import { catalogCalibration, profileFor, type CalibrationSet } from "../src/engine/calibration.js";
import { parseCase, type TrainingCase, type ValidationCase } from "../src/planner/validate/case-schema.js";
import { fitTrainingCalibration, fitTrainingEfficiency } from "../src/planner/validate/fit-training.js";
import { predictTraining } from "../src/planner/validate/predict-training.js";

const file = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "validation/public-cases.json";
const cases: TrainingCase[] = [];
for (const [i, r] of (JSON.parse(readFileSync(file, "utf8")) as unknown[]).entries()) {
  const p = parseCase(r, i);
  if (p.ok && p.case.kind === "training") cases.push(p.case as TrainingCase);
}
const src = (c: ValidationCase) => c.source.url.replace(/#.*$/, "").replace(/\/+$/, "").toLowerCase();
const base = catalogCalibration();
const t0 = performance.now();
for (const f of fitTrainingEfficiency(cases, base))
  if (!f.inherited || process.argv.includes("--all"))
    console.log(
      `${f.profile.padEnd(20)} ${f.value.toFixed(4)} ${f.inherited ? "(inherited)" : `${f.cases.length} cases, ${f.sources.length} sources`}`,
    );
if (process.argv.includes("--write")) {
  const entries = fitTrainingEfficiency(cases, base)
    .filter((f) => !f.inherited)
    .map(
      (f) =>
        `  ${JSON.stringify(f.profile)}: ${JSON.stringify({ value: Number(f.value.toFixed(4)), cases: f.cases, sources: f.sources })},`,
    );
  const path = "src/engine/training/fitted.ts";
  const text = readFileSync(path, "utf8").replace(/= \{[\s\S]*\};\n$/, `= {\n${entries.join("\n")}\n};\n`);
  writeFileSync(path, text);
  console.log(`wrote ${entries.length} fitted values to ${path}`);
}
const fitted = fitTrainingCalibration(cases, base);
const pred = (c: TrainingCase, cal: CalibrationSet) => {
  const p = predictTraining(c, { calibration: cal });
  return p.ok
    ? { v: p.predicted, w: p.warnings.filter((w) => w.startsWith("chosen")).join(" ") }
    : { v: NaN, w: p.reason };
};
const loso = new Map<TrainingCase, number>();
if (!process.argv.includes("--no-cv"))
  for (const s of new Set(cases.map(src))) {
    const cal = fitTrainingCalibration(
      cases.filter((c) => src(c) !== s),
      base,
    );
    for (const c of cases.filter((c) => src(c) === s)) loso.set(c, pred(c, cal).v);
  }
const errs: number[] = [];
const cv: number[] = [];
let within = 0;
for (const c of cases) {
  const p = pred(c, fitted);
  const e = (p.v - c.metric.value) / c.metric.value;
  const l = loso.has(c) ? ((loso.get(c) as number) - c.metric.value) / c.metric.value : NaN;
  errs.push(Number.isFinite(e) ? Math.abs(e) : Infinity);
  cv.push(Number.isFinite(l) ? Math.abs(l) : Infinity);
  if (Math.abs(e) <= c.tolerance) within++;
  console.log(
    `${c.id.padEnd(56)} ${c.metric.value.toFixed(0).padStart(7)} ${p.v.toFixed(0).padStart(7)} ${(e * 100).toFixed(1).padStart(6)}% ${Math.abs(e) <= c.tolerance ? " " : "✗"} loso ${(l * 100).toFixed(1).padStart(6)}%  ${p.w}`,
  );
}
if (process.argv.includes("--write") && loso.size > 0) {
  // Error bands: the 10th and 90th percentiles of the signed leave-one-source-out errors of each profile's cases.
  const byProfile = new Map<string, number[]>();
  for (const c of cases) {
    const chip = findChip(c.system.chip);
    const prof = chip.ok ? profileFor(chip.value, base) : undefined;
    const l = loso.get(c);
    if (!prof || l === undefined || !Number.isFinite(l)) continue;
    byProfile.set(prof.id, [...(byProfile.get(prof.id) ?? []), (l - c.metric.value) / c.metric.value]);
  }
  const q = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.max(0, Math.round((s.length - 1) * p)))] as number;
  };
  const entries = [...byProfile].map(
    ([id, errs]) =>
      `  ${JSON.stringify(id)}: { low: ${Math.min(0, q(errs, 0.1)).toFixed(3)}, high: ${Math.max(0, q(errs, 0.9)).toFixed(3)}, basis: ${JSON.stringify(`leave-one-source-out, ${errs.length} public training case${errs.length > 1 ? "s" : ""}: 10th–90th percentile of signed error`)} },`,
  );
  const path = "src/engine/training/error-band.ts";
  const text = readFileSync(path, "utf8").replace(
    /TRAINING_ERROR_BANDS: Record<string, TrainingErrorBand> = \{[\s\S]*?\n\};\n/,
    `TRAINING_ERROR_BANDS: Record<string, TrainingErrorBand> = {\n${entries.join("\n")}\n};\n`,
  );
  writeFileSync(path, text);
  console.log(`wrote ${entries.length} error bands to ${path}`);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
console.log(
  `\n${cases.length} cases: median |error| ${(med(errs) * 100).toFixed(1)} %, within tolerance ${within}/${cases.length}, leave-one-source-out median ${(med(cv) * 100).toFixed(1)} % (${(performance.now() - t0).toFixed(0)} ms)`,
);

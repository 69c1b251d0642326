// Prints the public training cases with the training engine's prediction, error and step breakdown (dev aid).
import { readFileSync } from "node:fs";
import { catalogCalibration } from "../src/engine/calibration.js";
import { parseCase, type TrainingCase } from "../src/planner/validate/case-schema.js";
import { predictTraining } from "../src/planner/validate/predict-training.js";

const file = process.argv[2] ?? "validation/public-cases.json";
const raw = JSON.parse(readFileSync(file, "utf8")) as unknown[];
const rows: { id: string; err: number }[] = [];
const t0 = performance.now();
for (const [i, r] of raw.entries()) {
  const p = parseCase(r, i);
  if (!p.ok || p.case.kind !== "training") continue;
  const c = p.case as TrainingCase;
  const pred = predictTraining(c, { calibration: catalogCalibration() });
  if (!pred.ok) {
    console.log(`${c.id.padEnd(58)} ${String(c.metric.value).padStart(8)}  —  ${pred.reason}`);
    rows.push({ id: c.id, err: Infinity });
    continue;
  }
  const err = (pred.predicted - c.metric.value) / c.metric.value;
  rows.push({ id: c.id, err });
  console.log(
    `${c.id.padEnd(58)} ${c.metric.value.toFixed(0).padStart(8)} ${pred.predicted.toFixed(0).padStart(8)} ${(err * 100).toFixed(1).padStart(7)}%  ${pred.warnings.filter((w) => w.startsWith("chosen")).join(" ")}`,
  );
}
const abs = rows.map((r) => Math.abs(r.err)).sort((a, b) => a - b);
const med = abs[Math.floor((abs.length - 1) / 2)] ?? NaN;
console.log(
  `\n${rows.length} cases, median |error| ${(med * 100).toFixed(1)} %, p90 ${((abs[Math.floor(abs.length * 0.9)] ?? NaN) * 100).toFixed(1)} %, ${(performance.now() - t0).toFixed(0)} ms`,
);

// `npm run bench` section: suanli side by side with re-implemented published predictors (bench/baselines.ts) on the
// public inference cases each can express — median |error| and share within tolerance, ours in sample and
// leave-one-source-out on the same cases.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogCalibration } from "../src/engine/calibration.js";
import { parseCase, type InferenceCase } from "../src/planner/validate/case-schema.js";
import { predictCase } from "../src/planner/validate/predict-case.js";
import { caseScenario } from "../src/planner/validate/predict-inference.js";
import { validateCases, type CaseResult } from "../src/planner/validate/run.js";
import { BASELINES, INFERSIM_PUBLISHED, INFERSIM_PUBLISHED_CITE, baselineCalibration } from "./baselines.js";
import { pct, stats, type ErrorRow } from "./stats.js";

interface Row extends ErrorRow {
  id: string;
}

/** Per-predictor rows on the cases it can express, and ours on the same cases. */
export function comparePredictors(raw: readonly unknown[]): string[] {
  const base = catalogCalibration();
  const cases = raw
    .map((c, i) => parseCase(c, i))
    .flatMap((p) => (p.ok && p.case.kind === "inference" ? [p.case as InferenceCase] : []));
  const ours = new Map(validateCases(raw).cases.map((r): [string, CaseResult] => [r.id, r]));
  const loso = new Map(
    validateCases(raw, { cv: "source" }).cases.map((r): [string, CaseResult] => [r.id, r]),
  );
  const asRow = (r: CaseResult | undefined, id: string): Row => ({
    id,
    error: r?.error ?? null,
    within: r?.withinTolerance ?? false,
  });
  const lines = [
    `predictor                    cases  its median  its within │ suanli median  within │ suanli LOSO median  within`,
  ];
  const detail: string[] = [];
  for (const b of BASELINES) {
    const mine: Row[] = [];
    const ourRows: Row[] = [];
    const losoRows: Row[] = [];
    for (const c of cases) {
      const sc = caseScenario(c, { calibration: base });
      if (!sc.ok || b.cannot(c, sc.cfg) !== null) continue;
      const p = predictCase(c, baselineCalibration(base, b.constants(sc.cfg)));
      const error = p.ok ? (p.predicted - c.metric.value) / c.metric.value : null;
      mine.push({ id: c.id, error, within: error !== null && Math.abs(error) <= c.tolerance });
      ourRows.push(asRow(ours.get(c.id), c.id));
      losoRows.push(asRow(loso.get(c.id), c.id));
      detail.push(
        `  ${b.name.padEnd(26)} ${c.id.padEnd(50)} ${error === null ? "—" : `${error >= 0 ? "+" : ""}${(error * 100).toFixed(1)} %`}`,
      );
    }
    const t = stats(mine);
    const o = stats(ourRows);
    const l = stats(losoRows);
    lines.push(
      `${b.name.padEnd(28)} ${String(mine.length).padStart(5)}  ${pct(t.median).padStart(10)}  ${pct(t.within).padStart(10)} │ ${pct(o.median).padStart(13)}  ${pct(o.within).padStart(6)} │ ${pct(l.median).padStart(18)}  ${pct(l.within).padStart(6)}`,
    );
  }
  {
    // InferSim's own published figures (full kernel tables) on the cases that reproduce its README setups.
    const pub = cases.filter((c) => INFERSIM_PUBLISHED[c.id] !== undefined);
    const mine = pub.map((c): Row => {
      const error = ((INFERSIM_PUBLISHED[c.id] as number) - c.metric.value) / c.metric.value;
      detail.push(
        `  ${"InferSim (published)".padEnd(26)} ${c.id.padEnd(50)} ${error >= 0 ? "+" : ""}${(error * 100).toFixed(1)} %`,
      );
      return { id: c.id, error, within: Math.abs(error) <= c.tolerance };
    });
    const t = stats(mine);
    const o = stats(pub.map((c) => asRow(ours.get(c.id), c.id)));
    const l = stats(pub.map((c) => asRow(loso.get(c.id), c.id)));
    lines.push(
      `${"InferSim (its published)".padEnd(28)} ${String(mine.length).padStart(5)}  ${pct(t.median).padStart(10)}  ${pct(t.within).padStart(10)} │ ${pct(o.median).padStart(13)}  ${pct(o.within).padStart(6)} │ ${pct(l.median).padStart(18)}  ${pct(l.within).padStart(6)}`,
    );
  }
  const all = cases.map((c) => asRow(ours.get(c.id), c.id));
  const allLoso = cases.map((c) => asRow(loso.get(c.id), c.id));
  lines.push(
    `${"suanli (all cases)".padEnd(28)} ${String(all.length).padStart(5)}  ${"".padStart(10)}  ${"".padStart(10)} │ ${pct(stats(all).median).padStart(13)}  ${pct(stats(all).within).padStart(6)} │ ${pct(stats(allLoso).median).padStart(18)}  ${pct(stats(allLoso).within).padStart(6)}`,
  );
  return [...lines, "per case (baseline signed error):", ...detail];
}

const file = join(import.meta.dirname, "../validation/public-cases.json");
if (existsSync(file)) {
  const raw = JSON.parse(readFileSync(file, "utf8")) as unknown[];
  for (const l of comparePredictors(raw)) console.log(l);
  for (const b of BASELINES) console.log(`  ${b.name}: ${b.cite}`);
  console.log(`  InferSim (its published): ${INFERSIM_PUBLISHED_CITE}`);
}

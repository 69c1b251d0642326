// Training validation: the committed trainingEfficiency fit is current and rests on enough cases, leave-one-source-
// out stays within 5 points of in-sample, and predictions never read a case's id, source, notes or measured value.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogCalibration } from "../src/engine/calibration.js";
import { FITTED_TRAINING_EFFICIENCY } from "../src/engine/training/fitted.js";
import { parseCase, type TrainingCase, type ValidationCase } from "../src/planner/validate/case-schema.js";
import {
  fitTrainingEfficiency,
  MIN_TRAINING_FIT_CASES,
  MIN_TRAINING_FIT_SOURCES,
} from "../src/planner/validate/fit-training.js";
import { predictTraining } from "../src/planner/validate/predict-training.js";
import { validateCases } from "../src/planner/validate/run.js";

const ROOT = join(import.meta.dirname, "..");
const REPO = join(ROOT, "validation/public-cases.json");
const raw: unknown[] = JSON.parse(
  readFileSync(existsSync(REPO) ? REPO : join(ROOT, "../shared/validation/public-cases.json"), "utf8"),
);
const all: ValidationCase[] = raw.flatMap((c, i) => {
  const p = parseCase(c, i);
  return p.ok ? [p.case] : [];
});
const training = all.filter((c): c is TrainingCase => c.kind === "training");

describe("trainingEfficiency fit", () => {
  const fits = fitTrainingEfficiency(all, catalogCalibration());
  it("src/engine/training/fitted.ts equals a re-fit on the public cases (run bench/training-cases.ts --write)", () => {
    const fitted = Object.fromEntries(fits.filter((f) => !f.inherited).map((f) => [f.profile, f.value]));
    expect(Object.keys(FITTED_TRAINING_EFFICIENCY).sort()).toEqual(Object.keys(fitted).sort());
    for (const [id, v] of Object.entries(FITTED_TRAINING_EFFICIENCY))
      expect(Math.abs(v.value - (fitted[id] ?? 0)), id).toBeLessThan(0.005);
  });
  it(`every fitted value rests on ≥ ${MIN_TRAINING_FIT_CASES} cases from ≥ ${MIN_TRAINING_FIT_SOURCES} sources`, () => {
    for (const [id, v] of Object.entries(FITTED_TRAINING_EFFICIENCY)) {
      expect(v.cases.length, id).toBeGreaterThanOrEqual(MIN_TRAINING_FIT_CASES);
      expect(new Set(v.sources).size, id).toBeGreaterThanOrEqual(MIN_TRAINING_FIT_SOURCES);
    }
  });
});

describe("validateCases(public training cases)", () => {
  const inSample = validateCases(raw).summary.byKind.training;
  const cv = validateCases(raw, { cv: "source" }).summary.byKind.training;
  it("prints the training summary, in sample and leave-one-source-out", () => {
    const f = (x: number) => `${(x * 100).toFixed(1)} %`;
    console.log(
      `training: ${inSample.count} cases, median |error| ${f(inSample.medianAbsError)}, within tolerance ${f(inSample.withinTolerance)}; leave-one-source-out median ${f(cv.medianAbsError)}`,
    );
    expect(inSample.count).toBe(training.length);
  });
  it("leave-one-source-out median exceeds the in-sample median by at most 5 points", () => {
    expect(cv.medianAbsError - inSample.medianAbsError).toBeLessThanOrEqual(0.05);
  });
});

describe("blinding (training)", () => {
  it("changing id, source, notes, derivation, tolerance or metric.value changes no prediction", () => {
    const cal = catalogCalibration();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: training.length - 1 }),
        fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        (i, id, value) => {
          const c = training[i] as TrainingCase;
          const changed: TrainingCase = {
            ...c,
            id,
            source: { title: "other", url: "https://example.org/x" },
            notes: "changed",
            derivation: "changed",
            tolerance: 0.5,
            metric: { ...c.metric, value },
          };
          const a = predictTraining(c, { calibration: cal });
          const b = predictTraining(changed, { calibration: cal });
          expect(a.ok ? a.predicted : a.reason).toEqual(b.ok ? b.predicted : b.reason);
        },
      ),
      { numRuns: 8 },
    );
  });
});

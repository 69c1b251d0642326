// The public validation cases as a test that fails: the accuracy ratchet against validation/baseline.json,
// leave-one-source-out generalisation, blinding, and the calibration fitting rules.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogCalibration } from "../src/engine/calibration.js";
import { errorBandFor } from "../src/engine/error-band.js";
import { familyValidation } from "../src/planner/validate/family-bands.js";
import { parseCase, type ValidationCase } from "../src/planner/validate/case-schema.js";
import { fitServingEfficiency, MIN_FIT_CASES, MIN_FIT_SOURCES } from "../src/planner/validate/fit.js";
import { predictCase, validateCases, type Summary } from "../src/planner/validate/run.js";

const ROOT = join(import.meta.dirname, "..");
const REPO = join(ROOT, "validation/public-cases.json");
const SHARED = join(ROOT, "../shared/validation/public-cases.json");
const file = existsSync(REPO) ? REPO : SHARED;
const raw: unknown[] = JSON.parse(readFileSync(file, "utf8"));
const cases: ValidationCase[] = raw.flatMap((c, i) => {
  const p = parseCase(c, i);
  return p.ok ? [p.case] : [];
});
interface KindBaseline {
  medianAbsError: number;
  withinTolerance: number;
  withinToleranceCases: string[];
}
const baseline = JSON.parse(readFileSync(join(ROOT, "validation/baseline.json"), "utf8")) as Record<
  "inference" | "training",
  KindBaseline
>;

const report = validateCases(raw);
const cv = validateCases(raw, { cv: "source" });

function line(kind: string, s: Summary): string {
  return `${kind}: ${s.count} cases, median |error| ${(s.medianAbsError * 100).toFixed(1)} %, p90 ${(s.p90AbsError * 100).toFixed(1)} %, within tolerance ${(s.withinTolerance * 100).toFixed(0)} %`;
}

describe("validateCases(public cases)", () => {
  it("parses every public case", () => {
    expect(cases.length).toBe(raw.length);
  });

  it("prints the summary", () => {
    console.log(
      [
        line("inference", report.summary.byKind.inference),
        line("training", report.summary.byKind.training),
      ].join("\n"),
    );
    expect(report.cases.length).toBe(raw.length);
  });

  for (const kind of ["inference", "training"] as const) {
    it(`${kind}: median |error| is no worse than the baseline + 0.5 point`, () => {
      expect(report.summary.byKind[kind].medianAbsError).toBeLessThanOrEqual(
        baseline[kind].medianAbsError + 0.005,
      );
    });
    it(`${kind}: no case that was within tolerance falls out of it`, () => {
      const within = new Set(report.cases.filter((r) => r.withinTolerance).map((r) => r.id));
      const lost = baseline[kind].withinToleranceCases.filter((id) => !within.has(id));
      expect(lost).toEqual([]);
    });
  }

  it("inference: leave-one-source-out median exceeds the in-sample median by at most 5 points", () => {
    const inS = report.summary.byKind.inference.medianAbsError;
    const out = cv.summary.byKind.inference.medianAbsError;
    console.log(`leave-one-source-out ${line("inference", cv.summary.byKind.inference)}`);
    expect(out - inS).toBeLessThanOrEqual(0.05);
  });
});

describe("blinding", () => {
  const inference = cases.filter((c) => c.kind === "inference");
  it("changing id, source, notes, derivation, tolerance or metric.value changes no prediction", () => {
    const cal = catalogCalibration();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: inference.length - 1 }),
        fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (i, id, value, tol) => {
          const c = inference[i] as ValidationCase;
          const changed: ValidationCase = {
            ...c,
            id,
            source: { title: "other", url: "https://example.org/x" },
            notes: "changed",
            derivation: "changed",
            tolerance: tol,
            metric: { ...c.metric, value },
          };
          const a = predictCase(c, cal);
          const b = predictCase(changed, cal);
          expect(a.ok ? a.predicted : a.reason).toEqual(b.ok ? b.predicted : b.reason);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("calibration fitting", () => {
  const cal = catalogCalibration();
  const fits = fitServingEfficiency(cases, cal);

  it(`every fitted parameter rests on ≥ ${MIN_FIT_CASES} cases from ≥ ${MIN_FIT_SOURCES} sources`, () => {
    for (const p of cal.profiles)
      for (const [name, v] of Object.entries(p.parameters)) {
        if (v?.basis !== "fitted") continue;
        expect(v.fittedTo?.cases.length ?? 0, `${p.id}.${name}`).toBeGreaterThanOrEqual(MIN_FIT_CASES);
        expect(v.fittedTo?.sources.length ?? 0, `${p.id}.${name}`).toBeGreaterThanOrEqual(MIN_FIT_SOURCES);
      }
  });

  it("each fitted servingEfficiency in catalog/calibration equals a re-fit on the public cases", () => {
    for (const f of fits.filter((x) => !x.inherited)) {
      const p = cal.profiles.find((x) => x.id === f.profile);
      const v = p?.parameters.servingEfficiency;
      expect(v?.basis, f.profile).toBe("fitted");
      expect(Math.abs((v?.value ?? 0) - f.value) / f.value, f.profile).toBeLessThan(0.01);
      expect([...(v?.fittedTo?.cases ?? [])].sort()).toEqual(f.cases);
    }
  });

  it("the root's sequenceOverheadS equals a re-fit on the public cases", () => {
    const root = fits.find((f) => f.profile === "default");
    const p = cal.profiles.find((x) => x.id === "default");
    expect(p?.parameters.sequenceOverheadS?.value).toBeCloseTo(root?.sequenceOverheadS ?? -1, 9);
  });

  it("no profile carries a fitted value the fit would not make (too few cases: it inherits)", () => {
    const fitted = new Set(fits.filter((x) => !x.inherited).map((x) => x.profile));
    for (const p of cal.profiles)
      if (p.parameters.servingEfficiency?.basis === "fitted") expect(fitted.has(p.id), p.id).toBe(true);
  });
});

describe("family validation records (error bands)", () => {
  it("catalog/calibration `validation` blocks equal a fresh leave-one-source-out run", () => {
    const cal = catalogCalibration();
    const fresh = familyValidation(raw, cal);
    for (const p of cal.profiles) {
      const f = fresh[p.id];
      if (!f) {
        expect(p.validation, p.id).toBeUndefined();
        continue;
      }
      expect(p.validation?.cases, p.id).toBe(f.cases);
      expect(Math.abs((p.validation?.medianAbsError ?? -1) - f.medianAbsError), p.id).toBeLessThan(0.002);
    }
  });

  it("every inference miss of the public run carries an explanation (engine or calibration note, or a reason)", () => {
    for (const r of report.cases.filter((x) => x.kind === "inference" && !x.withinTolerance))
      expect((r.warnings?.length ?? 0) > 0 || !!r.reason, r.id).toBe(true);
  });

  it("a prediction on a family without its own fitted serving efficiency says what it inherits", () => {
    const mi = report.cases.find((r) => r.chip === "mi300x" && r.kind === "inference");
    expect(mi?.warnings?.some((w) => w.includes("inherits"))).toBe(true);
    const h100 = report.cases.find((r) => r.chip === "h100-sxm" && r.kind === "inference");
    expect(h100?.warnings?.some((w) => w.includes("inherits")) ?? false).toBe(false);
  });

  it("errorBandFor(cdna3) is unvalidated with the widest band; hopper is validated", () => {
    const cal = catalogCalibration();
    expect(errorBandFor({ family: "cdna3", stack: "rocm" }, cal).status).toBe("unvalidated");
    expect(errorBandFor({ family: "hopper", stack: "cuda" }, cal).status).toBe("validated");
  });
});

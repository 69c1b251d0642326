// validation/extra-cases.json: published measurements gathered by the project beyond the shared public set (more
// TensorRT-LLM performance-overview rows, more MLPerf Inference logs). They are out of sample: no calibration
// number is fitted to them, and this file proves it; their accuracy is guarded by the same ratchet rules as the
// public cases (validation/baseline.json, key "extra").
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogCalibration } from "../src/engine/calibration.js";
import { parseCase } from "../src/planner/validate/case-schema.js";
import { validateCases } from "../src/planner/validate/run.js";

const ROOT = join(import.meta.dirname, "..");
const raw: unknown[] = JSON.parse(readFileSync(join(ROOT, "validation/extra-cases.json"), "utf8"));
const pub = JSON.parse(readFileSync(join(ROOT, "validation/public-cases.json"), "utf8")) as { id: string }[];
const baseline = JSON.parse(readFileSync(join(ROOT, "validation/baseline.json"), "utf8")) as {
  extra: { medianAbsError: number; withinToleranceCases: string[] };
};
const report = validateCases(raw);

describe("validation/extra-cases.json (out of sample)", () => {
  it("every case parses, ids are unique, prefixed inf-x- and distinct from the public ids", () => {
    const ids = raw.map((c, i) => {
      const p = parseCase(c, i);
      expect(p.ok, p.ok ? "" : p.reason).toBe(true);
      return p.ok ? p.case.id : "";
    });
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^inf-x-/);
    const pubIds = new Set(pub.map((c) => c.id));
    expect(ids.filter((id) => pubIds.has(id))).toEqual([]);
  });

  it("no calibration number is fitted to an extra case", () => {
    for (const p of catalogCalibration().profiles)
      for (const [name, v] of Object.entries(p.parameters))
        expect(
          (v?.fittedTo?.cases ?? []).filter((id) => id.startsWith("inf-x-")),
          `${p.id}.${name}`,
        ).toEqual([]);
  });

  it("median |error| is no worse than the baseline + 0.5 point, and no case falls out of its tolerance", () => {
    const s = report.summary.byKind.inference;
    console.log(
      `extra cases: ${s.count}, median |error| ${(s.medianAbsError * 100).toFixed(1)} %, p90 ${(s.p90AbsError * 100).toFixed(1)} %, within tolerance ${(s.withinTolerance * 100).toFixed(0)} %`,
    );
    expect(s.medianAbsError).toBeLessThanOrEqual(baseline.extra.medianAbsError + 0.005);
    const within = new Set(report.cases.filter((r) => r.withinTolerance).map((r) => r.id));
    expect(baseline.extra.withinToleranceCases.filter((id) => !within.has(id))).toEqual([]);
  });
});

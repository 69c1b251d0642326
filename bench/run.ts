// `npm run bench`: inference engine speed (estimates per second, validation of the public cases) and a full
// `plan serve` for DeepSeek-R1 across every catalog chip; then the optional sections (bench/predictors.ts: suanli
// side by side with published predictors; bench/training.ts …).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { catalog } from "../src/index.js";
import { caseArchitecture } from "../src/planner/validate/predict-training.js";
import { catalogCalibration } from "../src/engine/calibration.js";
import { estimateInference } from "../src/engine/estimate.js";
import { servingConfig } from "../src/engine/serving-config.js";
import { planServe } from "../src/planner/serve-plan.js";
import { validateCases } from "../src/planner/validate/run.js";

const here = import.meta.dirname;
const cal = catalogCalibration();

function arch(id: string) {
  const a = caseArchitecture(id);
  if (!a.ok) throw new Error(id);
  return a.value;
}

// 1. Estimates per second (one decode scenario, repeated).
{
  const cfg = servingConfig(
    arch("llama-3.1-70b"),
    { chip: "h100-sxm", count: 8 },
    { tp: 8, weights: "fp8" },
    cal,
  );
  if (!cfg.ok) throw new Error("config");
  const req = {
    phase: "end-to-end" as const,
    inputTokens: 2048,
    outputTokens: 256,
    batch: 64,
    scenario: "closed-loop" as const,
    requestRate: null,
    slo: { tpot: null, ttft: null, percentile: "mean" as const },
  };
  const n = 2000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) estimateInference(cfg.value, { ...req, batch: 32 + (i % 64) });
  const s = (performance.now() - t0) / 1e3;
  console.log(`estimateInference (llama-3.1-70b, 8×h100, closed loop): ${(n / s).toFixed(0)} estimates/s`);
}

// 2. Validation of the public cases, in sample and leave-one-source-out.
{
  const file = join(here, "../validation/public-cases.json");
  if (existsSync(file)) {
    const cases = JSON.parse(readFileSync(file, "utf8")) as unknown[];
    for (const cv of [false, true]) {
      const t0 = performance.now();
      const r = validateCases(cases, cv ? { cv: "source" } : {});
      const ms = performance.now() - t0;
      const i = r.summary.byKind.inference;
      console.log(
        `validate ${cases.length} cases${cv ? " --cv source" : ""}: ${ms.toFixed(0)} ms; inference median |error| ${(i.medianAbsError * 100).toFixed(1)} %, within tolerance ${(i.withinTolerance * 100).toFixed(0)} %`,
      );
    }
  }
  const extra = join(here, "../validation/extra-cases.json");
  if (existsSync(extra)) {
    const cases = JSON.parse(readFileSync(extra, "utf8")) as unknown[];
    const t0 = performance.now();
    const i = validateCases(cases).summary.byKind.inference;
    console.log(
      `validate ${cases.length} out-of-sample cases (validation/extra-cases.json): ${(performance.now() - t0).toFixed(0)} ms; median |error| ${(i.medianAbsError * 100).toFixed(1)} %, within tolerance ${(i.withinTolerance * 100).toFixed(0)} %`,
    );
  }
}

// 3. plan serve: DeepSeek-R1 across every catalog chip.
{
  const t0 = performance.now();
  const r = planServe({
    arch: arch("deepseek-r1"),
    chips: catalog.accelerators,
    rate: 20,
    inputTokens: 2000,
    outputTokens: 500,
    slo: { tpot: 0.05, ttft: 2, percentile: "mean" },
    allowQuant: ["int8"],
    calibration: cal,
  });
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error("plan serve failed");
  const feasible = r.value.plans.filter((p) => p.feasible);
  console.log(
    `plan serve deepseek-r1 × ${catalog.accelerators.length} chips: ${ms.toFixed(0)} ms, ${r.value.configsEvaluated} configurations, ${feasible.length} feasible`,
  );
  for (const p of feasible.slice(0, 10))
    console.log(
      `  ${p.chip.padEnd(16)} ${String(p.chips).padStart(5)} chips  ${(p.capacityPerChip ?? 0).toFixed(0).padStart(6)} tok/s/chip  ${p.cost?.perMillionTokens?.toFixed(3) ?? "—"} $/M tokens`,
    );
}

// 4. Optional sections owned by other parts of the project.
for (const section of [
  "predictors.ts",
  "training-predictors.ts",
  "training.ts",
  "microbench.ts",
  "cli-startup.ts",
]) {
  if (existsSync(join(here, section))) {
    console.log(`\n— bench/${section} —`);
    await import(`./${section.replace(/\.ts$/, ".js")}`);
  }
}

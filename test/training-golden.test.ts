// Golden training estimates: reference scenarios rounded to 3 significant digits in test/golden/training.json.
// Regenerating the file is a deliberate, reviewed change: GOLDEN=1 npx vitest run test/training-golden.test.ts
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveCluster } from "../src/engine/cluster.js";
import { estimateTraining } from "../src/engine/training/step.js";
import type { TrainingConfig, TrainingEstimate } from "../src/engine/training/types.js";
import { describeConfig, searchTraining, type TrainingSearchSpace } from "../src/planner/train-search.js";
import { caseArchitecture } from "../src/planner/validate/predict-training.js";

function round3(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? Number(v.toPrecision(3)) : null;
  if (Array.isArray(v)) return v.map(round3);
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round3(x)]));
  return v;
}

const GB = 1e9;

/** The figures a golden scenario keeps (seconds, tokens/s, fractions, GB). */
function figures(e: TrainingEstimate): unknown {
  const m = e.memory;
  return round3({
    config: describeConfig(e.config),
    stepTimeS: e.stepTime,
    tokensPerSecondPerChip: e.tokensPerSecondPerChip,
    mfu: e.mfu,
    mfuBf16: e.mfuBf16,
    hfu: e.hfu,
    flopsPerToken: e.flopsPerToken,
    microBatches: e.microBatches,
    bubbleFraction: e.bubbleFraction,
    breakdownS: e.breakdown,
    memoryGB: {
      weights: m.weights / GB,
      gradients: m.gradients / GB,
      optimizer: m.optimizer / GB,
      activations: m.activations / GB,
      total: m.total / GB,
      stage: m.stage,
    },
    family: e.family,
  });
}

function cluster(chip: string, count: number) {
  const c = resolveCluster({ chip, count, server: null });
  if (!c.ok) throw new Error(`cannot resolve ${count} × ${chip}`);
  return c.value;
}

function arch(model: string) {
  const a = caseArchitecture(model);
  if (!a.ok) throw new Error(`no model ${model}`);
  return a.value;
}

const base = { cp: 1, ep: 1, vpp: 1, microBatch: 1, zero: 1 as const, recompute: "none" as const };

/** Fixed layouts: [name, model, chip, count, configuration]. */
const FIXED: [string, string, string, number, TrainingConfig][] = [
  [
    "llama-3.1-8b 8xh100 tp2 pp1 dp4 seq8192 bf16",
    "llama-3.1-8b",
    "h100-sxm",
    8,
    { ...base, tp: 2, pp: 1, dp: 4, globalBatch: 128, seqLen: 8192, precision: "bf16" },
  ],
  [
    "llama-3.1-70b 64xh100 tp4 pp8 vpp5 dp2 seq8192 fp8",
    "llama-3.1-70b",
    "h100-sxm",
    64,
    { ...base, tp: 4, pp: 8, vpp: 5, dp: 2, globalBatch: 128, seqLen: 8192, precision: "fp8" },
  ],
  [
    "gpt3-175b 512xa100 megatron tp8 pp8 dp8 seq2048 selective",
    "gpt3-175b",
    "a100-sxm-80gb",
    512,
    {
      ...base,
      tp: 8,
      pp: 8,
      dp: 8,
      globalBatch: 1536,
      seqLen: 2048,
      precision: "bf16",
      recompute: "selective",
    },
  ],
  [
    "llama-2-7b 8xascend-910b tp1 pp1 dp8 seq4096",
    "llama-2-7b",
    "ascend-910b",
    8,
    { ...base, tp: 1, pp: 1, dp: 8, globalBatch: 64, seqLen: 4096, precision: "bf16" },
  ],
];

/** Searched layouts: [name, model, chip, count, search space]. */
const SEARCHED: [string, string, string, number, TrainingSearchSpace][] = [
  [
    "mixtral-8x7b 64xh100 best of the search seq4096",
    "mixtral-8x7b",
    "h100-sxm",
    64,
    { globalBatch: 256, seqLen: 4096, precision: "bf16" },
  ],
];

/** The reference scenarios of test/golden/training.json. */
function goldenScenarios(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, model, chip, count, config] of FIXED) {
    const e = estimateTraining(arch(model), cluster(chip, count), config);
    out[name] = e.ok ? figures(e.value) : { issues: e.issues.map((i) => i.code) };
  }
  for (const [name, model, chip, count, space] of SEARCHED) {
    const r = searchTraining(arch(model), cluster(chip, count), space, { keep: 1 });
    const best = r.ok ? r.value.ranked[0] : undefined;
    out[name] = best ? figures(best) : { issues: r.ok ? [] : r.issues.map((i) => i.code) };
  }
  return out;
}

describe("training golden scenarios (3 significant digits)", () => {
  it("match test/golden/training.json (regenerate deliberately: GOLDEN=1 npx vitest run test/training-golden.test.ts)", () => {
    const path = join(import.meta.dirname, "golden/training.json");
    const now = goldenScenarios();
    if (process.env.GOLDEN === "1") writeFileSync(path, JSON.stringify(now, null, 2) + "\n");
    expect(now).toEqual(JSON.parse(readFileSync(path, "utf8")));
  });

  it("every golden scenario is feasible", () => {
    for (const [name, v] of Object.entries(goldenScenarios())) expect(v, name).not.toHaveProperty("issues");
  });
});

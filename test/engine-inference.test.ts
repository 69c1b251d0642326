// The inference engine's physics as properties and examples: roofline bounds, monotonicity in bandwidth and batch,
// smoothness, MoE routing statistics, precision fallback and infeasible layouts as values.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findModel } from "../src/catalog/index.js";
import { catalogCalibration, resolveCalibration } from "../src/engine/calibration.js";
import { resolveCluster, type ChipOverrides } from "../src/engine/cluster.js";
import { estimateInference, type InferenceRequest } from "../src/engine/estimate.js";
import { decodeStep, type ServingConfig } from "../src/engine/inference.js";
import { estimateDisaggregated } from "../src/engine/disaggregated.js";
import { peakFor } from "../src/engine/op-time.js";
import { importConfig } from "../src/workload/import/index.js";
import { expectedExpertsTouched } from "../src/workload/moe-routing.js";
import type { Precision } from "../src/units/index.js";

function config(
  model: string,
  chip: string,
  opts: {
    count?: number;
    tp?: number;
    ep?: number;
    dp?: number;
    w?: Precision;
    a?: Precision;
    kv?: Precision;
    overrides?: ChipOverrides;
  } = {},
): ServingConfig {
  const m = findModel(model);
  if (!m.ok) throw new Error(`model ${model}`);
  const arch = importConfig(m.value.configText);
  if (!arch.ok) throw new Error(`import ${model}`);
  const count = opts.count ?? 1;
  const cluster = resolveCluster({ chip, count, overrides: opts.overrides });
  if (!cluster.ok) throw new Error(`cluster ${chip}`);
  return {
    arch: arch.value,
    cluster: cluster.value,
    calibration: resolveCalibration(cluster.value.accelerator, catalogCalibration()),
    precisions: { weights: opts.w ?? "bf16", activations: opts.a ?? "bf16", kvCache: opts.kv ?? "bf16" },
    parallel: { tp: opts.tp ?? count, ep: opts.ep ?? 1, dp: opts.dp ?? 1, pp: 1 },
    moeRouting: "natural",
    speculative: null,
  };
}

function request(r: Partial<InferenceRequest>): InferenceRequest {
  return {
    phase: "decode",
    inputTokens: 2048,
    outputTokens: 256,
    batch: 32,
    scenario: "fixed-batch",
    requestRate: null,
    slo: { tpot: null, ttft: null, percentile: "mean" },
    ...r,
  };
}

function throughput(cfg: ServingConfig, r: Partial<InferenceRequest>): number {
  const e = estimateInference(cfg, request(r));
  if (!e.ok) throw new Error(e.issues.map((i) => i.message).join("; "));
  return r.phase === "prefill" ? e.value.inputTokensPerSecondPerChip : e.value.outputTokensPerSecondPerChip;
}

const llama8 = config("llama-3.1-8b", "h100-sxm");
const llama70 = config("llama-3.1-70b", "h100-sxm", { count: 8, w: "fp8", a: "fp8" });
const dsv3 = config("deepseek-v3", "h20", {
  count: 16,
  tp: 1,
  ep: 16,
  dp: 16,
  w: "fp8",
  a: "fp8",
  kv: "fp8",
});

describe("decode physics", () => {
  it("decode(llama-3.1-70b, 8×h100, {batch: 1}) is memory-bound", () => {
    const s = decodeStep(llama70, 1, 2048);
    if (!s.ok) throw new Error("decode failed");
    expect(s.value.byBound.memory).toBeGreaterThan(s.value.byBound.compute);
  });

  it("predicted decode throughput never exceeds the roofline (datasheet bandwidth and peak)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 256 }), fc.integer({ min: 128, max: 8192 }), (batch, ctx) => {
        const s = decodeStep(llama8, batch, ctx);
        if (!s.ok) return;
        const bytes = s.value.ops.reduce((a, o) => a + o.bytes, 0);
        const flops = s.value.ops.reduce((a, o) => a + o.flops, 0);
        const bw = llama8.cluster.chip.memoryBandwidth.value as number;
        const peak = peakFor(llama8.cluster.chip, "bf16").flops;
        expect(s.value.time).toBeGreaterThanOrEqual(Math.max(bytes / bw, flops / peak));
      }),
      { numRuns: 30 },
    );
  });

  it("more memory bandwidth never slows decode", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 256 }),
        fc.double({ min: 1.0, max: 3, noNaN: true }),
        (batch, f) => {
          const bw = 3350 * f;
          const faster = config("llama-3.1-8b", "h100-sxm", { overrides: { memoryBandwidthGBps: bw } });
          expect(throughput(faster, { batch })).toBeGreaterThanOrEqual(
            throughput(llama8, { batch }) * (1 - 1e-9),
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it("more batch never lowers decode throughput (below the memory limit)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 50 }), (b, d) => {
        expect(throughput(llama8, { batch: b + d })).toBeGreaterThanOrEqual(throughput(llama8, { batch: b }));
      }),
      { numRuns: 30 },
    );
  });

  it("scaling batch or sequence length by 1 % moves no prediction by more than 3 %", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("decode", "prefill", "end-to-end") as fc.Arbitrary<InferenceRequest["phase"]>,
        fc.integer({ min: 8, max: 256 }),
        fc.integer({ min: 256, max: 8192 }),
        (phase, batch, input) => {
          const scenario = phase === "end-to-end" ? "closed-loop" : "fixed-batch";
          const base = throughput(llama70, { phase, batch, inputTokens: input, scenario });
          const b = throughput(llama70, { phase, batch: batch * 1.01, inputTokens: input, scenario });
          const s = throughput(llama70, { phase, batch, inputTokens: input * 1.01, scenario });
          expect(Math.abs(b / base - 1)).toBeLessThanOrEqual(0.03);
          expect(Math.abs(s / base - 1)).toBeLessThanOrEqual(0.03);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("MoE and attention", () => {
  it("expectedExpertsTouched(256, 8, N) is 8 for one token and approaches 256", () => {
    expect(expectedExpertsTouched(256, 8, 1)).toBeCloseTo(8, 9);
    expect(expectedExpertsTouched(256, 8, 10000)).toBeCloseTo(256, 6);
  });

  it("decode(deepseek-v3, 16×h20, EP16) reads the MLA latent cache: 576 elements per token per layer", () => {
    const s = decodeStep(dsv3, 16, 1000);
    if (!s.ok) throw new Error("decode failed");
    const core = s.value.ops.filter((o) => o.name === "attn.core");
    const kv = core.reduce((a, o) => a + o.bytes, 0);
    // 1 sequence per chip × 1000 tokens × 576 × 1 B × 61 layers, plus the query/output traffic (< 40 %).
    expect(kv).toBeGreaterThan(1000 * 576 * 61);
    expect(kv).toBeLessThan(1000 * 576 * 61 * 1.4);
  });

  it("an EP layout that does not divide tp × dp is an issue, not an exception", () => {
    const bad = { ...dsv3, parallel: { tp: 1, ep: 5, dp: 16, pp: 1 } };
    const r = estimateInference(bad, request({}));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe("ep_not_divisor");
  });

  it("tp that does not divide the heads is tp_not_divisor", () => {
    const bad = { ...llama8, parallel: { tp: 3, ep: 1, dp: 1, pp: 1 } };
    const r = estimateInference(bad, request({}));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe("tp_not_divisor");
  });

  it("fp8 on a100 falls back to the bf16 rate with a warning", () => {
    const a100 = config("llama-3.1-8b", "a100-sxm-80gb", { w: "fp8", a: "fp8" });
    const r = estimateInference(a100, request({ phase: "prefill", batch: 4 }));
    expect(r.ok && r.warnings.some((w) => w.code === "precision_fallback")).toBe(true);
  });

  it("a model too large for the chip is exceeds_memory", () => {
    const big = config("llama-3.1-405b", "h100-sxm");
    const r = estimateInference(big, request({ batch: null, scenario: "offline" }));
    expect(r.ok).toBe(false);
  });
});

describe("disaggregation", () => {
  it("estimateDisaggregated serves the smaller pool's request rate over both pools' chips", () => {
    const pre = config("llama-3.1-70b", "h100-sxm", { count: 8, w: "fp8", a: "fp8" });
    const dec = config("llama-3.1-70b", "h100-sxm", { count: 8, w: "fp8", a: "fp8" });
    const r = estimateDisaggregated(
      pre,
      dec,
      request({ phase: "end-to-end", batch: 128, inputTokens: 2000, outputTokens: 500 }),
    );
    if (!r.ok) throw new Error("disaggregated failed");
    const rate = Math.min(r.value.prefillRequestsPerSecond, r.value.decodeRequestsPerSecond);
    expect(r.value.system.outputTokensPerSecondPerChip).toBeCloseTo((rate * 500) / 16, 6);
  });
});

/** Rounds every number to 3 significant digits (golden files). */
function round3(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? Number(v.toPrecision(3)) : null;
  if (Array.isArray(v)) return v.map(round3);
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round3(x)]));
  return v;
}

/** The reference scenarios of test/golden/inference.json. */
function goldenScenarios(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const scen: [string, ServingConfig, Partial<InferenceRequest>][] = [
    ["llama-3.1-8b h100 decode b32 ctx2048", llama8, {}],
    ["llama-3.1-70b 8xh100 fp8 prefill b8 2048", llama70, { phase: "prefill", batch: 8 }],
    [
      "llama-3.1-70b 8xh100 fp8 offline 1000/1000",
      llama70,
      { phase: "end-to-end", batch: null, scenario: "offline", inputTokens: 1000, outputTokens: 1000 },
    ],
    ["deepseek-v3 16xh20 ep16 decode b512", dsv3, { batch: 512, inputTokens: 4096, outputTokens: 1536 }],
  ];
  for (const [name, cfg, r] of scen) {
    const e = estimateInference(cfg, request(r));
    out[name] = e.ok
      ? round3({
          batch: e.value.batch,
          outputTokensPerSecondPerChip: e.value.outputTokensPerSecondPerChip,
          inputTokensPerSecondPerChip: e.value.inputTokensPerSecondPerChip,
          tpotMs: e.value.tpot * 1e3,
          ttftMs: e.value.ttft * 1e3,
        })
      : { issues: e.issues.map((i) => i.code) };
  }
  return out;
}

describe("golden scenarios (3 significant digits)", () => {
  it("match test/golden/inference.json (regenerate deliberately: GOLDEN=1 npx vitest run test/engine-inference.test.ts)", () => {
    const path = join(import.meta.dirname, "golden/inference.json");
    const now = goldenScenarios();
    if (process.env.GOLDEN === "1") {
      writeFileSync(path, JSON.stringify(now, null, 2) + "\n");
    }
    expect(now).toEqual(JSON.parse(readFileSync(path, "utf8")));
  });
});

// Prefill–decode disaggregation: a prefill pool and a decode pool sized separately; the system serves the smaller
// of the two pools' request rates, and every figure is normalised over both pools' chips.
import { ok, type Result, type Warning } from "../issues.js";
import { estimateInference, type InferenceEstimate, type InferenceRequest } from "./estimate.js";
import type { ServingConfig } from "./inference.js";

export interface DisaggregatedEstimate {
  prefill: InferenceEstimate;
  decode: InferenceEstimate;
  /** Requests/s each pool sustains. */
  prefillRequestsPerSecond: number;
  decodeRequestsPerSecond: number;
  /** The whole system over both pools' chips (end-to-end figures). */
  system: InferenceEstimate;
  /** Decode chips per prefill chip that would balance the two pools. */
  balancedDecodePerPrefill: number;
}

/**
 * Estimates a disaggregated deployment: prefill pool at its chunk (or TTFT-bound) batch, decode pool at the
 * request's batch (or the largest memory allows); the system rate is the smaller pool rate.
 */
export function estimateDisaggregated(
  pre: ServingConfig,
  dec: ServingConfig,
  r: InferenceRequest,
): Result<DisaggregatedEstimate> {
  const p = estimateInference(pre, { ...r, phase: "prefill", batch: null });
  if (!p.ok) return p;
  const d = estimateInference(dec, { ...r, phase: "decode", scenario: r.batch ? "fixed-batch" : "offline" });
  if (!d.ok) return d;
  const input = Math.max(r.inputTokens, 1e-9);
  const output = Math.max(r.outputTokens, 1e-9);
  const preRate = (p.value.inputTokensPerSecondPerChip * pre.cluster.count) / input;
  const decRate = (d.value.outputTokensPerSecondPerChip * dec.cluster.count) / output;
  const rate = Math.min(preRate, decRate, r.requestRate ?? Number.POSITIVE_INFINITY);
  const total = pre.cluster.count + dec.cluster.count;
  const warnings: Warning[] = [...p.warnings, ...d.warnings];
  const perPre = preRate / pre.cluster.count;
  const perDec = decRate / dec.cluster.count;
  return ok(
    {
      prefill: p.value,
      decode: d.value,
      prefillRequestsPerSecond: preRate,
      decodeRequestsPerSecond: decRate,
      system: {
        batch: d.value.batch,
        outputTokensPerSecondPerChip: (rate * output) / total,
        inputTokensPerSecondPerChip: (rate * input) / total,
        tpot: d.value.tpot,
        ttft: p.value.ttft,
        decode: d.value.decode,
        prefill: p.value.prefill,
        memory: d.value.memory,
      },
      balancedDecodePerPrefill: perDec > 0 ? perPre / perDec : Number.POSITIVE_INFINITY,
    },
    warnings,
  );
}

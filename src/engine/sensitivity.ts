// Sensitivity of an estimate to the chip's uncertain inputs: each value given as a range (or graded estimated) is
// moved to its low and high bound and the estimate re-run.
import { ok, type Result } from "../issues.js";
import type { ChipSpec, SpecValue } from "../catalog/index.js";
import { estimateInference, type InferenceEstimate, type InferenceRequest } from "./estimate.js";
import type { ServingConfig } from "./inference.js";

export interface Sensitivity {
  /** Input name, e.g. "memoryBandwidth", "peak.bf16". */
  input: string;
  grade: string;
  low: number;
  high: number;
  /** The headline metric at the input's low and high bound. */
  metricAtLow: number;
  metricAtHigh: number;
}

/** The headline figure of an estimate: output tokens/s per chip, or input tokens/s for a prefill. */
export function headline(e: InferenceEstimate): number {
  return e.outputTokensPerSecondPerChip > 0 ? e.outputTokensPerSecondPerChip : e.inputTokensPerSecondPerChip;
}

function uncertain(v: SpecValue | undefined): v is SpecValue & { value: number; bounds: [number, number] } {
  if (!v || v.value === null || !v.bounds) return false;
  return v.bounds[0] !== v.bounds[1] || v.grade === "estimated";
}

function withChip(cfg: ServingConfig, chip: ChipSpec): ServingConfig {
  return { ...cfg, cluster: { ...cfg.cluster, chip } };
}

/**
 * Re-runs the estimate at the bounds of every ranged or estimated chip input (bandwidth, capacity, peaks).
 * An estimated point value is moved ±10 % (named assumption) when it carries no range.
 */
export function chipSensitivity(cfg: ServingConfig, r: InferenceRequest): Result<Sensitivity[]> {
  const chip = cfg.cluster.chip;
  const inputs: [string, SpecValue | undefined, (v: number) => ChipSpec][] = [
    [
      "memoryBandwidth",
      chip.memoryBandwidth,
      (v) => ({
        ...chip,
        memoryBandwidth: { ...chip.memoryBandwidth, value: v } as ChipSpec["memoryBandwidth"],
      }),
    ],
    [
      "memoryCapacity",
      chip.memoryCapacity,
      (v) => ({
        ...chip,
        memoryCapacity: { ...chip.memoryCapacity, value: v } as ChipSpec["memoryCapacity"],
      }),
    ],
  ];
  for (const [k, p] of Object.entries(chip.peak))
    inputs.push([`peak.${k}`, p, (v) => ({ ...chip, peak: { ...chip.peak, [k]: { ...p, value: v } } })]);
  const out: Sensitivity[] = [];
  for (const [name, v, set] of inputs) {
    if (!uncertain(v)) continue;
    let [lo, hi] = v.bounds;
    if (lo === hi) [lo, hi] = [v.value * 0.9, v.value * 1.1];
    const a = estimateInference(withChip(cfg, set(lo)), r);
    const b = estimateInference(withChip(cfg, set(hi)), r);
    if (!a.ok || !b.ok) continue;
    out.push({
      input: name,
      grade: v.grade,
      low: lo,
      high: hi,
      metricAtLow: headline(a.value),
      metricAtHigh: headline(b.value),
    });
  }
  return ok(out);
}

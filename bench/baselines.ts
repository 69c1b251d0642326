// Published LLM-serving predictors re-implemented as baselines (bench only, never used by the engine): each is its
// documented op-timing method — peak FLOP/s and memory bandwidth with its fixed efficiencies, its communication
// model — applied to our operator list and serving semantics, so the comparison isolates how ops are timed.
import type { CalibrationSet, CalibrationValues } from "../src/engine/calibration.js";
import type { ServingConfig } from "../src/engine/inference.js";
import type { InferenceCase } from "../src/planner/validate/case-schema.js";

/** A baseline predictor: what it can express and the fixed constants its method times ops with. */
export interface Baseline {
  name: string;
  /** Where the method and its constants are published. */
  cite: string;
  /** Why the predictor cannot express a case, or null when it can. */
  cannot: (c: InferenceCase, cfg: ServingConfig) => string | null;
  /** Engine constants reproducing the method for one case's configuration. */
  constants: (cfg: ServingConfig) => Partial<CalibrationValues>;
}

/** Constants shared by every baseline: no overheads, no tile padding, no ridge scaling, no fitted factor. */
const PLAIN: Partial<CalibrationValues> = {
  referencePeakTflops: 0,
  referenceBandwidthGBps: 0,
  gemmTileM: 1,
  kernelOverheadS: 0,
  stepOverheadS: 0,
  sequenceOverheadS: 0,
  collectiveLatencyS: 0,
  commOverlap: 0,
  servingEfficiency: 1,
};

/** Communication left out of the method: links so fast that collectives cost nothing. */
const NO_COMM = 1e9;

const isMoe = (cfg: ServingConfig) => cfg.arch.layers.some((l) => l.mlp.kind === "moe");
const isMla = (cfg: ServingConfig) => cfg.arch.layers.some((l) => l.attention.kind === "mla");

function denseOnly(c: InferenceCase, cfg: ServingConfig): string | null {
  if (isMoe(cfg)) return "mixture-of-experts models are not modelled";
  if (isMla(cfg)) return "MLA attention is not modelled";
  if (c.inference.speculative) return "speculative decoding is not modelled";
  if (c.inference.disaggregation) return "prefill/decode disaggregation is not modelled";
  return null;
}

/**
 * LLM-Viewer (Yuan et al. 2024, "LLM Inference Unveiled: Survey and Roofline Model Insights", hahnyuan/LLM-Viewer):
 * every layer's time is max(OPs / peak, bytes / bandwidth) at the hardware's peak figures, no efficiency factors and
 * no communication; Llama-style dense models.
 */
export const llmViewer: Baseline = {
  name: "LLM-Viewer (roofline)",
  cite: "https://github.com/hahnyuan/LLM-Viewer (roofline_model.py; arXiv 2402.16363)",
  cannot: denseOnly,
  constants: () => ({
    ...PLAIN,
    gemmEfficiency: 1,
    gemmEfficiencyLowPrecision: 1,
    attentionComputeEfficiency: 1,
    memoryEfficiency: 1,
    attentionMemoryEfficiency: 1,
    scaleUpEfficiency: NO_COMM,
    scaleOutEfficiency: NO_COMM,
    allToAllEfficiency: NO_COMM,
  }),
};

/**
 * llm-analysis (Cheng Li 2023, cli99/llm-analysis): latency per layer = max(compute, memory) ("perfect overlapping")
 * plus ring all-reduce for tensor parallelism; its README's stated assumptions for inference: FLOPS efficiency up to
 * 0.7, memory efficiency 0.9; intra/inter-node efficiency at its default 1.0. Dense decoders (sparse/MoE inference is
 * on its TODO list).
 */
export const llmAnalysis: Baseline = {
  name: "llm-analysis (0.7 / 0.9)",
  cite: "https://github.com/cli99/llm-analysis (README 'How to Set FLOPS and Memory Efficiency'; constant.py)",
  cannot: denseOnly,
  constants: () => ({
    ...PLAIN,
    gemmEfficiency: 0.7,
    gemmEfficiencyLowPrecision: 0.7,
    attentionComputeEfficiency: 0.7,
    memoryEfficiency: 0.9,
    attentionMemoryEfficiency: 0.9,
    scaleUpEfficiency: 1,
    scaleOutEfficiency: 1,
    allToAllEfficiency: 1,
  }),
};

/** InferSim's GPU table (hardware/gpu.py): default MFU, memory bandwidth (GB/s) and RDMA (GB/s) per GPU. */
const INFERSIM_GPUS: Readonly<Record<string, { mfu: number; memBwGBps: number; rdmaGBps: number }>> = {
  h20: { mfu: 0.6, memBwGBps: 4096 * 0.8, rdmaGBps: 50 * 0.8 },
  "h800-sxm": { mfu: 0.35, memBwGBps: 3430 * 0.8, rdmaGBps: 50 * 0.8 },
  gb200: { mfu: 0.5, memBwGBps: 13400 * 0.8, rdmaGBps: 50 * 0.8 },
};

/**
 * InferSim (alibaba/InferSim): per-op max(FLOPs / (peak · MFU), bytes / bandwidth) with MFU from kernel benchmarks
 * where its bench_data has the shape and the GPU's default MFU otherwise (here always the default: H20 0.6,
 * H800 0.35, GB200 0.5), prefill attention 0.9 without a benchmark file, memory bandwidth and NVLink at 80 % of
 * nominal, RDMA 50 GB/s × 0.8. Only the GPUs in its table; prefill and decode throughput (TGS), no MTP.
 */
export const inferSim: Baseline = {
  name: "InferSim (default MFU)",
  cite: "https://github.com/alibaba/InferSim (hardware/gpu.py, mfu/mfu.py)",
  cannot: (c, cfg) => {
    if (!INFERSIM_GPUS[cfg.cluster.chip.id])
      return `${cfg.cluster.chip.id} is not in its GPU table (H20, H800, GB200)`;
    if (c.inference.phase === "end-to-end")
      return "it predicts prefill and decode throughput, not end-to-end serving";
    if (c.inference.speculative) return "speculative decoding is not modelled";
    return null;
  },
  constants: (cfg) => {
    const g = INFERSIM_GPUS[cfg.cluster.chip.id] ?? { mfu: 0.5, memBwGBps: 0, rdmaGBps: 40 };
    const bw = cfg.cluster.chip.memoryBandwidth.value ?? 1;
    const eta = (g.memBwGBps * 1e9) / bw;
    const out = cfg.cluster.scaleOutBandwidth > 0 ? (g.rdmaGBps * 1e9) / cfg.cluster.scaleOutBandwidth : 1;
    return {
      ...PLAIN,
      gemmEfficiency: g.mfu,
      gemmEfficiencyLowPrecision: g.mfu,
      attentionComputeEfficiency: 0.9,
      memoryEfficiency: eta,
      attentionMemoryEfficiency: eta,
      scaleUpEfficiency: 0.8,
      allToAllEfficiency: 0.8,
      scaleOutEfficiency: out,
    };
  },
};

export const BASELINES: readonly Baseline[] = [llmViewer, llmAnalysis, inferSim];

/** A calibration set giving every profile the baseline's constants (so any chip resolves to them). */
export function baselineCalibration(
  base: CalibrationSet,
  values: Partial<CalibrationValues>,
): CalibrationSet {
  const overrides: Record<string, Partial<CalibrationValues>> = {};
  for (const p of base.profiles) overrides[p.id] = { ...values };
  return { profiles: base.profiles, overrides };
}

/**
 * InferSim's own published simulations (README "Simulation Result", alibaba/InferSim @0d2b567), made with its full
 * kernel-benchmark tables, for the setups that are public cases here: case id → simulated throughput per GPU (TGS).
 */
export const INFERSIM_PUBLISHED: Readonly<Record<string, number>> = {
  "inf-h800-deepseek-profile-prefill": 9034,
  "inf-h20-infersim-qwen3-30b-a3b-prefill": 17350,
  "inf-h20-infersim-qwen3-8b-fp8-decode": 2581,
};
export const INFERSIM_PUBLISHED_CITE =
  "https://github.com/alibaba/InferSim/blob/0d2b567ac749ea2639a3d9d607468f77e6b88e4f/README.md (Simulation Result)";

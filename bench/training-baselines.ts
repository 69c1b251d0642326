// Published LLM-training predictors re-implemented as baselines (bench only, never used by the engine): the issue's
// constant-MFU guess, llm-analysis's training-time model and a simplified Calculon, each on the configuration a case
// fixes (open fields filled with the configuration suanli's search chose), the model imported by suanli and the
// chip's catalog peaks — so the differences come from the method, not from inputs (which flatters the baselines).
import type { ClusterSpec } from "../src/engine/cluster.js";
import { peakFor } from "../src/engine/op-time.js";
import type { TrainingEstimate } from "../src/engine/training/types.js";
import type { Architecture } from "../src/workload/architecture.js";
import { modelFlopsPerToken } from "../src/workload/flops-training.js";
import { calculonTokensPerSecondPerChip, calculonCannot } from "./training-calculon.js";

/** The configuration a baseline times: the case's fixed fields, the rest as suanli's search chose them. */
export type ResolvedConfig = TrainingEstimate["config"];

/** A training baseline: what it can express and its tokens/s per chip for one configuration. */
export interface TrainingBaseline {
  name: string;
  /** Where the method and its constants are published. */
  cite: string;
  /** Why the predictor cannot express a configuration, or null when it can. */
  cannot: (arch: Architecture, cluster: ClusterSpec, cfg: ResolvedConfig) => string | null;
  /** Predicted training throughput, tokens/s per chip. */
  predict: (arch: Architecture, cluster: ClusterSpec, cfg: ResolvedConfig) => number;
}

const isMoe = (a: Architecture) => a.layers.some((l) => l.mlp.kind === "moe");
const oddAttention = (a: Architecture) =>
  a.layers.some((l) => l.attention.kind === "mla" || l.attention.kind === "linear");

/**
 * The reference baseline: every chip at 40 % of the dense peak of the GEMM precision, 6·N + causal attention
 * FLOPs per token (suanli's default convention). Expresses every case with a peak for its precision.
 */
export const constantMfu: TrainingBaseline = {
  name: "constant MFU 40 %",
  cite: "issue 5 ('Targets'): 40 % of dense peak, 6N + attention FLOPs per token",
  cannot: (_a, cluster, cfg) =>
    peakFor(cluster.chip, cfg.precision).flops > 0 ? null : `no ${cfg.precision} peak in the catalog`,
  predict: (arch, cluster, cfg) =>
    (0.4 * peakFor(cluster.chip, cfg.precision).flops) / modelFlopsPerToken(arch, cfg.seqLen, "default"),
};

/** llm-analysis's flops_efficiency: its README's figure for large-scale training ("literature reports up to 0.5"),
 * the value of all its published training examples (…-fe0.5-hbme0.9-summary.json). Its code default is 1 (a lower
 * bound on latency, per its README), which would not be a prediction. */
export const LLM_ANALYSIS_FLOPS_EFFICIENCY = 0.5;

/**
 * llm-analysis (Cheng Li 2023, cli99/llm-analysis, analysis.py `LLMAnalysis.training`): latency per micro-batch =
 * (forward + backward + recompute FLOPs) / (tp · pp · peak · flops_efficiency), times the gradient-accumulation
 * steps; forward FLOPs 2 · matmul params + non-causal attention 2 · 2 · s · h per layer + 2 · h · V logits, backward
 * 2 × forward, full recompute one more forward, selective recompute the attention core once more. Its README: "pp
 * and dp communications across nodes are ignored for now", "training time only counts forward and backward"; the
 * memory time (hbm_memory_efficiency 0.9) enters only inference. The GEMM peak is the 16-bit one (8-bit: its int8
 * peak = the FP8 peak here). Dense decoders only (MoE training came later); any GPU given its JSON spec.
 * Checked against its published example (examples/llama/outputs_train_h100, llama-13b, tp8 pp8 dp32, selective):
 * latency_per_micro_batch 134.59 ms = 4,259.4 TFLOP / (64 × 494.5 TFLOP/s), and latency_per_iter = that × 5,000
 * accumulation steps = 11.22 min — its latency_fwd breakdown (memory time at hbm 0.9, TP all-reduce: 70.64 ms) is
 * reported but not part of the iteration time. FLOP count here: suanli's parameter count (it assumes 12·h² per
 * layer), which flatters it on SwiGLU/GQA models.
 */
export const llmAnalysis: TrainingBaseline = {
  name: `llm-analysis (fe ${LLM_ANALYSIS_FLOPS_EFFICIENCY})`,
  cite: "https://github.com/cli99/llm-analysis @b60b392 (README 'How to Set FLOPS and Memory Efficiency', 'Current Scope'; llm_analysis/analysis.py LLMAnalysis.training)",
  cannot: (arch, cluster, cfg) => {
    if (isMoe(arch)) return "mixture-of-experts training is not modelled";
    if (oddAttention(arch)) return "MLA / linear attention is not modelled";
    if (cfg.lora) return "only full fine-tuning is modelled";
    if (cfg.cp > 1) return "context parallelism is not modelled";
    if (peakFor(cluster.chip, cfg.precision).flops <= 0) return `no ${cfg.precision} peak`;
    return null;
  },
  predict: (arch, cluster, cfg) => {
    // Megatron's convention with 3 passes = 3 × (matmul + non-causal attention) + 6hV, i.e. 3 × llm-analysis's fwd.
    const fwd = modelFlopsPerToken(arch, cfg.seqLen, "megatron") / 3;
    const attnFwd = fwd - modelFlopsPerToken(arch, 0, "megatron") / 3;
    const recompute = cfg.recompute === "full" ? fwd : cfg.recompute === "selective" ? attnFwd : 0;
    const perToken = 3 * fwd + recompute;
    // tokens per step per chip / (tokens per DP rank × FLOPs per token / (tp · pp · achieved FLOP/s)) reduces to:
    return (peakFor(cluster.chip, cfg.precision).flops * LLM_ANALYSIS_FLOPS_EFFICIENCY) / perToken;
  },
};

/**
 * Calculon (Isaev et al. SC'23, "Calculon: a methodology and tool for high-level co-design of systems and large
 * language models", calculon-ai/calculon), simplified in bench/training-calculon.ts.
 */
export const calculon: TrainingBaseline = {
  name: "Calculon (simplified)",
  cite: "https://github.com/calculon-ai/calculon (systems/a100_80g.json, systems/h100_80g_nvl8.json, calculon/system.py, processor.py, network.py; SC'23 doi 10.1145/3581784.3607102)",
  cannot: calculonCannot,
  predict: calculonTokensPerSecondPerChip,
};

export const TRAINING_BASELINES: readonly TrainingBaseline[] = [constantMfu, llmAnalysis, calculon];

// Training-only assumptions per family (architecture generation × software stack) that the shared kernel
// calibration (catalog/calibration) does not cover; the fitted trainingEfficiency lives there, with its cases.

/** Factors the training engine applies on top of the shared op timing. */
export interface TrainingFactors {
  /** "ampere-cuda", "hopper-cuda", … or a parent ("cuda", "default"). */
  family: string;
  parent: string | null;
  /** Backward fused-attention rate relative to the forward kernel (FlashAttention-2 paper: backward 1.5–2×
   * slower per FLOP than forward). */
  attentionBackwardRatio: number;
  /** GEMM shape half-saturation d₀: a GEMM dimension d reaches d / (d + d₀) of the large-shape efficiency.
   * 160 reproduces cuBLASLt square sweeps: A100 FP16 1024³ / 4096³ at 0.47 / 0.89 of 16384³ (model 0.48 / 0.88 with
   * the 5 µs kernel overhead) and H100 FP8 1024³ / 4096³ at 0.20 / 0.88 of 32768³ (Azure AI-benchmarking-guide,
   * ND A100 v4 / ND H100 v5). Belongs in the shared op timing; kept here until it moves. */
  gemmShapeHalfSaturation: number;
  /** Grouped (MoE expert) GEMM throughput relative to a dense GEMM of the same shape: DeepGEMM contiguous-layout
   * grouped FP8 GEMM 1346 vs 1550 TFLOPS dense on H800 (deepseek-ai/DeepGEMM README, 2025-04). */
  groupedGemmEfficiency: number;
  /** Fraction of TP/SP collective time left exposed (1 = none hidden; userbuffer / mc2 fused GEMM+comm lower it). */
  tpCommExposed: number;
  /** FlashAttention-class fused attention in the family's stack (false: Megatron-LM 2021–22 unfused softmax). */
  fusedAttention: boolean;
  /** Fraction of the data-parallel reduce hidden behind the last backward pass (overlapped gradient reduce). */
  dpOverlap: number;
  basis: { note: string; fittedTo: string[]; sources: string[] };
}

const DEFAULT: TrainingFactors = {
  family: "default",
  parent: null,
  attentionBackwardRatio: 0.7,
  gemmShapeHalfSaturation: 160,
  groupedGemmEfficiency: 0.87,
  tpCommExposed: 1,
  fusedAttention: true,
  dpOverlap: 0.8,
  basis: { note: "physics only: no training cases fitted", fittedTo: [], sources: [] },
};

/** The table of training factors by family key `${family}-${stack}`, parents by stack. */
export const TRAINING_FACTORS: Record<string, TrainingFactors> = {
  default: DEFAULT,
  "hopper-cuda": {
    ...DEFAULT,
    family: "hopper-cuda",
    parent: "default",
    tpCommExposed: 0.5,
    basis: {
      note: "tpCommExposed: Transformer Engine userbuffer overlap of TP all-gather/reduce-scatter with the GEMMs (NeMo/Megatron tp_comm_overlap); half left exposed (assumption)",
      fittedTo: [],
      sources: [],
    },
  },
  "blackwell-cuda": {
    ...DEFAULT,
    family: "blackwell-cuda",
    parent: "default",
    tpCommExposed: 0.5,
    basis: {
      note: "as hopper-cuda (Transformer Engine userbuffer TP overlap; assumption)",
      fittedTo: [],
      sources: [],
    },
  },
  "ascend-910b-cann": {
    ...DEFAULT,
    family: "ascend-910b-cann",
    parent: "default",
    tpCommExposed: 0.5,
    basis: {
      note: "tpCommExposed: MindSpeed mc2 fuses the TP all-gather/reduce-scatter into the matmul kernels (Ascend/MindSpeed docs); half left exposed (assumption)",
      fittedTo: [],
      sources: [],
    },
  },
  "ampere-cuda": {
    ...DEFAULT,
    family: "ampere-cuda",
    parent: "default",
    fusedAttention: false,
    basis: {
      note: "the family's published runs (Megatron-LM 2021, Korthikanti et al. 2022) predate FlashAttention",
      fittedTo: [],
      sources: [],
    },
  },
};

/** The training factors for a chip: family × stack, else the stack, else the default. */
export function trainingFactorsFor(
  chip: { family: string; stack: string },
  table = TRAINING_FACTORS,
): TrainingFactors {
  return table[`${chip.family}-${chip.stack}`] ?? table[chip.stack] ?? table.default ?? DEFAULT;
}

// Types of the training engine: a parallel configuration, the cluster it runs on, and the estimate it returns.
import type { Precision } from "../../units/index.js";
import type { FlopConvention } from "../../workload/flops-training.js";

export type Recompute = "none" | "selective" | "full";

/** One training configuration. Degrees multiply to the cluster: tp·pp·dp·cp = count; ep divides dp·cp. */
export interface TrainingConfig {
  tp: number;
  pp: number;
  dp: number;
  cp: number;
  /** Expert parallelism, inside dp·cp (Megatron). 1 for dense models. */
  ep: number;
  /** Virtual pipeline chunks per stage (interleaved 1F1B); 1 = plain 1F1B. */
  vpp: number;
  /** Sequences per micro-batch. */
  microBatch: number;
  /** Sequences per optimizer step. */
  globalBatch: number;
  seqLen: number;
  /** GEMM precision; activations and gradients stay 16-bit. */
  precision: Precision;
  recompute: Recompute;
  /** ZeRO stage: 0 replicated; 1 distributed optimizer (optimizer states sharded over DP); 2 + gradients;
   * 3 + parameters (FSDP; parameters gathered for every micro-batch). */
  zero: 0 | 1 | 2 | 3;
  /** Sequence parallelism with TP (default: on when tp > 1). */
  sequenceParallel?: boolean;
  /** Decoder layers per pipeline stage (length pp); default as even as possible. */
  pipelineLayers?: number[] | null;
  /** LoRA fine-tuning: base weights frozen (no weight gradients, no optimizer state for them). */
  lora?: boolean;
}

/** Memory of the fullest chip, bytes. */
export interface MemoryBreakdown {
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  reserve: number;
  total: number;
  capacity: number;
  fits: boolean;
  /** Pipeline stage (0-based) of the fullest chip. */
  stage: number;
}

/** Time of one op kind over a step, for --explain. */
export interface OpTiming {
  name: string;
  kind: "gemm" | "attention" | "memory" | "collective";
  /** Seconds per step on the slowest stage (all micro-batches, forward + backward + recompute). */
  seconds: number;
  flops: number;
  /** compute | memory | network */
  bound: "compute" | "memory" | "network";
}

/** Where a step's time goes on the critical path (seconds). */
export interface StepBreakdown {
  /** Forward + backward (+ recompute) compute of all micro-batches on the slowest stage. */
  compute: number;
  /** Pipeline fill and drain: ((p − 1)/v) stage-times, uneven stages included. */
  bubble: number;
  /** TP, CP and EP communication not hidden behind compute. */
  tpExposed: number;
  cpExposed: number;
  epExposed: number;
  /** Pipeline send/recv not hidden. */
  ppExposed: number;
  /** Data-parallel gradient reduce (and ZeRO-3 parameter gathers) not hidden behind backward. */
  dpExposed: number;
  /** Optimizer step (memory-bound Adam update of this chip's shard). */
  optimizer: number;
}

export interface TrainingEstimate {
  config: Required<Omit<TrainingConfig, "pipelineLayers">> & { pipelineLayers: number[] };
  /** Seconds per optimizer step. */
  stepTime: number;
  tokensPerSecondPerChip: number;
  tokensPerSecond: number;
  /** Model FLOPs per token under `convention`. */
  flopsPerToken: number;
  convention: FlopConvention;
  /** Model FLOPs utilisation against the dense peak of the GEMM precision, and against dense BF16. */
  mfu: number;
  mfuBf16: number;
  /** Hardware FLOPs utilisation (recompute counted) against the GEMM precision's dense peak. */
  hfu: number;
  breakdown: StepBreakdown;
  /** Micro-batches per step per pipeline; pipeline bubble fraction of the step. */
  microBatches: number;
  bubbleFraction: number;
  memory: MemoryBreakdown;
  /** Per-op time on the slowest stage, largest first. */
  ops: OpTiming[];
  /** Relative error band (±) from leave-one-source-out validation of the family. */
  errorBand: { low: number; high: number; basis: string };
  /** Calibration family used. */
  family: string;
}

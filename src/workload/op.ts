// An op: one unit of work of a training step, a prefill batch or a decode step, with its FLOPs, bytes and shape.
// The workload layer lists ops; the engine times them on a system. Ops know no chip.
import type { Precision } from "../units/index.js";

export type CollectiveKind = "all-reduce" | "all-gather" | "reduce-scatter" | "all-to-all" | "send-recv";
/** Which parallel group a collective runs over. */
export type ParallelGroup = "tp" | "ep" | "dp" | "pp" | "cp";

export interface Op {
  /** Stable name, e.g. "attn.qkv", "moe.experts", "lm_head". */
  name: string;
  /** compute: GEMM-like (tensor cores); attention: the attention core; memory: elementwise/norm/embedding;
   * collective: communication. */
  kind: "gemm" | "attention" | "memory" | "collective";
  /** Number of identical instances (e.g. layers) this op stands for; totals are per instance × count. */
  count: number;
  /** FLOPs of one instance on one chip. */
  flops: number;
  /** Bytes read and written from device memory by one instance on one chip (weights + activations + KV). */
  bytes: number;
  /** Part of `bytes` that is weights (streamed once per step regardless of batch). */
  weightBytes: number;
  /** Part of `bytes` that is KV cache. */
  kvBytes: number;
  /** Precision of the math (selects the chip's peak). */
  precision: Precision;
  /** GEMM shape per instance: [m, n, k] with `groups` independent GEMMs (grouped GEMM for experts). */
  gemm?: { m: number; n: number; k: number; groups: number };
  /** Collective: payload per chip in bytes, kind, group and its size. */
  collective?: {
    kind: CollectiveKind;
    payloadBytes: number;
    group: ParallelGroup;
    groupSize: number;
    /** All-to-all only: destinations per token (MoE top-k). Lets the engine send one copy per remote scale-up
     * domain and fan out inside it (DeepEP-style node deduplication). */
    fanout?: number;
  };
}

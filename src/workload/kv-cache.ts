// KV-cache footprint of an architecture: bytes per token of context, per layer kind, at a storage precision.
import { BYTES_PER_ELEMENT, type Precision } from "../units/index.js";
import type { Architecture, AttentionSpec } from "./architecture.js";

/** Bytes per element of a linear-attention recurrent state (fp32, as the engine's ops assume). */
export const LINEAR_STATE_BYTES = 4;

/** KV-cache footprint of one model at one precision. */
export interface KvCacheFootprint {
  precision: Precision;
  /** Bytes per token summed over every layer that caches per token (full and sliding layers), as long as the context
   * is within every window. Linear-attention layers add nothing per token. */
  bytesPerToken: number;
  /** Part of `bytesPerToken` from full-attention layers (grows with the whole context). */
  fullAttentionBytesPerToken: number;
  /** Part of `bytesPerToken` from sliding-window layers: each stops growing at its window. */
  slidingBytesPerToken: number;
  /** Distinct sliding windows (tokens) in the model, ascending. */
  slidingWindows: number[];
  /** Fixed bytes per sequence of linear-attention layers' recurrent state, kept in fp32 whatever the KV precision
   * (LINEAR_STATE_BYTES; the recurrence accumulates in full precision). */
  linearStateBytesPerSequence: number;
  /** Elements cached per token per layer kind, for explanation. */
  layers: { full: number; sliding: number; linear: number };
}

/** Elements one layer caches per token: GQA/MQA/MHA 2 × kv heads × head dim (K and V); MLA the latent
 * kv_lora_rank + qk_rope_head_dim (plus a V3.2 indexer key); linear attention 0. */
export function kvCacheElementsPerToken(a: AttentionSpec): number {
  if (a.kind === "linear") return 0;
  if (a.kind === "mla" && a.mla) return a.mla.kvLoraRank + a.mla.qkRopeHeadDim + (a.indexerKeyDim ?? 0);
  return a.numKvHeads * (a.headDim + a.vHeadDim);
}

/**
 * KV-cache bytes per token of context for the main model's layers (MTP layers excluded).
 * @example kvCacheBytesPerToken(llama31_8b, "bf16").bytesPerToken // 131072 = 32 layers × 2 × 8 × 128 × 2 B
 */
export function kvCacheBytesPerToken(arch: Architecture, precision: Precision): KvCacheFootprint {
  const b = BYTES_PER_ELEMENT[precision];
  let full = 0;
  let sliding = 0;
  let linearState = 0;
  const windows = new Set<number>();
  const counts = { full: 0, sliding: 0, linear: 0 };
  for (const l of arch.layers) {
    const a = l.attention;
    if (a.kind === "linear") {
      linearState += a.linear?.stateElements ?? 0;
      counts.linear++;
    } else if (a.slidingWindow !== null) {
      sliding += kvCacheElementsPerToken(a);
      windows.add(a.slidingWindow);
      counts.sliding++;
    } else {
      full += kvCacheElementsPerToken(a);
      counts.full++;
    }
  }
  return {
    precision,
    bytesPerToken: (full + sliding) * b,
    fullAttentionBytesPerToken: full * b,
    slidingBytesPerToken: sliding * b,
    slidingWindows: [...windows].sort((x, y) => x - y),
    linearStateBytesPerSequence: linearState * LINEAR_STATE_BYTES,
    layers: counts,
  };
}

/**
 * KV-cache bytes of one sequence of `tokens` context: full layers grow with the context, sliding layers stop at their
 * window, linear layers hold their fixed state.
 * @example kvCacheBytesPerSequence(mistral7b, "bf16", 8192) // capped at the 4096-token window
 */
export function kvCacheBytesPerSequence(arch: Architecture, precision: Precision, tokens: number): number {
  let elements = 0;
  let state = 0;
  for (const l of arch.layers) {
    const a = l.attention;
    if (a.kind === "linear") state += a.linear?.stateElements ?? 0;
    else
      elements +=
        kvCacheElementsPerToken(a) * (a.slidingWindow !== null ? Math.min(tokens, a.slidingWindow) : tokens);
  }
  return elements * BYTES_PER_ELEMENT[precision] + state * LINEAR_STATE_BYTES;
}

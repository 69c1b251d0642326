// Training ops: forward ops of one micro-batch on one chip per layer (GEMMs, attention core, elementwise,
// collectives) under TP/SP/CP/EP, and their backward and recompute counterparts. Knows no chip.
import { BYTES_PER_ELEMENT, type Precision } from "../units/index.js";
import type { Architecture, AttentionSpec, LayerSpec } from "./architecture.js";
import type { CollectiveKind, Op, ParallelGroup } from "./op.js";

/** How one micro-batch is split over the chips that compute it together. */
export interface TrainingShard {
  /** Tokens per sequence. */
  seqLen: number;
  /** Sequences per micro-batch. */
  microBatch: number;
  /** Tensor-, context- and expert-parallel degrees. */
  tp: number;
  cp: number;
  ep: number;
  /** Sequence parallelism (Korthikanti et al. 2022): norms/dropout on s/tp tokens; all-gather + reduce-scatter
   * instead of all-reduce. Default: on when tp > 1. */
  sequenceParallel: boolean;
  /** GEMM precision (bf16, fp16, fp8, mxfp8 …); activations stay 16-bit. */
  precision: Precision;
  /** Fused (FlashAttention-class) attention; false = the unfused path of Megatron-LM 2021–22: batched QKᵀ and PV
   * GEMMs over the full s × s scores (masked, not skipped) and a scale-mask-softmax + dropout pass in memory. */
  fusedAttention?: boolean;
}

/** Bytes of a 16-bit activation element. */
const ACT = 2;

/** Average number of keys a query attends to: causal full attention s/2 (+½), causal sliding window w. */
export function attendedKeys(seqLen: number, window: number | null): number {
  const s = seqLen;
  if (window === null || window >= s) return (s + 1) / 2;
  return window - (window * (window - 1)) / (2 * s);
}

function gemm(name: string, m: number, n: number, k: number, p: Precision, groups = 1, count = 1): Op {
  const w = BYTES_PER_ELEMENT[p];
  const weightBytes = groups * n * k * w;
  // fp8 GEMMs read fp8 inputs (the cast is a separate elementwise op); outputs are 16-bit.
  const actIn = p === "fp8" || p === "mxfp8" || p === "nvfp4" ? w : ACT;
  return {
    name,
    kind: "gemm",
    count,
    flops: 2 * m * n * k * groups,
    bytes: weightBytes + groups * m * k * actIn + groups * m * n * ACT,
    weightBytes,
    kvBytes: 0,
    precision: p,
    gemm: { m, n, k, groups },
  };
}

function memory(name: string, bytes: number, p: Precision): Op {
  return { name, kind: "memory", count: 1, flops: 0, bytes, weightBytes: 0, kvBytes: 0, precision: p };
}

function collective(
  name: string,
  kind: CollectiveKind,
  payloadBytes: number,
  group: ParallelGroup,
  groupSize: number,
  p: Precision,
): Op {
  return {
    name,
    kind: "collective",
    count: 1,
    flops: 0,
    bytes: 0,
    weightBytes: 0,
    kvBytes: 0,
    precision: p,
    collective: { kind, payloadBytes, group, groupSize },
  };
}

function isLowPrecision(p: Precision): boolean {
  return BYTES_PER_ELEMENT[p] < 2;
}

/** Query/key and value widths of all heads (MLA: nope + rope per head). */
function headWidths(a: AttentionSpec): { q: number; k: number; v: number } {
  return { q: a.numHeads * a.headDim, k: a.numKvHeads * a.headDim, v: a.numKvHeads * a.vHeadDim };
}

/** Attention block forward ops (projections, core, elementwise) for `tokens` tokens on one chip. */
function attentionOps(a: AttentionSpec, h: number, tokens: number, sh: TrainingShard): Op[] {
  const t = sh.tp;
  const p = sh.precision;
  const ops: Op[] = [];
  const heads = a.numHeads / t;
  if (a.kind === "mla" && a.mla) {
    const { qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim } = a.mla;
    const dq = qkNopeHeadDim + qkRopeHeadDim;
    if (qLoraRank) {
      ops.push(gemm("attn.q_down", tokens, qLoraRank, h, p));
      ops.push(gemm("attn.q_up", tokens, heads * dq, qLoraRank, p));
    } else ops.push(gemm("attn.q", tokens, heads * dq, h, p));
    ops.push(gemm("attn.kv_down", tokens, kvLoraRank + qkRopeHeadDim, h, p));
    ops.push(gemm("attn.kv_up", tokens, heads * (qkNopeHeadDim + a.vHeadDim), kvLoraRank, p));
  } else if (a.kind === "linear" && a.linear) {
    ops.push(gemm("attn.linear_proj", tokens, a.linear.qkvParams / h / t, h, p));
  } else {
    const w = headWidths(a);
    ops.push(gemm("attn.qkv", tokens, (w.q + 2 * w.k) / t, h, p));
  }
  // Attention core: QKᵀ and PV over the attended keys (causal; sliding window; CP splits queries).
  const sq = sh.seqLen / sh.cp;
  if (sh.fusedAttention === false && a.kind !== "linear") {
    const g = sh.microBatch * heads;
    ops.push(gemm("attn.scores", sq, sh.seqLen, a.headDim, "bf16", g));
    ops.push(gemm("attn.context", sq, a.vHeadDim, sh.seqLen, "bf16", g));
    // Scores written, read by the fused scale-mask-softmax, probabilities written, dropout read/write + mask.
    ops.push(memory("attn.softmax", g * sq * sh.seqLen * (2 + 2 + 2 + 2 + 2 + 1), "bf16"));
    for (const o of ops.slice(-3)) o.weightBytes = 0;
    const last = ops.length;
    (ops[last - 3] as Op).bytes = g * sq * (a.headDim * 2 * 2 + sh.seqLen * ACT);
    (ops[last - 2] as Op).bytes = g * sq * (sh.seqLen + 2 * a.vHeadDim) * ACT;
  } else {
    const keys = a.kind === "linear" ? Math.min(256, sh.seqLen) : attendedKeys(sh.seqLen, a.slidingWindow);
    const coreFlops = 2 * sh.microBatch * sq * keys * heads * (a.headDim + a.vHeadDim);
    const coreBytes = sh.microBatch * sq * heads * (2 * a.headDim + 2 * a.vHeadDim) * ACT;
    ops.push({
      name: "attn.core",
      kind: "attention",
      count: 1,
      flops: coreFlops,
      bytes: coreBytes,
      weightBytes: 0,
      kvBytes: 0,
      precision: "bf16",
    });
  }
  ops.push(gemm("attn.out", tokens, h, (a.numHeads * a.vHeadDim) / t, p));
  return ops;
}

/** MLP (dense or MoE) forward ops; `tokens` are the tokens this TP rank computes. */
function mlpOps(layer: LayerSpec, h: number, tokens: number, sh: TrainingShard): Op[] {
  const t = sh.tp;
  const p = sh.precision;
  const mlp = layer.mlp;
  if (mlp.kind === "dense") {
    const up = (mlp.gated ? 2 : 1) * mlp.intermediate;
    return [gemm("mlp.up", tokens, up / t, h, p), gemm("mlp.down", tokens, h, mlp.intermediate / t, p)];
  }
  const ops: Op[] = [];
  const up = (mlp.gated ? 2 : 1) * mlp.expertIntermediate;
  ops.push(gemm("moe.router", tokens / (sh.sequenceParallel ? t : 1), mlp.numExperts, h, "bf16"));
  const local = mlp.numExperts / sh.ep;
  const perExpert = (sh.ep * tokens * mlp.topK) / mlp.numExperts;
  ops.push(gemm("moe.experts.up", perExpert, up / t, h, p, local));
  ops.push(gemm("moe.experts.down", perExpert, h, mlp.expertIntermediate / t, p, local));
  if (mlp.sharedIntermediate > 0) {
    const su = (mlp.gated ? 2 : 1) * mlp.sharedIntermediate;
    ops.push(gemm("moe.shared.up", tokens, su / t, h, p));
    ops.push(gemm("moe.shared.down", tokens, h, mlp.sharedIntermediate / t, p));
  }
  if (sh.ep > 1) {
    // Token dispatch and combine over the EP group (Megatron all-to-all dispatcher), 16-bit tokens; the
    // payload is what leaves the chip (balanced routing keeps 1/ep of the copies local).
    const payload = (tokens * mlp.topK * h * ACT * (sh.ep - 1)) / sh.ep;
    ops.push(collective("moe.dispatch", "all-to-all", payload, "ep", sh.ep, p));
    ops.push(collective("moe.combine", "all-to-all", payload, "ep", sh.ep, p));
  }
  return ops;
}

/** Elementwise traffic of a layer forward (norms, residuals, rotary, activation, fp8 casts), bytes on one chip. */
function elementwiseBytes(layer: LayerSpec, h: number, tokens: number, sh: TrainingShard): number {
  const t = sh.tp;
  const spTokens = sh.sequenceParallel ? tokens / t : tokens;
  const a = layer.attention;
  const w = headWidths(a);
  // 2 norms (read + write) + 2 residual adds (2 reads + 1 write) on the hidden state.
  let perToken = (4 + 6) * h * ACT * (spTokens / tokens);
  perToken += ((w.q + w.k) / t) * 2 * ACT; // rotary on q and k
  const mlp = layer.mlp;
  const act =
    mlp.kind === "dense"
      ? mlp.intermediate / t
      : (mlp.topK * mlp.expertIntermediate + mlp.sharedIntermediate) / t;
  perToken += act * (mlp.gated ? 3 : 2) * ACT;
  // Permute and unpermute of routed tokens: k copies of the hidden state read and written, each way.
  if (mlp.kind === "moe") perToken += 2 * 2 * mlp.topK * h * ACT;
  if (isLowPrecision(sh.precision)) {
    // Quantise every GEMM input (read 16-bit, write 8-bit): qkv, attention-out, MLP/expert up (k routed copies
    // under MoE) and down inputs.
    const upInputs = mlp.kind === "moe" ? mlp.topK * h + (mlp.sharedIntermediate > 0 ? h : 0) : h;
    const inputs = h + (a.numHeads * a.vHeadDim) / t + upInputs + act;
    perToken += inputs * (ACT + BYTES_PER_ELEMENT[sh.precision]);
  }
  return perToken * tokens;
}

/** Forward ops of one decoder layer for one micro-batch on one chip (compute and collectives). */
export function layerForwardOps(layer: LayerSpec, hidden: number, sh: TrainingShard): Op[] {
  const tokens = (sh.microBatch * sh.seqLen) / sh.cp;
  const ops: Op[] = [
    ...attentionOps(layer.attention, hidden, tokens, sh),
    ...mlpOps(layer, hidden, tokens, sh),
  ];
  ops.push(memory("layer.elementwise", elementwiseBytes(layer, hidden, tokens, sh), sh.precision));
  if (sh.tp > 1) {
    const payload = tokens * hidden * ACT;
    if (sh.sequenceParallel) {
      ops.push(collective("tp.attn.all-gather", "all-gather", payload, "tp", sh.tp, sh.precision));
      ops.push(collective("tp.attn.reduce-scatter", "reduce-scatter", payload, "tp", sh.tp, sh.precision));
      ops.push(collective("tp.mlp.all-gather", "all-gather", payload, "tp", sh.tp, sh.precision));
      ops.push(collective("tp.mlp.reduce-scatter", "reduce-scatter", payload, "tp", sh.tp, sh.precision));
    } else {
      ops.push(collective("tp.attn.all-reduce", "all-reduce", payload, "tp", sh.tp, sh.precision));
      ops.push(collective("tp.mlp.all-reduce", "all-reduce", payload, "tp", sh.tp, sh.precision));
    }
  }
  if (sh.cp > 1 && layer.attention.kind !== "linear") {
    // Ring attention: each rank receives the other ranks' K and V blocks (overlappable with the core).
    const w = headWidths(layer.attention);
    const kv = (sh.microBatch * sh.seqLen * (sh.cp - 1) * ((w.k + w.v) / sh.tp) * ACT) / sh.cp;
    ops.push(collective("cp.kv", "all-gather", kv, "cp", sh.cp, sh.precision));
  }
  return ops;
}

/** LM head and loss forward ops on the last stage (logits over vocab/tp, fp32 cross-entropy). */
export function headForwardOps(arch: Architecture, sh: TrainingShard): Op[] {
  const tokens = (sh.microBatch * sh.seqLen) / sh.cp;
  const v = arch.vocabSize / sh.tp;
  return [
    // Transformer Engine keeps the output layer in 16-bit under fp8 recipes.
    gemm("lm_head", tokens, v, arch.hiddenSize, isLowPrecision(sh.precision) ? "bf16" : sh.precision),
    memory("loss.cross_entropy", tokens * v * (ACT + 4 + 4), "bf16"),
  ];
}

/** Input embedding forward on the first stage (a gather of `tokens` rows). */
export function embeddingForwardOps(arch: Architecture, sh: TrainingShard): Op[] {
  const tokens = (sh.microBatch * sh.seqLen) / sh.cp;
  return [memory("embedding", 2 * tokens * arch.hiddenSize * ACT, "bf16")];
}

/** Multi-token-prediction module forward (DeepSeek-V3): projection of [h; emb] → h, its layer and a second head. */
export function mtpForwardOps(arch: Architecture, sh: TrainingShard): Op[] {
  const tokens = (sh.microBatch * sh.seqLen) / sh.cp;
  const ops: Op[] = [];
  for (const layer of arch.mtp.layers) {
    ops.push(gemm("mtp.proj", tokens, arch.hiddenSize, 2 * arch.hiddenSize, sh.precision));
    ops.push(...layerForwardOps(layer, arch.hiddenSize, sh));
    ops.push(...headForwardOps(arch, sh));
  }
  return ops;
}

const MIRROR: Record<CollectiveKind, CollectiveKind> = {
  "all-gather": "reduce-scatter",
  "reduce-scatter": "all-gather",
  "all-reduce": "all-reduce",
  "all-to-all": "all-to-all",
  "send-recv": "send-recv",
};

/**
 * Backward ops of a forward op. GEMM: data gradient and weight gradient, each with the forward's FLOPs
 * (LoRA freezes the weight: no weight gradient). Attention core: 2.5× forward FLOPs (FlashAttention backward
 * recomputes P and runs five matmuls against the forward's two). Elementwise: twice the traffic. Collectives:
 * the mirror collective (all-gather ↔ reduce-scatter) with the same payload.
 */
export function backwardOps(op: Op, opts: { lora?: boolean } = {}): Op[] {
  switch (op.kind) {
    case "gemm": {
      const g = op.gemm;
      if (!g) return [];
      const dgrad: Op = {
        ...op,
        name: `${op.name}.dgrad`,
        gemm: { m: g.m, n: g.k, k: g.n, groups: g.groups },
      };
      if (opts.lora) return [dgrad];
      const wgrad: Op = {
        ...op,
        name: `${op.name}.wgrad`,
        gemm: { m: g.n, n: g.k, k: g.m, groups: g.groups },
      };
      return [dgrad, wgrad];
    }
    case "attention":
      return [{ ...op, name: `${op.name}.bwd`, flops: 2.5 * op.flops, bytes: 2 * op.bytes }];
    case "memory":
      return [{ ...op, name: `${op.name}.bwd`, bytes: 2 * op.bytes }];
    case "collective": {
      const c = op.collective;
      if (!c) return [];
      return [{ ...op, name: `${op.name}.bwd`, collective: { ...c, kind: MIRROR[c.kind] } }];
    }
  }
}

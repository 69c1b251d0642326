// Ops of one inference forward step (a prefill batch or a decode / verify step) on one chip: FLOPs, bytes moved and
// GEMM shape of each projection, attention core, expert, norm and LM head, plus the TP / EP collectives.
import { fail, issue, ok, type Result } from "../issues.js";
import { BYTES_PER_ELEMENT, type Precision } from "../units/index.js";
import type { Architecture, AttentionSpec, LayerSpec, MoeSpec } from "./architecture.js";
import type { Op } from "./op.js";
import { expectedExpertsTouched, routingImbalance, type MoeRouting } from "./moe-routing.js";

export interface InferencePrecisions {
  weights: Precision;
  activations: Precision;
  kvCache: Precision;
}

/** Parallel degrees of one serving instance: tp × dp × pp chips; ep experts-parallel over the tp × dp chips of a
 * stage (the rest of each expert is split tp × dp / ep ways). dp = attention data-parallel ranks. */
export interface InferenceParallel {
  tp: number;
  ep: number;
  dp: number;
  pp: number;
}

/** One forward step of a serving instance. */
export interface StepShape {
  phase: "prefill" | "decode";
  /** Sequences in the step, across the whole instance. */
  batch: number;
  /** New tokens per sequence in this step (prefill: prompt tokens; decode: 1, or the tokens a verify step checks). */
  newTokens: number;
  /** Tokens already in each sequence's KV cache before the step (mean). */
  pastTokens: number;
  precisions: InferencePrecisions;
  parallel: InferenceParallel;
  moeRouting: MoeRouting;
}

/** GEMM math precision: the activations' when given, else the weights' 8-bit float, else bf16. */
export function mathPrecision(p: InferencePrecisions): Precision {
  const b = BYTES_PER_ELEMENT;
  return b[p.activations] <= b[p.weights] ? p.activations : p.weights;
}

/** LM head and embeddings stay in 16 bits in quantised checkpoints (the usual practice). */
const HEAD_PRECISION: Precision = "bf16";

function gemm(
  name: string,
  count: number,
  m: number,
  n: number,
  k: number,
  groups: number,
  wBytes: number,
  aBytes: number,
  precision: Precision,
): Op {
  const weightBytes = groups * n * k * wBytes;
  const actBytes = groups * m * (n + k) * aBytes;
  return {
    name,
    kind: "gemm",
    count,
    flops: 2 * groups * m * n * k,
    bytes: weightBytes + actBytes,
    weightBytes,
    kvBytes: 0,
    precision,
    gemm: { m, n, k, groups },
  };
}

function memoryOp(name: string, count: number, bytes: number, precision: Precision, weightBytes = 0): Op {
  return { name, kind: "memory", count, flops: 0, bytes, weightBytes, kvBytes: 0, precision };
}

/** Context a new token attends to: the whole past plus the causal half of the new tokens, capped by the window. */
function attendedContext(past: number, newTokens: number, window: number | null): number {
  const full = past + (newTokens + 1) / 2;
  return window === null ? full : Math.min(full, window);
}

/** KV-cache elements stored per token per layer on one chip (latent for MLA; 0 for linear attention). */
export function kvElementsPerToken(a: AttentionSpec, tp: number): number {
  if (a.kind === "linear") return 0;
  if (a.kind === "mla" && a.mla) return a.mla.kvLoraRank + a.mla.qkRopeHeadDim + (a.indexerKeyDim ?? 0);
  const kvLocal = Math.max(1, Math.ceil(a.numKvHeads / tp));
  return kvLocal * (a.headDim + a.vHeadDim);
}

function attentionOps(a: AttentionSpec, L: number, s: StepShape, H: number, seqs: number): Op[] {
  const { tp } = s.parallel;
  const T = seqs * s.newTokens;
  const math = mathPrecision(s.precisions);
  const w = BYTES_PER_ELEMENT[s.precisions.weights];
  const act = BYTES_PER_ELEMENT[math];
  const kvB = BYTES_PER_ELEMENT[s.precisions.kvCache];
  const heads = a.numHeads / tp;
  const ctx = attendedContext(s.pastTokens, s.newTokens, a.slidingWindow);
  const ops: Op[] = [];
  if (a.kind === "linear" && a.linear) {
    const n = a.linear.qkvParams / H / tp;
    ops.push(gemm("attn.qkv", L, T, n, H, 1, w, act, math));
    const state = seqs * (a.linear.stateElements / tp) * 4;
    ops.push({
      ...memoryOp("attn.linear-core", L, 2 * state + T * n * 2, math),
      kind: "attention",
      flops: 4 * T * (a.linear.stateElements / tp),
    });
  } else if (a.kind === "mla" && a.mla) {
    const m = a.mla;
    const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
    if (m.qLoraRank) {
      ops.push(gemm("attn.q-down", L, T, m.qLoraRank, H, 1, w, act, math));
      ops.push(gemm("attn.q-up", L, T, heads * qk, m.qLoraRank, 1, w, act, math));
    } else ops.push(gemm("attn.q", L, T, heads * qk, H, 1, w, act, math));
    ops.push(gemm("attn.kv-down", L, T, m.kvLoraRank + m.qkRopeHeadDim, H, 1, w, act, math));
    const latent = m.kvLoraRank + m.qkRopeHeadDim;
    const kvRead = seqs * ctx * latent * kvB;
    if (s.phase === "decode") {
      // Absorbed form (DeepSeek-V2 §2.1.2): queries move into the latent space; attention runs over the latent cache.
      ops.push(gemm("attn.q-absorb", L, T, m.kvLoraRank, m.qkNopeHeadDim, heads, w, act, "bf16"));
      ops.push({
        name: "attn.core",
        kind: "attention",
        count: L,
        flops: 2 * T * heads * ctx * (latent + m.kvLoraRank),
        bytes: kvRead + T * heads * latent * act * 2 + T * latent * kvB,
        weightBytes: 0,
        kvBytes: kvRead,
        precision: "bf16",
      });
      ops.push(gemm("attn.v-absorb", L, T, a.vHeadDim, m.kvLoraRank, heads, w, act, "bf16"));
    } else {
      ops.push(
        gemm("attn.kv-up", L, T, heads * (m.qkNopeHeadDim + a.vHeadDim), m.kvLoraRank, 1, w, act, math),
      );
      const io = T * heads * (2 * qk + 2 * a.vHeadDim) * 2;
      ops.push({
        name: "attn.core",
        kind: "attention",
        count: L,
        flops: 2 * T * heads * ctx * (qk + a.vHeadDim),
        bytes: io + T * latent * kvB + (s.pastTokens > 0 ? kvRead : 0),
        weightBytes: 0,
        kvBytes: T * latent * kvB,
        precision: "bf16",
      });
    }
    ops.push(gemm("attn.out", L, T, H, heads * a.vHeadDim, 1, w, act, math));
  } else {
    const kvLocal = Math.max(1, Math.ceil(a.numKvHeads / tp));
    ops.push(gemm("attn.qkv", L, T, (heads + 2 * kvLocal) * a.headDim, H, 1, w, act, math));
    const perToken = kvLocal * (a.headDim + a.vHeadDim) * kvB;
    const kvRead =
      s.phase === "decode"
        ? seqs * ctx * perToken
        : s.pastTokens > 0
          ? seqs * Math.min(s.pastTokens, ctx) * perToken
          : 0;
    const io = T * heads * (a.headDim + a.vHeadDim) * 2 * 2;
    ops.push({
      name: "attn.core",
      kind: "attention",
      count: L,
      flops: 2 * T * heads * ctx * (a.headDim + a.vHeadDim),
      bytes: kvRead + io + T * perToken,
      weightBytes: 0,
      kvBytes: kvRead + T * perToken,
      precision: "bf16",
    });
    ops.push(gemm("attn.out", L, T, H, heads * a.vHeadDim, 1, w, act, math));
  }
  return ops;
}

function mlpOps(
  layer: LayerSpec,
  L: number,
  s: StepShape,
  H: number,
  seqs: number,
  tokensInStage: number,
): Op[] {
  const { tp, ep, dp } = s.parallel;
  const T = seqs * s.newTokens;
  const math = mathPrecision(s.precisions);
  const w = BYTES_PER_ELEMENT[s.precisions.weights];
  const act = BYTES_PER_ELEMENT[math];
  const mlp = layer.mlp;
  const ops: Op[] = [];
  const up = (name: string, inter: number, shard: number, m: number) => {
    const n = ((mlp.gated ? 2 : 1) * inter) / shard;
    ops.push(gemm(`${name}.up`, L, m, n, H, 1, w, act, math));
    ops.push(gemm(`${name}.down`, L, m, H, inter / shard, 1, w, act, math));
  };
  if (mlp.kind === "dense") {
    up("mlp", mlp.intermediate, tp, T);
    return ops;
  }
  const moe: MoeSpec = mlp;
  const moeTp = (tp * dp) / ep;
  ops.push(gemm("moe.router", L, T, moe.numExperts, H, 1, 2, 2, "bf16"));
  if (moe.sharedIntermediate > 0) up("moe.shared", moe.sharedIntermediate, tp, T);
  const localExperts = moe.numExperts / ep;
  const skew = routingImbalance(s.moeRouting, (tokensInStage * moe.topK) / ep, ep);
  const assignments = ((tokensInStage * moe.topK) / ep) * skew;
  const touched = Math.max(
    1,
    (localExperts * expectedExpertsTouched(moe.numExperts, moe.topK, tokensInStage)) / moe.numExperts,
  );
  const m = assignments / touched;
  const nUp = ((moe.gated ? 2 : 1) * moe.expertIntermediate) / moeTp;
  ops.push(gemm("moe.experts.up", L, m, nUp, H, touched, w, act, math));
  ops.push(gemm("moe.experts.down", L, m, H, moe.expertIntermediate / moeTp, touched, w, act, math));
  if (ep > 1) {
    // The busiest rank receives (dispatch) and returns (combine) `skew` times the mean traffic.
    const dispatch = T * moe.topK * H * Math.min(act, 2) * ((ep - 1) / ep) * skew;
    const combine = T * moe.topK * H * 2 * ((ep - 1) / ep) * skew;
    ops.push({
      ...collective("moe.dispatch", L, "all-to-all", dispatch, "ep", ep),
      collective: {
        kind: "all-to-all",
        payloadBytes: dispatch,
        group: "ep",
        groupSize: ep,
        fanout: moe.topK,
      },
    });
    ops.push({
      ...collective("moe.combine", L, "all-to-all", combine, "ep", ep),
      collective: { kind: "all-to-all", payloadBytes: combine, group: "ep", groupSize: ep, fanout: moe.topK },
    });
  }
  return ops;
}

function collective(
  name: string,
  count: number,
  kind: "all-reduce" | "all-to-all" | "send-recv",
  payloadBytes: number,
  group: "tp" | "ep" | "pp",
  groupSize: number,
): Op {
  return {
    name,
    kind: "collective",
    count,
    flops: 0,
    bytes: 0,
    weightBytes: 0,
    kvBytes: 0,
    precision: "bf16",
    collective: { kind, payloadBytes, group, groupSize },
  };
}

/** Checks the parallel layout against the architecture; returns issues naming the fix. */
export function checkParallel(arch: Architecture, p: InferenceParallel): Result<true> {
  const issues = [];
  const first = arch.layers[0];
  if (first && first.attention.numHeads % p.tp !== 0)
    issues.push(
      issue(
        "tp_not_divisor",
        ["tp"],
        `tp (${p.tp}) must divide the attention heads (${first.attention.numHeads})`,
      ),
    );
  const moe = arch.layers.find((l) => l.mlp.kind === "moe")?.mlp as MoeSpec | undefined;
  if (moe && (p.tp * p.dp) % p.ep !== 0)
    issues.push(issue("ep_not_divisor", ["ep"], `ep (${p.ep}) must divide tp × dp (${p.tp * p.dp})`));
  if (!moe && p.ep > 1)
    issues.push(issue("ep_not_divisor", ["ep"], `ep (${p.ep}) needs a mixture-of-experts model`));
  if (p.pp > arch.layers.length)
    issues.push(issue("pp_too_deep", ["pp"], `pp (${p.pp}) exceeds the layers (${arch.layers.length})`));
  return issues.length ? fail(...issues) : ok(true);
}

const groupCache = new WeakMap<readonly LayerSpec[], { layer: LayerSpec; count: number }[]>();

/** Groups identical layers (same spec) so ops carry `count` instead of repeating (cached per layer list). */
function layerGroups(layers: readonly LayerSpec[]): { layer: LayerSpec; count: number }[] {
  const hit = groupCache.get(layers);
  if (hit) return hit;
  const out = groupLayers(layers);
  groupCache.set(layers, out);
  return out;
}

function groupLayers(layers: readonly LayerSpec[]): { layer: LayerSpec; count: number }[] {
  const groups = new Map<string, { layer: LayerSpec; count: number }>();
  for (const l of layers) {
    const key = JSON.stringify(l);
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { layer: l, count: 1 });
  }
  return [...groups.values()];
}

/**
 * Ops of one forward step on one chip of the busiest pipeline stage (layers / pp, rounded up).
 * @example inferenceStepOps(llama70b, {phase: "decode", batch: 64, newTokens: 1, pastTokens: 2048, …}).value
 */
export function inferenceStepOps(
  arch: Architecture,
  s: StepShape,
  layers: readonly LayerSpec[] = arch.layers,
): Result<Op[]> {
  const chk = checkParallel(arch, s.parallel);
  if (!chk.ok) return chk;
  const { tp, dp, pp } = s.parallel;
  const H = arch.hiddenSize;
  const seqs = s.batch / dp;
  const T = seqs * s.newTokens;
  const frac = Math.ceil(layers.length / pp) / layers.length;
  const tokensInStage = s.batch * s.newTokens;
  const ops: Op[] = [];
  ops.push(memoryOp("embed", 1, T * H * 2 * 2, HEAD_PRECISION));
  for (const { layer, count } of layerGroups(layers)) {
    const L = count * frac;
    ops.push(...attentionOps(layer.attention, L, s, H, seqs));
    ops.push(...mlpOps(layer, L, s, H, seqs, tokensInStage));
    const inter = layer.mlp.kind === "dense" ? layer.mlp.intermediate / tp : 0;
    ops.push(memoryOp("norm+residual", L, T * (10 * H + 3 * inter) * 2, "bf16"));
    if (tp > 1) ops.push(collective("tp.all-reduce", 2 * L, "all-reduce", T * H * 2, "tp", tp));
  }
  const lmTokens = s.phase === "prefill" ? seqs : T;
  ops.push(
    gemm(
      "lm_head",
      1,
      lmTokens,
      arch.vocabSize / tp,
      H,
      1,
      BYTES_PER_ELEMENT[HEAD_PRECISION],
      2,
      HEAD_PRECISION,
    ),
  );
  if (pp > 1) ops.push(collective("pp.send", 1, "send-recv", T * H * 2, "pp", pp));
  return ok(ops);
}

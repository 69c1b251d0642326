// A simplified Calculon (calculon-ai/calculon, SC'23) for the training baselines: its per-op time with its shipped
// efficiency tables (no_overlap: FLOP time + memory time), Megatron GPT block, tensor-parallel collectives on its
// network tiers, the 1F1B/interleaved bubble, pipeline p2p, data-parallel gradient reduce and the optimizer step.
import type { ClusterSpec } from "../src/engine/cluster.js";
import { peakFor } from "../src/engine/op-time.js";
import type { TrainingEstimate } from "../src/engine/training/types.js";
import type { Architecture } from "../src/workload/architecture.js";

type Config = TrainingEstimate["config"];

/** A step efficiency table: [threshold, efficiency], largest threshold first; the first threshold ≤ x applies
 * (calculon/processor.py `efficiency`). */
type Table = readonly (readonly [number, number])[];

/** Calculon's shipped system files (systems/a100_80g.json, systems/h100_80g_nvl8.json @4f81f02): matrix and vector
 * efficiency by op GFLOPs, HBM efficiency by op MB, vector peak, and the two network tiers. The matrix peak, HBM
 * bandwidth and link bandwidths come from suanli's catalog and the case's cluster instead of the file. */
interface CalculonSystem {
  matrix: Table;
  vector: Table;
  vectorTflops: number;
  mem: Table;
  /** Tier 0 (NVLink) per-op scalars and whether collectives are scaled by (n − 1) / n. */
  nvlink: { eff: number; latency: number; allReduce: number; rsAg: number; minus1: boolean };
  /** Tier 1 (InfiniBand). */
  ib: { eff: number; latency: number; allReduce: number; rsAg: number; minus1: boolean };
}

const MATRIX: Table = [
  [128, 0.95],
  [16, 0.9],
  [1, 0.6],
  [0, 0.1],
];
const VECTOR: Table = [
  [16, 0.95],
  [1, 0.5],
  [0, 0.1],
];
const MEM: Table = [
  [100, 0.9],
  [10, 0.75],
  [1, 0.6],
  [0, 0.3],
];
const IB = { eff: 0.9, latency: 2e-6, allReduce: 1, rsAg: 1, minus1: true };

const SYSTEMS: Readonly<Record<string, CalculonSystem>> = {
  "a100-sxm-80gb": {
    matrix: MATRIX,
    vector: VECTOR,
    vectorTflops: 78,
    mem: MEM,
    nvlink: { eff: 0.6, latency: 1e-6, allReduce: 2, rsAg: 1.5, minus1: true },
    ib: IB,
  },
  "h100-sxm": {
    matrix: MATRIX,
    vector: VECTOR,
    vectorTflops: 120,
    mem: MEM,
    nvlink: { eff: 0.6, latency: 1e-6, allReduce: 1, rsAg: 1.5, minus1: false },
    ib: IB,
  },
};

const lookup = (t: Table, x: number) =>
  t.find(([min]) => x >= min)?.[1] ?? (t[t.length - 1] as [number, number])[1];

/** Why Calculon cannot express a configuration, or null. */
export function calculonCannot(arch: Architecture, cluster: ClusterSpec, cfg: Config): string | null {
  if (!SYSTEMS[cluster.chip.id])
    return `${cluster.chip.id}: Calculon ships system files for A100 and H100 only`;
  if (cfg.precision !== "fp16" && cfg.precision !== "bf16")
    return `${cfg.precision}: its A100/H100 system files have float16 efficiency tables only`;
  for (const l of arch.layers) {
    if (l.mlp.kind !== "dense" || l.mlp.gated)
      return "only the GPT block (GeLU MLP, no MoE, no SwiGLU) is modelled";
    if (l.attention.kind !== "mha" || l.attention.slidingWindow !== null)
      return "only full multi-head attention is modelled (no GQA, MLA, sliding window)";
  }
  if (cfg.cp > 1 || cfg.ep > 1 || cfg.lora) return "context/expert parallelism and LoRA are not modelled";
  return null;
}

/** One op: FLOPs and bytes moved, timed by Calculon's no_overlap mode (FLOP time + memory time). */
function opTime(
  sys: CalculonSystem,
  peak: number,
  bw: number,
  flops: number,
  bytes: number,
  vector: boolean,
) {
  const eff = lookup(vector ? sys.vector : sys.matrix, flops / 1e9);
  const p = vector ? sys.vectorTflops * 1e12 : peak;
  return flops / (p * eff) + bytes / (bw * lookup(sys.mem, bytes / 1e6));
}

/** Calculon network time (calculon/network.py): latency + size × op scalar (× (n − 1)/n) / (bandwidth × eff). */
function netTime(
  tier: CalculonSystem["nvlink"],
  bw: number,
  op: "allReduce" | "rsAg" | "p2p",
  bytes: number,
  n: number,
) {
  if (n <= 1 || bytes <= 0) return 0;
  const scalar = op === "p2p" ? 1 : tier[op] * (tier.minus1 ? (n - 1) / n : 1);
  return tier.latency + (bytes * scalar) / (bw * tier.eff);
}

/**
 * Calculon's tokens/s per chip for a GPT configuration (after `calculonCannot` returned null). Assumptions of the
 * simplification: Megatron GPT block ops with non-causal attention; backward = 2 × forward in FLOPs and bytes;
 * tensor-parallel collectives as in its own validation runs of Megatron (all-reduce with full recompute; else
 * sequence parallelism, "rs_ag" with the all-gathers redone in the backward pass: 2 all-gathers + 2
 * reduce-scatters per layer and pass, not overlapped); no embedding or LM head (Calculon models transformer blocks
 * only); no optimizer sharding and no data-parallel overlap (its validation runs); pipeline p2p exposed.
 */
export function calculonTokensPerSecondPerChip(
  arch: Architecture,
  cluster: ClusterSpec,
  cfg: Config,
): number {
  const sys = SYSTEMS[cluster.chip.id] as CalculonSystem;
  const peak = peakFor(cluster.chip, cfg.precision).flops;
  const bw = cluster.chip.memoryBandwidth.value ?? 1;
  const e = 2;
  const { tp: t, pp: p, dp: d, vpp: v, microBatch: b, seqLen: s } = cfg;
  const h = arch.hiddenSize;
  const layer = arch.layers[0] as Architecture["layers"][number];
  const a = layer.attention.numHeads;
  const dh = layer.attention.headDim;
  const f = layer.mlp.kind === "dense" ? layer.mlp.intermediate : 4 * h;
  const bs = b * s;
  const sc = b * (a / t) * s * s; // attention score elements per rank
  const M = (flops: number, bytes: number) => opTime(sys, peak, bw, flops, bytes, false);
  const V = (flops: number, bytes: number) => opTime(sys, peak, bw, flops, bytes, true);
  const attnCore =
    M(2 * sc * dh, e * (2 * bs * (h / t) + sc)) + // QKᵀ
    V(3 * sc, e * 2 * sc) + // softmax
    V(sc, e * 2 * sc) + // attention dropout
    M(2 * sc * dh, e * (sc + 2 * bs * (h / t))); // PV
  const fwd =
    2 * V(5 * (bs / t) * h, e * 2 * (bs / t) * h) + // two layer norms (sequence-parallel)
    M(2 * bs * h * ((3 * h) / t), e * (bs * h + (3 * h * h) / t + (bs * 3 * h) / t)) + // QKV
    attnCore +
    M(2 * bs * (h / t) * h, e * ((bs * h) / t + (h * h) / t + bs * h)) + // projection
    M(2 * bs * h * (f / t), e * (bs * h + (h * f) / t + (bs * f) / t)) + // fc1
    V(8 * bs * (f / t), e * 2 * bs * (f / t)) + // GeLU
    M(2 * bs * (f / t) * h, e * ((bs * f) / t + (f * h) / t + bs * h)) + // fc2
    2 * V(2 * (bs / t) * h, e * 3 * (bs / t) * h); // dropout + residual ×2
  const tier = (stride: number, n: number) => (stride * n <= cluster.scaleUpDomain ? 0 : 1);
  const link = (k: number) => (k === 0 ? sys.nvlink : sys.ib);
  const linkBw = (k: number) => (k === 0 ? cluster.scaleUpBandwidth : cluster.scaleOutBandwidth);
  const tpTier = tier(1, t);
  // Its validation runs (validation/*_full.json, *_seqsel.json): "ar" with full recompute, else "rs_ag" with
  // seq_par_ag_redo (the all-gathers repeated in the backward pass).
  const tpBytes = e * bs * h;
  const rsAg = cfg.recompute !== "full";
  const tpOne = netTime(link(tpTier), linkBw(tpTier), rsAg ? "rsAg" : "allReduce", tpBytes, t);
  const tpPass = (rsAg ? 4 : 2) * tpOne;
  const tpLayer = 2 * tpPass + (rsAg ? 2 * tpOne : 0);
  const recompute = cfg.recompute === "full" ? fwd + tpPass : cfg.recompute === "selective" ? attnCore : 0;
  const perLayer = fwd + 2 * fwd + recompute + tpLayer;
  const stageLayers = Math.max(...cfg.pipelineLayers, Math.ceil(arch.layers.length / p));
  const tMicro = stageLayers * perLayer;
  const m = cfg.globalBatch / (d * b);
  const ppTier = tier(t * d, p);
  const p2p = p > 1 ? 2 * v * m * netTime(link(ppTier), linkBw(ppTier), "p2p", (e * bs * h) / t, 2) : 0;
  const layerParams = 4 * h * h + 2 * h * f;
  const grads = (e * stageLayers * layerParams) / t;
  const dpTier = tier(t, d);
  const dpTime = netTime(link(dpTier), linkBw(dpTier), "allReduce", grads, d);
  const shard = (stageLayers * layerParams) / t;
  const optimizer = V(11 * shard, 36 * shard);
  const step = (m + (p - 1) / v) * tMicro + p2p + dpTime + optimizer;
  return (cfg.globalBatch * s) / step / cluster.count;
}

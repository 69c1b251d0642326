// estimateTraining: one training step of a model on a cluster under one parallel configuration — per-stage
// forward/backward/recompute time from the workload's ops, pipeline schedule, exposed TP/CP/EP/PP/DP
// communication, optimizer step, memory, MFU/HFU.
import { fail, issue, ok, type Issue, type Result, type Warning } from "../../issues.js";
import type { Architecture } from "../../workload/architecture.js";
import { modelFlopsPerToken, type FlopConvention } from "../../workload/flops-training.js";
import {
  backwardOps,
  embeddingForwardOps,
  headForwardOps,
  layerForwardOps,
  mtpForwardOps,
  type TrainingShard,
} from "../../workload/ops-training.js";
import type { Op } from "../../workload/op.js";
import { catalogCalibration, type Calibration } from "../calibration.js";
import { trainingCalibration } from "./efficiency.js";
import { peakFor } from "../op-time.js";
import { trainingFactorsFor, type TrainingFactors } from "./calibration.js";
import { trainingErrorBandFor } from "./error-band.js";
import { layerKinds, kindCounts, memoized } from "./layer-kinds.js";
import { stageParams, trainingMemory } from "./memory.js";
import { evenStages, groupLinks, pipelineTime, stageLayerIndices } from "./pipeline.js";
import { collectiveSeconds, computeSeconds, type GroupLink, type TrainingCluster } from "./timing.js";
import type { OpTiming, StepBreakdown, TrainingConfig, TrainingEstimate } from "./types.js";
import { validateTrainingConfig } from "./validate-config.js";

/** Named step assumptions. */
export const STEP_ASSUMPTIONS = {
  /** Bytes per gradient element in the data-parallel reduce (bf16 gradient buffers, Megatron-core default). */
  gradReduceBytes: 2,
  /** Bytes touched per parameter by the Adam update: read fp32 master, m, v, grad; write master, m, v, 16-bit copy. */
  optimizerBytesPerParam: 30,
  /** Fraction of pipeline send/recv time left exposed. */
  ppExposed: 0.5,
} as const;

export interface TrainingOptions {
  convention?: FlopConvention;
  /** Kernel calibration (default: the catalog's profile for the chip). */
  calibration?: Calibration;
  /** Training factors (default: the family's entry in TRAINING_FACTORS). */
  factors?: TrainingFactors;
  /** Memo shared by calls on the same model, cluster, calibration and factors (a search passes one): op costs per
   * layer kind and shard shape, stage layouts, per-stage costs, parameters and activations, each keyed by the
   * configuration fields it depends on. Never pass one cache to calls on different models or clusters. */
  cache?: Map<string, unknown>;
}

/** Per-micro-batch cost of an op list on one chip: compute seconds, exposed comm seconds per group, per-op rows. */
interface Cost {
  compute: number;
  comm: Record<"tp" | "cp" | "ep" | "pp" | "dp", number>;
  attention: number;
  rows: Map<string, OpTiming>;
}

function emptyCost(): Cost {
  return { compute: 0, comm: { tp: 0, cp: 0, ep: 0, pp: 0, dp: 0 }, attention: 0, rows: new Map() };
}

function addRow(c: Cost, op: Op, seconds: number, bound: OpTiming["bound"]) {
  const key = op.name.replace(/\.(dgrad|wgrad|bwd)$/, "");
  const r = c.rows.get(key);
  if (r) {
    r.seconds += seconds;
    r.flops += op.flops * op.count;
  } else c.rows.set(key, { name: key, kind: op.kind, seconds, flops: op.flops * op.count, bound });
}

interface Ctx {
  cluster: TrainingCluster;
  cal: Calibration;
  f: TrainingFactors;
  links: ReturnType<typeof groupLinks>;
  warnings: Warning[];
}

function costOf(ops: readonly Op[], ctx: Ctx, scale = 1): Cost {
  const c = emptyCost();
  for (const op of ops) {
    if (op.kind === "collective" && op.collective) {
      const col = op.collective;
      const link: GroupLink = ctx.links[col.group];
      const s = collectiveSeconds(col.kind, col.payloadBytes, link, ctx.cluster, ctx.cal) * op.count * scale;
      c.comm[col.group] += s;
      addRow(c, op, s, "network");
    } else {
      const t = computeSeconds(op, ctx.cluster, ctx.cal, ctx.f, ctx.warnings);
      const s = t.seconds * scale;
      c.compute += s;
      if (op.kind === "attention") c.attention += s;
      addRow(c, op, s, t.bound);
    }
  }
  return c;
}

function merge(into: Cost, from: Cost, times = 1) {
  into.compute += from.compute * times;
  into.attention += from.attention * times;
  for (const k of Object.keys(into.comm) as (keyof Cost["comm"])[]) into.comm[k] += from.comm[k] * times;
  for (const r of from.rows.values()) {
    const e = into.rows.get(r.name);
    if (e) {
      e.seconds += r.seconds * times;
      e.flops += r.flops * times;
    } else into.rows.set(r.name, { ...r, seconds: r.seconds * times, flops: r.flops * times });
  }
}

/** Ops selective recompute re-runs: the attention core (Korthikanti et al. 2022) and MLA's up-projections. */
const SELECTIVE = new Set([
  "attn.core",
  "attn.scores",
  "attn.context",
  "attn.softmax",
  "attn.q_up",
  "attn.kv_up",
]);

/** Forward, backward and selective-recompute costs of a forward op list, from which each recompute mode's pass
 * is put together (a search times them once for all three modes). */
interface PassPieces {
  fwd: Cost;
  bwd: Cost;
  selective: () => Cost;
}

function passPieces(fwd: readonly Op[], ctx: Ctx, lora: boolean): PassPieces {
  let selective: Cost | null = null;
  return {
    fwd: costOf(fwd, ctx),
    bwd: costOf(
      fwd.flatMap((o) => backwardOps(o, { lora })),
      ctx,
    ),
    selective: () =>
      (selective ??= costOf(
        fwd.filter((o) => SELECTIVE.has(o.name)),
        ctx,
      )),
  };
}

function copyCost(c: Cost): Cost {
  const rows = new Map<string, OpTiming>();
  for (const [k, r] of c.rows) rows.set(k, { ...r });
  return { compute: c.compute, comm: { ...c.comm }, attention: c.attention, rows };
}

/** Forward, backward and recompute cost of a forward op list. */
function passCost(p: PassPieces, recompute: TrainingConfig["recompute"]): Cost {
  const out = copyCost(p.fwd);
  merge(out, p.bwd);
  if (recompute === "full") merge(out, p.fwd);
  else if (recompute === "selective") merge(out, p.selective());
  return out;
}

/** Seconds of exposed TP/CP/EP communication in a cost (overlap assumptions of the family). */
function exposedComm(c: Cost, f: TrainingFactors): { tp: number; cp: number; ep: number } {
  return {
    tp: c.comm.tp * f.tpCommExposed,
    // Ring attention hides the K/V exchange behind the attention core.
    cp: Math.max(0, c.comm.cp - c.attention),
    ep: c.comm.ep,
  };
}

/**
 * Estimates one training step.
 * @example estimateTraining(llama70b, { chip, count: 64, … }, { tp: 4, pp: 8, dp: 2, cp: 1, ep: 1, vpp: 5,
 *   microBatch: 1, globalBatch: 128, seqLen: 8192, precision: "fp8", recompute: "none", zero: 1 })
 */
export function estimateTraining(
  arch: Architecture,
  cluster: TrainingCluster,
  config: TrainingConfig,
  options: TrainingOptions = {},
): Result<TrainingEstimate> {
  const problems: Issue[] = validateTrainingConfig(arch, cluster, config);
  if (problems.length > 0) return fail(...problems);
  const warnings: Warning[] = [];
  const c = {
    ...config,
    sequenceParallel: config.sequenceParallel ?? config.tp > 1,
    lora: config.lora ?? false,
  };
  const cache = options.cache;
  const counts =
    c.pipelineLayers ?? memoized(cache, `even/${c.pp}`, () => evenStages(arch.layers.length, c.pp));
  const layout = counts.join(",");
  const stages = memoized(cache, `stages/${layout}`, () => stageLayerIndices(counts));
  const cal = options.calibration ?? trainingCalibration(cluster.chip, catalogCalibration());
  const f = options.factors ?? trainingFactorsFor(cluster.chip);
  const ctx: Ctx = { cluster, cal, f, links: groupLinks(c, cluster.scaleUpDomain), warnings };
  const shard: TrainingShard = {
    seqLen: c.seqLen,
    microBatch: c.microBatch,
    tp: c.tp,
    cp: c.cp,
    ep: c.ep,
    sequenceParallel: c.sequenceParallel,
    precision: c.precision,
    fusedAttention: f.fusedAttention,
  };

  const memory = trainingMemory(
    arch,
    { ...c, pipelineLayers: counts },
    stages,
    cluster.chip.memoryCapacity.value ?? 0,
    f.fusedAttention,
    cache,
  );
  if (!memory.fits)
    return fail(
      issue(
        "exceeds_memory",
        ["memory"],
        `needs ${(memory.total / 1e9).toFixed(1)} GB per chip on stage ${memory.stage} (weights ${(memory.weights / 1e9).toFixed(1)}, ` +
          `gradients ${(memory.gradients / 1e9).toFixed(1)}, optimizer ${(memory.optimizer / 1e9).toFixed(1)}, activations ` +
          `${(memory.activations / 1e9).toFixed(1)}) but ${cluster.chip.id} has ${(memory.capacity / 1e9).toFixed(0)} GB: ` +
          `raise tp/pp, shard with ZeRO, recompute activations or lower the micro-batch`,
      ),
    );

  // Cost per distinct layer spec, then per stage.
  const kinds = layerKinds(arch);
  const memoKey = `${c.tp}/${c.cp}/${c.ep}/${c.microBatch}/${c.seqLen}/${c.precision}/${c.recompute}/${c.sequenceParallel}/${c.lora}`;
  // Stage costs are read, never changed, below: shared by every configuration with these per-layer costs.
  const stageCosts = memoized(cache, `${memoKey}/stages/${layout}`, () => {
    // Op timings do not depend on the recompute mode: timed once per shape for all three.
    const pieceKey = `pieces/${c.tp}/${c.cp}/${c.ep}/${c.microBatch}/${c.seqLen}/${c.precision}/${c.sequenceParallel}/${c.lora}`;
    const pieces = (name: string, fwd: () => readonly Op[]) =>
      memoized(cache, `${pieceKey}/${name}`, () => passPieces(fwd(), ctx, c.lora));
    const perKind = memoized(cache, memoKey, () =>
      kinds.specs.map((l, k) =>
        passCost(
          pieces(`layer${k}`, () => layerForwardOps(l, arch.hiddenSize, shard)),
          c.recompute,
        ),
      ),
    );
    const memo = (name: string, make: () => Cost): Cost => memoized(cache, `${memoKey}/${name}`, make);
    const embCost = memo("embedding", () =>
      passCost(
        pieces("embedding", () => embeddingForwardOps(arch, shard)),
        "none",
      ),
    );
    const headCost = memo("head", () =>
      passCost(
        pieces("head", () => headForwardOps(arch, shard)),
        "none",
      ),
    );
    const mtpCost =
      arch.mtp.layers.length > 0
        ? memo("mtp", () =>
            passCost(
              pieces("mtp", () => mtpForwardOps(arch, shard)),
              c.recompute,
            ),
          )
        : null;
    const counts2 = memoized(cache, `counts/${layout}`, () => kindCounts(arch, stages));
    return stages.map((_, i) => {
      const s = emptyCost();
      (counts2[i] ?? []).forEach((n, k) => {
        const kc = perKind[k];
        if (n > 0 && kc) merge(s, kc, n);
      });
      if (i === 0) merge(s, embCost);
      if (i === stages.length - 1) {
        merge(s, headCost);
        if (mtpCost) merge(s, mtpCost);
      }
      return s;
    });
  });
  const m = c.globalBatch / (c.dp * c.microBatch);
  const perMb = stageCosts.map((s) => {
    const e = exposedComm(s, f);
    return s.compute + e.tp + e.cp + e.ep;
  });
  const pipe = pipelineTime(perMb, m, c.vpp);
  const worst = perMb.indexOf(Math.max(...perMb));
  const ws = stageCosts[worst] ?? emptyCost();
  const wExp = exposedComm(ws, f);

  // Pipeline send/recv: activations of one micro-batch (SP-scattered) per chunk boundary, forward and backward.
  let ppExposed = 0;
  if (c.pp > 1) {
    const bytes =
      (((c.microBatch * c.seqLen) / c.cp) * arch.hiddenSize * 2) / (c.sequenceParallel ? c.tp : 1);
    const t = collectiveSeconds("send-recv", bytes, ctx.links.pp, cluster, cal);
    ppExposed = 2 * c.vpp * (m + c.pp - 1) * t * STEP_ASSUMPTIONS.ppExposed;
  }

  // Data parallel: gradient reduce (and parameter gather under ZeRO ≥ 1) of the fullest stage.
  const params = memoized(cache, `params/${c.tp}/${c.ep}/${layout}`, () =>
    stageParams(arch, stages, c.tp, c.ep),
  );
  const fullest = params.reduce((a, b) => (a.dense + a.expert >= b.dense + b.expert ? a : b));
  const trainable = (x: number) => (c.lora ? 0 : x);
  const G = STEP_ASSUMPTIONS.gradReduceBytes;
  const dpColl = (kind: "all-reduce" | "reduce-scatter" | "all-gather", bytesPerParam: number) =>
    collectiveSeconds(kind, trainable(fullest.dense) * bytesPerParam, ctx.links.dp, cluster, cal) +
    collectiveSeconds(kind, trainable(fullest.expert) * bytesPerParam, ctx.links.edp, cluster, cal);
  // The reduce of the last micro-batch's gradients overlaps its backward; the parameter gather overlaps the
  // first forward (overlap-grad-reduce / overlap-param-gather). ZeRO-3 gathers parameters for every forward and
  // backward and reduce-scatters gradients every micro-batch, each behind that micro-batch's compute.
  const chunk = ws.compute / Math.max(1, c.vpp);
  const bwdLast = (chunk * 2) / 3;
  const fwdFirst = chunk / 3;
  const hide = (t: number, behind: number) => Math.max(0, t - f.dpOverlap * Math.min(t, behind));
  let dpExposed: number;
  if (c.zero === 3) {
    const ag = dpColl("all-gather", 2);
    const rs = dpColl("reduce-scatter", G);
    dpExposed = m * (hide(ag, (ws.compute * 1) / 3) + hide(ag + rs, (ws.compute * 2) / 3));
  } else if (c.zero >= 1)
    dpExposed = hide(dpColl("reduce-scatter", G), bwdLast) + hide(dpColl("all-gather", 2), fwdFirst);
  else dpExposed = hide(dpColl("all-reduce", G), bwdLast);

  // Optimizer: Adam over this chip's shard, memory-bound.
  const shardParams =
    trainable(fullest.dense) / (c.zero >= 1 ? c.dp * c.cp : 1) +
    trainable(fullest.expert) / (c.zero >= 1 ? Math.max(1, (c.dp * c.cp) / c.ep) : 1);
  const optimizer =
    (shardParams * STEP_ASSUMPTIONS.optimizerBytesPerParam) /
    ((cluster.chip.memoryBandwidth.value ?? 1e12) * cal.memoryEfficiency);

  const stepTime = pipe.total + ppExposed + dpExposed + optimizer;
  const tokens = c.globalBatch * c.seqLen;
  const tokensPerSecond = tokens / stepTime;
  const perChip = tokensPerSecond / cluster.count;
  const convention = options.convention ?? "default";
  const flopsPerToken = memoized(
    cache,
    `flops/${c.seqLen}/${convention}/${c.recompute === "full"}/${c.lora}`,
    () =>
      modelFlopsPerToken(arch, c.seqLen, convention, { fullRecompute: c.recompute === "full", lora: c.lora }),
  );
  const peak = peakFor(cluster.chip, c.precision).flops;
  const bf16 = peakFor(cluster.chip, "bf16").flops;
  // Hardware FLOPs (recompute included) over the cluster: per-chip FLOPs of each stage × m × chips per stage.
  const hwFlops = memoized(cache, `${memoKey}/hw/${layout}/${m}/${c.dp}`, () => {
    let sum = 0;
    for (const s of stageCosts) for (const r of s.rows.values()) sum += r.flops * m * c.tp * c.dp * c.cp;
    return sum;
  });
  const hfu = hwFlops / stepTime / cluster.count / peak;

  const breakdown: StepBreakdown = {
    compute: m * ws.compute,
    bubble: pipe.bubble,
    tpExposed: m * wExp.tp,
    cpExposed: m * wExp.cp,
    epExposed: m * wExp.ep,
    ppExposed,
    dpExposed,
    optimizer,
  };
  const ops = [...ws.rows.values()]
    .map((r) => ({ ...r, seconds: r.seconds * m, flops: r.flops * m }))
    .sort((a, b) => b.seconds - a.seconds);
  return ok(
    {
      config: { ...c, pipelineLayers: counts },
      stepTime,
      tokensPerSecondPerChip: perChip,
      tokensPerSecond,
      flopsPerToken,
      convention,
      mfu: (flopsPerToken * perChip) / peak,
      mfuBf16: (flopsPerToken * perChip) / bf16,
      hfu,
      breakdown,
      microBatches: m,
      bubbleFraction: pipe.bubble / stepTime,
      memory,
      ops,
      errorBand: trainingErrorBandFor(cal.profile),
      family: cal.profile,
    },
    warnings,
  );
}

// Parallelism search for training: every valid (TP, PP, VPP, DP, CP, EP, micro-batch, recompute, ZeRO) for a model
// on a cluster, fastest first, with why the others lose (memory, divisibility, bubble, communication).
import { catalogCalibration, type Calibration } from "../engine/calibration.js";
import { trainingCalibration } from "../engine/training/efficiency.js";
import type { TrainingFactors } from "../engine/training/calibration.js";
import { estimateTraining } from "../engine/training/step.js";
import type { TrainingCluster } from "../engine/training/timing.js";
import type { Recompute, TrainingConfig, TrainingEstimate } from "../engine/training/types.js";
import { fail, issue, ok, type Result } from "../issues.js";
import type { Architecture } from "../workload/architecture.js";
import type { FlopConvention } from "../workload/flops-training.js";

/** What the caller fixes; every field left undefined (or null) is searched. */
export interface TrainingSearchSpace {
  globalBatch: number;
  seqLen: number;
  precision: TrainingConfig["precision"];
  tp?: number | null;
  pp?: number | null;
  dp?: number | null;
  cp?: number | null;
  ep?: number | null;
  vpp?: number | null;
  microBatch?: number | null;
  recompute?: Recompute | null;
  zero?: TrainingConfig["zero"] | null;
  pipelineLayers?: number[] | null;
  lora?: boolean;
}

export interface TrainingSearchOptions {
  convention?: FlopConvention;
  calibration?: Calibration;
  factors?: TrainingFactors;
  /** Keep this many best configurations (default 20). */
  keep?: number;
  /** Largest micro-batch tried (default 8). */
  maxMicroBatch?: number;
}

/** A losing configuration class and how many configurations it covered. */
export interface Rejection {
  reason: string;
  count: number;
  example: string;
}

export interface TrainingSearchResult {
  /** Feasible configurations, fastest first. */
  ranked: TrainingEstimate[];
  /** Configurations evaluated (feasible or not). */
  evaluated: number;
  /** Why the others lose, by issue code (memory, divisibility …), most frequent first. */
  rejected: Rejection[];
  /** For the best: fields the caller left open and the values chosen. */
  chosen: Partial<Record<keyof TrainingSearchSpace, unknown>>;
}

const divisors = (n: number) => {
  const out: number[] = [];
  for (let d = 1; d * d <= n; d++)
    if (n % d === 0) {
      out.push(d);
      if (d * d !== n) out.push(n / d);
    }
  return out.sort((a, b) => a - b);
};
const pow2Upto = (n: number) => {
  const out: number[] = [];
  for (let x = 1; x <= n; x *= 2) out.push(x);
  return out;
};
const given = <T>(v: T | null | undefined, all: T[]): T[] => (v === null || v === undefined ? all : [v]);

/** Fastest first; within 0.1 % the simpler configuration (lower ZeRO stage, less recompute, fewer chunks). */
function faster(a: TrainingEstimate, b: TrainingEstimate): number {
  const d = a.stepTime - b.stepTime;
  if (Math.abs(d) > 1e-3 * Math.min(a.stepTime, b.stepTime)) return d;
  const rank = { none: 0, selective: 1, full: 2 } as const;
  return (
    a.config.zero - b.config.zero ||
    rank[a.config.recompute] - rank[b.config.recompute] ||
    a.config.vpp - b.config.vpp ||
    d
  );
}

/** Why a feasible configuration loses to the best: the step-time component that grew most, e.g.
 * "bubble +0.82 s". */
export function whyLoses(e: TrainingEstimate, best: TrainingEstimate): string {
  const keys = Object.keys(e.breakdown) as (keyof TrainingEstimate["breakdown"])[];
  const names: Record<string, string> = {
    compute: "compute (recompute, smaller GEMMs)",
    bubble: "pipeline bubble",
    tpExposed: "TP communication",
    cpExposed: "CP communication",
    epExposed: "EP all-to-all",
    ppExposed: "pipeline send/recv",
    dpExposed: "data-parallel reduce",
    optimizer: "optimizer step",
  };
  let worst: string = keys[0] ?? "compute";
  let delta = -Infinity;
  for (const k of keys) {
    const d = e.breakdown[k] - best.breakdown[k];
    if (d > delta) {
      delta = d;
      worst = k;
    }
  }
  return delta > 0 ? `${names[worst] ?? worst} +${delta.toFixed(2)} s` : "ties";
}

/** Describes a configuration in one line, e.g. "tp8 pp16 vpp1 dp64 cp1 ep1 mb1 full zero1". */
export function describeConfig(c: TrainingConfig): string {
  return `tp${c.tp} pp${c.pp} vpp${c.vpp} dp${c.dp} cp${c.cp} ep${c.ep} mb${c.microBatch} ${c.recompute} zero${c.zero}`;
}

/**
 * Searches parallel configurations of a model on a cluster.
 * @example searchTraining(llama405b, cluster16k, { globalBatch: 2048, seqLen: 8192, precision: "bf16" })
 */
export function searchTraining(
  arch: Architecture,
  cluster: TrainingCluster,
  space: TrainingSearchSpace,
  opts: TrainingSearchOptions = {},
): Result<TrainingSearchResult> {
  const n = cluster.count;
  const L = arch.layers.length;
  const heads = arch.layers[0]?.attention.numHeads ?? 1;
  const moe = arch.layers.find((l) => l.mlp.kind === "moe")?.mlp;
  const experts = moe && moe.kind === "moe" ? moe.numExperts : 1;
  const keep = opts.keep ?? 20;
  const maxMb = opts.maxMicroBatch ?? 8;
  const tps = given(
    space.tp,
    divisors(n).filter((t) => t <= Math.max(1, cluster.scaleUpDomain) && heads % t === 0),
  );
  const cps = given(
    space.cp,
    pow2Upto(16).filter((c) => space.seqLen % c === 0 && space.seqLen / c >= 2048),
  );
  const pps = given(
    space.pp,
    divisors(n).filter((p) => p <= L),
  );
  const recomputes = given<Recompute>(space.recompute, ["none", "selective", "full"]);
  const zeros = given<TrainingConfig["zero"]>(space.zero, [1, 0, 2, 3]);
  const fixed = (space.tp ?? 1) * (space.pp ?? 1) * (space.cp ?? 1) * (space.dp ?? 1);
  if (n % fixed !== 0)
    return fail(
      issue(
        "invalid_value",
        ["training"],
        `the fixed degrees (tp ${space.tp ?? "?"}, pp ${space.pp ?? "?"}, dp ${space.dp ?? "?"}, cp ${space.cp ?? "?"}) multiply to ${fixed}, which does not divide ${n} chips: tp·pp·dp·cp must equal the chip count`,
      ),
    );
  const ranked: TrainingEstimate[] = [];
  const rejected = new Map<string, Rejection>();
  let evaluated = 0;
  const cache = new Map<string, unknown>();
  const calibration = opts.calibration ?? trainingCalibration(cluster.chip, catalogCalibration());
  const reject = (reason: string, c: TrainingConfig) => {
    const r = rejected.get(reason);
    if (r) r.count++;
    else rejected.set(reason, { reason, count: 1, example: describeConfig(c) });
  };
  for (const tp of tps)
    for (const cp of cps)
      for (const pp of pps) {
        if (n % (tp * cp * pp) !== 0) continue;
        const dp = n / (tp * cp * pp);
        if (space.dp && space.dp !== dp) continue;
        const eps = given(
          space.ep,
          divisors(dp * cp).filter((e) => experts % e === 0 && (moe || e === 1)),
        );
        const vpps = given(space.vpp, pp === 1 ? [1] : divisors(Math.floor(L / pp)).filter((v) => v <= 8));
        const mbs = given(space.microBatch, pow2Upto(maxMb)).filter(
          (mb) => space.globalBatch % (dp * mb) === 0,
        );
        if (mbs.length === 0) {
          reject(`global batch ${space.globalBatch} is not a multiple of dp·micro-batch`, {
            tp,
            pp,
            dp,
            cp,
            ep: 1,
            vpp: 1,
            microBatch: space.microBatch ?? 1,
            globalBatch: space.globalBatch,
            seqLen: space.seqLen,
            precision: space.precision,
            recompute: "none",
            zero: 1,
          });
          continue;
        }
        for (const ep of eps)
          for (const vpp of vpps)
            for (const microBatch of mbs)
              for (const recompute of recomputes)
                for (const zero of zeros) {
                  const c: TrainingConfig = {
                    tp,
                    pp,
                    dp,
                    cp,
                    ep,
                    vpp,
                    microBatch,
                    recompute,
                    zero,
                    globalBatch: space.globalBatch,
                    seqLen: space.seqLen,
                    precision: space.precision,
                    pipelineLayers: space.pipelineLayers ?? null,
                    lora: space.lora ?? false,
                  };
                  evaluated++;
                  const r = estimateTraining(arch, cluster, c, { ...opts, calibration, cache });
                  if (!r.ok) {
                    reject(
                      r.issues[0]?.code === "exceeds_memory"
                        ? "exceeds memory"
                        : (r.issues[0]?.message ?? "invalid"),
                      c,
                    );
                    continue;
                  }
                  ranked.push(r.value);
                  if (ranked.length > keep * 4) {
                    ranked.sort(faster);
                    ranked.length = keep;
                  }
                }
      }
  ranked.sort(faster);
  if (ranked.length > keep) ranked.length = keep;
  const best = ranked[0];
  if (!best && evaluated === 0)
    return fail(
      issue(
        "infeasible",
        ["training"],
        `no layout of ${n} × ${cluster.chip.id} satisfies the fixed degrees (tp must divide the ${heads} heads and fit the ${cluster.scaleUpDomain}-chip scale-up domain; dp·micro-batch must divide the global batch ${space.globalBatch})`,
      ),
    );
  if (!best)
    return fail(
      issue(
        "infeasible",
        ["training"],
        `no configuration of ${evaluated} fits ${n} × ${cluster.chip.id}: ${[...rejected.values()].map((r) => `${r.reason} (${r.count})`).join("; ")}`,
      ),
    );
  const chosen: TrainingSearchResult["chosen"] = {};
  for (const k of ["tp", "pp", "dp", "cp", "ep", "vpp", "microBatch", "recompute", "zero"] as const)
    if (space[k] === null || space[k] === undefined) chosen[k] = best.config[k];
  return ok({
    ranked,
    evaluated,
    rejected: [...rejected.values()].sort((a, b) => b.count - a.count),
    chosen,
  });
}

// Time-to-train and training plans: wall-clock time with a sourced goodput assumption (failures, restarts,
// checkpoints), the smallest cluster per chip that meets a deadline, chip-hours, energy, cost and export status.
import { findChip, systemsForChip, type Accelerator } from "../catalog/index.js";
import { classify } from "../compliance/classify.js";
import { trainingRunCost, type CostAssumptions, type PriceBasis, type TrainingCost } from "../cost/index.js";
import type { Calibration } from "../engine/calibration.js";
import { resolveCluster, type ClusterSpec } from "../engine/cluster.js";
import { peakFor } from "../engine/op-time.js";
import type { TrainingEstimate } from "../engine/training/types.js";
import { fail, issue, ok, type Issue, type Result, type Warning } from "../issues.js";
import type { Architecture } from "../workload/architecture.js";
import { modelFlopsPerToken } from "../workload/flops-training.js";
import { searchTraining, type TrainingSearchSpace } from "./train-search.js";

/**
 * Goodput: the share of wall-clock time that trains. Llama 3 405B pre-training saw 419 unexpected interruptions in
 * 54 days on 16,384 H100 with more than 90 % effective training time (Llama Team 2024, The Llama 3 Herd of Models,
 * arXiv 2407.21783, Sec. 3.3.4). Interruptions scale with chips: λ = 419 / (54 d × 24 h × 16,384) per chip-hour;
 * each costs `hoursLostPerInterruption` = 10 % × 54 × 24 h / 419 ≈ 0.31 h (restart and lost work since the last
 * checkpoint), so goodput(N) = 1 / (1 + λ·N·h) — 0.91 at 16,384 chips, ~1 for a node.
 */
export const GOODPUT_ASSUMPTION = {
  name: "Llama 3 interruption rate",
  interruptionsPerChipHour: 419 / (54 * 24 * 16384),
  hoursLostPerInterruption: (0.1 * 54 * 24) / 419,
  source:
    "Llama Team, AI@Meta 2024, The Llama 3 Herd of Models (arXiv 2407.21783), Sec. 3.3.4: 419 unexpected interruptions in a 54-day snapshot on 16,384 H100; >90 % effective training time",
} as const;

/** Goodput of a cluster of `chips` under GOODPUT_ASSUMPTION. */
export function goodputFor(chips: number, a = GOODPUT_ASSUMPTION): number {
  return 1 / (1 + a.interruptionsPerChipHour * chips * a.hoursLostPerInterruption);
}

export interface TimeToTrain {
  tokens: number;
  steps: number;
  /** Seconds at the estimated step time with no interruptions. */
  idealSeconds: number;
  goodput: number;
  goodputBasis: string;
  wallSeconds: number;
  /** Chips × wall-clock hours. */
  chipHours: number;
}

/** Wall-clock time to train `tokens` tokens with one estimate on `chips` chips. */
export function timeToTrain(e: TrainingEstimate, tokens: number, chips: number): TimeToTrain {
  const perStep = e.config.globalBatch * e.config.seqLen;
  const steps = Math.ceil(tokens / perStep);
  const idealSeconds = steps * e.stepTime;
  const goodput = goodputFor(chips);
  const wallSeconds = idealSeconds / goodput;
  return {
    tokens,
    steps,
    idealSeconds,
    goodput,
    goodputBasis: GOODPUT_ASSUMPTION.name,
    wallSeconds,
    chipHours: (chips * wallSeconds) / 3600,
  };
}

/** Cluster sizes tried when sizing for a deadline: whole scale-up domains doubling from one domain. */
export function clusterSizes(domain: number, max = 131072): number[] {
  const out: number[] = [];
  for (let n = Math.max(1, domain); n <= max; n *= 2) out.push(n);
  return out;
}

export interface TrainPlanInput {
  arch: Architecture;
  /** Chip ids or aliases. */
  chips: string[];
  tokens: number;
  /** Either a deadline (the smallest cluster meeting it) or a fixed count. */
  deadlineDays?: number;
  count?: number;
  space: Omit<TrainingSearchSpace, "tp" | "pp" | "dp" | "cp" | "ep">;
  /** Export destination and date for the status column. */
  to?: string;
  date?: string;
  costAssumptions?: Partial<CostAssumptions>;
  /** Price basis of the cost column (default purchase: amortised capex + electricity; cloud: rental). */
  basis?: PriceBasis;
  calibration?: Calibration;
}

export interface TrainPlanRow {
  chip: string;
  system: string | null;
  count: number | null;
  best: TrainingEstimate | null;
  time: TimeToTrain | null;
  cost: TrainingCost | null;
  exportStatus: { status: string; decidedBy: string[] } | null;
  meetsDeadline: boolean;
  reason?: string;
}

function rowFor(input: TrainPlanInput, acc: Accelerator, warnings: Warning[]): TrainPlanRow {
  const sys = systemsForChip(acc.id)[0] ?? null;
  const exportStatus = input.to
    ? (() => {
        const c = classify(acc, {
          destination: input.to,
          date: input.date ?? new Date().toISOString().slice(0, 10),
        });
        return { status: c.status as string, decidedBy: c.decidedBy };
      })()
    : null;
  const empty = {
    chip: acc.id,
    system: sys?.id ?? null,
    count: null,
    best: null,
    time: null,
    cost: null,
    exportStatus,
    meetsDeadline: false,
  };
  const domain = sys?.scaleUp.domainChips ?? 8;
  const sizes = input.count ? [input.count] : clusterSizes(domain);
  let lastReason = "no cluster size fits";
  let failedSearch = false;
  const search = (cluster: ClusterSpec) =>
    searchTraining(input.arch, cluster, input.space, {
      keep: 1,
      ...(input.calibration ? { calibration: input.calibration } : {}),
    });
  // Sizes that cannot meet the deadline even at 100 % MFU are not searched (the result is the same: no
  // configuration of them can meet it); only a failing search's reason would be lost, so they are searched
  // afterwards for it when no size fits.
  const skipped: ClusterSpec[] = [];
  const flopsPerToken =
    input.deadlineDays !== undefined && !input.count
      ? modelFlopsPerToken(input.arch, input.space.seqLen, "default", { lora: input.space.lora ?? false })
      : 0;
  for (const n of sizes) {
    const cl = resolveCluster({ chip: acc.id, count: n, server: sys?.id ?? null });
    if (!cl.ok) return { ...empty, reason: cl.issues[0]?.message ?? "cannot resolve the cluster" };
    if (flopsPerToken > 0 && input.deadlineDays !== undefined) {
      const peak = peakFor(cl.value.chip, input.space.precision).flops;
      const fastest = (input.tokens * flopsPerToken) / (n * peak) / goodputFor(n);
      if (peak > 0 && fastest > input.deadlineDays * 86400) {
        skipped.push(cl.value);
        continue;
      }
    }
    const r = search(cl.value);
    if (!r.ok) {
      lastReason = r.issues[0]?.message ?? lastReason;
      failedSearch = true;
      continue;
    }
    const best = r.value.ranked[0];
    if (!best) continue;
    const time = timeToTrain(best, input.tokens, n);
    const meets = input.deadlineDays === undefined || time.wallSeconds <= input.deadlineDays * 86400;
    if (!meets && !input.count) continue;
    const cost = trainingRunCost({
      chip: acc,
      count: n,
      ...(sys ? { system: sys } : {}),
      chipSeconds: time.chipHours * 3600,
      ...(input.costAssumptions ? { assumptions: input.costAssumptions } : {}),
      ...(input.basis ? { basis: input.basis } : {}),
    });
    if (cost.ok) warnings.push(...cost.warnings);
    return { ...empty, count: n, best, time, cost: cost.ok ? cost.value : null, meetsDeadline: meets };
  }
  for (const cl of failedSearch ? [] : skipped.reverse()) {
    const r = search(cl);
    if (!r.ok) {
      lastReason = r.issues[0]?.message ?? lastReason;
      break;
    }
  }
  return {
    ...empty,
    reason: input.deadlineDays
      ? `no cluster up to ${sizes.at(-1)} chips meets ${input.deadlineDays} days (${lastReason})`
      : lastReason,
  };
}

/**
 * Per chip: the smallest cluster (doubling from one scale-up domain) whose best configuration trains `tokens`
 * within the deadline, or the time a fixed count needs; with MFU, chip-hours, energy, cost and export status.
 * Ranked by wall-clock time, then cost.
 * @example planTraining({ arch, chips: ["h100", "910b"], tokens: 1e12, deadlineDays: 30, space: {...} })
 */
export function planTraining(input: TrainPlanInput): Result<TrainPlanRow[]> {
  if (input.deadlineDays === undefined && input.count === undefined)
    return fail(
      issue(
        "missing_field",
        ["deadlineDays"],
        "give a deadline (--deadline-days) or a cluster size (--count)",
      ),
    );
  const problems: Issue[] = [];
  const warnings: Warning[] = [];
  const rows: TrainPlanRow[] = [];
  for (const id of input.chips) {
    const chip = findChip(id);
    if (!chip.ok) {
      problems.push(...chip.issues);
      continue;
    }
    rows.push(rowFor(input, chip.value, warnings));
  }
  if (problems.length > 0) return fail(...problems);
  rows.sort((a, b) => {
    if (a.meetsDeadline !== b.meetsDeadline) return a.meetsDeadline ? -1 : 1;
    const ta = a.time?.wallSeconds ?? Infinity;
    const tb = b.time?.wallSeconds ?? Infinity;
    if (input.deadlineDays !== undefined)
      return (a.cost?.cost ?? Infinity) - (b.cost?.cost ?? Infinity) || ta - tb;
    return ta - tb;
  });
  return ok(rows, warnings);
}

// Serving capacity plan: for each chip, the best layout (parallelism, precision, batch, disaggregated or not)
// that meets the latency SLO, then chips and nodes for the demand, capex, power, energy, $/M tokens and export
// status. Ranked by cost per million tokens (then chips).
import { catalog, type Accelerator, type System } from "../catalog/index.js";
import { classify } from "../compliance/index.js";
import { fleetCost, type CostAssumptions, type FleetCost, type PriceBasis } from "../cost/index.js";
import type { CalibrationSet } from "../engine/calibration.js";
import { errorBandFor, type ErrorBand } from "../engine/error-band.js";
import type { ServingConfig, Speculative } from "../engine/inference.js";
import { bestBatch, type ServingPoint } from "../engine/serving.js";
import { servingConfig } from "../engine/serving-config.js";
import { DEFAULT_MAX_BATCH, PERCENTILE_OVER_MEAN } from "../engine/serving-defaults.js";
import { fail, issue, ok, type Result } from "../issues.js";
import { BYTES_PER_ELEMENT, isPrecision, type Precision } from "../units/index.js";
import type { Architecture } from "../workload/architecture.js";
import { disaggregatedPools, type PoolCandidate } from "./serve-pools.js";

export interface ServePlanInput {
  arch: Architecture;
  chips: readonly Accelerator[];
  /** Demand: requests per second across the fleet. */
  rate: number;
  inputTokens: number;
  outputTokens: number;
  /** Latency bounds, seconds, at `percentile`. */
  slo: { tpot: number | null; ttft: number | null; percentile: "mean" | "p50" | "p90" | "p99" };
  /** Lower precisions the plan may use besides the checkpoint's. */
  allowQuant?: readonly Precision[];
  /** Export-control screen: destination and date. */
  exportTo?: { destination: string; date: string } | null;
  includeRestricted?: boolean;
  /** Facility power budget, MW (plans above it are flagged infeasible). */
  powerMW?: number | null;
  basis?: PriceBasis;
  assumptions?: Partial<CostAssumptions>;
  calibration: CalibrationSet;
  /** Per-chip NIC bandwidth, Gbit/s, the KV cache moves over from the prefill to the decode pool (named assumption;
   * default: the system's scale-out bandwidth per chip). */
  kvTransferGbpsPerChip?: number | null;
  /** Speculative decoding / MTP used by every layout (mean accepted length per target step); null = none. */
  speculative?: Speculative | null;
  /** Called after each chip (for progress bars). */
  onProgress?: (done: number, total: number) => void;
}

export interface ServeLayout {
  count: number;
  tp: number;
  ep: number;
  dp: number;
  weights: Precision;
  activations: Precision;
  kvCache: Precision;
}

/** The prefill pool of a disaggregated plan at the planned load. */
export interface PrefillPoolPlan {
  layout: ServeLayout;
  chips: number;
  /** Prompts prefilled together in one step, per instance. */
  batch: number;
  /** Mean wait for a prefill step at the planned load (M/D/1, one step as the service time). */
  queueMs: number;
  /** One prefill step of `batch` prompts. */
  prefillMs: number;
  /** One request's KV cache to the decode pool: its bytes per chip / the per-chip NIC bandwidth. */
  kvTransferMs: number;
  /** queueMs + prefillMs + kvTransferMs: the plan's time to first token. */
  ttftMs: number;
  /** Fraction of the time the pool prefills at the planned load. */
  utilisation: number;
  /** Prompt tokens/s per chip delivered at the planned load, and at full load (capacity). */
  inputTokensPerSecondPerChip: number;
  inputCapacityPerChip: number;
}

/** The decode pool of a disaggregated plan at the planned load. */
export interface DecodePoolPlan {
  layout: ServeLayout;
  chips: number;
  /** Sequences in flight per instance at the planned load. */
  batch: number;
  tpotMs: number;
  /** Output tokens/s per chip delivered at the planned load, and at the largest batch meeting the TPOT bound. */
  outputTokensPerSecondPerChip: number;
  outputCapacityPerChip: number;
}

export interface ChipServePlan {
  chip: string;
  name: string;
  feasible: boolean;
  reason?: string;
  layout?: ServeLayout;
  /** Colocated (continuous batching) or prefill/decode disaggregated pools. */
  mode?: "colocated" | "disaggregated";
  batch?: number;
  /** Delivered output tokens/s per chip at the demand (chips are whole instances). */
  outputTokensPerSecondPerChip?: number;
  /** Output tokens/s per chip the layout sustains at the SLO (its capacity). */
  capacityPerChip?: number;
  tpotMs?: number;
  ttftMs?: number;
  chips?: number;
  prefillChips?: number;
  decodeChips?: number;
  /** With disaggregation: each pool's own layout (the prefill pool's may differ from the decode pool's). */
  prefillLayout?: ServeLayout;
  decodeLayout?: ServeLayout;
  /** With disaggregation: each pool's figures at the planned load; the plan's batch, TPOT and TTFT are the decode
   * pool's batch and TPOT and the prefill pool's TTFT (KV transfer included). */
  pools?: { prefill: PrefillPoolPlan; decode: DecodePoolPlan };
  nodes?: number;
  system?: string | null;
  cost?: FleetCost | null;
  exportStatus?: { status: string; policy: string | null; decidedBy: string | null } | null;
  errorBand?: ErrorBand;
  configsEvaluated: number;
  rejected: Record<string, number>;
}

export interface ServePlan {
  plans: ChipServePlan[];
  configsEvaluated: number;
}

function layouts(
  arch: Architecture,
  chip: Accelerator,
  domain: number,
): { count: number; tp: number; ep: number; dp: number }[] {
  const heads = arch.layers[0]?.attention.numHeads ?? 1;
  const moe = arch.layers.find((l) => l.mlp.kind === "moe")?.mlp;
  const out: { count: number; tp: number; ep: number; dp: number }[] = [];
  for (const n of [1, 2, 4, 8, 16]) {
    if (n <= Math.max(domain, 1) && heads % n === 0) out.push({ count: n, tp: n, ep: 1, dp: 1 });
  }
  if (moe && moe.kind === "moe") {
    for (const n of [8, 16, 32, 64, 128])
      if (n <= 4 * Math.max(domain, 8)) out.push({ count: n, tp: 1, ep: n, dp: n });
    // Hybrid: attention tensor-parallel across one scale-up domain (its weights split t ways instead of replicated
    // on every rank), experts spread over all n chips — the layout bandwidth-poor chips serve large MoE models with.
    const t = Math.min(8, Math.max(domain, 1));
    if (t > 1 && heads % t === 0)
      for (const n of [2 * t, 4 * t])
        if (n <= 4 * Math.max(domain, 8)) out.push({ count: n, tp: t, ep: n, dp: n / t });
  }
  void chip;
  return out;
}

function precisionsFor(
  arch: Architecture,
  allow: readonly Precision[],
): { weights: Precision; activations: Precision }[] {
  const ck: Precision = isPrecision(arch.weightPrecision) ? arch.weightPrecision : "bf16";
  const out: { weights: Precision; activations: Precision }[] = [
    { weights: ck, activations: ck === "fp8" ? "fp8" : "bf16" },
  ];
  for (const p of allow) {
    // Lower precisions, and same-size formats the user allows (int8 for an FP8 checkpoint on a chip without FP8).
    if (p === ck || BYTES_PER_ELEMENT[p] > BYTES_PER_ELEMENT[ck]) continue;
    out.push({
      weights: p,
      activations: p === "fp8" || p === "int8" ? p : p === "nvfp4" || p === "mxfp4" ? p : "bf16",
    });
  }
  return out;
}

function poolPlans(
  d: NonNullable<ReturnType<typeof disaggregatedPools<ServeLayout>>>,
): ChipServePlan["pools"] {
  const { prefill: p, decode: q } = d;
  return {
    prefill: {
      layout: p.layout,
      chips: p.chips,
      batch: p.batch,
      queueMs: p.queue * 1e3,
      prefillMs: p.prefill * 1e3,
      kvTransferMs: p.kvTransfer * 1e3,
      ttftMs: p.ttft * 1e3,
      utilisation: p.utilisation,
      inputTokensPerSecondPerChip: p.inputPerChip,
      inputCapacityPerChip: p.perChip,
    },
    decode: {
      layout: q.layout,
      chips: q.chips,
      batch: q.batch,
      tpotMs: q.tpot * 1e3,
      outputTokensPerSecondPerChip: q.outputPerChip,
      outputCapacityPerChip: q.perChip,
    },
  };
}

function systemOf(chip: Accelerator): System | null {
  return catalog.systems.find((s) => s.chip === chip.id) ?? null;
}

/**
 * Plans serving `rate` requests/s of a model on each chip: best layout, chips, nodes, cost, power and export status.
 * @example planServe({arch, chips: [h20, h100], rate: 10, inputTokens: 2000, outputTokens: 500, slo: {...}, calibration})
 */
export function planServe(input: ServePlanInput): Result<ServePlan> {
  if (!(input.rate > 0)) return fail(issue("invalid_value", ["rate"], "the request rate must be positive"));
  const w = { inputTokens: input.inputTokens, outputTokens: input.outputTokens };
  const pct = PERCENTILE_OVER_MEAN[input.slo.percentile] ?? 1;
  const tpot = input.slo.tpot ? input.slo.tpot / pct : null;
  const ttft = input.slo.ttft ? input.slo.ttft / pct : null;
  const outputRate = input.rate * input.outputTokens;
  const plans: ChipServePlan[] = [];
  let total = 0;
  input.chips.forEach((chip, ci) => {
    const rejected: Record<string, number> = {};
    const reject = (why: string) => (rejected[why] = (rejected[why] ?? 0) + 1);
    let evaluated = 0;
    let exportStatus: ChipServePlan["exportStatus"] = null;
    if (input.exportTo) {
      const c = classify(chip, input.exportTo);
      exportStatus = {
        status: c.status,
        policy: c.policy ?? null,
        decidedBy: c.decidedBy.join(", ") || null,
      };
      if (c.policy === "presumption-of-denial" && !input.includeRestricted) {
        plans.push({
          chip: chip.id,
          name: chip.name,
          feasible: false,
          reason: `export to ${input.exportTo.destination}: presumption of denial`,
          exportStatus,
          configsEvaluated: 0,
          rejected,
        });
        input.onProgress?.(ci + 1, input.chips.length);
        return;
      }
    }
    const system = systemOf(chip);
    const domain = system?.scaleUp.domainChips ?? 8;
    let best: { cfg: ServingConfig; point: ServingPoint; layout: ServeLayout } | null = null;
    const candidates: PoolCandidate<ServeLayout>[] = [];
    for (const l of layouts(input.arch, chip, domain))
      for (const p of precisionsFor(input.arch, input.allowQuant ?? [])) {
        evaluated += 1;
        const built = servingConfig(
          input.arch,
          { chip, count: l.count, server: system?.id ?? null },
          {
            tp: l.tp,
            ep: l.ep,
            dp: l.dp,
            pp: 1,
            weights: p.weights,
            activations: p.activations,
            speculative: input.speculative ?? null,
          },
          input.calibration,
        );
        if (!built.ok) {
          reject(built.issues[0]?.code ?? "invalid");
          continue;
        }
        const pt = bestBatch(built.value, w, { tpot, ttft }, DEFAULT_MAX_BATCH * l.dp);
        if (!pt.ok) {
          reject(pt.issues[0]?.code ?? "infeasible");
          continue;
        }
        const cand = {
          cfg: built.value,
          point: pt.value,
          layout: { ...l, ...p, kvCache: built.value.precisions.kvCache },
        };
        candidates.push(cand);
        // Fewest chips for the demand (whole instances), then the most tokens per chip: at a small rate a large
        // instance with the best per-chip speed can still need more chips than a small one.
        const need = (x: { point: ServingPoint; layout: ServeLayout }) =>
          Math.ceil(outputRate / x.point.outputPerChip / x.layout.count) * x.layout.count;
        if (
          !best ||
          need(cand) < need(best) ||
          (need(cand) === need(best) && pt.value.outputPerChip > best.point.outputPerChip)
        )
          best = cand;
      }
    total += evaluated;
    if (!best) {
      const why = Object.entries(rejected).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "no layout";
      plans.push({
        chip: chip.id,
        name: chip.name,
        feasible: false,
        reason: why,
        exportStatus,
        configsEvaluated: evaluated,
        rejected,
      });
      input.onProgress?.(ci + 1, input.chips.length);
      return;
    }
    const inst = best.layout.count;
    let chips = Math.ceil(outputRate / best.point.outputPerChip / inst) * inst;
    let mode: "colocated" | "disaggregated" = "colocated";
    let pools: ReturnType<typeof disaggregatedPools<ServeLayout>> = null;
    const d = disaggregatedPools(
      candidates,
      w,
      input.rate,
      { tpot, ttft },
      input.kvTransferGbpsPerChip ?? null,
    );
    // The SLO is checked on the pools' own figures: decode TPOT at load, prefill TTFT with queueing and KV transfer.
    const meetsSlo =
      d !== null &&
      (!tpot || d.decode.tpot <= tpot * (1 + 1e-9)) &&
      (!ttft || d.prefill.ttft <= ttft * (1 + 1e-9));
    if (d && meetsSlo && d.prefill.chips + d.decode.chips < chips) {
      mode = "disaggregated";
      chips = d.prefill.chips + d.decode.chips;
      pools = d;
    }
    const perNode = system?.chipsPerNode ?? 8;
    const cost = fleetCost({
      pools: [{ role: "serve", chip, ...(system ? { system } : {}), count: chips }],
      tokensPerSecond: outputRate,
      basis: input.basis ?? "purchase",
      assumptions: input.assumptions ?? {},
    });
    const c = cost.ok ? cost.value : null;
    const overPower = input.powerMW && c?.facilityMW && c.facilityMW > input.powerMW;
    plans.push({
      chip: chip.id,
      name: chip.name,
      feasible: !overPower,
      ...(overPower
        ? { reason: `needs ${c?.facilityMW?.toFixed(2)} MW of facility power (budget ${input.powerMW} MW)` }
        : {}),
      layout: best.layout,
      mode,
      batch: pools ? pools.decode.batch : best.point.batch,
      outputTokensPerSecondPerChip: outputRate / chips,
      // Disaggregated: the fleet's output rate at full load (the smaller of what the two pools sustain) per chip.
      capacityPerChip: pools
        ? Math.min(
            (pools.prefill.perChip * pools.prefill.chips * input.outputTokens) / input.inputTokens,
            pools.decode.perChip * pools.decode.chips,
          ) / chips
        : best.point.outputPerChip,
      tpotMs: (pools ? pools.decode.tpot : best.point.tpot) * 1e3,
      ttftMs: (pools ? pools.prefill.ttft : best.point.ttft) * 1e3,
      chips,
      ...(pools
        ? {
            prefillChips: pools.prefill.chips,
            decodeChips: pools.decode.chips,
            prefillLayout: pools.prefill.layout,
            decodeLayout: pools.decode.layout,
            pools: poolPlans(pools),
          }
        : {}),
      nodes: Math.ceil(chips / perNode),
      system: system?.id ?? null,
      cost: c,
      exportStatus,
      errorBand: errorBandFor(chip, input.calibration),
      configsEvaluated: evaluated,
      rejected,
    });
    input.onProgress?.(ci + 1, input.chips.length);
  });
  const key = (p: ChipServePlan) => [
    p.feasible ? 0 : 1,
    p.cost?.perMillionTokens ?? Number.POSITIVE_INFINITY,
    p.chips ?? Number.POSITIVE_INFINITY,
  ];
  plans.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++)
      if ((ka[i] as number) !== (kb[i] as number)) return (ka[i] as number) - (kb[i] as number);
    return a.chip.localeCompare(b.chip);
  });
  return ok({ plans, configsEvaluated: total });
}

// `suanli train --model M --chip ID --count N [--tp …] --seq S --global-batch B [--tokens T] [--json] [--explain]`:
// one training configuration, or the best the search finds for the degrees left open; time-to-train, cost;
// `--scaling` prints the scaling curve (8 → 131,072 chips) and `--svg FILE` plots it.
import { existsSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import pc from "picocolors";
import { findModel, importConfig, type Architecture, type Warning } from "../../src/index.js";
import { resolveCluster } from "../../src/engine/cluster.js";
import type { Recompute, TrainingEstimate } from "../../src/engine/training/types.js";
import { trainingFactorsFor, type TrainingFactors } from "../../src/engine/training/calibration.js";
import { FLOP_CONVENTIONS, type FlopConvention } from "../../src/workload/flops-training.js";
import { isPrecision, type Precision } from "../../src/units/index.js";
import {
  describeConfig,
  searchTraining,
  whyLoses,
  type TrainingSearchSpace,
} from "../../src/planner/train-search.js";
import { timeToTrain, GOODPUT_ASSUMPTION } from "../../src/planner/train-plan.js";
import { scalingCurve } from "../../src/planner/train-scaling.js";
import { trainingRunCost } from "../../src/cost/index.js";
import { CliError, EXIT, unwrap } from "../errors.js";
import { readText } from "../files.js";
import { footer, num, printJson, printWarnings, renderTable } from "../output.js";
import { lineChartSvg } from "../svg.js";

export interface TrainOptions {
  model: string;
  chip: string;
  count?: string;
  server?: string;
  tp?: string;
  pp?: string;
  dp?: string;
  cp?: string;
  ep?: string;
  vpp?: string;
  mb?: string;
  recompute?: string;
  zero?: string;
  precision: string;
  seq: string;
  globalBatch?: string;
  tokens?: string;
  flops: string;
  top: string;
  json?: boolean;
  explain?: boolean;
  scaling?: boolean;
  svg?: string;
  attention?: string;
  lora?: boolean;
}

/** A model from a catalog id/alias or a config.json path. */
export function loadArchitecture(arg: string): { arch: Architecture; warnings: Warning[] } {
  const isFile = existsSync(arg) || arg.endsWith(".json") || arg.includes("/");
  const r = isFile
    ? importConfig(readText(arg), { source: arg })
    : importConfig(unwrap(findModel(arg)).configText, { source: arg });
  return { arch: unwrap(r), warnings: r.ok ? r.warnings : [] };
}

function int(name: string, v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number(v.replace(/_/g, ""));
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`--${name} must be a positive integer, got "${v}"`, EXIT.badInput);
  return n;
}

/** Tokens with an optional k/M/B/T suffix: "15.6T" → 1.56e13. */
export function parseTokens(v: string): number {
  const m = /^([0-9.]+)\s*([kKmMbBgGtT]?)$/.exec(v.trim());
  const mult: Record<string, number> = { "": 1, k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };
  const n = m ? Number(m[1]) * (mult[(m[2] ?? "").toLowerCase()] ?? 1) : NaN;
  if (!(n > 0))
    throw new CliError(`--tokens must be a positive number such as 15.6T, got "${v}"`, EXIT.badInput);
  return n;
}

/** The search space from the options: given degrees fixed, the rest searched. */
export function spaceOf(o: TrainOptions): TrainingSearchSpace {
  if (!isPrecision(o.precision))
    throw new CliError(`--precision ${o.precision}: use bf16, fp16, fp8, mxfp8 …`, EXIT.badInput);
  const seq = int("seq", o.seq) as number;
  const recompute = o.recompute ?? null;
  if (recompute !== null && !["none", "selective", "full"].includes(recompute))
    throw new CliError(`--recompute must be none, selective or full, got "${recompute}"`, EXIT.badInput);
  const zero = o.zero === undefined ? null : Number(o.zero);
  if (zero !== null && ![0, 1, 2, 3].includes(zero))
    throw new CliError(`--zero must be 0, 1, 2 or 3, got "${o.zero}"`, EXIT.badInput);
  return {
    seqLen: seq,
    // Default: 4 M tokens per step.
    globalBatch: int("global-batch", o.globalBatch) ?? Math.max(1, Math.round(4_194_304 / seq)),
    precision: o.precision as Precision,
    tp: int("tp", o.tp),
    pp: int("pp", o.pp),
    dp: int("dp", o.dp),
    cp: int("cp", o.cp),
    ep: int("ep", o.ep),
    vpp: int("vpp", o.vpp),
    microBatch: int("mb", o.mb),
    recompute: recompute as Recompute | null,
    zero: zero as 0 | 1 | 2 | 3 | null,
    lora: o.lora ?? false,
  };
}

/** Training factors with the --attention override, or undefined for the family's own. */
function factorsOf(o: TrainOptions, chip: { family: string; stack: string }): TrainingFactors | undefined {
  if (o.attention === undefined) return undefined;
  if (o.attention !== "fused" && o.attention !== "unfused")
    throw new CliError(`--attention must be fused or unfused, got "${o.attention}"`, EXIT.badInput);
  return { ...trainingFactorsFor(chip), fusedAttention: o.attention === "fused" };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const secs = (s: number) =>
  s >= 86400 ? `${num(s / 86400, 1)} days` : s >= 3600 ? `${num(s / 3600, 1)} h` : `${num(s, 2)} s`;

function renderEstimate(e: TrainingEstimate, explain: boolean): string {
  const b = e.breakdown;
  const m = e.memory;
  const GB = (x: number) => `${num(x / 1e9, 1)} GB`;
  const lines = [
    pc.bold(describeConfig(e.config)) +
      `  (${e.family}; error band ${pct(e.errorBand.low)} / +${pct(e.errorBand.high)})`,
    `step ${num(e.stepTime, 3)} s · ${num(e.tokensPerSecondPerChip, 0)} tokens/s per chip · ${num(e.tokensPerSecond, 0)} tokens/s`,
    `MFU ${pct(e.mfu)} of the ${e.config.precision} dense peak · ${pct(e.mfuBf16)} of dense BF16 · HFU ${pct(e.hfu)} · ${num(e.flopsPerToken / 1e9, 1)} GFLOP/token (${e.convention})`,
    `step time: compute ${pct(b.compute / e.stepTime)}, bubble ${pct(b.bubble / e.stepTime)}, TP ${pct(b.tpExposed / e.stepTime)}, CP ${pct(b.cpExposed / e.stepTime)}, EP ${pct(b.epExposed / e.stepTime)}, PP ${pct(b.ppExposed / e.stepTime)}, DP ${pct(b.dpExposed / e.stepTime)}, optimizer ${pct(b.optimizer / e.stepTime)}`,
    `memory (stage ${m.stage}): weights ${GB(m.weights)}, gradients ${GB(m.gradients)}, optimizer ${GB(m.optimizer)}, activations ${GB(m.activations)}, reserve ${GB(m.reserve)} = ${GB(m.total)} of ${GB(m.capacity)}`,
  ];
  if (explain)
    lines.push(
      renderTable(e.ops.slice(0, 30), [
        { key: "op", header: "op (slowest stage)", value: (r) => r.name },
        { key: "kind", header: "kind", value: (r) => r.kind },
        { key: "s", header: "s/step", value: (r) => num(r.seconds, 3), align: "right" },
        { key: "share", header: "share", value: (r) => pct(r.seconds / e.stepTime), align: "right" },
        { key: "tflop", header: "TFLOP", value: (r) => num(r.flops / 1e12, 1), align: "right" },
        { key: "bound", header: "bound", value: (r) => r.bound },
      ]),
    );
  return lines.join("\n");
}

function runScaling(o: TrainOptions, arch: Architecture): void {
  const space = spaceOf({
    ...o,
    globalBatch: o.globalBatch ?? String(Math.round(16_777_216 / Number(o.seq))),
  });
  const points = scalingCurve(arch, { chip: o.chip, server: o.server ?? null }, space);
  if (o.svg) {
    const ok = points.filter((p) => p.best);
    const svg = lineChartSvg({
      title: `${o.model} on ${o.chip}: per-chip efficiency vs cluster size`,
      xLabel: "chips (log scale)",
      yLabel: "MFU (%) / tokens/s per chip (normalised to 100 at the first point)",
      logX: true,
      series: [
        { name: "MFU %", points: ok.map((p) => [p.chips, (p.best?.mfu ?? 0) * 100]) },
        {
          name: "tokens/s/chip (rel.)",
          points: ok.map((p) => [
            p.chips,
            ((p.best?.tokensPerSecondPerChip ?? 0) / (ok[0]?.best?.tokensPerSecondPerChip ?? 1)) * 100,
          ]),
        },
      ],
    });
    writeFileSync(o.svg, svg);
  }
  if (o.json)
    return printJson({
      model: o.model,
      chip: o.chip,
      seqLen: space.seqLen,
      globalBatch: space.globalBatch,
      points,
    });
  process.stdout.write(
    renderTable(points, [
      { key: "chips", header: "chips", value: (p) => num(p.chips, 0), align: "right" },
      {
        key: "tps",
        header: "tokens/s/chip",
        value: (p) => num(p.best?.tokensPerSecondPerChip, 0),
        align: "right",
      },
      { key: "mfu", header: "MFU", value: (p) => (p.best ? pct(p.best.mfu) : "—"), align: "right" },
      {
        key: "bubble",
        header: "bubble",
        value: (p) => (p.best ? pct(p.best.bubbleFraction) : "—"),
        align: "right",
      },
      { key: "config", header: "best configuration", value: (p) => p.best?.config ?? p.reason ?? "—" },
    ]) +
      "\n" +
      (o.svg ? `plot written to ${o.svg}\n` : "") +
      footer() +
      "\n",
  );
}

export function register(program: Command): void {
  program
    .command("train")
    .description(
      "training step time, MFU, memory and time-to-train for a model on a cluster (best configuration when degrees are left open)",
    )
    .requiredOption("--model <id|config.json>", "catalog model id/alias or a config.json path")
    .requiredOption("--chip <id>", "catalog chip id or alias")
    .option("--count <n>", "chips in the cluster (required unless --scaling)")
    .option("--server <system>", "catalog system (fabric, NICs)")
    .option("--tp <n>")
    .option("--pp <n>")
    .option("--dp <n>")
    .option("--cp <n>")
    .option("--ep <n>")
    .option("--vpp <n>")
    .option("--mb <n>", "micro-batch (sequences)")
    .option("--recompute <none|selective|full>")
    .option("--zero <0-3>", "ZeRO stage / distributed optimizer")
    .option(
      "--lora",
      "LoRA fine-tuning: base weights frozen (no weight gradients or optimizer state for them)",
    )
    .option("--precision <p>", "GEMM precision", "bf16")
    .option("--seq <n>", "sequence length", "4096")
    .option("--global-batch <n>", "sequences per step (default: 4 M tokens)")
    .option("--tokens <n>", "tokens to train, e.g. 15.6T (time-to-train, chip-hours, energy, cost)")
    .option("--flops <convention>", `FLOP convention for MFU: ${FLOP_CONVENTIONS.join("|")}`, "default")
    .option("--top <n>", "configurations to list", "5")
    .option("--json", "one JSON document")
    .option("--explain", "per-op time on the slowest stage and why other configurations lose")
    .option(
      "--scaling",
      "scaling curve: best configuration at 8 → 131,072 chips (global batch default 16 M tokens)",
    )
    .option("--svg <file>", "with --scaling: write the curve as an SVG plot")
    .option(
      "--attention <fused|unfused>",
      "attention kernel (default: the chip family's stack, e.g. unfused for Ampere-era Megatron)",
    )
    .action((o: TrainOptions) => {
      if (!FLOP_CONVENTIONS.includes(o.flops as FlopConvention))
        throw new CliError(`--flops ${o.flops}: use one of ${FLOP_CONVENTIONS.join(", ")}`, EXIT.badInput);
      const { arch, warnings } = loadArchitecture(o.model);
      if (o.scaling) return runScaling(o, arch);
      const count = int("count", o.count);
      if (count === null) throw new CliError("--count is required (or use --scaling)", EXIT.badInput);
      const cl = resolveCluster({ chip: o.chip, count, server: o.server ?? null });
      const cluster = unwrap(cl);
      const space = spaceOf(o);
      const factors = factorsOf(o, cluster.chip);
      const r = unwrap(
        searchTraining(arch, cluster, space, {
          convention: o.flops as FlopConvention,
          keep: int("top", o.top) ?? 5,
          ...(factors ? { factors } : {}),
        }),
      );
      const best = r.ranked[0] as TrainingEstimate;
      const tokens = o.tokens ? parseTokens(o.tokens) : null;
      const time = tokens ? timeToTrain(best, tokens, count) : null;
      const cost = time
        ? trainingRunCost({
            chip: cluster.accelerator,
            count,
            ...(cluster.system ? { system: cluster.system } : {}),
            chipSeconds: time.chipHours * 3600,
          })
        : null;
      const allWarnings = [...warnings, ...(cl.ok ? cl.warnings : []), ...(cost?.ok ? cost.warnings : [])];
      if (o.json)
        return printJson({
          best,
          alternatives: r.ranked.slice(1).map((e) => ({ ...e, losesOn: whyLoses(e, best) })),
          evaluated: r.evaluated,
          rejected: r.rejected,
          chosen: r.chosen,
          timeToTrain: time ? { ...time, goodputSource: GOODPUT_ASSUMPTION.source } : null,
          cost: cost?.ok ? cost.value : null,
          warnings: allWarnings,
        });
      printWarnings(allWarnings);
      const out = [renderEstimate(best, o.explain ?? false)];
      if (Object.keys(r.chosen).length)
        out.push(
          pc.dim(
            `chosen by search: ${Object.entries(r.chosen)
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(", ")} (of ${r.evaluated} configurations)`,
          ),
        );
      if (time) {
        out.push(
          `time to train ${num(tokens! / 1e12, 2)} T tokens: ${secs(time.wallSeconds)} (${secs(time.idealSeconds)} at full speed, goodput ${pct(time.goodput)}: ${GOODPUT_ASSUMPTION.name}) · ${num(time.chipHours / 1e6, 3)} M chip-hours`,
        );
        if (cost?.ok)
          out.push(
            `energy ${cost.value.energy ? `${num(cost.value.energy.facilityKwh / 1e6, 2)} GWh (facility)` : "—"} · cost ${cost.value.cost === null ? `unknown (${cost.value.reason ?? ""})` : `${num(cost.value.cost / 1e6, 2)} M ${cost.value.currency}`} (${cost.value.basis})`,
          );
      }
      if (r.ranked.length > 1)
        out.push(
          pc.bold("alternatives"),
          ...r.ranked
            .slice(1)
            .map(
              (e) =>
                `  ${describeConfig(e.config).padEnd(48)} ${num(e.stepTime, 3)} s (+${pct(e.stepTime / best.stepTime - 1)}: ${whyLoses(e, best)}), mem ${num(e.memory.total / 1e9, 0)} GB`,
            ),
        );
      if (o.explain && r.rejected.length)
        out.push(
          pc.bold("why others lose"),
          ...r.rejected.slice(0, 8).map((x) => `  ×${x.count} ${x.reason} (e.g. ${x.example})`),
        );
      process.stdout.write(out.join("\n") + "\n" + footer() + "\n");
    });
}

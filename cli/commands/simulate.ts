// `suanli simulate --model M --chip C --input I --output O (--rate R | --concurrency C | --burst) …`: a
// discrete-event simulation of one serving instance — latency distribution (mean/p50/p90/p99 TTFT and TPOT),
// throughput per chip, goodput under an SLO — with the steady-state model's figures beside it.
import { existsSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import pc from "picocolors";
import {
  findModel,
  importConfig,
  isPrecision,
  metaOf,
  type Architecture,
  type Precision,
  type Warning,
} from "../../src/index.js";
import { catalogCalibration } from "../../src/engine/calibration.js";
import type { ServingConfig } from "../../src/engine/inference.js";
import { servingConfig } from "../../src/engine/serving-config.js";
import { PERCENTILE_OVER_MEAN } from "../../src/engine/serving-defaults.js";
import {
  defaultScheduler,
  simulateServing,
  steadyStateEstimate,
  type SimScheduler,
  type SimulationResult,
  type SimWorkload,
  type TokenDistribution,
} from "../../src/engine/simulate/index.js";
import type { InferenceEstimate } from "../../src/engine/estimate.js";
import { CliError, EXIT, unwrap } from "../errors.js";
import { readText } from "../files.js";
import { footer, num, printJson, printWarnings, renderTable } from "../output.js";
import { timeSeriesSvg } from "./simulate-svg.js";

export interface SimulateOptions {
  model: string;
  chip: string;
  count: string;
  server?: string;
  tp?: string;
  ep?: string;
  dp?: string;
  pp?: string;
  weights?: string;
  kv?: string;
  input: string;
  output: string;
  dist: string;
  rate?: string;
  concurrency?: string;
  burst?: boolean;
  requests: string;
  seed: string;
  chunkedPrefill: boolean;
  maxBatch?: string;
  maxBatchTokens?: string;
  preemption: string;
  ttftMs?: string;
  tpotMs?: string;
  json?: boolean;
  perRequest?: boolean;
  svg?: string;
}

function positive(name: string, v: string | undefined, integer = true): number | null {
  if (v === undefined) return null;
  const n = Number(v.replace(/_/g, ""));
  if (!(n > 0) || (integer && !Number.isInteger(n)))
    throw new CliError(
      `--${name} must be a positive ${integer ? "integer" : "number"}, got "${v}"`,
      EXIT.badInput,
    );
  return n;
}

function precision(name: string, v: string | undefined): Precision | null {
  if (v === undefined) return null;
  if (!isPrecision(v))
    throw new CliError(`--${name} ${v}: use bf16, fp16, fp8, int8, int4, fp4 …`, EXIT.badInput);
  return v;
}

/** A model from a catalog id/alias or a config.json path. */
function architectureOf(arg: string): { arch: Architecture; warnings: Warning[] } {
  const isFile = existsSync(arg) || arg.endsWith(".json") || arg.includes("/");
  const text = isFile ? readText(arg) : unwrap(findModel(arg)).configText;
  const r = importConfig(text, { source: arg });
  return { arch: unwrap(r), warnings: r.ok ? r.warnings : [] };
}

/** The serving instance, built as `validate` builds a case's: catalog cluster and calibration, documented defaults. */
export function instanceOf(o: SimulateOptions): { cfg: ServingConfig; warnings: Warning[] } {
  const { arch, warnings } = architectureOf(o.model);
  const built = servingConfig(
    arch,
    { chip: o.chip, count: positive("count", o.count) as number, server: o.server ?? null },
    {
      tp: positive("tp", o.tp),
      ep: positive("ep", o.ep),
      dp: positive("dp", o.dp),
      pp: positive("pp", o.pp),
      weights: precision("weights", o.weights),
      kvCache: precision("kv", o.kv),
    },
    catalogCalibration(),
  );
  return { cfg: unwrap(built), warnings: [...warnings, ...(built.ok ? built.warnings : [])] };
}

/** The workload from the options: exactly one of --rate, --concurrency, --burst. */
export function workloadOf(o: SimulateOptions): SimWorkload {
  const modes = [o.rate !== undefined, o.concurrency !== undefined, !!o.burst].filter(Boolean).length;
  if (modes !== 1)
    throw new CliError(
      "give exactly one of --rate <requests/s> (Poisson arrivals), --concurrency <n> (closed loop) or --burst",
      EXIT.badInput,
    );
  if (!["fixed", "uniform", "exponential"].includes(o.dist))
    throw new CliError(`--dist must be fixed, uniform or exponential, got "${o.dist}"`, EXIT.badInput);
  const dist = o.dist as TokenDistribution;
  const tokens = (name: string, v: string) => ({ mean: positive(name, v) as number, dist });
  const base = {
    requests: positive("requests", o.requests) as number,
    inputTokens: tokens("input", o.input),
    outputTokens: tokens("output", o.output),
  };
  if (o.rate !== undefined)
    return { arrival: "poisson", requestRate: positive("rate", o.rate, false) as number, ...base };
  if (o.concurrency !== undefined)
    return { arrival: "closed-loop", concurrency: positive("concurrency", o.concurrency) as number, ...base };
  return { arrival: "burst", ...base };
}

function schedulerOf(o: SimulateOptions, cfg: ServingConfig): SimScheduler {
  if (o.preemption !== "recompute" && o.preemption !== "none")
    throw new CliError(`--preemption must be recompute or none, got "${o.preemption}"`, EXIT.badInput);
  const d = defaultScheduler(cfg);
  return {
    maxBatch: positive("max-batch", o.maxBatch) ?? d.maxBatch,
    maxBatchTokens: positive("max-batch-tokens", o.maxBatchTokens) ?? d.maxBatchTokens,
    chunkedPrefill: o.chunkedPrefill,
    preemption: o.preemption,
  };
}

const ms = (s: number | null | undefined) => (s === null || s === undefined ? "—" : num(s * 1e3, 1));
const pct = (x: number) => `${num(x * 100, 1)} %`;
/** A number with exactly `d` decimals and thousands separators. */
const fixed = (v: number, d: number) =>
  Number.isFinite(v)
    ? v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d })
    : "—";

function describe(o: SimulateOptions, cfg: ServingConfig, w: SimWorkload, s: SimScheduler): string[] {
  const p = cfg.parallel;
  const load =
    w.arrival === "poisson"
      ? `Poisson ${w.requestRate} requests/s`
      : w.arrival === "closed-loop"
        ? `closed loop, ${w.concurrency} in flight`
        : "burst (all at t = 0)";
  return [
    pc.bold(`${o.model} on ${cfg.cluster.count} × ${cfg.cluster.chip.id}`) +
      ` (tp ${p.tp}, dp ${p.dp}, ep ${p.ep}, pp ${p.pp}; weights ${cfg.precisions.weights}, KV ${cfg.precisions.kvCache})`,
    `${load} · ${w.requests} requests · ${o.input} → ${o.output} tokens (${o.dist}) · seed ${o.seed}`,
    `scheduler: max batch ${s.maxBatch}, ${num(s.maxBatchTokens, 0)} tokens/step, ${s.chunkedPrefill ? "chunked prefill" : "whole-prompt prefill"}, ${s.preemption === "recompute" ? "recompute preemption" : "full KV reserved at admission"}`,
  ];
}

function render(
  o: SimulateOptions,
  cfg: ServingConfig,
  w: SimWorkload,
  r: SimulationResult,
  model: InferenceEstimate | null,
  slo: { ttft: number | null; tpot: number | null },
): string {
  const out = (w.outputTokens as { mean: number }).mean;
  const rows = [
    { name: "TTFT (ms)", d: r.ttft, scale: 1e3, model: model?.ttft },
    { name: "TPOT (ms)", d: r.tpot, scale: 1e3, model: model?.tpot },
    {
      name: "end-to-end (s)",
      d: r.e2e,
      scale: 1,
      model: model ? model.ttft + (out - 1) * model.tpot : undefined,
    },
  ];
  const cell = (v: number | undefined, scale: number) =>
    v === undefined ? "—" : fixed(v * scale, scale === 1 ? 2 : 1);
  const table = renderTable(rows, [
    { key: "metric", header: "latency", value: (x) => x.name },
    { key: "mean", header: "mean", value: (x) => cell(x.d.mean, x.scale), align: "right" },
    { key: "p50", header: "p50", value: (x) => cell(x.d.p50, x.scale), align: "right" },
    { key: "p90", header: "p90", value: (x) => cell(x.d.p90, x.scale), align: "right" },
    { key: "p99", header: "p99", value: (x) => cell(x.d.p99, x.scale), align: "right" },
    {
      key: "model",
      header: "steady-state model (mean)",
      value: (x) => cell(x.model, x.scale),
      align: "right",
    },
  ]);
  const lines = [
    ...describe(o, cfg, w, r.scheduler),
    table,
    `throughput: ${num(r.outputTokensPerSecondPerChip, 1)} output tokens/s per chip over the run, ${num(r.steady.outputTokensPerSecondPerChip, 1)} in its steady middle` +
      (model
        ? ` · steady-state model ${num(model.outputTokensPerSecondPerChip, 1)} (batch ${num(model.batch, 1)})`
        : ""),
    `tail over mean: TTFT p90 ${fixed(r.ttft.p90 / r.ttft.mean, 2)}, p99 ${fixed(r.ttft.p99 / r.ttft.mean, 2)} · TPOT p90 ${fixed(r.tpot.p90 / r.tpot.mean, 2)}, p99 ${fixed(r.tpot.p99 / r.tpot.mean, 2)} (the steady-state model assumes p90 ${fixed(PERCENTILE_OVER_MEAN.p90 ?? 1, 2)}, p99 ${fixed(PERCENTILE_OVER_MEAN.p99 ?? 1, 2)})`,
    `${num(r.requestsPerSecond, 2)} requests/s · mean batch ${num(r.meanBatch, 1)} · mean in flight ${num(r.meanInFlight, 1)} · ${num(r.steps, 0)} steps over ${num(r.duration, 1)} s · ${r.preemptions} preemptions · KV cache ≈ ${num(r.kvCapacityTokens, 0)} tokens`,
  ];
  if (r.goodput) {
    const bounds = [
      slo.ttft !== null ? `TTFT ≤ ${ms(slo.ttft)} ms` : null,
      slo.tpot !== null ? `TPOT ≤ ${ms(slo.tpot)} ms` : null,
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(
      `goodput (${bounds}): ${pct(r.goodput.fraction)} of requests · ${num(r.goodput.requestsPerSecond, 2)} requests/s · ${num(r.goodput.outputTokensPerSecondPerChip, 1)} output tokens/s per chip`,
    );
  }
  return lines.join("\n");
}

/** The time series as an SVG line chart: queue, sequences per step and KV-cache use over the run. */
function seriesSvg(o: SimulateOptions, cfg: ServingConfig, r: SimulationResult): string {
  const pts = (f: (x: SimulationResult["series"][number]) => number): [number, number][] =>
    r.series.map((x) => [x.t, f(x)]);
  return timeSeriesSvg(
    `${o.model} on ${cfg.cluster.count} × ${cfg.cluster.chip.id}: simulated serving (seed ${o.seed})`,
    "requests / KV cache used (%)",
    [
      { name: "waiting", points: pts((x) => x.queue) },
      { name: "in the step", points: pts((x) => x.batch) },
      { name: "KV used %", points: pts((x) => x.kvUsed * 100) },
    ],
  );
}

/** Runs the command. */
export function simulateNow(o: SimulateOptions): void {
  const { cfg, warnings } = instanceOf(o);
  const w = workloadOf(o);
  const sch = schedulerOf(o, cfg);
  const seed = Number(o.seed);
  if (!Number.isInteger(seed))
    throw new CliError(`--seed must be an integer, got "${o.seed}"`, EXIT.badInput);
  const ttft = positive("ttft-ms", o.ttftMs, false);
  const tpot = positive("tpot-ms", o.tpotMs, false);
  const slo = { ttft: ttft === null ? null : ttft / 1e3, tpot: tpot === null ? null : tpot / 1e3 };
  const sim = simulateServing(cfg, w, sch, seed, slo);
  const r = unwrap(sim);
  const est = steadyStateEstimate(cfg, w, sch.maxBatch);
  const model = est.ok ? est.value : null;
  const all = [...warnings, ...(sim.ok ? sim.warnings : []), ...(est.ok ? est.warnings : [])];
  if (!est.ok)
    all.push({
      code: "steady_state",
      message: `steady-state model: ${est.issues.map((i) => i.message).join("; ")}`,
    });
  if (o.svg) writeFileSync(o.svg, seriesSvg(o, cfg, r));
  if (o.json) {
    const { requests, ...rest } = r;
    printJson({
      meta: metaOf(),
      units: {
        latency: "s",
        throughput: "tokens/s per chip",
        rate: "requests/s",
        kvUsed: "fraction of the KV budget",
      },
      config: {
        model: o.model,
        chip: cfg.cluster.chip.id,
        count: cfg.cluster.count,
        parallel: cfg.parallel,
        precisions: cfg.precisions,
      },
      workload: w,
      slo,
      simulation: o.perRequest ? { ...rest, requests } : rest,
      steadyState: model
        ? {
            batch: model.batch,
            outputTokensPerSecondPerChip: model.outputTokensPerSecondPerChip,
            tpot: model.tpot,
            ttft: model.ttft,
          }
        : null,
      warnings: all,
    });
    return;
  }
  process.stdout.write(
    render(o, cfg, w, r, model, slo) + "\n" + (o.svg ? `plot written to ${o.svg}\n` : "") + footer() + "\n",
  );
  printWarnings(all);
}

export function register(program: Command): void {
  program
    .command("simulate")
    .description(
      "discrete-event simulation of one serving instance: TTFT/TPOT distribution, throughput and goodput, beside the steady-state model",
    )
    .requiredOption("--model <id|config.json>", "catalog model id/alias or a config.json path")
    .requiredOption("--chip <id>", "catalog chip id or alias")
    .option("--count <n>", "chips in the instance", "1")
    .option("--server <system>", "catalog system (fabric)")
    .option("--tp <n>")
    .option("--ep <n>")
    .option("--dp <n>")
    .option("--pp <n>")
    .option("--weights <precision>", "weight precision (default: the checkpoint's)")
    .option("--kv <precision>", "KV-cache precision")
    .requiredOption("--input <tokens>", "prompt tokens per request (mean)")
    .requiredOption("--output <tokens>", "output tokens per request (mean)")
    .option("--dist <fixed|uniform|exponential>", "distribution of token counts around the means", "fixed")
    .option("--rate <r>", "Poisson arrivals, requests/s")
    .option("--concurrency <n>", "closed loop: requests kept in flight")
    .option("--burst", "every request arrives at t = 0 (offline)")
    .option("--requests <n>", "requests to simulate", "2000")
    .option("--seed <n>", "random seed", "1")
    .option("--chunked-prefill", "split prompts into chunks that share steps with decodes (default)", true)
    .option("--no-chunked-prefill", "prefill whole prompts in steps of their own")
    .option("--max-batch <n>", "most sequences running at once (default 256 per attention-DP rank)")
    .option(
      "--max-batch-tokens <n>",
      "tokens per step for the instance, split over attention-DP ranks (default 16,384)",
    )
    .option("--preemption <recompute|none>", "when the KV cache runs out", "recompute")
    .option("--ttft-ms <x>", "SLO on time to first token, for goodput")
    .option("--tpot-ms <y>", "SLO on time per output token, for goodput")
    .option("--json", "one JSON document (with the time series)")
    .option("--per-request", "with --json: every request's latencies")
    .option("--svg <file>", "plot the queue, batch and KV-cache use over time as SVG")
    .action((opts: SimulateOptions) => simulateNow(opts));
}

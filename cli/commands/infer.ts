// `suanli infer`: one serving estimate (model × chip × count × layout × workload), with --explain for the per-op
// breakdown, the memory plan and the sensitivity to uncertain chip inputs; every figure carries its error band.
import { existsSync } from "node:fs";
import type { Command } from "commander";
import pc from "picocolors";
import {
  catalogCalibration,
  chipSensitivity,
  errorBandFor,
  estimateInference,
  findModel,
  importConfig,
  servingConfig,
  type Architecture,
  type ChipOverrides,
  type ErrorBand,
  type InferenceEstimate,
  type InferenceRequest,
  type StepEstimate,
} from "../../src/index.js";
import { CliError, EXIT, unwrap } from "../errors.js";
import { loadChipFile, readText } from "../files.js";
import { positiveInt, positiveNumber, precisionOption, sloOption, speculativeOption } from "../options.js";
import { footer, num, printJson, printWarnings } from "../output.js";

interface InferOptions {
  model: string;
  chip: string;
  count: string;
  tp?: string;
  ep?: string;
  dp?: string;
  pp?: string;
  input: string;
  output: string;
  batch?: string;
  phase: string;
  scenario?: string;
  rate?: string;
  tpotMs?: string;
  ttftMs?: string;
  percentile: string;
  weights?: string;
  activations?: string;
  kv?: string;
  routing?: string;
  speculative?: string;
  server?: string;
  scaleUpDomain?: string;
  override: string[];
  explain?: boolean;
  json?: boolean;
}

function loadModel(arg: string): Architecture {
  const file = existsSync(arg) || arg.endsWith(".json") || arg.includes("/");
  if (file) return unwrap(importConfig(readText(arg), { source: arg }));
  const m = unwrap(findModel(arg));
  return unwrap(importConfig(m.configText, { source: `models/${m.id}/config.json` }));
}

/** `--override memoryBandwidthGBps=4000 --override peakTflops.bf16=1200`. */
function parseOverrides(pairs: readonly string[]): ChipOverrides {
  const o: ChipOverrides = {};
  for (const p of pairs) {
    const m = /^([A-Za-z.0-9]+)=(.+)$/.exec(p);
    const v = m ? Number(m[2]) : Number.NaN;
    if (!m || !Number.isFinite(v) || v <= 0)
      throw new CliError(`--override ${p}: expected name=positive number`, EXIT.badInput);
    const k = m[1] as string;
    if (k === "memoryBandwidthGBps" || k === "memoryCapacityGB" || k === "scaleUpGBps") o[k] = v;
    else if (k.startsWith("peakTflops."))
      o.peakTflops = { ...o.peakTflops, [k.slice("peakTflops.".length)]: v };
    else
      throw new CliError(
        `--override ${k}: unknown; use memoryBandwidthGBps, memoryCapacityGB, scaleUpGBps or peakTflops.<precision>`,
        EXIT.badInput,
      );
  }
  return o;
}

function band(v: number, b: ErrorBand, digits = 1, unit = ""): string {
  return `${num(v, digits)}${unit} ${pc.dim(`± ${(b.typical * 100).toFixed(0)} %${b.status === "unvalidated" ? " (unvalidated)" : ""}`)}`;
}

function explainStep(label: string, s: StepEstimate): string[] {
  const out = [pc.bold(`${label}: ${num(s.time * 1e3, 2)} ms per step`)];
  out.push(
    `  by bound: ${Object.entries(s.byBound)
      .map(([k, v]) => `${k} ${num(v * 1e3, 2)} ms`)
      .join(", ")}`,
  );
  for (const o of s.ops)
    out.push(
      `  ${o.name.padEnd(18)} ×${String(Number(o.count.toFixed(2))).padEnd(6)} ${num(o.time * 1e3, 3).padStart(9)} ms  ${o.bound.padEnd(8)} ${num(o.flops / 1e12, 3)} TFLOP  ${num(o.bytes / 1e9, 3)} GB`,
    );
  return out;
}

function render(e: InferenceEstimate, b: ErrorBand, explain: string[]): string {
  const lines = [
    `batch ${num(e.batch, 0)} sequences per instance`,
    `output tokens/s per chip  ${band(e.outputTokensPerSecondPerChip, b)}`,
    `input tokens/s per chip   ${band(e.inputTokensPerSecondPerChip, b)}`,
    `TPOT                      ${e.tpot > 0 ? band(e.tpot * 1e3, b, 2, " ms") : "—"}`,
    `TTFT                      ${e.ttft > 0 ? band(e.ttft * 1e3, b, 1, " ms") : "—"}`,
    pc.dim(
      `error band: ${b.status === "validated" ? `leave-one-source-out error of ${b.profile} (${b.cases} cases): typical ± ${(b.typical * 100).toFixed(0)} %, p90 ± ${(b.p90 * 100).toFixed(0)} %` : "no validation for this chip family: widest band"}`,
    ),
  ];
  return [...lines, ...explain].join("\n");
}

export function register(program: Command): void {
  program
    .command("infer")
    .description("estimate serving throughput, TPOT and TTFT of a model on a chip")
    .requiredOption("--model <id|config.json>", "catalog model id, or a Hugging Face config.json")
    .requiredOption("--chip <id|file.yaml>", "catalog chip id or alias, or a chip spec file")
    .option("--count <n>", "chips in the serving instance", "1")
    .option("--tp <n>", "tensor parallel degree")
    .option("--ep <n>", "expert parallel degree")
    .option("--dp <n>", "attention data-parallel ranks")
    .option("--pp <n>", "pipeline stages")
    .option("--input <tokens>", "prompt tokens per request", "1024")
    .option("--output <tokens>", "output tokens per request", "256")
    .option("--batch <n>", "sequences in flight per instance (default: the largest memory allows)")
    .option("--phase <phase>", "prefill | decode | end-to-end", "end-to-end")
    .option("--scenario <s>", "offline | server | closed-loop | fixed-batch")
    .option("--rate <req/s>", "offered load per instance (open loop)")
    .option("--tpot-ms <ms>", "TPOT bound")
    .option("--ttft-ms <ms>", "TTFT bound")
    .option("--percentile <p>", "mean | p50 | p90 | p99 of the bounds", "mean")
    .option("--weights <precision>", "weight precision (default: the checkpoint's)")
    .option("--activations <precision>", "activation / GEMM precision")
    .option("--kv <precision>", "KV-cache precision")
    .option("--routing <r>", "MoE routing: natural | balanced | eplb")
    .option("--speculative <method:accept>", "speculative decoding, e.g. mtp:1.8")
    .option("--server <name>", "catalog system (fixes fabric and NICs)")
    .option("--scale-up-domain <n>", "chips per scale-up domain")
    .option(
      "--override <name=value>",
      "hypothetical chip value (repeatable)",
      (v: string, a: string[]) => [...a, v],
      [],
    )
    .option("--explain", "per-op breakdown, memory plan and sensitivity")
    .option("--json", "one JSON document")
    .action((o: InferOptions) => {
      const arch = loadModel(o.model);
      const chip = existsSync(o.chip) || o.chip.endsWith(".yaml") ? loadChipFile(o.chip) : o.chip;
      const phase = o.phase as InferenceRequest["phase"];
      if (!["prefill", "decode", "end-to-end"].includes(phase))
        throw new CliError(`--phase ${o.phase}: expected prefill, decode or end-to-end`, EXIT.badInput);
      const speculative = speculativeOption(o.speculative);
      const routing = o.routing ?? null;
      if (routing && !["natural", "balanced", "eplb"].includes(routing))
        throw new CliError(`--routing ${routing}: expected natural, balanced or eplb`, EXIT.badInput);
      const calibration = catalogCalibration();
      const built = servingConfig(
        arch,
        {
          chip,
          count: positiveInt("count", o.count) ?? 1,
          server: o.server ?? null,
          scaleUpDomain: positiveInt("scale-up-domain", o.scaleUpDomain),
          overrides: parseOverrides(o.override),
        },
        {
          tp: positiveInt("tp", o.tp),
          ep: positiveInt("ep", o.ep),
          dp: positiveInt("dp", o.dp),
          pp: positiveInt("pp", o.pp),
          weights: precisionOption("weights", o.weights),
          activations: precisionOption("activations", o.activations),
          kvCache: precisionOption("kv", o.kv),
          moeRouting: routing as "natural" | "balanced" | "eplb" | null,
          speculative,
        },
        calibration,
      );
      const cfg = unwrap(built);
      const batch = positiveNumber("batch", o.batch);
      const rate = positiveNumber("rate", o.rate);
      const request: InferenceRequest = {
        phase,
        inputTokens: positiveNumber("input", o.input) ?? 1024,
        outputTokens: phase === "prefill" ? 0 : (positiveNumber("output", o.output) ?? 256),
        batch,
        scenario:
          (o.scenario as InferenceRequest["scenario"]) ??
          (rate ? "server" : batch ? "fixed-batch" : "offline"),
        requestRate: rate,
        slo: sloOption(o),
      };
      const r = estimateInference(cfg, request);
      if (!r.ok) throw new CliError(r.issues.map((i) => i.message).join("\n"), EXIT.badInput);
      const e = r.value;
      const b = errorBandFor(cfg.cluster.accelerator, calibration);
      const warnings = [...(built.ok ? built.warnings : []), ...r.warnings];
      const sens = o.explain ? chipSensitivity(cfg, request) : null;
      if (o.json) {
        printJson({
          chip: cfg.cluster.chip.id,
          count: cfg.cluster.count,
          parallel: cfg.parallel,
          precisions: cfg.precisions,
          calibration: { profile: cfg.calibration.profile, chain: cfg.calibration.chain },
          estimate: {
            batch: e.batch,
            outputTokensPerSecondPerChip: e.outputTokensPerSecondPerChip,
            inputTokensPerSecondPerChip: e.inputTokensPerSecondPerChip,
            tpotMs: e.tpot * 1e3,
            ttftMs: e.ttft * 1e3,
          },
          errorBand: b,
          memory: e.memory,
          ...(o.explain
            ? { decode: e.decode, prefill: e.prefill, sensitivity: sens?.ok ? sens.value : [] }
            : {}),
          warnings,
        });
        return;
      }
      const explain: string[] = [];
      if (o.explain) {
        if (e.memory) {
          const m = e.memory;
          const gb = (x: number) => `${num(x / 1e9, 2)} GB`;
          explain.push(pc.bold("memory per chip"));
          explain.push(
            `  capacity ${gb(m.capacity)} = weights ${gb(m.weights)} + activations ${gb(m.activations)} + reserve ${gb(m.reserve)} + KV cache ${gb(m.kvBudget)}`,
          );
          explain.push(
            `  KV per sequence ${num(m.kvPerSequence / 1e6, 2)} MB → at most ${num(m.maxBatch, 0)} sequences per instance`,
          );
        }
        if (e.prefill) explain.push(...explainStep("prefill", e.prefill));
        if (e.decode) explain.push(...explainStep("decode", e.decode));
        if (sens?.ok && sens.value.length) {
          explain.push(pc.bold("sensitivity to uncertain chip inputs (headline throughput per chip)"));
          for (const s of sens.value)
            explain.push(
              `  ${s.input.padEnd(16)} ${s.grade.padEnd(10)} ${num(s.metricAtLow, 1)} … ${num(s.metricAtHigh, 1)}`,
            );
        }
        explain.push(pc.dim(`calibration: ${cfg.calibration.chain.join(" → ")}`));
      }
      process.stdout.write(render(e, b, explain) + "\n" + footer() + "\n");
      printWarnings(warnings);
    });
}

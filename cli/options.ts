// Option parsing the serving commands (infer, plan serve) share: positive numbers, precisions and the latency SLO,
// each failing with one message naming the option and exit code 2.
import { isPrecision, type Precision } from "../src/index.js";
import { CliError, EXIT } from "./errors.js";

/**
 * `--name v` as a positive integer; null when the option is absent.
 * @example positiveInt("tp", "8") // 8; positiveInt("tp", "0") throws "--tp 0: expected a positive integer"
 */
export function positiveInt(name: string, v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`--${name} ${v}: expected a positive integer`, EXIT.badInput);
  return n;
}

/**
 * `--name v` as a positive finite number; null when the option is absent.
 * @example positiveNumber("rate", "2.5") // 2.5
 */
export function positiveNumber(name: string, v: string | undefined): number | null {
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new CliError(`--${name} ${v}: expected a positive number`, EXIT.badInput);
  return n;
}

/**
 * `--name v` as a precision name; null when the option is absent.
 * @example precisionOption("kv", "fp8") // "fp8"
 */
export function precisionOption(name: string, v: string | undefined): Precision | null {
  if (v === undefined) return null;
  if (!isPrecision(v))
    throw new CliError(
      `--${name} ${v}: expected one of bf16, fp16, fp8, int8, int4, fp4, nvfp4, mxfp4 …`,
      EXIT.badInput,
    );
  return v;
}

/** A latency SLO in seconds, as the serving estimators take it. */
export interface SloOption {
  tpot: number | null;
  ttft: number | null;
  percentile: "mean" | "p50" | "p90" | "p99";
}

/**
 * `--tpot-ms`, `--ttft-ms` (milliseconds; absent or empty = no bound) and `--percentile` → the SLO in seconds.
 * The percentile is passed through as given (commander's default "mean").
 * @example sloOption({ tpotMs: "50", percentile: "p90" }) // { tpot: 0.05, ttft: null, percentile: "p90" }
 */
export function sloOption(o: { tpotMs?: string; ttftMs?: string; percentile: string }): SloOption {
  return {
    tpot: o.tpotMs ? (positiveNumber("tpot-ms", o.tpotMs) as number) / 1e3 : null,
    ttft: o.ttftMs ? (positiveNumber("ttft-ms", o.ttftMs) as number) / 1e3 : null,
    percentile: o.percentile as SloOption["percentile"],
  };
}

/**
 * `--speculative method:acceptLength` (mean tokens emitted per target-model step, bonus token included); null when
 * absent.
 * @example speculativeOption("mtp:1.8") // {method: "mtp", acceptLength: 1.8}
 */
export function speculativeOption(v: string | undefined): { method: string; acceptLength: number } | null {
  if (!v) return null;
  const [method, accept] = v.split(":");
  const a = Number(accept);
  if (!method || !Number.isFinite(a) || a < 1)
    throw new CliError(`--speculative ${v}: expected method:acceptLength, e.g. mtp:1.8`, EXIT.badInput);
  return { method, acceptLength: a };
}

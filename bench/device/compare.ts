// The engine's op-time model beside measured micro-benchmarks (bench/device/results/*.json, written by
// bench/device/hopper-microbench.py on a lent GPU): each measured GEMM is timed by `timeOp` on the same chip with
// the chip's calibration, and the ratio predicted / measured time is summarised by regime.
import { readFileSync } from "node:fs";
import { catalogCalibration, resolveCalibration } from "../../src/engine/calibration.js";
import { resolveCluster } from "../../src/engine/cluster.js";
import { timeOp } from "../../src/engine/op-time.js";
import type { Op } from "../../src/workload/op.js";
import { median } from "../stats.js";

export interface MeasuredGemm {
  dtype: "bf16" | "fp8";
  shape: string;
  m: number;
  n: number;
  k: number;
  /** Milliseconds per call under CUDA-graph replay. */
  ms: number;
  tflops: number;
  bytes: number;
}

export interface MicrobenchFile {
  date: string;
  machine: { gpu: string };
  method: Record<string, string>;
  results: {
    hbm: { test: string; GBps: number }[];
    gemm: MeasuredGemm[];
    attention: Record<string, unknown>[];
    launch: { mode: string; usPerKernel: number }[];
  };
}

export interface GemmRow extends MeasuredGemm {
  predictedMs: number;
  /** predicted / measured time: < 1 means the engine is faster than the chip. */
  ratio: number;
  bound: string;
}

export function readMicrobench(path: string): MicrobenchFile {
  return JSON.parse(readFileSync(path, "utf8")) as MicrobenchFile;
}

/** Every measured GEMM timed by the engine on `chipId` (catalog calibration). */
export function engineVsGemms(file: MicrobenchFile, chipId: string): GemmRow[] {
  const cl = resolveCluster({ chip: chipId, count: 1 });
  if (!cl.ok) throw new Error(`unknown chip ${chipId}`);
  const cluster = cl.value;
  const cal = resolveCalibration(cluster.chip, catalogCalibration());
  return file.results.gemm.map((g) => {
    const el = g.dtype === "bf16" ? 2 : 1;
    const op: Op = {
      name: g.shape,
      kind: "gemm",
      count: 1,
      flops: 2 * g.m * g.n * g.k,
      bytes: g.bytes,
      weightBytes: g.n * g.k * el,
      kvBytes: 0,
      precision: g.dtype,
      gemm: { m: g.m, n: g.n, k: g.k, groups: 1 },
    };
    const t = timeOp(op, cluster, cal, []);
    const predictedMs = t.time * 1e3;
    return { ...g, predictedMs, ratio: predictedMs / g.ms, bound: t.bound };
  });
}

/** Regimes by rows: decode-like (memory-bound weights), the ridge, and prefill-like (compute-bound). */
export const REGIMES = [
  { name: "M ≤ 64 (decode, weight streaming)", lo: 1, hi: 64 },
  { name: "64 < M ≤ 512 (near the ridge)", lo: 65, hi: 512 },
  { name: "512 < M ≤ 2048", lo: 513, hi: 2048 },
  { name: "M > 2048 (prefill, compute-bound)", lo: 2049, hi: Number.POSITIVE_INFINITY },
] as const;

export function summarise(rows: readonly GemmRow[]) {
  return REGIMES.flatMap((r) =>
    (["bf16", "fp8"] as const).map((dtype) => {
      const sel = rows.filter((x) => x.dtype === dtype && x.m >= r.lo && x.m <= r.hi);
      const ratios = sel.map((x) => x.ratio);
      return {
        regime: r.name,
        dtype,
        n: sel.length,
        medianRatio: median(ratios),
        minRatio: Math.min(...ratios),
        maxRatio: Math.max(...ratios),
        medianTflops: median(sel.map((x) => x.tflops)),
      };
    }),
  );
}

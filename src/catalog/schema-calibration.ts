// Calibration profile schema (catalog/calibration/<family>.yaml): the engine's efficiencies and overheads for one
// architecture generation × software stack, each number saying what it rests on (micro-benchmark, fit, physics).
import { z } from "zod";
import { CatalogId, checkSourceKeys, IsoDate, SourceMap, SourceKeys } from "./schema-common.js";

/** Every tunable number of the performance engine. Fractions are of the chip's datasheet figure. */
export const CalibrationParameterName = z.enum([
  /** Achieved fraction of the dense 16-bit peak on large GEMMs. */
  "gemmEfficiency",
  /** Achieved fraction of the dense 8-bit / 4-bit peak on large GEMMs. */
  "gemmEfficiencyLowPrecision",
  /** Achieved fraction of the dense 4-bit peak on large GEMMs (NVFP4 / MXFP4); 0 = gemmEfficiencyLowPrecision. */
  "gemmEfficiencyFp4",
  /** Achieved fraction of the chip's peak by grouped (mixture-of-experts) 8- and 4-bit GEMMs with block scales,
   * measured on expert shapes; 0 = the dense figure (gemmEfficiencyLowPrecision, gemmEfficiencyFp4). */
  "groupedGemmEfficiencyLowPrecision",
  /** Dense 16-bit peak (TFLOPS) and memory bandwidth (GB/s) of the chip the compute efficiencies were measured on;
   * chips of the family with another FLOP-per-byte ratio scale them (see engine/op-time.ts). 0 = no scaling. */
  "referencePeakTflops",
  "referenceBandwidthGBps",
  /** GEMM rows are padded to a multiple of this tile height (wave/tile quantisation for small M). */
  "gemmTileM",
  /** Achieved fraction of datasheet memory bandwidth when streaming weights and activations. */
  "memoryEfficiency",
  /** Achieved fraction of memory bandwidth by memory-bound (small-M, decode) GEMMs streaming their weights, where
   * the GEMM library measurably streams slower than a copy kernel; 0 = the same as memoryEfficiency. */
  "gemmMemoryEfficiency",
  /** Achieved fraction of the 16-bit peak by the prefill attention kernel (FlashAttention-class). */
  "attentionComputeEfficiency",
  /** Achieved fraction of memory bandwidth by the decode attention kernel reading the KV cache. */
  "attentionMemoryEfficiency",
  /** Fixed cost per kernel (launch, ramp and tail), seconds. */
  "kernelOverheadS",
  /** Fixed cost per forward step outside kernels (scheduler, sampling, host sync), seconds. */
  "stepOverheadS",
  /** Host cost per running sequence per step (scheduling, sampling, detokenisation), seconds. */
  "sequenceOverheadS",
  /** Latency floor of one collective call (α of the α–β model), seconds. */
  "collectiveLatencyS",
  /** Achieved fraction of per-direction scale-up bandwidth (bus bandwidth) for all-reduce / all-gather. */
  "scaleUpEfficiency",
  /** Achieved fraction of scale-out NIC bandwidth. */
  "scaleOutEfficiency",
  /** Latency floor of one expert-parallel dispatch or combine (all-to-all), seconds; 0 = collectiveLatencyS. */
  "allToAllLatencyS",
  /** Achieved fraction of scale-up bandwidth by expert-parallel dispatch/combine (all-to-all). */
  "allToAllEfficiency",
  /** Fraction of expert-parallel all-to-all time hidden behind compute (micro-batch overlap). */
  "commOverlap",
  /** Fraction of device memory held back by the runtime (allocator, workspace, graphs). */
  "memoryReserveFraction",
  /** Ratio of achieved to modelled throughput of a whole serving step, fitted per family (1 = physics only). */
  "servingEfficiency",
  /** Ratio of achieved to modelled speed of a whole training step, fitted per family (1 = physics only). */
  "trainingEfficiency",
]);
export type CalibrationParameterName = z.infer<typeof CalibrationParameterName>;

/** One number and what it rests on. `fitted` names the cases and sources it was fitted to; `microbenchmark`
 * names the measurement (source, date, method); `physics` / `assumption` say why in `note`. */
export const CalibrationParameter = z
  .strictObject({
    value: z.number().finite().nonnegative(),
    basis: z.enum(["microbenchmark", "fitted", "physics", "assumption"]),
    source: SourceKeys.optional(),
    date: IsoDate.optional(),
    method: z.string().optional(),
    fittedTo: z
      .strictObject({
        cases: z.array(z.string()).min(1),
        sources: z.array(z.string()).min(1),
      })
      .optional(),
    note: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.basis === "fitted" && !p.fittedTo)
      ctx.addIssue({ code: "custom", path: ["fittedTo"], message: "a fitted value names the cases and sources it was fitted to" });
    if (p.basis === "microbenchmark" && (!p.source || !p.method))
      ctx.addIssue({ code: "custom", path: ["source"], message: "a micro-benchmark value needs source and method" });
  });
export type CalibrationParameter = z.infer<typeof CalibrationParameter>;

export const CalibrationProfile = z
  .strictObject({
    id: CatalogId,
    /** The profile this one inherits from (missing parameters); null only for `default`. */
    parent: z.string().nullable(),
    /** Chips this profile applies to: accelerator `family` values and software `stack`s. */
    match: z.strictObject({ families: z.array(z.string()).default([]), stacks: z.array(z.string()).default([]) }),
    description: z.string(),
    parameters: z.partialRecord(CalibrationParameterName, CalibrationParameter),
    /** Leave-one-source-out error of the public inference cases this profile's chips cover (its subtree), written
     * by the validation run; the engine's error bands come from it. Absent = unvalidated. */
    validation: z
      .strictObject({
        cases: z.number().int().nonnegative(),
        sources: z.number().int().nonnegative(),
        medianAbsError: z.number().nonnegative(),
        p90AbsError: z.number().nonnegative(),
      })
      .optional(),
    sources: SourceMap.default({}),
    reviewed: IsoDate.optional(),
  })
  .superRefine((p, ctx) => {
    const keys = new Set(Object.keys(p.sources));
    for (const [name, v] of Object.entries(p.parameters)) checkSourceKeys(ctx, keys, v ?? {}, ["parameters", name]);
  });
export type CalibrationProfile = z.infer<typeof CalibrationProfile>;

// Accelerator schema: one chip as sold (catalog/accelerators/<id>.yaml). Units are in the field names.
import { z } from "zod";
import {
  CatalogId,
  checkCitedSources,
  ID_PATTERN,
  IsoDate,
  Price,
  SourceMap,
  SourcedBoolean,
  SourcedNonNegative,
  SourcedNumber,
  SourcedText,
} from "./schema-common.js";

/** Precisions a peak can be given for. `fp16Acc16` is the FP16-accumulate tensor rate of GeForce parts, kept
 * apart from `fp16`/`bf16`, which are always FP32-accumulate rates. Integer precisions are in TOPS. */
export const PeakPrecision = z.enum(["fp64", "fp32", "tf32", "bf16", "fp16", "fp16Acc16", "fp8", "int8", "fp4", "int4"]);
export type PeakPrecision = z.infer<typeof PeakPrecision>;

/** A peak rate in TFLOPS (TOPS for int8/int4) with its basis: dense, or unstated when the vendor does not say.
 * Sparse (2:4) figures never go here: they belong in `peakTflopsSparse`; a dense value derived from a sparse one is
 * graded derived with its formula ("3,352 ÷ 2"). */
export const Peak = z.intersection(
  SourcedNonNegative,
  z.object({
    basis: z
      .enum(["dense", "unstated"], { message: 'basis must be "dense" or "unstated"; sparse peaks go in peakTflopsSparse' })
      .optional(),
  }),
);

export const Market = z.enum(["global", "china-variant", "domestic-china", "us-cloud-only", "edge"]);
export const ChipStatus = z.enum(["shipping", "announced", "reported", "cancelled", "discontinued"]);
/** Software stack; with `family` it names the calibration family (architecture generation × stack). */
export const SoftwareStack = z.enum(["cuda", "rocm", "cann", "gaudi", "xla", "neuron", "other"]);

export const Accelerator = z
  .strictObject({
    id: z.string().regex(ID_PATTERN, "ids are lower-case kebab-case, e.g. h100-sxm"),
    name: z.string().min(2),
    /** Official spelling, e.g. "昇腾 910B" for display in Chinese. */
    nameZh: z.string().optional(),
    vendor: z.string().min(2),
    aliases: z.array(CatalogId).default([]),
    /** Architecture generation, e.g. hopper, ampere, blackwell, ada, cdna3, ascend-910b. */
    family: CatalogId,
    stack: SoftwareStack,
    market: Market,
    status: ChipStatus,
    formFactor: z.string().optional(),
    releaseDate: SourcedText,
    /** Designed or marketed for data centres (Note 2 to 3A090 turns on it). */
    dataCenter: SourcedBoolean,
    /** Peak rate per precision, TFLOPS (TOPS for integer formats). A missing key means the format is unsupported
     * or unknown; write `{unknown: true, note}` when it is supported but no figure was found. */
    peakTflops: z.partialRecord(PeakPrecision, Peak),
    /** Sparse (2:4) peaks, kept apart from dense ones; never used by the engine or TPP. */
    peakTflopsSparse: z.partialRecord(PeakPrecision, SourcedNonNegative).optional(),
    memory: z.strictObject({
      capacityGB: SourcedNonNegative,
      type: SourcedText,
      bandwidthGBps: SourcedNonNegative,
    }),
    /** Chip-to-chip fabric (NVLink, HCCS, Infinity Fabric, ICI). Omit for PCIe-only parts. */
    scaleUp: z
      .strictObject({
        name: z.string(),
        perDirectionGBps: SourcedNonNegative,
        links: SourcedNonNegative.optional(),
        /** Largest scale-up domain the chip supports (chips), e.g. 8, 72, 384. */
        maxDomain: SourcedNonNegative.optional(),
      })
      .optional(),
    hostInterface: z
      .strictObject({
        pcieGen: z.number().int().min(1).max(7),
        lanes: z.number().int().positive(),
        perDirectionGBps: SourcedNonNegative,
      })
      .optional(),
    /** Typical scale-out NIC bandwidth per chip in its reference system, Gbit/s. */
    scaleOutGbps: SourcedNonNegative.optional(),
    tdpW: SourcedNonNegative,
    /** Applicable die area (BIS sense): all logic dies on a non-planar process, HBM and planar dies excluded. */
    dieAreaMm2: SourcedNonNegative.optional(),
    /** How many logic dies and what they are, e.g. "2 × 910B-class dies". */
    dies: z.string().optional(),
    process: SourcedText.optional(),
    software: z.array(z.string()).min(1),
    /** Clock the peaks are quoted at, MHz (optional, for TPP at the highest claimed clock). */
    boostClockMHz: SourcedNumber.optional(),
    prices: z.array(Price).default([]),
    sources: SourceMap,
    notes: z.string().optional(),
    /** When the entry was last checked against its sources. */
    reviewed: IsoDate.optional(),
  })
  // Every cited key must exist in `sources`.
  .superRefine(checkCitedSources);
export type Accelerator = z.infer<typeof Accelerator>;

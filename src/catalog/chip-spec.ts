// ChipSpec: an accelerator's numbers converted once to SI (FLOP/s, bytes, B/s, W) for the engine and compliance.
import {
  fromGB,
  fromGBps,
  fromGbitps,
  fromTflops,
  type BitsPerSecond,
  type Bytes,
  type BytesPerSecond,
  type FlopPerSecond,
  type Watts,
} from "../units/index.js";
import type { Accelerator, PeakPrecision } from "./schema-accelerator.js";
import { boundsOf, typicalOf, type Grade, type SourcedNumber } from "./schema-common.js";

/** A value in SI with its spread and grade; null value = unknown. */
export interface SpecValue<U extends number = number> {
  value: U | null;
  /** [low, high] where sources disagree; equal to value otherwise. */
  bounds: [number, number] | null;
  grade: Grade | "unknown";
}

export interface ChipSpec {
  id: string;
  name: string;
  family: string;
  stack: Accelerator["stack"];
  /** Dense peak per precision, FLOP/s (OP/s for integers). Peaks whose basis is unstated are included and flagged. */
  peak: Partial<Record<PeakPrecision, SpecValue<FlopPerSecond> & { basis: "dense" | "unstated" }>>;
  memoryCapacity: SpecValue<Bytes>;
  memoryBandwidth: SpecValue<BytesPerSecond>;
  /** Scale-up fabric bandwidth per chip, one direction. */
  scaleUpBandwidth: SpecValue<BytesPerSecond>;
  scaleUpMaxDomain: number | null;
  hostBandwidth: SpecValue<BytesPerSecond>;
  scaleOut: SpecValue<BitsPerSecond>;
  tdp: SpecValue<Watts>;
  dieAreaMm2: SpecValue;
}

function spec<U extends number>(v: SourcedNumber | undefined, toSI: (x: number) => U): SpecValue<U> {
  const t = typicalOf(v);
  const b = boundsOf(v);
  return {
    value: t === null ? null : toSI(t),
    bounds: b === null ? null : [toSI(b[0]), toSI(b[1])],
    grade: !v || "unknown" in v ? "unknown" : v.grade,
  };
}

/** Converts an accelerator's data (units in names) to SI. Sparse peaks are never used. */
export function chipSpec(chip: Accelerator): ChipSpec {
  const peak: ChipSpec["peak"] = {};
  for (const [p, v] of Object.entries(chip.peakTflops) as [PeakPrecision, Accelerator["peakTflops"][PeakPrecision]][]) {
    if (!v) continue;
    const basis = "basis" in v ? v.basis : undefined;
    const s = spec(v, fromTflops);
    if (s.value === null) continue;
    peak[p] = { ...s, basis: basis === "dense" ? "dense" : "unstated" };
  }
  return {
    id: chip.id,
    name: chip.name,
    family: chip.family,
    stack: chip.stack,
    peak,
    memoryCapacity: spec(chip.memory.capacityGB, fromGB),
    memoryBandwidth: spec(chip.memory.bandwidthGBps, fromGBps),
    scaleUpBandwidth: spec(chip.scaleUp?.perDirectionGBps, fromGBps),
    scaleUpMaxDomain: typicalOf(chip.scaleUp?.maxDomain),
    hostBandwidth: spec(chip.hostInterface?.perDirectionGBps, fromGBps),
    scaleOut: spec(chip.scaleOutGbps, fromGbitps),
    tdp: spec(chip.tdpW, (w) => w as Watts),
    dieAreaMm2: spec(chip.dieAreaMm2, (x) => x),
  };
}

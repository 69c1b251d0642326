// Coverage: how many of the catalog's spec fields are known, per chip and in all (`suanli chips --coverage`).
import type { Accelerator } from "./schema-accelerator.js";

/** The spec fields counted, as dotted paths into an accelerator file. */
export const COVERAGE_FIELDS = [
  "releaseDate",
  "dataCenter",
  "peakTflops.bf16",
  "peakTflops.fp16",
  "peakTflops.fp8",
  "peakTflops.int8",
  "memory.capacityGB",
  "memory.type",
  "memory.bandwidthGBps",
  "scaleUp.perDirectionGBps",
  "hostInterface.perDirectionGBps",
  "scaleOutGbps",
  "tdpW",
  "dieAreaMm2",
  "process",
  "prices",
] as const;

/** The fields every shipping chip must have filled or explicitly marked not found. */
export const REQUIRED_FOR_SHIPPING = ["peakTflops.bf16|peakTflops.fp16", "memory.capacityGB", "memory.bandwidthGBps", "tdpW"];

function get(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** Known: present and not `{unknown: true}` (for prices: at least one). */
export function isKnown(chip: Accelerator, path: string): boolean {
  const v = get(chip, path);
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object" && "unknown" in v) return false;
  return true;
}

/** Present at all, known or explicitly marked unknown. */
export function isStated(chip: Accelerator, path: string): boolean {
  return path.split("|").some((p) => get(chip, p) !== undefined);
}

export interface Coverage {
  chips: number;
  fields: number;
  known: number;
  /** known / (chips × fields) */
  share: number;
  byField: { field: string; known: number }[];
  byChip: { id: string; known: number }[];
}

export function coverage(chips: readonly Accelerator[]): Coverage {
  const byField = COVERAGE_FIELDS.map((field) => ({ field, known: chips.filter((c) => isKnown(c, field)).length }));
  const byChip = chips.map((c) => ({ id: c.id, known: COVERAGE_FIELDS.filter((f) => isKnown(c, f)).length }));
  const known = byField.reduce((s, f) => s + f.known, 0);
  return {
    chips: chips.length,
    fields: COVERAGE_FIELDS.length,
    known,
    share: chips.length ? known / (chips.length * COVERAGE_FIELDS.length) : 0,
    byField,
    byChip,
  };
}

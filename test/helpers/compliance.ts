// Test helpers for the export-control engine: inline chips (independent of the catalog's chip files) and a catalog
// bundle built only from catalog.yaml, rules, country groups and timeline (optionally with edited rule texts).
import { join } from "node:path";
import {
  Accelerator,
  buildBundle,
  type CatalogBundle,
  type DataFile,
  type PeakPrecision,
} from "../../src/index.js";
import { readCatalogFiles } from "../../scripts/catalog-files.js";
import { ROOT } from "./cli.js";

const RULE_DIRS = ["catalog.yaml", "rules/", "country-groups/", "timeline/"];

/** The rule-side data files of the real catalog. */
export function ruleFiles(): DataFile[] {
  return readCatalogFiles(join(ROOT, "catalog")).filter((f) =>
    RULE_DIRS.some((d) => f.path === d || f.path.startsWith(d)),
  );
}

/** A bundle of the rule data (no chips), after applying `edit` to each file's text. Fails the test on any issue. */
export function ruleBundle(edit: (f: DataFile) => string = (f) => f.text): CatalogBundle {
  const { bundle, issues } = buildBundle(
    ruleFiles().map((f) => ({ path: f.path, text: edit(f) })),
    "test",
  );
  if (!bundle) throw new Error(`rule data does not build: ${issues.map((i) => i.message).join("; ")}`);
  return bundle;
}

export interface ChipSpecInput {
  id: string;
  vendor?: string;
  dataCenter?: boolean | null;
  /** Dense peaks, TFLOPS/TOPS; a [lo, hi] pair is a sourced range. */
  peaks: Partial<Record<PeakPrecision, number | [number, number]>>;
  basis?: "dense" | "unstated";
  dramGBps: number | null;
  /** NVLink/HCCS per direction, GB/s; omit for PCIe-only cards. */
  scaleUpPerDirGBps?: number | null;
  hostPerDirGBps?: number;
  dieMm2?: number | null;
}

const src = { grade: "official" as const, source: "t" };
const num = (v: number | null | undefined) =>
  v === null || v === undefined ? { unknown: true, note: "not in test data" } : { value: v, ...src };

/** An Accelerator as the schema would parse it from a spec file. */
export function testChip(s: ChipSpecInput): Accelerator {
  const peakTflops = Object.fromEntries(
    Object.entries(s.peaks).map(([p, v]) => [
      p,
      Array.isArray(v)
        ? { range: v, ...src, basis: s.basis ?? "dense" }
        : { value: v, ...src, basis: s.basis ?? "dense" },
    ]),
  );
  return Accelerator.parse({
    id: s.id,
    name: `Test ${s.id}`,
    vendor: s.vendor ?? "NVIDIA",
    family: "test",
    stack: "cuda",
    market: "global",
    status: "shipping",
    releaseDate: { value: "2024", ...src },
    dataCenter:
      s.dataCenter === null
        ? { unknown: true, note: "not in test data" }
        : { value: s.dataCenter ?? true, ...src },
    peakTflops,
    memory: {
      capacityGB: { value: 80, ...src },
      type: { value: "HBM3", ...src },
      bandwidthGBps: num(s.dramGBps),
    },
    ...(s.scaleUpPerDirGBps !== undefined
      ? { scaleUp: { name: "NVLink", perDirectionGBps: num(s.scaleUpPerDirGBps) } }
      : {}),
    hostInterface: { pcieGen: 5, lanes: 16, perDirectionGBps: { value: s.hostPerDirGBps ?? 64, ...src } },
    tdpW: { value: 700, ...src },
    ...(s.dieMm2 !== undefined ? { dieAreaMm2: num(s.dieMm2) } : {}),
    software: ["test"],
    sources: { t: { title: "test data", url: "test fixture", date: "2026" } },
  });
}

/** The worked-check chips of the rule texts and reference tables (dense datasheet rates). */
export const CHIPS = {
  a100: testChip({
    id: "a100-sxm-80gb",
    peaks: { bf16: 312, int8: 624 },
    dramGBps: 2039,
    scaleUpPerDirGBps: 300,
    hostPerDirGBps: 32,
    dieMm2: 826,
  }),
  a800: testChip({
    id: "a800-sxm-80gb",
    peaks: { bf16: 312, int8: 624 },
    dramGBps: 2039,
    scaleUpPerDirGBps: 200,
    hostPerDirGBps: 32,
    dieMm2: 826,
  }),
  h100: testChip({
    id: "h100-sxm",
    peaks: { bf16: 989.5, fp8: 1979 },
    dramGBps: 3350,
    scaleUpPerDirGBps: 450,
    hostPerDirGBps: 64,
    dieMm2: 814,
  }),
  h800: testChip({
    id: "h800-sxm",
    peaks: { bf16: 989.5, fp8: 1979 },
    dramGBps: 3350,
    scaleUpPerDirGBps: 200,
    hostPerDirGBps: 64,
    dieMm2: 814,
  }),
  h200: testChip({
    id: "h200-sxm",
    peaks: { bf16: 989.5, fp8: 1979 },
    dramGBps: 4800,
    scaleUpPerDirGBps: 450,
    hostPerDirGBps: 64,
    dieMm2: 814,
  }),
  b200: testChip({
    id: "b200",
    peaks: { bf16: 2250, fp8: 4500 },
    dramGBps: 8000,
    scaleUpPerDirGBps: 900,
    hostPerDirGBps: 64,
    dieMm2: 1600,
  }),
  h20: testChip({
    id: "h20",
    peaks: { bf16: 148, fp8: 296 },
    dramGBps: 4000,
    scaleUpPerDirGBps: 450,
    hostPerDirGBps: 64,
    dieMm2: 814,
  }),
  l20: testChip({
    id: "l20",
    peaks: { bf16: 119.5, fp8: 239 },
    dramGBps: 864,
    hostPerDirGBps: 32,
    dieMm2: 608.5,
  }),
  rtx4090: testChip({
    id: "rtx-4090",
    dataCenter: false,
    peaks: { fp16Acc16: 330.3, fp8: 660.6 },
    dramGBps: 1008,
    hostPerDirGBps: 32,
    dieMm2: 608.5,
  }),
  rtx4090d: testChip({
    id: "rtx-4090d",
    dataCenter: false,
    peaks: { fp16Acc16: 294.15, fp8: 588.3 },
    dramGBps: 1008,
    hostPerDirGBps: 32,
    dieMm2: 608.5,
  }),
  rtx5090d: testChip({
    id: "rtx-5090d",
    dataCenter: false,
    peaks: { fp8: 593.75, fp4: 1187.5 },
    dramGBps: 1792,
    hostPerDirGBps: 64,
    dieMm2: 750,
  }),
  rtx5090dV2: testChip({
    id: "rtx-5090d-v2",
    dataCenter: false,
    peaks: { fp8: 593.75, fp4: 1187.5 },
    dramGBps: 1344,
    hostPerDirGBps: 64,
    dieMm2: 750,
  }),
  ascend910b: testChip({
    id: "ascend-910b",
    vendor: "Huawei",
    basis: "unstated",
    peaks: { fp16: [320, 376] },
    dramGBps: 1600,
    scaleUpPerDirGBps: 196,
    hostPerDirGBps: 32,
    dieMm2: 665.61,
  }),
} as const;

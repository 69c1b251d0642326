// The catalog's content: every required chip id, enough chips, sourced numbers, systems that point at real chips,
// and a floor on how many spec fields are known (suanli chips --coverage).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, coverage, findChip, findSystem, isStated, REQUIRED_FOR_SHIPPING } from "../src/index.js";
import { ROOT } from "./helpers/cli.js";

/** Ids every catalog must have (shared/validation/chip-ids.md; compared with it below when present). */
const REQUIRED_IDS = [
  "a100-sxm-80gb",
  "a800-sxm-80gb",
  "h100-sxm",
  "h100-pcie",
  "h800-sxm",
  "h20",
  "h20-141gb",
  "h200-sxm",
  "b200",
  "gb200",
  "b300",
  "l20",
  "l40s",
  "rtx-4090",
  "rtx-4090d",
  "rtx-5090",
  "rtx-5090d",
  "rtx-pro-6000",
  "rtx-pro-6000d",
  "mi250x",
  "mi300x",
  "mi308x",
  "mi325x",
  "mi355x",
  "gaudi2",
  "gaudi3",
  "ascend-910",
  "ascend-910b1",
  "ascend-910b2",
  "ascend-910b3",
  "ascend-910b4",
  "ascend-910b",
  "ascend-910c",
  "ascend-950pr",
  "ascend-950dt",
  "ascend-960",
  "ascend-970",
  "ascend-310p",
  "mlu370-x8",
  "mlu590",
  "hygon-k100-ai",
  "kunlunxin-p800",
  "biren-br100",
  "metax-c500",
  "metax-c500-pcie",
  "mthreads-s4000",
  "tpu-v5e",
  "tpu-v5p",
  "tpu-v6e",
  "tpu-v7",
  "trainium2",
  "jetson-agx-orin",
];

/** Systems issue 2 asks for, by a name a user would type. */
const REQUIRED_SYSTEMS = [
  "DGX A100",
  "HGX A800",
  "DGX H100",
  "HGX H800",
  "HGX H20",
  "DGX H200",
  "DGX B200",
  "GB200 NVL72",
  "Atlas 800T A2",
  "Atlas 800I A2",
  "Atlas 900 A2 PoD(c)",
  "Atlas 900 A2 PoDc",
  "Atlas 800I A3",
  "CloudMatrix384",
];

describe("catalog content", () => {
  it("has every required accelerator id (ascend-910b as an alias of one variant)", () => {
    const missing = REQUIRED_IDS.filter((id) => !findChip(id).ok);
    expect(missing).toEqual([]);
    const b = findChip("ascend-910b");
    expect(b.ok && /^ascend-910b[1-4]$/.test(b.value.id)).toBe(true);
  });

  it("the required id list matches shared/validation/chip-ids.md when present", () => {
    const path = join(ROOT, "../shared/validation/chip-ids.md");
    if (!existsSync(path)) {
      console.log("chip-ids.md comparison: not run (../shared absent)");
      expect(existsSync(path)).toBe(false);
      return;
    }
    const text = readFileSync(path, "utf8");
    const ids = [...text.matchAll(/`([a-z0-9][a-z0-9.-]*)`/g)]
      .map((m) => m[1]!)
      .filter((id) => !id.includes("…"));
    const missing = ids.filter((id) => !findChip(id).ok);
    expect(missing).toEqual([]);
  });

  it("holds at least 50 accelerators with unique ids", () => {
    expect(catalog.accelerators.length).toBeGreaterThanOrEqual(50);
    expect(new Set(catalog.accelerators.map((c) => c.id)).size).toBe(catalog.accelerators.length);
  });

  it("every shipping chip states bf16/fp16 peak, memory capacity, bandwidth and TDP (value or explicit unknown)", () => {
    const gaps = catalog.accelerators
      .filter((c) => c.status === "shipping")
      .flatMap((c) => REQUIRED_FOR_SHIPPING.filter((f) => !isStated(c, f)).map((f) => `${c.id}: ${f}`));
    expect(gaps).toEqual([]);
  });

  it("every chip cites at least one source, none of them ../shared", () => {
    for (const c of catalog.accelerators) {
      expect(Object.keys(c.sources).length, c.id).toBeGreaterThan(0);
      for (const s of Object.values(c.sources)) expect(s.url.includes("shared/"), c.id).toBe(false);
    }
  });

  it("coverage stays above its floor (suanli chips --coverage)", () => {
    const cov = coverage(catalog.accelerators);
    expect(cov.share).toBeGreaterThanOrEqual(0.6);
  });

  it("every system ships a catalog chip and the required systems resolve by name", () => {
    for (const s of catalog.systems) expect(findChip(s.chip).ok, `${s.id} → ${s.chip}`).toBe(true);
    const missing = REQUIRED_SYSTEMS.filter((n) => !findSystem(n).ok);
    expect(missing).toEqual([]);
  });
});

// whatIf(chips, thresholds, query): which chips change status under user thresholds and by how much they clear or
// miss; the compliant frontier (best chip per metric still allowed).
import { describe, expect, it } from "vitest";
import { compliantFrontier, whatIf } from "../src/index.js";
import { CHIPS, ruleBundle } from "./helpers/compliance.js";

const cat = ruleBundle();
const chips = [CHIPS.h20, CHIPS.l20, CHIPS.rtx4090d, CHIPS.h100, CHIPS.rtx5090dV2];
const q = { date: "2024-06-01", destination: "CN" };

describe("whatIf", () => {
  it("whatIf({tpp: 1,600}) on 2024-06-01 to CN catches H20, L20, RTX 4090D and 5090D V2; H100 was already controlled", () => {
    const rows = whatIf(chips, { tpp: 1600 }, q, cat);
    const changed = rows
      .filter((r) => r.changed)
      .map((r) => r.chip)
      .sort();
    expect(changed).toEqual(["h20", "l20", "rtx-4090d", "rtx-5090d-v2"]);
    expect(rows.find((r) => r.chip === "h100-sxm")).toMatchObject({
      before: "controlled",
      after: "controlled",
      changed: false,
    });
  });
  it("reports margins: H20 TPP 2,368 clears 1,600 by 48 %", () => {
    const h20 = whatIf([CHIPS.h20], { tpp: 1600 }, q, cat)[0]!;
    expect(h20.margins[0]!.relative).toBeCloseTo(2368 / 1600 - 1, 6);
    expect(h20.margins[0]!.text).toContain("clears by 48");
  });
  it("whatIf({dramBandwidthGBps: 1,000}) misses L20 (864) by 13.6 %", () => {
    const l20 = whatIf([CHIPS.l20], { dramBandwidthGBps: 1000 }, q, cat)[0]!;
    expect(l20.after).toBe("not-controlled");
    expect(l20.margins[0]!.relative).toBeCloseTo(864 / 1000 - 1, 6);
    expect(l20.margins[0]!.text).toContain("misses by 13.6");
  });
  it("replace mode uses only the user's thresholds: H100 is free at TPP 20,000", () => {
    const [h100] = whatIf([CHIPS.h100], { tpp: 20000 }, q, cat, { mode: "replace" });
    expect(h100).toMatchObject({ before: "controlled", after: "not-controlled", changed: true });
  });
  it("the hypothetical applies to the asked destination only", () => {
    const [h20] = whatIf([CHIPS.h20], { tpp: 1600 }, { date: "2024-06-01", destination: "DE" }, cat);
    expect(h20!.after).toBe("controlled");
    expect(h20!.after_.decidedBy).toEqual(["what-if"]);
  });
});

describe("compliantFrontier", () => {
  it("under the 2024 rules to CN the best allowed dense BF16 and bandwidth come from H20", () => {
    const rows = whatIf(chips, { tpp: 100000 }, q, cat);
    const status = new Map(rows.map((r) => [r.chip, r.before]));
    const f = compliantFrontier(chips, (c) => status.get(c.id)!);
    expect(f.find((x) => x.metric === "bf16Tflops")).toMatchObject({ chip: "h20", value: 148 });
    expect(f.find((x) => x.metric === "memoryBandwidthGBps")).toMatchObject({ chip: "h20", value: 4000 });
  });
  it("after a DRAM line of 1,400 GB/s the bandwidth frontier falls to the RTX 5090D V2 (1,344)", () => {
    const rows = whatIf(chips, { dramBandwidthGBps: 1400 }, q, cat);
    const status = new Map(rows.map((r) => [r.chip, r.after]));
    expect(
      compliantFrontier(chips, (c) => status.get(c.id)!).find((x) => x.metric === "memoryBandwidthGBps"),
    ).toMatchObject({
      chip: "rtx-5090d-v2",
      value: 1344,
    });
  });
});

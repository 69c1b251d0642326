// CLI contracts of validate, infer and plan serve: exit codes, JSON shapes, clear messages on bad input.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./helpers/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "suanli-cli-"));

describe("suanli validate", () => {
  it("validate --cases validation/public-cases.json --json prints every case and the summary per kind", () => {
    const r = runCli(["validate", "--cases", "validation/public-cases.json", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      cases: { id: string; error: number | null }[];
      summary: { byKind: { inference: { count: number } } };
    };
    expect(doc.cases.length).toBeGreaterThan(50);
    expect(doc.summary.byKind.inference.count).toBeGreaterThan(20);
  });

  it("validate on a missing file exits 2 with a message naming it", () => {
    const r = runCli(["validate", "--cases", join(tmp, "nope.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nope.json");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("validate on malformed JSON exits 2", () => {
    const f = join(tmp, "bad.json");
    writeFileSync(f, "[{");
    const r = runCli(["validate", "--cases", f]);
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("a bad case is a row with its reason; the run completes (exit 0)", () => {
    const f = join(tmp, "one-bad.json");
    writeFileSync(f, JSON.stringify([{ id: "x-1", kind: "inference", system: { chip: "h100", count: 1 } }]));
    const r = runCli(["validate", "--cases", f, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { cases: { id: string; predicted: null; reason: string }[] };
    expect(doc.cases[0]?.predicted).toBeNull();
    expect(doc.cases[0]?.reason).toMatch(/schema error/);
  });
});

describe("suanli infer", () => {
  it("infer --model llama-3.1-8b --chip h100 --batch 32 --json gives a positive throughput and an error band", () => {
    const r = runCli(["infer", "--model", "llama-3.1-8b", "--chip", "h100", "--batch", "32", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      estimate: { outputTokensPerSecondPerChip: number };
      errorBand: { status: string };
    };
    expect(doc.estimate.outputTokensPerSecondPerChip).toBeGreaterThan(0);
    expect(["validated", "unvalidated"]).toContain(doc.errorBand.status);
  });

  it("infer with an unknown chip exits 2 with a suggestion", () => {
    const r = runCli(["infer", "--model", "llama-3.1-8b", "--chip", "h1000"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown chip/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("infer --override memoryBandwidthGBps=… raises decode throughput", () => {
    const decode = "infer --model llama-3.1-8b --chip h100 --batch 8 --phase decode --json".split(" ");
    const base = runCli(decode);
    const fast = runCli([...decode, "--override", "memoryBandwidthGBps=6700"]);
    const t = (s: string) =>
      (JSON.parse(s) as { estimate: { outputTokensPerSecondPerChip: number } }).estimate
        .outputTokensPerSecondPerChip;
    expect(t(fast.stdout)).toBeGreaterThan(t(base.stdout) * 1.3);
  });
});

describe("suanli plan serve", () => {
  const r1 = ["plan", "serve", "--model", "deepseek-r1", "--rate", "20", "--chip", "h20"];

  it("plan serve --speculative mtp:1.8 needs no more chips and gives more tokens per chip than without (DeepSeek-R1, H20)", () => {
    const args = [...r1, "--tpot-ms", "50", "--json"];
    type Doc = { plans: { chips?: number; capacityPerChip?: number }[] };
    const plain = runCli(args);
    const mtp = runCli([...args, "--speculative", "mtp:1.8"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(mtp.code, mtp.stderr).toBe(0);
    const a = (JSON.parse(plain.stdout) as Doc).plans[0]!;
    const b = (JSON.parse(mtp.stdout) as Doc).plans[0]!;
    expect(b.chips ?? Infinity).toBeLessThanOrEqual(a.chips ?? 0);
    expect(b.capacityPerChip ?? 0).toBeGreaterThan(a.capacityPerChip ?? Infinity);
  }, 60_000);

  it("plan serve --speculative mtp:x exits 2 saying what is expected, without a stack trace", () => {
    const r = runCli([...r1, "--speculative", "mtp:x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected method:acceptLength/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("plan serve --model qwen3-8b --rate 2 --chip h100,h20 --json ranks both chips and counts configurations", () => {
    const r = runCli([
      "plan",
      "serve",
      "--model",
      "qwen3-8b",
      "--rate",
      "2",
      "--chip",
      "h100,h20",
      "--tpot-ms",
      "50",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      plans: { chip: string; chips?: number }[];
      configsEvaluated: number;
    };
    expect(doc.plans.map((p) => p.chip).sort()).toEqual(["h100-sxm", "h20"]);
    expect(doc.configsEvaluated).toBeGreaterThan(0);
  });
});

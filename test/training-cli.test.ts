// suanli train / plan train as a user runs them (built CLI): JSON contracts, explain, bad input → exit 2.
import { describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./helpers/cli.js";

describe("suanli train", () => {
  it("train --model llama-3.1-8b --chip h100 --count 8 --json gives the best configuration and its alternatives", () => {
    const r = runCli([
      "train",
      "--model",
      "llama-3.1-8b",
      "--chip",
      "h100",
      "--count",
      "8",
      "--seq",
      "4096",
      "--global-batch",
      "64",
      "--top",
      "3",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      best: {
        tokensPerSecondPerChip: number;
        mfu: number;
        config: { tp: number; pp: number; dp: number; cp: number };
      };
      alternatives: unknown[];
      evaluated: number;
    };
    expect(doc.best.tokensPerSecondPerChip).toBeGreaterThan(1000);
    expect(doc.best.mfu).toBeLessThan(1);
    const c = doc.best.config;
    expect(c.tp * c.pp * c.dp * c.cp).toBe(8);
    expect(doc.alternatives.length).toBe(2);
    expect(doc.evaluated).toBeGreaterThan(3);
  });
  it("train with fixed degrees and --tokens prints time-to-train with the goodput assumption", () => {
    const r = runCli([
      "train",
      "--model",
      "llama-3.1-70b",
      "--chip",
      "h100",
      "--count",
      "64",
      "--tp",
      "4",
      "--pp",
      "8",
      "--vpp",
      "5",
      "--mb",
      "1",
      "--recompute",
      "none",
      "--zero",
      "1",
      "--precision",
      "fp8",
      "--seq",
      "8192",
      "--global-batch",
      "128",
      "--tokens",
      "1T",
      "--explain",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tp4 pp8 vpp5 dp2/);
    expect(r.stdout).toMatch(/time to train 1 T tokens/);
    expect(r.stdout).toMatch(/Llama 3 interruption rate/);
    expect(r.stdout).toMatch(/attn\.core/);
  });
  it("a count that does not factor as tp·pp·dp·cp is bad input (exit 2, one message, no stack trace)", () => {
    const r = runCli(["train", "--model", "llama-3.1-8b", "--chip", "h100", "--count", "8", "--tp", "3"]);
    expect(r.code).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/tp|configuration/);
  });
  it("--count 0 is bad input", () => {
    const r = runCli(["train", "--model", "llama-3.1-8b", "--chip", "h100", "--count", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--count must be a positive integer/);
  });
});

describe("suanli plan train", () => {
  it("plan train --count 64 --chip h100,ascend-910b --json ranks one row per chip", () => {
    const r = runCli([
      "plan",
      "train",
      "--model",
      "llama-3.1-8b",
      "--tokens",
      "1T",
      "--count",
      "64",
      "--chip",
      "h100,ascend-910b",
      "--seq",
      "4096",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { rows: { chip: string; time: { wallSeconds: number } | null }[] };
    expect(doc.rows.map((x) => x.chip).sort()).toEqual(["ascend-910b3", "h100-sxm"].sort());
    expect(doc.rows[0]!.time!.wallSeconds).toBeLessThanOrEqual(doc.rows[1]!.time!.wallSeconds);
  });
});

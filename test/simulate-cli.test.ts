// `suanli simulate`: the latency table with the steady-state model beside it, one JSON document with meta, and
// bad input as a message with exit code 2 (run against the built CLI: npm run build first).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./helpers/cli.js";

const base = ["simulate", "--model", "llama-3.1-8b", "--chip", "h100", "--input", "1000", "--output", "200"];

describe("suanli simulate", () => {
  it("simulate --model llama-3.1-8b --chip h100 --rate 4 prints the TTFT/TPOT distribution beside the model", () => {
    const r = runCli([...base, "--rate", "4", "--requests", "300", "--ttft-ms", "200", "--tpot-ms", "50"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/TTFT \(ms\)/);
    expect(r.stdout).toMatch(/TPOT \(ms\)/);
    expect(r.stdout).toMatch(/p99/);
    expect(r.stdout).toMatch(/steady-state model/);
    expect(r.stdout).toMatch(/goodput \(TTFT ≤ 200 ms, TPOT ≤ 50 ms\)/);
    expect(r.stdout).toMatch(/output tokens\/s per chip/);
  });

  it("simulate --concurrency 32 --json is one document with meta, distributions and the steady-state figures", () => {
    const r = runCli([...base, "--concurrency", "32", "--requests", "400", "--dist", "uniform", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      meta: { version: string; catalogDate: string };
      workload: { arrival: string; concurrency: number };
      simulation: {
        ttft: { mean: number; p50: number; p90: number; p99: number };
        tpot: { mean: number; p99: number };
        outputTokensPerSecondPerChip: number;
        series: unknown[];
        requests?: unknown[];
      };
      steadyState: { outputTokensPerSecondPerChip: number; tpot: number } | null;
    };
    expect(doc.meta.version).toMatch(/\d+\.\d+\.\d+/);
    expect(doc.workload).toMatchObject({ arrival: "closed-loop", concurrency: 32 });
    expect(doc.simulation.ttft.p50).toBeLessThanOrEqual(doc.simulation.ttft.p99);
    expect(doc.simulation.tpot.mean).toBeGreaterThan(0);
    expect(doc.simulation.series.length).toBeGreaterThan(10);
    expect(doc.simulation.requests).toBeUndefined();
    expect(doc.steadyState).not.toBeNull();
    const gap =
      doc.simulation.outputTokensPerSecondPerChip / (doc.steadyState?.outputTokensPerSecondPerChip ?? 1);
    expect(gap).toBeGreaterThan(0.5);
    expect(gap).toBeLessThan(1.5);
  });

  it("simulate with the same --seed prints the same JSON twice", () => {
    const args = [...base, "--rate", "8", "--requests", "200", "--seed", "7", "--json"];
    const a = JSON.parse(runCli(args).stdout) as { simulation: unknown };
    const b = JSON.parse(runCli(args).stdout) as { simulation: unknown };
    expect(b.simulation).toEqual(a.simulation);
  });

  it("simulate --svg FILE plots the queue, batch and KV use over time", () => {
    const file = join(mkdtempSync(join(tmpdir(), "suanli-sim-")), "series.svg");
    const r = runCli([...base, "--rate", "6", "--requests", "200", "--svg", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`plot written to ${file}`);
    const svg = readFileSync(file, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("KV used %");
    expect(svg).toContain("time (s)");
  });

  it("simulate with both --rate and --concurrency exits 2 naming the choice, without a stack trace", () => {
    const r = runCli([...base, "--rate", "4", "--concurrency", "8"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exactly one of --rate/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("simulate --model no-such-model exits 2 with a message", () => {
    const r = runCli([
      "simulate",
      "--model",
      "no-such-model",
      "--chip",
      "h100",
      "--input",
      "10",
      "--output",
      "10",
      "--rate",
      "1",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-model/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("simulate --rate -1 exits 2", () => {
    const r = runCli([...base, "--rate", "-1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rate must be a positive number/);
  });
});

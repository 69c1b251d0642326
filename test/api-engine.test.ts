// API engine routes in-process: one inference estimate, one training estimate/search; bad input (400), infeasible
// and too-large requests (422), and the time budget (503).
import { afterAll, describe, expect, it } from "vitest";
import { stopWorkers } from "../server/run-job.js";
import { call, isProblem } from "./helpers/api.js";

afterAll(async () => {
  await stopWorkers();
});

const decode = {
  model: "deepseek-r1",
  system: { chip: "h20", count: 8 },
  inference: {
    phase: "decode",
    tp: 8,
    inputTokens: 2048,
    outputTokens: 512,
    batch: 32,
    scenario: "fixed-batch",
  },
};
const train = {
  model: "llama-3.1-70b",
  system: { chip: "h100-sxm", count: 64 },
  training: { seqLen: 8192, globalBatch: 128, precision: "bf16" },
};

describe("POST /api/v1/inference/estimate", () => {
  it("decode(deepseek-r1, 8×h20, tp8, batch 32) gives throughput, TPOT and a per-op breakdown", async () => {
    const r = await call<{
      estimate: { outputTokensPerSecondPerChip: number; tpot: number; decode: { ops: unknown[] } };
    }>("/api/v1/inference/estimate", { body: decode });
    expect(r.status).toBe(200);
    expect(r.body.estimate.outputTokensPerSecondPerChip).toBeGreaterThan(0);
    expect(r.body.estimate.tpot).toBeGreaterThan(0);
    expect(r.body.estimate.decode.ops.length).toBeGreaterThan(3);
  }, 30_000);

  it("more batch gives more throughput per chip (the route passes inputs through)", async () => {
    const small = await call<{ estimate: { outputTokensPerSecondPerChip: number } }>(
      "/api/v1/inference/estimate",
      {
        body: { ...decode, inference: { ...decode.inference, batch: 4 } },
      },
    );
    const big = await call<{ estimate: { outputTokensPerSecondPerChip: number } }>(
      "/api/v1/inference/estimate",
      { body: decode },
    );
    expect(big.body.estimate.outputTokensPerSecondPerChip).toBeGreaterThan(
      small.body.estimate.outputTokensPerSecondPerChip,
    );
  }, 30_000);

  it("a negative count is a 400 naming system.count", async () => {
    const r = await call("/api/v1/inference/estimate", {
      body: { ...decode, system: { chip: "h20", count: -1 } },
    });
    expect(r.status).toBe(400);
    expect(isProblem(r) && r.body.errors?.[0]?.path).toEqual(["system", "count"]);
  });

  it("tp × dp × pp that cannot equal the count is a 422 infeasible problem", async () => {
    const r = await call("/api/v1/inference/estimate", {
      body: { ...decode, inference: { ...decode.inference, tp: 3, dp: 1 } },
    });
    expect(r.status).toBe(422);
    expect(isProblem(r) && r.body.title).toBe("Infeasible input");
  }, 30_000);

  it("an unknown chip is a 422 naming it", async () => {
    const r = await call("/api/v1/inference/estimate", {
      body: { ...decode, system: { chip: "h2x", count: 8 } },
    });
    expect(r.status).toBe(422);
    expect(isProblem(r) && r.body.detail).toMatch(/h2x/);
  }, 30_000);

  it("a cluster over the per-request limit is a 422 too-much-work problem", async () => {
    const r = await call("/api/v1/inference/estimate", {
      body: { ...decode, system: { chip: "h20", count: 1_000_000 } },
    });
    expect(r.status).toBe(422);
    expect(isProblem(r) && r.body.title).toBe("Too much work for one request");
  });
});

describe("POST /api/v1/training/estimate", () => {
  it("searches what the request leaves open and returns the fastest with MFU and per-op times", async () => {
    const r = await call<{
      best: { mfu: number; ops: unknown[]; config: { tp: number } };
      evaluated: number;
      ranked: unknown[];
    }>("/api/v1/training/estimate", { body: train });
    expect(r.status).toBe(200);
    expect(r.body.best.mfu).toBeGreaterThan(0);
    expect(r.body.best.mfu).toBeLessThan(1);
    expect(r.body.best.ops.length).toBeGreaterThan(0);
    expect(r.body.evaluated).toBeGreaterThanOrEqual(r.body.ranked.length);
  }, 60_000);

  it("a recompute mode that does not exist is a 400 naming training.recompute", async () => {
    const r = await call("/api/v1/training/estimate", {
      body: { ...train, training: { ...train.training, recompute: "some" } },
    });
    expect(r.status).toBe(400);
    expect(isProblem(r) && r.body.errors?.[0]?.path).toEqual(["training", "recompute"]);
  });

  it("past the time budget it answers 503 with Retry-After instead of hanging", async () => {
    const r = await call("/api/v1/training/estimate", { body: train, options: { timeBudgetMs: 1 } });
    expect(r.status).toBe(503);
    expect(isProblem(r) && r.body.type).toBe("/docs#problem-time-budget");
  });
});

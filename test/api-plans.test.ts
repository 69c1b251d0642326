// API plan routes in-process: serving and training plans and the scaling curve; bad input (400), sweeps over the
// limits and unknown chips (422), the time budget (503).
import { afterAll, describe, expect, it } from "vitest";
import { stopWorkers } from "../server/run-job.js";
import { call, isProblem } from "./helpers/api.js";

afterAll(async () => {
  await stopWorkers();
});

const seed = {
  model: "deepseek-r1",
  chips: ["h20", "ascend-910b", "ascend-910c", "h100"],
  rate: 10,
  tpotMs: 50,
  to: "CN",
  includeRestricted: true,
};
type Plans = {
  plans: { chip: string; feasible: boolean; chips?: number; exportStatus?: { status: string } | null }[];
  configsEvaluated: number;
};

describe("POST /api/v1/plans/serving", () => {
  it("plan serve(deepseek-r1, seed chips, 10 req/s, TPOT 50 ms, to CN) gives one plan per chip with export status", async () => {
    const r = await call<Plans>("/api/v1/plans/serving", { body: seed });
    expect(r.status).toBe(200);
    expect(r.body.plans.map((p) => p.chip).sort()).toEqual([
      "ascend-910b3",
      "ascend-910c",
      "h100-sxm",
      "h20",
    ]);
    expect(r.body.configsEvaluated).toBeGreaterThan(0);
    expect(r.body.plans.every((p) => p.exportStatus?.status)).toBe(true);
    expect(r.body.plans.some((p) => p.feasible && (p.chips ?? 0) > 0)).toBe(true);
  }, 60_000);

  it("speculative decoding (MTP 1.8) in the request raises tokens per chip", async () => {
    type P = { plans: { capacityPerChip?: number }[] };
    const body = { ...seed, chips: ["h20"] };
    const a = await call<P>("/api/v1/plans/serving", { body });
    const b = await call<P>("/api/v1/plans/serving", {
      body: { ...body, speculative: { method: "mtp", acceptLength: 1.8 } },
    });
    expect(b.status).toBe(200);
    expect(b.body.plans[0]!.capacityPerChip ?? 0).toBeGreaterThan(
      a.body.plans[0]!.capacityPerChip ?? Infinity,
    );
  }, 60_000);

  it("twice the rate never needs fewer chips", async () => {
    const one = await call<Plans>("/api/v1/plans/serving", { body: { ...seed, chips: ["h100"] } });
    const two = await call<Plans>("/api/v1/plans/serving", { body: { ...seed, chips: ["h100"], rate: 20 } });
    expect(two.body.plans[0]!.chips!).toBeGreaterThanOrEqual(one.body.plans[0]!.chips!);
  }, 60_000);

  it("neither chips nor all is a 400 naming chips; a zero rate names rate", async () => {
    const none = await call("/api/v1/plans/serving", { body: { model: "deepseek-r1", rate: 10 } });
    expect(none.status).toBe(400);
    expect(isProblem(none) && none.body.errors?.[0]?.path).toEqual(["chips"]);
    const zero = await call("/api/v1/plans/serving", { body: { ...seed, rate: 0 } });
    expect(isProblem(zero) && zero.body.errors?.[0]?.path).toEqual(["rate"]);
  });

  it("an unknown chip is a 422 naming chips.1", async () => {
    const r = await call("/api/v1/plans/serving", { body: { ...seed, chips: ["h20", "h2x"] } });
    expect(r.status).toBe(422);
    expect(isProblem(r) && r.body.errors?.[0]?.pointer).toBe("/chips/1");
  }, 30_000);

  it("more chips than a plan may compare is a 422 too-much-work problem", async () => {
    const r = await call("/api/v1/plans/serving", {
      body: { ...seed, chips: Array.from({ length: 101 }, () => "h20") },
    });
    expect(r.status).toBe(422);
    expect(isProblem(r) && r.body.title).toBe("Too much work for one request");
  });

  it("all chips with a 1 ms budget answers 503, not a hung server", async () => {
    const r = await call("/api/v1/plans/serving", {
      body: { ...seed, chips: undefined, all: true },
      options: { timeBudgetMs: 1 },
    });
    expect(r.status).toBe(503);
  });
});

describe("POST /api/v1/plans/training and /plans/training/scaling", () => {
  it("a fixed count of 64 H100 trains llama-3.1-8b; twice the tokens takes twice the time", async () => {
    const body = {
      model: "llama-3.1-8b",
      chips: ["h100"],
      tokens: 1e11,
      count: 64,
      seqLen: 8192,
      globalBatch: 256,
    };
    const a = await call<{ rows: { count: number; time: { wallSeconds: number } }[] }>(
      "/api/v1/plans/training",
      { body },
    );
    expect(a.status).toBe(200);
    expect(a.body.rows[0]!.count).toBe(64);
    const b = await call<{ rows: { time: { wallSeconds: number } }[] }>("/api/v1/plans/training", {
      body: { ...body, tokens: 2e11 },
    });
    expect(b.body.rows[0]!.time.wallSeconds / a.body.rows[0]!.time.wallSeconds).toBeCloseTo(2, 2);
  }, 60_000);

  it("neither a deadline nor a count is a 400 naming deadlineDays", async () => {
    const r = await call("/api/v1/plans/training", {
      body: { model: "llama-3.1-8b", chips: ["h100"], tokens: 1e11, seqLen: 8192, globalBatch: 256 },
    });
    expect(r.status).toBe(400);
    expect(isProblem(r) && r.body.errors?.[0]?.path).toEqual(["deadlineDays"]);
  });

  it("the scaling curve has one point per size; a size over the limit is a 422 naming it", async () => {
    const body = { model: "llama-3.1-8b", chip: "h100", sizes: [8, 64], seqLen: 8192, globalBatch: 256 };
    const r = await call<{ points: { chips: number; best: { mfu: number } | null }[] }>(
      "/api/v1/plans/training/scaling",
      { body },
    );
    expect(r.status).toBe(200);
    expect(r.body.points.map((p) => p.chips)).toEqual([8, 64]);
    const big = await call("/api/v1/plans/training/scaling", { body: { ...body, sizes: [8, 1_000_000] } });
    expect(big.status).toBe(422);
    expect(isProblem(big) && big.body.errors?.[0]?.pointer).toBe("/sizes/1");
  }, 60_000);
});

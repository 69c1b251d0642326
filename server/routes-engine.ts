// Engine routes: one inference estimate and one training estimate (search over what the request leaves open),
// run off the main thread within the time budget; infeasible inputs are 422 problems naming the field.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { metaOf, type Result } from "../src/index.js";
import { API_BASE, LIMITS, Problem } from "./api-schemas-common.js";
import {
  InferenceEstimateRequest,
  InferenceEstimateResponse,
  TrainingEstimateRequest,
  TrainingEstimateResponse,
} from "./api-schemas-engine.js";
import { fieldErrorsOfIssues, reject, summarise } from "./problem.js";
import { jobProblem } from "./routes-validation.js";
import { runJob } from "./run-job.js";
import type { Api } from "./types.js";

/** Largest cluster one request may describe. */
export const MAX_CHIPS_PER_ESTIMATE = LIMITS.maxClusterChips;

const json = <S>(schema: S, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const prob = (description: string) => ({
  content: { "application/problem+json": { schema: Problem } },
  description,
});
const errors = {
  400: prob("invalid input, with field paths"),
  413: prob("body too large"),
  422: prob("infeasible configuration, or too much work for one request"),
  503: prob("time budget exceeded or busy"),
};

/** A 422 response when the cluster is over the limit, else null (return it when not null). */
function tooBig(c: Context, count: number): Response | null {
  if (count <= MAX_CHIPS_PER_ESTIMATE) return null;
  return reject(
    c,
    "tooMuchWork",
    `system.count ${count} is over the limit of ${MAX_CHIPS_PER_ESTIMATE} chips per request`,
    [{ path: ["system", "count"], pointer: "/system/count", message: `at most ${MAX_CHIPS_PER_ESTIMATE}` }],
  );
}

function infeasible(c: Context, r: Extract<Result<unknown>, { ok: false }>): never {
  const errs = fieldErrorsOfIssues(r.issues);
  return reject(c, "infeasible", summarise(errs), errs);
}

export function registerEngineRoutes(app: OpenAPIHono & Pick<Api, "limits">): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/inference/estimate`,
      tags: ["performance"],
      summary: "Estimate one serving scenario: throughput per chip, TPOT, TTFT, per-op breakdown and memory",
      request: {
        body: { content: { "application/json": { schema: InferenceEstimateRequest } }, required: true },
      },
      responses: { 200: json(InferenceEstimateResponse, "the estimate"), ...errors },
    }),
    async (c) => {
      const b = c.req.valid("json");
      const big = tooBig(c, b.system.count);
      if (big) return big as never;
      const r = await runJob("inferenceEstimate", b, app.limits.timeBudgetMs);
      if (!r.ok) return jobProblem(c, r);
      if (!r.value.ok) return infeasible(c, r.value);
      return c.json({ meta: metaOf(), ...r.value.value, warnings: r.value.warnings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/training/estimate`,
      tags: ["performance"],
      summary:
        "Estimate a training step: the fastest configurations (fields left null are searched), MFU, per-op time, memory",
      request: {
        body: { content: { "application/json": { schema: TrainingEstimateRequest } }, required: true },
      },
      responses: { 200: json(TrainingEstimateResponse, "the best configurations, fastest first"), ...errors },
    }),
    async (c) => {
      const b = c.req.valid("json");
      const big = tooBig(c, b.system.count);
      if (big) return big as never;
      const r = await runJob("trainingEstimate", b, app.limits.timeBudgetMs);
      if (!r.ok) return jobProblem(c, r);
      if (!r.value.ok) return infeasible(c, r.value);
      return c.json({ meta: metaOf(), ...r.value.value, warnings: r.value.warnings }, 200);
    },
  );
}

// Engine routes: one inference estimate and one training estimate (search over what the request leaves open),
// run off the main thread within the time budget; infeasible inputs are 422 problems naming the field.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { metaOf } from "../src/index.js";
import { API_BASE, LIMITS } from "./api-schemas-common.js";
import {
  InferenceEstimateRequest,
  InferenceEstimateResponse,
  TrainingEstimateRequest,
  TrainingEstimateResponse,
} from "./api-schemas-engine.js";
import { body, jobErrors, json, runResultJob, tooMuchWork } from "./route-kit.js";
import type { Api } from "./types.js";

/** Largest cluster one request may describe. */
export const MAX_CHIPS_PER_ESTIMATE = LIMITS.maxClusterChips;

const errors = jobErrors("infeasible configuration, or too much work for one request");

/** A 422 response when the cluster is over the limit, else null (return it when not null). */
function tooBig(c: Context, count: number): Response | null {
  if (count <= MAX_CHIPS_PER_ESTIMATE) return null;
  return tooMuchWork(
    c,
    ["system", "count"],
    `system.count ${count} is over the limit of ${MAX_CHIPS_PER_ESTIMATE} chips per request`,
    `at most ${MAX_CHIPS_PER_ESTIMATE}`,
  );
}

export function registerEngineRoutes(app: OpenAPIHono & Pick<Api, "limits">): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/inference/estimate`,
      tags: ["performance"],
      summary: "Estimate one serving scenario: throughput per chip, TPOT, TTFT, per-op breakdown and memory",
      request: body(InferenceEstimateRequest),
      responses: { 200: json(InferenceEstimateResponse, "the estimate"), ...errors },
    }),
    async (c) => {
      const b = c.req.valid("json");
      const big = tooBig(c, b.system.count);
      if (big) return big as never;
      const r = await runResultJob(c, "inferenceEstimate", b, app.limits.timeBudgetMs);
      if (r instanceof Response) return r as never;
      return c.json({ meta: metaOf(), ...r.value, warnings: r.warnings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/training/estimate`,
      tags: ["performance"],
      summary:
        "Estimate a training step: the fastest configurations (fields left null are searched), MFU, per-op time, memory",
      request: body(TrainingEstimateRequest),
      responses: { 200: json(TrainingEstimateResponse, "the best configurations, fastest first"), ...errors },
    }),
    async (c) => {
      const b = c.req.valid("json");
      const big = tooBig(c, b.system.count);
      if (big) return big as never;
      const r = await runResultJob(c, "trainingEstimate", b, app.limits.timeBudgetMs);
      if (r instanceof Response) return r as never;
      return c.json({ meta: metaOf(), ...r.value, warnings: r.warnings }, 200);
    },
  );
}

// Plan routes: serving capacity plans, training plans and the training scaling curve — sweeps checked against the
// per-request limits (422) and run off the main thread within the time budget (503).
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { metaOf } from "../src/index.js";
import { API_BASE, LIMITS } from "./api-schemas-common.js";
import {
  MAX_CLUSTER,
  MAX_PLAN_CHIPS,
  MAX_TRAIN_PLAN_CHIPS,
  ScalingRequest,
  ScalingResponse,
  ServingPlanRequest,
  ServingPlanResponse,
  TrainingPlanRequest,
  TrainingPlanResponse,
} from "./api-schemas-plans.js";
import { body, jobErrors, json, runResultJob, tooMuchWork } from "./route-kit.js";
import type { Api } from "./types.js";

const errors = jobErrors("infeasible input, or a sweep too large for one request");

export function registerPlanRoutes(app: OpenAPIHono & Pick<Api, "limits">): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/plans/serving`,
      tags: ["plans"],
      summary:
        "Serving capacity plan: per chip the best layout, chips and nodes for the demand, cost, energy, export status",
      request: body(ServingPlanRequest),
      responses: { 200: json(ServingPlanResponse, "plans ranked by cost per million tokens"), ...errors },
    }),
    async (c) => {
      const b = c.req.valid("json");
      if ((b.chips?.length ?? 0) > MAX_PLAN_CHIPS)
        return tooMuchWork(c, ["chips"], `at most ${MAX_PLAN_CHIPS} chips per plan`) as never;
      const r = await runResultJob(c, "servingPlan", b, app.limits.timeBudgetMs);
      if (r instanceof Response) return r as never;
      return c.json({ meta: metaOf(), ...r.value, warnings: r.warnings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/plans/training`,
      tags: ["plans"],
      summary:
        "Training plan: per chip the cluster meeting a deadline (or the time a fixed count needs), MFU, cost, energy, export status",
      request: body(TrainingPlanRequest),
      responses: {
        200: json(TrainingPlanResponse, "rows ranked by time (or cost under a deadline)"),
        ...errors,
      },
    }),
    async (c) => {
      const b = c.req.valid("json");
      if (b.chips.length > MAX_TRAIN_PLAN_CHIPS)
        return tooMuchWork(c, ["chips"], `at most ${MAX_TRAIN_PLAN_CHIPS} chips per training plan`) as never;
      if ((b.count ?? 0) > MAX_CLUSTER)
        return tooMuchWork(c, ["count"], `at most ${MAX_CLUSTER} chips`) as never;
      const r = await runResultJob(c, "trainingPlan", b, app.limits.timeBudgetMs);
      if (r instanceof Response) return r as never;
      return c.json({ meta: metaOf(), rows: r.value, warnings: r.warnings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/plans/training/scaling`,
      tags: ["plans"],
      summary: "Scaling curve: tokens/s per chip and MFU of the best configuration at each cluster size",
      request: body(ScalingRequest),
      responses: { 200: json(ScalingResponse, "one point per size"), ...errors },
    }),
    async (c) => {
      const b = c.req.valid("json");
      if ((b.sizes?.length ?? 0) > LIMITS.maxScalingSizes)
        return tooMuchWork(
          c,
          ["sizes"],
          `at most ${LIMITS.maxScalingSizes} cluster sizes per curve`,
        ) as never;
      const big = (b.sizes ?? []).findIndex((n) => n > MAX_CLUSTER);
      if (big >= 0) return tooMuchWork(c, ["sizes", big], `at most ${MAX_CLUSTER} chips`) as never;
      const r = await runResultJob(c, "scaling", b, app.limits.timeBudgetMs);
      if (r instanceof Response) return r as never;
      return c.json({ meta: metaOf(), ...r.value }, 200);
    },
  );
}

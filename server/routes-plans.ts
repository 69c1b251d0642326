// Plan routes: serving capacity plans, training plans and the training scaling curve — sweeps checked against the
// per-request limits (422) and run off the main thread within the time budget (503).
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { metaOf, type Result } from "../src/index.js";
import { API_BASE, LIMITS, Problem } from "./api-schemas-common.js";
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
import { fieldErrorsOfIssues, reject, summarise } from "./problem.js";
import { jobProblem } from "./routes-validation.js";
import { runJob } from "./run-job.js";
import type { Api } from "./types.js";

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
  422: prob("infeasible input, or a sweep too large for one request"),
  503: prob("time budget exceeded or busy"),
};
const body = <S>(schema: S) => ({ body: { content: { "application/json": { schema } }, required: true } });

function tooMuch(c: Context, path: (string | number)[], detail: string): Response {
  return reject(c, "tooMuchWork", detail, [{ path, pointer: "/" + path.join("/"), message: detail }]);
}

function infeasible(c: Context, r: Extract<Result<unknown>, { ok: false }>): never {
  const errs = fieldErrorsOfIssues(r.issues);
  return reject(c, "infeasible", summarise(errs), errs);
}

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
        return tooMuch(c, ["chips"], `at most ${MAX_PLAN_CHIPS} chips per plan`) as never;
      const r = await runJob("servingPlan", b, app.limits.timeBudgetMs);
      if (!r.ok) return jobProblem(c, r);
      if (!r.value.ok) return infeasible(c, r.value);
      return c.json({ meta: metaOf(), ...r.value.value, warnings: r.value.warnings }, 200);
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
        return tooMuch(c, ["chips"], `at most ${MAX_TRAIN_PLAN_CHIPS} chips per training plan`) as never;
      if ((b.count ?? 0) > MAX_CLUSTER) return tooMuch(c, ["count"], `at most ${MAX_CLUSTER} chips`) as never;
      const r = await runJob("trainingPlan", b, app.limits.timeBudgetMs);
      if (!r.ok) return jobProblem(c, r);
      if (!r.value.ok) return infeasible(c, r.value);
      return c.json({ meta: metaOf(), rows: r.value.value, warnings: r.value.warnings }, 200);
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
        return tooMuch(c, ["sizes"], `at most ${LIMITS.maxScalingSizes} cluster sizes per curve`) as never;
      const big = (b.sizes ?? []).findIndex((n) => n > MAX_CLUSTER);
      if (big >= 0) return tooMuch(c, ["sizes", big], `at most ${MAX_CLUSTER} chips`) as never;
      const r = await runJob("scaling", b, app.limits.timeBudgetMs);
      if (!r.ok) return jobProblem(c, r);
      if (!r.value.ok) return infeasible(c, r.value);
      return c.json({ meta: metaOf(), ...r.value.value }, 200);
    },
  );
}

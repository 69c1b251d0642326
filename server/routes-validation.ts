// Validation routes: the bundled public (or out-of-sample extra) cases or a posted case file, predicted off the main
// thread in a time budget.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { metaOf } from "../src/index.js";
import extraCases from "../validation/extra-cases.json" with { type: "json" };
import publicCases from "../validation/public-cases.json" with { type: "json" };
import { API_BASE, LIMITS } from "./api-schemas-common.js";
import { ValidationQuery, ValidationRequest, ValidationResponse } from "./api-schemas-validation.js";
import type { Api } from "./types.js";
import { body, jobProblem, json, prob, tooMuchWork } from "./route-kit.js";
import { runJob } from "./run-job.js";

export function registerValidationRoutes(app: OpenAPIHono & Pick<Api, "limits">): void {
  app.openapi(
    createRoute({
      method: "get",
      path: `${API_BASE}/validation`,
      tags: ["validation"],
      summary:
        "Predict the bundled validation cases (public, or the out-of-sample extra set) and report the error per case and per kind",
      request: { query: ValidationQuery },
      responses: {
        200: json(ValidationResponse, "the report"),
        400: prob("invalid input"),
        503: prob("time budget exceeded or busy"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const r = await runJob(
        "validate",
        q.set === "extra"
          ? { cases: extraCases as unknown[] }
          : { cases: publicCases as unknown[], ...(q.cv ? { cv: q.cv } : {}) },
        app.limits.timeBudgetMs,
      );
      if (!r.ok) return jobProblem(c, r);
      return c.json({ meta: metaOf(), report: r.value }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/validation`,
      tags: ["validation"],
      summary:
        "Predict a posted case file (format v1) and report the error; a bad case becomes a row with its reason",
      request: body(ValidationRequest),
      responses: {
        200: json(ValidationResponse, "the report"),
        400: prob("invalid input"),
        413: prob("body too large"),
        422: prob("too many cases for one request"),
        503: prob("time budget exceeded or busy"),
      },
    }),
    async (c) => {
      const b = c.req.valid("json");
      if (b.cases.length > LIMITS.maxCases)
        return tooMuchWork(
          c,
          ["cases"],
          `${b.cases.length} cases is over the limit of ${LIMITS.maxCases} per request`,
          `at most ${LIMITS.maxCases}`,
        );
      const r = await runJob(
        "validate",
        { cases: b.cases, ...(b.cv ? { cv: b.cv } : {}) },
        app.limits.timeBudgetMs,
      );
      if (!r.ok) return jobProblem(c, r);
      return c.json({ meta: metaOf(), report: r.value }, 200);
    },
  );
}

// The HTTP API as one Hono app: versioned routes, problem-details errors, body and work limits, OpenAPI document.
import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { bodyLimit } from "hono/body-limit";
import { catalog } from "../src/index.js";
import { API_BASE, LIMITS } from "./api-schemas-common.js";
import { docsPage } from "./docs.js";
import type { Api, Limits } from "./types.js";
import { fieldErrorsOf, problem, summarise } from "./problem.js";
import { registerCatalogRoutes } from "./routes-catalog.js";
import { registerComplianceRoutes } from "./routes-compliance.js";
import { registerEngineRoutes } from "./routes-engine.js";
import { registerPlanRoutes } from "./routes-plans.js";
import { registerValidationRoutes } from "./routes-validation.js";

/** Options of one app instance; every limit is overridable (tests use small ones). */
export interface AppOptions {
  /** Largest request body, bytes. Default LIMITS.maxBodyBytes (256 KiB). */
  maxBodyBytes?: number;
  /** Wall-clock budget of one computation, ms. Default LIMITS.timeBudgetMs. */
  timeBudgetMs?: number;
}

export type { Api, Limits };

/** Builds the API app (no static files; see server/static.ts). Example: `await createApp().request("/api/v1/chips")`. */
export function createApp(options: AppOptions = {}): Api {
  const limits: Limits = {
    maxBodyBytes: options.maxBodyBytes ?? LIMITS.maxBodyBytes,
    timeBudgetMs: options.timeBudgetMs ?? LIMITS.timeBudgetMs,
  };
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === "json" ? [] : [result.target];
        const errors = fieldErrorsOf(result.error, where);
        return problem(c, "invalidInput", summarise(errors), errors);
      }
    },
  }) as Api;
  app.limits = limits;

  app.use(
    `${API_BASE}/*`,
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: (c) =>
        problem(c, "tooLarge", `the request body is over the limit of ${limits.maxBodyBytes} bytes`),
    }),
  );

  registerCatalogRoutes(app);
  registerComplianceRoutes(app);
  registerValidationRoutes(app);
  registerEngineRoutes(app);
  registerPlanRoutes(app);

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "suanli API",
      version: catalog.version,
      description:
        "AI accelerators, US export controls and LLM training/serving performance. Information, not legal advice.",
    },
  });
  app.get("/docs", (c) => c.html(docsPage()));

  app.notFound((c) => problem(c, "notFound", `no route ${c.req.method} ${c.req.path}; see /docs`));
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status === 413) return problem(c, "tooLarge", err.message);
      if (status === 415) return problem(c, "unsupportedMedia", "send the body as application/json");
      return problem(c, "invalidInput", err.message || "the request is invalid");
    }
    const msg = err instanceof Error ? err.message : String(err);
    console.error(`suanli serve: internal error on ${c.req.method} ${c.req.path}: ${msg}`);
    return problem(c, "internal", "the server failed to answer; please report it");
  });
  return app;
}

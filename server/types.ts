// Types shared by the app and its route modules (kept apart so routes need not import the app).
import type { OpenAPIHono } from "@hono/zod-openapi";

/** The limits one app instance enforces (see LIMITS in api-schemas.ts for the defaults). */
export interface Limits {
  maxBodyBytes: number;
  timeBudgetMs: number;
}

/** An API app with its limits; routes read them from here. */
export type Api = OpenAPIHono & { limits: Limits };

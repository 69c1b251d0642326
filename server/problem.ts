// RFC 9457 problem details: every API error is one JSON document with type, title, status, detail and field paths.
import type { Context } from "hono";
import type { z } from "zod";
import type { Issue } from "../src/index.js";
import type { Problem } from "./api-schemas-common.js";

/** Problem types, each a fragment of the docs page that explains it. */
export const PROBLEM = {
  invalidInput: { type: "/docs#problem-invalid-input", title: "Invalid input", status: 400 },
  notFound: { type: "/docs#problem-not-found", title: "Not found", status: 404 },
  tooLarge: { type: "/docs#problem-body-too-large", title: "Request body too large", status: 413 },
  unsupportedMedia: {
    type: "/docs#problem-unsupported-media-type",
    title: "Unsupported media type",
    status: 415,
  },
  tooMuchWork: { type: "/docs#problem-too-much-work", title: "Too much work for one request", status: 422 },
  infeasible: { type: "/docs#problem-infeasible", title: "Infeasible input", status: 422 },
  timeBudget: { type: "/docs#problem-time-budget", title: "Time budget exceeded", status: 503 },
  busy: { type: "/docs#problem-busy", title: "Server busy", status: 503 },
  internal: { type: "/docs#problem-internal", title: "Internal error", status: 500 },
} as const;

export type ProblemKind = keyof typeof PROBLEM;
type Status = (typeof PROBLEM)[ProblemKind]["status"];

/** JSON pointer of a path: ["chips", 0] → "/chips/0". */
export function pointerOf(path: readonly (string | number | symbol)[]): string {
  return path.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** Builds a problem document. */
export function problemOf(
  kind: ProblemKind,
  detail: string,
  extra: { instance?: string; errors?: Problem["errors"] } = {},
): Problem {
  const p = PROBLEM[kind];
  return { type: p.type, title: p.title, status: p.status, detail, ...extra };
}

/** A problem response (content type application/problem+json). */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...headers },
  });
}

/** Answers a request with a problem. */
export function problem(
  c: Context,
  kind: ProblemKind,
  detail: string,
  errors?: Problem["errors"],
  headers?: Record<string, string>,
): Response {
  return problemResponse(
    problemOf(kind, detail, { instance: c.req.path, ...(errors ? { errors } : {}) }),
    headers,
  );
}

/** Field errors from a zod error, prefixed with where the value came from (query, body, path). */
export function fieldErrorsOf(
  error: z.ZodError,
  prefix: readonly (string | number)[] = [],
): NonNullable<Problem["errors"]> {
  return error.issues.map((i) => {
    const path = [...prefix, ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    return { path, pointer: pointerOf(path), message: i.message };
  });
}

/** Field errors from library issues (e.g. an unknown chip id, a TP that does not divide the heads). */
export function fieldErrorsOfIssues(
  issues: readonly Issue[],
  prefix: readonly (string | number)[] = [],
): NonNullable<Problem["errors"]> {
  return issues.map((i) => {
    const path = [...prefix, ...i.path];
    return { path, pointer: pointerOf(path), message: i.message };
  });
}

/** One-line summary of field errors for `detail`. */
export function summarise(errors: NonNullable<Problem["errors"]>): string {
  const first = errors[0];
  if (!first) return "the request is invalid";
  const where = first.path.length ? `${first.path.join(".")}: ` : "";
  return `${where}${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ""}`;
}

export type { Status };

/** `problem()` for route handlers: typed as `never` so a handler's typed success response stays its return type
 * (the problem's shape is declared once, in the route's error responses). */
export function reject(
  c: Context,
  kind: ProblemKind,
  detail: string,
  errors?: Problem["errors"],
  headers?: Record<string, string>,
): never {
  return problem(c, kind, detail, errors, headers) as never;
}

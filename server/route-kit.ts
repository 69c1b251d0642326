// What the route modules share: OpenAPI response and body declarations, and the problems a route answers with when
// a request asks too much, its input is infeasible, or its job fails or runs past the time budget.
import type { Context } from "hono";
import type { Result } from "../src/index.js";
import { Problem } from "./api-schemas-common.js";
import type { JobInput, JobName, JobOutput } from "./jobs.js";
import { fieldErrorsOfIssues, pointerOf, reject, summarise } from "./problem.js";
import { runJob, type JobResult } from "./run-job.js";

/** A JSON response declaration. Example: `200: json(ChipList, "the chips")`. */
export const json = <S>(schema: S, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

/** A problem (RFC 9457) response declaration. Example: `404: prob("unknown id")`. */
export const prob = (description: string) => ({
  content: { "application/problem+json": { schema: Problem } },
  description,
});

/** A required JSON request body. Example: `request: body(ClassifyRequest)`. */
export const body = <S>(schema: S) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

/** The error responses of a route that runs a job; `unprocessable` says what its 422 means. */
export const jobErrors = (unprocessable: string) => ({
  400: prob("invalid input, with field paths"),
  413: prob("body too large"),
  422: prob(unprocessable),
  503: prob("time budget exceeded or busy"),
});

/** A 422 "too much work" naming the field (`message` defaults to `detail`). */
export function tooMuchWork(
  c: Context,
  path: (string | number)[],
  detail: string,
  message: string = detail,
): never {
  return reject(c, "tooMuchWork", detail, [{ path, pointer: pointerOf(path), message }]);
}

/** A 422 for an infeasible input, with the library's issues as field errors. */
export function infeasible(c: Context, r: Extract<Result<unknown>, { ok: false }>): never {
  const errs = fieldErrorsOfIssues(r.issues);
  return reject(c, "infeasible", summarise(errs), errs);
}

/** Maps a failed job to its problem (503 for time budget or busy; 500 for a failure). */
export function jobProblem(c: Context, r: Extract<JobResult<unknown>, { ok: false }>): never {
  if (r.reason === "timeout")
    return reject(
      c,
      "timeBudget",
      `${r.message}; ask for less work (fewer cases, chips or configurations)`,
      undefined,
      { "retry-after": "5" },
    );
  if (r.reason === "busy") return reject(c, "busy", r.message, undefined, { "retry-after": "2" });
  return reject(c, "internal", r.message);
}

type Feasible<N extends JobName> = Extract<JobOutput<N>, { ok: true }>;

/** Runs a job whose output is a `Result`: the feasible result, or the problem response to return as it is (a failed
 * or over-budget job → 503/500; an infeasible input → 422). */
export async function runResultJob<N extends JobName>(
  c: Context,
  name: N,
  input: JobInput<N>,
  budgetMs: number,
): Promise<Feasible<N> | Response> {
  const r = await runJob(name, input, budgetMs);
  if (!r.ok) return jobProblem(c, r);
  const out = r.value as Result<unknown>;
  if (!out.ok) return infeasible(c, out);
  return out as Feasible<N>;
}

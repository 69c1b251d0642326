// Heavy computations the API runs off the main thread, by name: the worker looks a job up here and runs it.
import { validateCases, type ValidateOptions } from "../src/planner/validate/run.js";

/** Job name → pure function of a JSON-able input. */
export const JOBS = {
  validate: (input: { cases: unknown[]; cv?: "source" }) =>
    validateCases(input.cases, input.cv ? ({ cv: input.cv } satisfies ValidateOptions) : {}),
} as const;

export type JobName = keyof typeof JOBS;
export type JobInput<N extends JobName> = Parameters<(typeof JOBS)[N]>[0];
export type JobOutput<N extends JobName> = ReturnType<(typeof JOBS)[N]>;

// CLI errors and exit codes: 0 success (an infeasible plan is a result), 1 a requested check failed,
// 2 bad input, 3 internal error. Users see one clear message, never a stack trace.
import { formatIssue, type Issue } from "../src/index.js";

export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, internal: 3 } as const;

/** An error whose message is for the user and whose exit code is chosen. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
  }
}

/** Bad input described by issues (each names the file or field and what would fix it). */
export function badInput(issues: readonly Issue[]): CliError {
  return new CliError(issues.map(formatIssue).join("\n"), EXIT.badInput);
}

/** Unwraps a Result or throws a bad-input CliError. */
export function unwrap<T>(r: { ok: true; value: T } | { ok: false; issues: Issue[] }): T {
  if (!r.ok) throw badInput(r.issues);
  return r.value;
}

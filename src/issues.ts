// Issue, Warning and Result<T>: how every layer reports infeasible inputs and quiet caveats.

/** Machine-readable reason an input or configuration was rejected. Extend the union as layers need. */
export type IssueCode =
  | "invalid_value"
  | "unknown_key"
  | "unknown_id"
  | "unsupported_model_type"
  | "missing_field"
  | "parse_error"
  | "exceeds_memory"
  | "tp_not_divisor"
  | "ep_not_divisor"
  | "pp_too_deep"
  | "unsupported_precision"
  | "unknown_input"
  | "infeasible"
  | "slo_unmet";

/** A reason something could not be done: what was wrong, where, and what would fix it. */
export interface Issue {
  code: IssueCode;
  /** Path to the offending field, e.g. ["models", "foo", "num_key_value_heads"]. */
  path: (string | number)[];
  message: string;
}

/** A caveat attached to a successful result: quiet, deduplicated and actionable. */
export interface Warning {
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T; warnings: Warning[] } | { ok: false; issues: Issue[] };

/** A successful result. */
export function ok<T>(value: T, warnings: Warning[] = []): Result<T> {
  return { ok: true, value, warnings: dedupeWarnings(warnings) };
}

/** A failed result with one or more issues. */
export function fail<T = never>(...issues: Issue[]): Result<T> {
  return { ok: false, issues };
}

/** An issue literal, for brevity at call sites. */
export function issue(code: IssueCode, path: (string | number)[], message: string): Issue {
  return { code, path, message };
}

/** Removes repeated warnings (same code and message), keeping first occurrences in order. */
export function dedupeWarnings(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  const out: Warning[] = [];
  for (const w of warnings) {
    const key = `${w.code}\u0000${w.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(w);
    }
  }
  return out;
}

/** Formats an issue as one line: `path: message`. */
export function formatIssue(i: Issue): string {
  // Messages that already start with the file they concern ("models/foo.json: …") are not prefixed twice.
  if (i.path.length === 0 || (typeof i.path[0] === "string" && i.message.startsWith(`${i.path[0]}:`)))
    return i.message;
  return `${i.path.join(".")}: ${i.message}`;
}

// Reading config.json fields under their family-specific names, with type and range checks that name the field.
import { issue, type Issue } from "../../issues.js";

/** Upper bounds past which a value is a typo or a unit mix-up, not a model. */
export const LIMITS = {
  dim: 10_000_000,
  layers: 10_000,
  heads: 100_000,
  experts: 1_000_000,
  vocab: 100_000_000,
  positions: 1_000_000_000,
} as const;

export interface IntOptions {
  /** Used when the field is absent or null. Without it the field is required. */
  default?: number;
  min?: number;
  max?: number;
  /** What would fix a missing value, appended to the message. */
  hint?: string;
}

/** Reads fields of one config object, collecting issues (file and field named) instead of throwing. */
export interface Reader {
  readonly file: string;
  readonly raw: Record<string, unknown>;
  readonly issues: Issue[];
  readonly notes: string[];
  /** The first of `names` present and non-null. */
  has(...names: string[]): boolean;
  /** A required (or defaulted) integer under the first present name. NaN after recording an issue. */
  int(names: string | readonly string[], opts?: IntOptions): number;
  /** An optional integer: null when absent or null. */
  optInt(names: string | readonly string[], opts?: Omit<IntOptions, "default">): number | null;
  /** A boolean (default when absent). */
  bool(names: string | readonly string[], fallback: boolean): boolean;
  /** A string (null when absent). */
  str(names: string | readonly string[]): string | null;
  /** An integer list (null when absent). */
  intList(names: string | readonly string[]): number[] | null;
  /** A string list (null when absent). */
  strList(names: string | readonly string[]): string[] | null;
  /** Records an issue on a field. */
  report(field: string, message: string, code?: Issue["code"]): void;
  /** Records an import note (an assumption). */
  note(message: string): void;
  /** A reader over a nested object (e.g. text_config), sharing issues and notes. */
  child(key: string): Reader | null;
}

function describe(v: unknown): string {
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 40) + "…" : v}" (a string)`;
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  return `${String(v)}${typeof v === "number" ? "" : ` (${typeof v})`}`;
}

/**
 * A Reader over `raw`, reporting problems as `<file>: <field> …`.
 * @example createReader({hidden_size: 4096}, "config.json").int(["hidden_size", "n_embd"]) // 4096
 */
export function createReader(
  raw: Record<string, unknown>,
  file: string,
  prefix: readonly string[] = [],
  shared: { issues: Issue[]; notes: string[] } = { issues: [], notes: [] },
): Reader {
  const list = (n: string | readonly string[]): readonly string[] => (typeof n === "string" ? [n] : n);
  const present = (names: readonly string[]): string | undefined =>
    names.find((n) => raw[n] !== undefined && raw[n] !== null);
  const fieldName = (n: string) => [...prefix, n].join(".");
  const report = (field: string, message: string, code: Issue["code"] = "invalid_value") =>
    shared.issues.push(issue(code, [file, ...prefix, field], `${file}: ${message}`));

  /** The first present of `names` when it passes `is`; otherwise `fallback`, reporting a present value of the wrong type. */
  const typed = <T, F>(
    names: string | readonly string[],
    fallback: F,
    is: (v: unknown) => v is T,
    what: string,
  ): T | F => {
    const name = present(list(names));
    if (name === undefined) return fallback;
    const v = raw[name];
    if (!is(v)) {
      report(name, `${fieldName(name)} must be ${what}, got ${describe(v)}`);
      return fallback;
    }
    return v;
  };

  const checkInt = (name: string, v: unknown, opts: IntOptions): number => {
    const min = opts.min ?? 1;
    const max = opts.max ?? LIMITS.dim;
    if (typeof v !== "number" || !Number.isFinite(v) || !Number.isInteger(v)) {
      report(
        name,
        `${fieldName(name)} must be ${min >= 1 ? "a positive" : "an"} integer, got ${describe(v)}`,
      );
      return NaN;
    }
    if (v < min) {
      report(name, `${fieldName(name)} must be at least ${min}, got ${v}`);
      return NaN;
    }
    if (v > max) {
      report(
        name,
        `${fieldName(name)} (${v}) is absurd: it exceeds ${max.toLocaleString("en-US")}; check for a typo`,
      );
      return NaN;
    }
    return v;
  };

  const r: Reader = {
    file,
    raw,
    issues: shared.issues,
    notes: shared.notes,
    has: (...names) => present(names) !== undefined,
    int(names, opts = {}) {
      const ns = list(names);
      const name = present(ns);
      if (name === undefined) {
        if (opts.default !== undefined) return opts.default;
        report(
          ns[0]!,
          `${fieldName(ns[0]!)} is missing${ns.length > 1 ? ` (also looked for ${ns.slice(1).join(", ")})` : ""}` +
            (opts.hint ? `: ${opts.hint}` : ": add it to the config"),
          "missing_field",
        );
        return NaN;
      }
      return checkInt(name, raw[name], opts);
    },
    optInt(names, opts = {}) {
      const name = present(list(names));
      return name === undefined ? null : checkInt(name, raw[name], opts);
    },
    bool: (names, fallback) => typed(names, fallback, (v) => typeof v === "boolean", "true or false"),
    str: (names) => typed(names, null, (v) => typeof v === "string", "a string"),
    intList: (names) =>
      typed(
        names,
        null,
        (v): v is number[] =>
          Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isInteger(x) && x >= 0),
        "a list of non-negative integers",
      ),
    strList: (names) =>
      typed(
        names,
        null,
        (v): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string"),
        "a list of strings",
      ),
    report,
    note: (m) => {
      if (!shared.notes.includes(m)) shared.notes.push(m);
    },
    child(key) {
      const v = raw[key];
      if (v === undefined || v === null) return null;
      if (typeof v !== "object" || Array.isArray(v)) {
        report(key, `${fieldName(key)} must be an object, got ${describe(v)}`);
        return null;
      }
      return createReader(v as Record<string, unknown>, file, [...prefix, key], shared);
    },
  };
  return r;
}

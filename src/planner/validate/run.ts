// `validateCases`: predicts every case of a case file, compares with the measured figure and summarises the error
// per kind and overall; optionally leave-one-source-out (each source predicted with calibration fitted without it).
import { catalogCalibration, type CalibrationSet } from "../../engine/calibration.js";
import { parseCase, type ParsedCase, type ValidationCase } from "./case-schema.js";
import { fitCalibration } from "./fit.js";
import { predictCase } from "./predict-case.js";
import type { Prediction } from "./prediction.js";

/** One row of the report. error = (predicted − measured) / measured; null when there is no prediction. */
export interface CaseResult {
  id: string;
  kind: string;
  chip: string;
  metric: string | null;
  measured: number | null;
  predicted: number | null;
  error: number | null;
  tolerance: number | null;
  withinTolerance: boolean;
  reason?: string;
  warnings?: string[];
  calibrationProfile?: string;
}

export interface Summary {
  count: number;
  /** Median of |error|; an unpredictable case counts as an infinite error. */
  medianAbsError: number;
  p90AbsError: number;
  /** Share of cases within their tolerance. */
  withinTolerance: number;
}

export interface ValidationReport {
  cases: CaseResult[];
  summary: Summary & { byKind: { training: Summary; inference: Summary } };
  /** "in-sample" (calibration as given) or "leave-one-source-out". */
  mode: "in-sample" | "leave-one-source-out";
}

export { blind, predictCase } from "./predict-case.js";

export interface ValidateOptions {
  /** "source": leave-one-source-out cross-validation. */
  cv?: "source";
  /** Calibration to predict with; default the catalog's profiles. */
  calibration?: CalibrationSet;
}

/** The key cases are grouped by for leave-one-source-out: the source URL without fragment or trailing slash. */
export function sourceKey(c: ValidationCase): string {
  return c.source.url.replace(/#.*$/, "").replace(/\/+$/, "").toLowerCase();
}

function rowOf(c: ValidationCase, p: Prediction): CaseResult {
  const base = {
    id: c.id,
    kind: c.kind,
    chip: c.system.chip,
    metric: c.metric.name,
    measured: c.metric.value,
    tolerance: c.tolerance,
  };
  if (!p.ok) return { ...base, predicted: null, error: null, withinTolerance: false, reason: p.reason };
  const error = (p.predicted - c.metric.value) / c.metric.value;
  return {
    ...base,
    predicted: p.predicted,
    error,
    withinTolerance: Math.abs(error) <= c.tolerance,
    ...(p.warnings.length ? { warnings: p.warnings } : {}),
    ...(p.calibrationProfile ? { calibrationProfile: p.calibrationProfile } : {}),
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  if (lo === hi || a === b) return a;
  if (!Number.isFinite(b)) return pos - lo < 1e-12 ? a : Number.POSITIVE_INFINITY;
  return a + (b - a) * (pos - lo);
}

/** Count, median and p90 of |error| (unpredictable = infinite) and the share within tolerance. */
export function summarise(rows: readonly CaseResult[]): Summary {
  const errs = rows
    .map((r) => (r.error === null ? Number.POSITIVE_INFINITY : Math.abs(r.error)))
    .sort((a, b) => a - b);
  return {
    count: rows.length,
    medianAbsError: quantile(errs, 0.5),
    p90AbsError: quantile(errs, 0.9),
    withinTolerance:
      rows.length === 0 ? Number.NaN : rows.filter((r) => r.withinTolerance).length / rows.length,
  };
}

function unparsedRow(p: Extract<ParsedCase, { ok: false }>): CaseResult {
  return {
    id: p.id,
    kind: p.kind,
    chip: p.chip,
    metric: p.metric,
    measured: p.measured,
    predicted: null,
    error: null,
    tolerance: null,
    withinTolerance: false,
    reason: p.reason,
  };
}

/**
 * Predicts every case and summarises the error. Never throws on a bad case: it becomes a row with its reason.
 * @example validateCases(JSON.parse(text)).summary.byKind.inference.medianAbsError // 0.12
 */
export function validateCases(input: readonly unknown[], opts: ValidateOptions = {}): ValidationReport {
  const parsed = input.map((c, i) => parseCase(c, i));
  const good = parsed.flatMap((p) => (p.ok ? [p.case] : []));
  const base = opts.calibration ?? catalogCalibration();
  const predictions = new Map<ValidationCase, Prediction>();
  if (opts.cv === "source") {
    const sources = [...new Set(good.map(sourceKey))];
    for (const s of sources) {
      const train = good.filter((c) => sourceKey(c) !== s);
      const fitted = fitCalibration(train, base);
      for (const c of good) if (sourceKey(c) === s) predictions.set(c, predictCase(c, fitted));
    }
  } else {
    for (const c of good) predictions.set(c, predictCase(c, base));
  }
  const rows = parsed.map((p) =>
    p.ok ? rowOf(p.case, predictions.get(p.case) as Prediction) : unparsedRow(p),
  );
  return {
    cases: rows,
    summary: {
      ...summarise(rows),
      byKind: {
        training: summarise(rows.filter((r) => r.kind === "training")),
        inference: summarise(rows.filter((r) => r.kind === "inference")),
      },
    },
    mode: opts.cv === "source" ? "leave-one-source-out" : "in-sample",
  };
}

// `npm run bench` section: suanli side by side with re-implemented published training predictors
// (bench/training-baselines.ts) on the public training cases each can express — median |error| and share within
// tolerance, ours in sample and leave-one-source-out on the same cases.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogCalibration } from "../src/engine/calibration.js";
import { resolveCluster, type ClusterSpec } from "../src/engine/cluster.js";
import { trainingFactorsFor } from "../src/engine/training/calibration.js";
import { trainingCalibration } from "../src/engine/training/efficiency.js";
import { searchTraining } from "../src/planner/train-search.js";
import { caseCluster, parseCase, type TrainingCase } from "../src/planner/validate/case-schema.js";
import { caseArchitecture, caseSearchSpace } from "../src/planner/validate/predict-training.js";
import { validateCases, type CaseResult } from "../src/planner/validate/run.js";
import type { Architecture } from "../src/workload/architecture.js";
import { TRAINING_BASELINES, type ResolvedConfig } from "./training-baselines.js";
import { pct, stats, type ErrorRow } from "./stats.js";

type Row = ErrorRow;

interface Resolved {
  c: TrainingCase;
  arch: Architecture;
  cluster: ClusterSpec;
  cfg: ResolvedConfig;
}

const signed = (e: number | null) => (e === null ? "—" : `${e >= 0 ? "+" : ""}${(e * 100).toFixed(1)} %`);

/** A case's model, cluster and full configuration: fixed fields as given, open ones as suanli's search chose. */
function resolve(c: TrainingCase): Resolved | string {
  const arch = caseArchitecture(c.model as string | Record<string, unknown>);
  if (!arch.ok) return arch.issues[0]?.message ?? "model";
  const cluster = resolveCluster(caseCluster(c.system));
  if (!cluster.ok) return cluster.issues[0]?.message ?? "cluster";
  const space = caseSearchSpace(c);
  if (!space.ok) return space.issues[0]?.message ?? "space";
  const calibration = trainingCalibration(cluster.value.chip, catalogCalibration());
  const factors = trainingFactorsFor(cluster.value.chip);
  const r = searchTraining(arch.value, cluster.value, space.value, { calibration, factors, keep: 1 });
  const best = r.ok ? r.value.ranked[0] : undefined;
  if (!best) return "no feasible configuration";
  return { c, arch: arch.value, cluster: cluster.value, cfg: best.config };
}

/** Per-predictor rows on the training cases it can express, and ours on the same cases. */
export function compareTrainingPredictors(raw: readonly unknown[]): string[] {
  const training = raw.filter((r) => (r as { kind?: unknown }).kind === "training");
  const cases = training
    .map((c, i) => parseCase(c, i))
    .flatMap((p) => (p.ok && p.case.kind === "training" ? [p.case as TrainingCase] : []));
  const asRow = (r: CaseResult | undefined): Row => ({
    error: r?.error ?? null,
    within: r?.withinTolerance ?? false,
  });
  const ours = new Map(validateCases(training).cases.map((r): [string, Row] => [r.id, asRow(r)]));
  const loso = new Map(
    validateCases(training, { cv: "source" }).cases.map((r): [string, Row] => [r.id, asRow(r)]),
  );
  const none: Row = { error: null, within: false };
  const resolved = cases.map(resolve);
  const lines = [
    `predictor                    cases  its median  its within │ suanli median  within │ suanli LOSO median  within`,
  ];
  const line = (name: string, n: number, t: string, tw: string, ids: readonly string[]) => {
    const o = stats(ids.map((id) => ours.get(id) ?? none));
    const l = stats(ids.map((id) => loso.get(id) ?? none));
    return `${name.padEnd(28)} ${String(n).padStart(5)}  ${t.padStart(10)}  ${tw.padStart(10)} │ ${pct(o.median).padStart(13)}  ${pct(o.within).padStart(6)} │ ${pct(l.median).padStart(18)}  ${pct(l.within).padStart(6)}`;
  };
  const detail: string[] = [];
  const notExpressed: string[] = [];
  for (const b of TRAINING_BASELINES) {
    const mine: Row[] = [];
    const ids: string[] = [];
    const why = new Map<string, number>();
    for (const r of resolved) {
      if (typeof r === "string") continue;
      const no = b.cannot(r.arch, r.cluster, r.cfg);
      if (no !== null) {
        why.set(no, (why.get(no) ?? 0) + 1);
        continue;
      }
      const v = b.predict(r.arch, r.cluster, r.cfg);
      const error = Number.isFinite(v) && v > 0 ? (v - r.c.metric.value) / r.c.metric.value : null;
      mine.push({ error, within: error !== null && Math.abs(error) <= r.c.tolerance });
      ids.push(r.c.id);
      detail.push(
        `  ${b.name.padEnd(26)} ${r.c.id.padEnd(52)} ${signed(error).padStart(8)}   suanli ${signed(ours.get(r.c.id)?.error ?? null).padStart(8)}  LOSO ${signed(loso.get(r.c.id)?.error ?? null).padStart(8)}`,
      );
    }
    const t = stats(mine);
    lines.push(line(b.name, mine.length, pct(t.median), pct(t.within), ids));
    for (const [reason, n] of why) notExpressed.push(`  ${b.name}: ${n} × ${reason}`);
  }
  const all = cases.map((c) => c.id);
  lines.push(line("suanli (all training cases)", all.length, "", "", all));
  const unresolved = resolved.flatMap((r, i) => (typeof r === "string" ? [`${cases[i]?.id}: ${r}`] : []));
  return [
    ...lines,
    ...(unresolved.length ? ["not resolved (no baseline row):", ...unresolved.map((u) => `  ${u}`)] : []),
    "cases a predictor cannot express:",
    ...notExpressed,
    "per case (signed error):",
    ...detail,
  ];
}

const file = join(import.meta.dirname, "../validation/public-cases.json");
if (existsSync(file)) {
  const raw = JSON.parse(readFileSync(file, "utf8")) as unknown[];
  for (const l of compareTrainingPredictors(raw)) console.log(l);
  console.log(
    "  inputs: every predictor gets suanli's imported model, catalog peaks/bandwidths, the case's cluster and the configuration suanli's search chose for fields the case leaves open (flatters the baselines)",
  );
  for (const b of TRAINING_BASELINES) console.log(`  ${b.name}: ${b.cite}`);
}

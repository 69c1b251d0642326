// Turning a finished simulation into its result: per-request latencies, distributions, throughput over the run and
// over its steady middle, goodput under an SLO, Little's-law occupancy, a down-sampled time series and warnings.
import { ok, type Result, type Warning } from "../../issues.js";
import type { ServingConfig } from "../inference.js";
import type { KvModel, Live } from "./scheduler.js";
import { distributionOf, downsample } from "./stats.js";
import type { StepLog } from "./step-log.js";
import type { SimRequest, SimScheduler, SimSlo, SimWorkload, SimulationResult } from "./types.js";

/** Points kept in the time series. */
export const SERIES_POINTS = 400;

export interface RunTrace {
  cfg: ServingConfig;
  workload: SimWorkload;
  sch: SimScheduler;
  seed: number;
  slo: SimSlo;
  lives: Live[];
  finishTime: Map<number, number>;
  records: StepLog;
  /** ∫ requests in the system dt. */
  area: number;
  preemptions: number;
  /** KV-cache bytes of the instance (per chip of each rank, summed over ranks). */
  kvCapacity: number;
  kv: KvModel;
  warnings: Warning[];
}

function requestsOf(tr: RunTrace): SimRequest[] {
  return tr.lives.map((l) => {
    const finish = tr.finishTime.get(l.id) as number;
    const first = l.firstToken as number;
    return {
      id: l.id,
      arrival: l.arrival,
      inputTokens: l.input,
      outputTokens: l.output,
      ttft: first - l.arrival,
      tpot: l.output > 1 ? (finish - first) / (l.output - 1) : null,
      e2e: finish - l.arrival,
      preemptions: l.preemptions,
    };
  });
}

/** Time-average of a per-step quantity over steps [from, to). */
function timeAverage(log: StepLog, values: Float64Array, from = 0, to = log.length): number {
  const t = log.column("t");
  const end = log.column("end");
  let num = 0;
  let den = 0;
  for (let i = from; i < to; i++) {
    const dt = (end[i] as number) - (t[i] as number);
    num += (values[i] as number) * dt;
    den += dt;
  }
  return den > 0 ? num / den : 0;
}

/** The steady middle of the run: from the step that completed 20 % of the requests to the one that completed 80 %. */
function steadyWindow(log: StepLog, n: number): [number, number] {
  const done = log.column("completed");
  const a = done.findIndex((c) => c >= Math.ceil(0.2 * n));
  const b = done.findIndex((c) => c >= Math.ceil(0.8 * n));
  if (a < 0 || b <= a) return [0, log.length - 1];
  return [a, b];
}

function seriesOf(log: StepLog) {
  const idx = downsample(
    Array.from({ length: log.length }, (_, i) => i),
    SERIES_POINTS,
  );
  return idx.map((i) => log.at(i));
}

/** Builds the result of a finished run. */
export function summarise(tr: RunTrace): Result<SimulationResult> {
  const reqs = requestsOf(tr);
  const count = tr.cfg.cluster.count;
  const recs = tr.records;
  const last = recs.at(recs.length - 1);
  const duration = last.end;
  const outputs = reqs.reduce((a, r) => a + r.outputTokens, 0);
  const inputs = reqs.reduce((a, r) => a + r.inputTokens, 0);
  const tpots = reqs.flatMap((r) => (r.tpot === null ? [] : [r.tpot]));

  const [a, b] = steadyWindow(recs, reqs.length);
  const ra = recs.at(a);
  const rb = recs.at(b);
  const t0 = a === 0 ? 0 : ra.end;
  const t1 = rb.end;
  const tokensIn = rb.outputSoFar - (a === 0 ? 0 : ra.outputSoFar);
  const inWindow = reqs.filter((r) => {
    const f = r.arrival + r.e2e;
    return f > t0 && f <= t1 && r.tpot !== null;
  });
  const steady = {
    outputTokensPerSecondPerChip: t1 > t0 ? tokensIn / (t1 - t0) / count : 0,
    meanTpot: inWindow.length
      ? inWindow.reduce((s, r) => s + (r.tpot as number), 0) / inWindow.length
      : Number.NaN,
    meanBatch: timeAverage(recs, recs.column("batch"), a + 1, b + 1),
    window: [t0, t1] as [number, number],
  };

  const { ttft: sloTtft, tpot: sloTpot } = tr.slo;
  let goodput: SimulationResult["goodput"] = null;
  if (sloTtft !== null || sloTpot !== null) {
    const good = reqs.filter(
      (r) =>
        (sloTtft === null || r.ttft <= sloTtft) && (sloTpot === null || r.tpot === null || r.tpot <= sloTpot),
    );
    goodput = {
      requestsPerSecond: good.length / duration,
      fraction: good.length / reqs.length,
      outputTokensPerSecondPerChip: good.reduce((s, r) => s + r.outputTokens, 0) / duration / count,
    };
  }

  const warnings = [...tr.warnings];
  const pre = tr.preemptions;
  if (pre > 0)
    warnings.push({
      code: "preemption",
      message: `${pre} preemption(s): the KV cache ran out and sequences were recomputed; a lower maxBatch or more memory avoids them`,
    });
  // Open loop: the instance keeps up when it emits output tokens as fast as they are offered.
  const offered = (tr.workload.requestRate ?? 0) * (outputs / reqs.length);
  const sustained = steady.outputTokensPerSecondPerChip * count;
  if (tr.workload.arrival === "poisson" && sustained < 0.9 * offered)
    warnings.push({
      code: "overloaded",
      message: `offered load (${tr.workload.requestRate} requests/s, ${offered.toFixed(0)} output tokens/s) exceeds what the instance sustains (${sustained.toFixed(0)} tokens/s): the queue grows and latencies depend on the run's length`,
    });
  if (reqs.length < 100)
    warnings.push({
      code: "few_requests",
      message: `p99 from ${reqs.length} requests is noisy: simulate more`,
    });

  const meanLen = Math.max(1, Math.round((inputs + outputs) / reqs.length));
  const perToken = tr.kv.bytes(meanLen) / meanLen;
  return ok(
    {
      requests: reqs,
      ttft: distributionOf(reqs.map((r) => r.ttft)),
      tpot: distributionOf(tpots),
      e2e: distributionOf(reqs.map((r) => r.e2e)),
      duration,
      outputTokensPerSecondPerChip: outputs / duration / count,
      inputTokensPerSecondPerChip: inputs / duration / count,
      requestsPerSecond: reqs.length / duration,
      steady,
      goodput,
      meanInFlight: tr.area / duration,
      meanBatch: timeAverage(recs, recs.column("batch")),
      preemptions: pre,
      steps: recs.length,
      kvCapacityTokens: perToken > 0 ? Math.floor(tr.kvCapacity / perToken) : Number.POSITIVE_INFINITY,
      series: seriesOf(recs).map((r) => ({
        t: r.t,
        queue: r.queue,
        batch: r.batch,
        kvUsed: r.kvUsed,
        prefillTokens: r.prefillTokens,
      })),
      scheduler: tr.sch,
      seed: tr.seed,
    },
    warnings,
  );
}

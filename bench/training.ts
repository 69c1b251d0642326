// Bench: full parallelism search for Llama-3.1-405B on 16,384 H100 and DeepSeek-V3 on 2,048 H800; prints the
// best configurations, why the others lose, time-to-train and search speed; then the time of a seven-chip plan.
import { resolveCluster } from "../src/engine/cluster.js";
import { describeConfig, searchTraining, type TrainingSearchSpace } from "../src/planner/train-search.js";
import { caseArchitecture } from "../src/planner/validate/predict-training.js";
import { planTraining, timeToTrain } from "../src/planner/train-plan.js";

interface Scenario {
  model: string;
  chip: string;
  count: number;
  server?: string;
  space: TrainingSearchSpace;
  tokens: number;
}

const scenarios: Scenario[] = [
  {
    model: "llama-3.1-405b",
    chip: "h100-sxm",
    count: 16384,
    space: { globalBatch: 2048, seqLen: 8192, precision: "bf16" },
    tokens: 15.6e12,
  },
  {
    model: "deepseek-v3",
    chip: "h800-sxm",
    count: 2048,
    server: "hgx-h800",
    space: { globalBatch: 15360, seqLen: 4096, precision: "fp8" },
    tokens: 14.8e12,
  },
];

for (const s of scenarios) {
  const arch = caseArchitecture(s.model);
  const cluster = resolveCluster({ chip: s.chip, count: s.count, server: s.server ?? null });
  if (!arch.ok || !cluster.ok) throw new Error(`cannot resolve ${s.model} on ${s.chip}`);
  const t0 = performance.now();
  const r = searchTraining(arch.value, cluster.value, s.space, { keep: 5 });
  const ms = performance.now() - t0;
  console.log(
    `\n${s.model} on ${s.count} × ${s.chip} (seq ${s.space.seqLen}, global batch ${s.space.globalBatch}, ${s.space.precision})`,
  );
  if (!r.ok) {
    console.log(`  infeasible: ${r.issues[0]?.message}`);
    continue;
  }
  console.log(
    `  searched ${r.value.evaluated} configurations in ${ms.toFixed(0)} ms (${((r.value.evaluated / ms) * 1000).toFixed(0)} per second)`,
  );
  for (const e of r.value.ranked) {
    const b = e.breakdown;
    const pct = (x: number) => `${((x / e.stepTime) * 100).toFixed(0)}%`;
    console.log(
      `  ${describeConfig(e.config).padEnd(46)} step ${e.stepTime.toFixed(2)} s  ${e.tokensPerSecondPerChip.toFixed(0)} tok/s/chip  MFU ${(e.mfu * 100).toFixed(1)}% (bf16 ${(e.mfuBf16 * 100).toFixed(1)}%)  bubble ${pct(b.bubble)} tp ${pct(b.tpExposed)} ep ${pct(b.epExposed)} dp ${pct(b.dpExposed)}  mem ${(e.memory.total / 1e9).toFixed(0)} GB`,
    );
  }
  for (const rj of r.value.rejected.slice(0, 4))
    console.log(`  rejected ×${rj.count}: ${rj.reason} (e.g. ${rj.example})`);
  const best = r.value.ranked[0];
  if (best) {
    const ttt = timeToTrain(best, s.tokens, s.count);
    console.log(
      `  ${(s.tokens / 1e12).toFixed(1)} T tokens: ${(ttt.idealSeconds / 86400).toFixed(1)} days at full speed, ${(ttt.wallSeconds / 86400).toFixed(1)} days at goodput ${(ttt.goodput * 100).toFixed(1)} % (${ttt.goodputBasis}); ${(ttt.chipHours / 1e6).toFixed(2)} M chip-hours`,
    );
  }
}

// `suanli plan train --model llama-3.1-70b --tokens 15T --deadline-days 90 --chip <seven chips>`: one search per
// cluster size that could meet the deadline, per chip.
const planChips = ["h100-sxm", "h800-sxm", "h20", "ascend-910b", "ascend-910c", "mi300x", "b200"];
const arch70 = caseArchitecture("llama-3.1-70b");
if (arch70.ok) {
  const t0 = performance.now();
  const plan = planTraining({
    arch: arch70.value,
    chips: planChips,
    tokens: 15e12,
    deadlineDays: 90,
    space: { globalBatch: 1024, seqLen: 4096, precision: "bf16" },
  });
  const ms = performance.now() - t0;
  console.log(
    `\nplan: llama-3.1-70b, 15 T tokens in 90 days on ${planChips.length} chips in ${ms.toFixed(0)} ms`,
  );
  if (plan.ok)
    for (const r of plan.value)
      console.log(
        `  ${r.chip.padEnd(12)} ${String(r.count ?? "—").padStart(6)} chips  ${r.time ? (r.time.wallSeconds / 86400).toFixed(1) : "—"} days  MFU ${r.best ? (r.best.mfu * 100).toFixed(1) : "—"} %`,
      );
}

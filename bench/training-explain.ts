// Dev aid: the best configuration and step breakdown for public training cases matching a pattern.
import { readFileSync } from "node:fs";
import { resolveCluster } from "../src/engine/cluster.js";
import { caseCluster, parseCase, type TrainingCase } from "../src/planner/validate/case-schema.js";
import { caseArchitecture, caseSearchSpace } from "../src/planner/validate/predict-training.js";
import { searchTraining, describeConfig } from "../src/planner/train-search.js";

const pattern = new RegExp(process.argv[2] ?? ".");
const raw = JSON.parse(readFileSync("validation/public-cases.json", "utf8")) as unknown[];
for (const [i, r] of raw.entries()) {
  const p = parseCase(r, i);
  if (!p.ok || p.case.kind !== "training" || !pattern.test(p.case.id)) continue;
  const c = p.case as TrainingCase;
  const arch = caseArchitecture(c.model as Record<string, unknown>);
  const cl = resolveCluster(caseCluster(c.system));
  const sp = caseSearchSpace(c);
  if (!arch.ok || !cl.ok || !sp.ok) {
    console.log(c.id, "cannot");
    continue;
  }
  const s = searchTraining(arch.value, cl.value, sp.value, { keep: 3 });
  if (!s.ok) {
    console.log(c.id, s.issues[0]?.message);
    continue;
  }
  const e = s.value.ranked[0]!;
  const b = e.breakdown;
  const f = (x: number) => ((x / e.stepTime) * 100).toFixed(1) + "%";
  console.log(
    `\n${c.id}  measured ${c.metric.value}  predicted ${e.tokensPerSecondPerChip.toFixed(0)} (${((e.tokensPerSecondPerChip / c.metric.value - 1) * 100).toFixed(1)}%)  ${describeConfig(e.config)}`,
  );
  console.log(
    `  chip ${cl.value.chip.id} up ${(cl.value.scaleUpBandwidth / 1e9).toFixed(0)}GB/s out ${(cl.value.scaleOutBandwidth / 1e9).toFixed(1)}GB/s dom ${cl.value.scaleUpDomain}; step ${e.stepTime.toFixed(2)}s m=${e.microBatches} mfu ${(e.mfu * 100).toFixed(1)}% hfu ${(e.hfu * 100).toFixed(1)}%`,
  );
  console.log(
    `  compute ${f(b.compute)} bubble ${f(b.bubble)} tp ${f(b.tpExposed)} cp ${f(b.cpExposed)} ep ${f(b.epExposed)} pp ${f(b.ppExposed)} dp ${f(b.dpExposed)} opt ${f(b.optimizer)}; mem ${(e.memory.total / 1e9).toFixed(1)}/${(e.memory.capacity / 1e9).toFixed(0)} GB (w ${(e.memory.weights / 1e9).toFixed(1)} g ${(e.memory.gradients / 1e9).toFixed(1)} o ${(e.memory.optimizer / 1e9).toFixed(1)} a ${(e.memory.activations / 1e9).toFixed(1)})`,
  );
  console.log(
    "  " +
      e.ops
        .slice(0, 10)
        .map((o) => `${o.name} ${f(o.seconds)} ${o.bound[0]}`)
        .join(", "),
  );
  for (const rj of s.value.rejected.slice(0, 3))
    console.log(`  rejected: ${rj.reason} ×${rj.count} e.g. ${rj.example}`);
}

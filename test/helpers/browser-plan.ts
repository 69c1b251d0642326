// The seed question's serving plan computed in the test with the library, through the same request helper the web
// app uses (src/planner/plan-requests.ts), so a browser test can check the page shows the planner's result.
import { catalogCalibration, findChip, formatIssue, type Accelerator } from "../../src/index.js";
import { servePlanInput } from "../../src/planner/plan-requests.js";
import { planServe, type ChipServePlan, type ServeLayout } from "../../src/planner/serve-plan.js";
import { caseArchitecture } from "../../src/planner/validate/predict-training.js";

/** The web app's seed chips and defaults (web/src/lib/seed.ts, serve-params.ts): DeepSeek-R1, 10 req/s of 2,000 in
 * and 500 out tokens, TPOT ≤ 50 ms, export screen to CN today with restricted chips kept, checkpoint precision. */
export const SEED_CHIP_IDS = ["h20", "ascend-910b", "ascend-910c", "h100-sxm"] as const;

/** planServe on the seed question, as the web worker calls it (today's UTC date, like the page). */
export function seedPlans(): ChipServePlan[] {
  const arch = caseArchitecture("deepseek-r1");
  if (!arch.ok) throw new Error(arch.issues.map(formatIssue).join("; "));
  const chips: Accelerator[] = SEED_CHIP_IDS.map((id) => {
    const c = findChip(id);
    if (!c.ok) throw new Error(c.issues.map(formatIssue).join("; "));
    return c.value;
  });
  const today = new Date().toISOString().slice(0, 10);
  const r = planServe(
    servePlanInput(
      {
        rate: 10,
        inputTokens: 2000,
        outputTokens: 500,
        tpotMs: 50,
        ttftMs: null,
        percentile: "mean",
        to: "CN",
        date: today,
        includeRestricted: true,
        allowQuant: [],
        basis: "purchase",
        powerMW: null,
      },
      arch.value,
      chips,
      catalogCalibration(),
      today,
    ),
  );
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join("; "));
  return r.value.plans;
}

/** The layout as the web table writes it: "32: tp1 ep32 dp32 · fp8/fp8 · kv fp8". */
export const webLayoutText = (l: ServeLayout): string =>
  `${l.count}: tp${l.tp} ep${l.ep} dp${l.dp} · ${l.weights}/${l.activations} · kv ${l.kvCache}`;

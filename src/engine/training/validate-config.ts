// Checks a training configuration against the model and the cluster; every problem is an Issue with its fix.
import { issue, type Issue } from "../../issues.js";
import type { Architecture } from "../../workload/architecture.js";
import { layerKinds } from "./layer-kinds.js";
import type { TrainingCluster } from "./timing.js";
import type { TrainingConfig } from "./types.js";

const posInt = (x: number) => Number.isInteger(x) && x >= 1;

/** Problems with a configuration (empty when it can run). */
export function validateTrainingConfig(
  arch: Architecture,
  cluster: TrainingCluster,
  c: TrainingConfig,
): Issue[] {
  const out: Issue[] = [];
  for (const k of ["tp", "pp", "dp", "cp", "ep", "vpp", "microBatch", "globalBatch", "seqLen"] as const)
    if (!posInt(c[k]))
      out.push(issue("invalid_value", ["training", k], `${k} must be a positive integer (got ${c[k]})`));
  if (out.length > 0) return out;
  const product = c.tp * c.pp * c.dp * c.cp;
  if (product !== cluster.count)
    out.push(
      issue(
        "invalid_value",
        ["training"],
        `tp·pp·dp·cp = ${c.tp}·${c.pp}·${c.dp}·${c.cp} = ${product} must equal the chip count ${cluster.count}`,
      ),
    );
  // One check per distinct layer (in first-occurrence order, so the first failing layer names the problem).
  const heads = layerKinds(arch).specs.map((l) => l.attention);
  for (const a of heads) {
    if (a.numHeads % c.tp !== 0) {
      out.push(
        issue(
          "tp_not_divisor",
          ["training", "tp"],
          `tp (${c.tp}) must divide the attention heads (${a.numHeads})`,
        ),
      );
      break;
    }
    if (a.kind !== "mla" && a.numKvHeads % c.tp !== 0 && c.tp % a.numKvHeads !== 0) {
      out.push(
        issue(
          "tp_not_divisor",
          ["training", "tp"],
          `tp (${c.tp}) and the KV heads (${a.numKvHeads}) must divide one another`,
        ),
      );
      break;
    }
  }
  const moe = arch.layers.find((l) => l.mlp.kind === "moe")?.mlp;
  if (c.ep > 1) {
    if (!moe)
      out.push(
        issue("ep_not_divisor", ["training", "ep"], `ep (${c.ep}) > 1 needs a mixture-of-experts model`),
      );
    else if (moe.kind === "moe" && moe.numExperts % c.ep !== 0)
      out.push(
        issue(
          "ep_not_divisor",
          ["training", "ep"],
          `ep (${c.ep}) must divide the experts (${moe.numExperts})`,
        ),
      );
    if ((c.dp * c.cp) % c.ep !== 0)
      out.push(
        issue("ep_not_divisor", ["training", "ep"], `ep (${c.ep}) must divide dp·cp (${c.dp * c.cp})`),
      );
  }
  if (c.globalBatch % (c.dp * c.microBatch) !== 0)
    out.push(
      issue(
        "invalid_value",
        ["training", "globalBatch"],
        `global batch ${c.globalBatch} must be a multiple of dp·microBatch = ${c.dp * c.microBatch}`,
      ),
    );
  if (c.seqLen % c.cp !== 0)
    out.push(
      issue(
        "invalid_value",
        ["training", "cp"],
        `cp (${c.cp}) must divide the sequence length (${c.seqLen})`,
      ),
    );
  const L = arch.layers.length;
  if (c.pipelineLayers) {
    const sum = c.pipelineLayers.reduce((a, b) => a + b, 0);
    if (
      c.pipelineLayers.length !== c.pp ||
      sum !== L ||
      c.pipelineLayers.some((x) => !Number.isInteger(x) || x < 0)
    )
      out.push(
        issue(
          "invalid_value",
          ["training", "pipelineLayers"],
          `pipelineLayers must list ${c.pp} stage sizes summing to ${L} layers (got [${c.pipelineLayers.join(", ")}])`,
        ),
      );
  } else if (c.pp * c.vpp > L)
    out.push(
      issue(
        "pp_too_deep",
        ["training", "pp"],
        `pp·vpp = ${c.pp * c.vpp} exceeds the ${L} layers: lower pp or vpp`,
      ),
    );
  if (c.vpp > 1 && c.pp === 1) out.push(issue("invalid_value", ["training", "vpp"], "vpp > 1 needs pp > 1"));
  return out;
}

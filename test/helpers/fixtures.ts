// Test fixtures shared by workload and engine tests: an Architecture from an inline config.json object or a catalog
// model id, and a resolved cluster of N chips. Both throw (failing the test) with the library's own message when input is bad.
import { resolveCluster, type ClusterSpec } from "../../src/engine/cluster.js";
import { caseArchitecture } from "../../src/planner/validate/predict-training.js";
import type { Architecture } from "../../src/workload/architecture.js";
import { importConfig } from "../../src/workload/import/index.js";

/** importConfig(cfg), unwrapped. */
export function arch(cfg: object): Architecture {
  const r = importConfig(cfg);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.value;
}

/** A catalog model's Architecture by id or alias, unwrapped. */
export function catalogArch(id: string): Architecture {
  const r = caseArchitecture(id);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.value;
}

/** `count` × `chip` on its reference system, unwrapped. */
export function cluster(chip: string, count: number): ClusterSpec {
  const r = resolveCluster({ chip, count });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.value;
}

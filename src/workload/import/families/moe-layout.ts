// The dense-then-MoE MLP layout DeepSeek, GLM-4.5, Qwen-MoE and Qwen3-Next configs share: routed experts, the
// per-expert width, shared experts, and which layers are MoE.
import type { DenseMlpSpec, MoeSpec } from "../../architecture.js";
import { denseMlp, moeLayerPredicate, moeMlp, readExperts } from "../common.js";
import type { Reader } from "../fields.js";

/** The MoE spec fields read from the config, and which layers are MoE. */
export interface MoeLayout {
  experts: Pick<
    MoeSpec,
    "numExperts" | "topK" | "expertIntermediate" | "numShared" | "sharedIntermediate" | "sharedExpertGate"
  >;
  isMoe: (i: number) => boolean;
}

/** Every layer dense: no experts (Qwen3.5 dense configs read by the Qwen3-Next importer). */
export const NO_MOE: MoeLayout = {
  experts: {
    numExperts: 0,
    topK: 0,
    expertIntermediate: 0,
    numShared: 0,
    sharedIntermediate: 0,
    sharedExpertGate: false,
  },
  isMoe: () => false,
};

/**
 * Reads routed experts and top-k, `moe_intermediate_size`, the shared experts and the MoE-layer pattern, in that order.
 * `shared`: "experts" = `n_shared_experts` (default 0) experts of the routed width (DeepSeek, GLM-4.5); "gated" = one
 * sigmoid-gated expert of `shared_expert_intermediate_size` (default 0 = none; Qwen2-MoE, Qwen3-Next); "none".
 * @example readMoeLayout(r, { shared: "experts" }).experts.numShared // n_shared_experts
 */
export function readMoeLayout(
  r: Reader,
  o: {
    shared: "experts" | "gated" | "none";
    experts?: Parameters<typeof readExperts>[1];
    intermediateHint?: string;
  },
): MoeLayout {
  const { numExperts, topK } = readExperts(r, o.experts);
  const expertIntermediate = r.int(
    "moe_intermediate_size",
    o.intermediateHint ? { hint: o.intermediateHint } : {},
  );
  let numShared = 0;
  let sharedIntermediate = 0;
  if (o.shared === "experts") {
    numShared = r.int("n_shared_experts", { default: 0, min: 0 });
    sharedIntermediate = numShared * expertIntermediate;
  } else if (o.shared === "gated") {
    sharedIntermediate = r.int("shared_expert_intermediate_size", { default: 0, min: 0 });
    numShared = sharedIntermediate > 0 ? 1 : 0;
  }
  const sharedExpertGate = o.shared === "gated" && sharedIntermediate > 0;
  return {
    experts: { numExperts, topK, expertIntermediate, numShared, sharedIntermediate, sharedExpertGate },
    isMoe: moeLayerPredicate(r),
  };
}

/**
 * Layer i's MLP: the layout's MoE (plus `extra`, e.g. a router bias) where layer i is MoE, else a gated dense MLP of
 * `denseWidth`.
 * @example layerMlp(layout, 0, core.intermediate, { routerBias: true })
 */
export function layerMlp(
  layout: MoeLayout,
  i: number,
  denseWidth: number,
  extra: Partial<MoeSpec> = {},
): DenseMlpSpec | MoeSpec {
  return layout.isMoe(i) ? moeMlp({ ...layout.experts, ...extra }) : denseMlp(denseWidth);
}

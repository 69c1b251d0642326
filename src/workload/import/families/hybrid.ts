// Hybrid linear/full attention decoders: qwen3_next and Qwen3.5-MoE (Gated DeltaNet + gated full attention every
// full_attention_interval layers), MiniMax-Text-01 / M1 (lightning attention with a softmax layer per attn_type_list).
import type { AttentionSpec } from "../../architecture.js";
import { moeMlp, readCore, readExperts, readLayerTypes, standardAttention, type Core } from "../common.js";
import type { Reader } from "../fields.js";
import { decoder } from "./decoder.js";
import { layerMlp, NO_MOE, readMoeLayout } from "./moe-layout.js";
import type { FamilyImporter } from "./types.js";

/** Gated DeltaNet block (Qwen3-Next / Qwen3.5): Q/K/V and the z gate from the hidden state, b/a gates per value head,
 * a causal conv over Q/K/V, dt bias and A_log per value head, a gated RMSNorm over the value head, output projection.
 * State per sequence: value heads × key dim × value dim, plus the conv window. */
function gatedDeltaNet(r: Reader, core: Core): AttentionSpec {
  const nk = r.int("linear_num_key_heads");
  const nv = r.int("linear_num_value_heads");
  const dk = r.int("linear_key_head_dim");
  const dv = r.int("linear_value_head_dim");
  const kernel = r.int("linear_conv_kernel_dim", { default: 4 });
  if (Number.isFinite(nk) && Number.isFinite(nv) && nv % nk !== 0)
    r.report(
      "linear_num_key_heads",
      `linear_num_key_heads (${nk}) must divide linear_num_value_heads (${nv})`,
    );
  const keyDim = nk * dk;
  const valueDim = nv * dv;
  const convDim = 2 * keyDim + valueDim;
  const h = core.hidden;
  return {
    kind: "linear",
    numHeads: nv,
    numKvHeads: nk,
    headDim: dk,
    vHeadDim: dv,
    slidingWindow: null,
    qkvBias: false,
    outBias: false,
    linear: {
      qkvParams: h * convDim,
      // z gate, b and a gates, conv1d (no bias), dt_bias, A_log, gated norm.
      extraParams: h * valueDim + h * 2 * nv + convDim * kernel + 2 * nv + dv,
      stateElements: nv * dk * dv + convDim * (kernel - 1),
    },
  };
}

/** Qwen3-Next and Qwen3.5-MoE: 3 of every 4 layers Gated DeltaNet, the 4th gated full attention (q_proj doubled for
 * the output gate, q/k norms); every layer MoE with a gated shared expert. */
const qwenNext: FamilyImporter = (r, ctx) => {
  const core = readCore(r);
  const interval = r.int("full_attention_interval", { default: 4 });
  const types = readLayerTypes(r, core.numLayers);
  const isFull = (i: number) => (types ? types[i] === "full_attention" : (i + 1) % interval === 0);
  const linear = gatedDeltaNet(r, core);
  const moe = r.has("num_experts", "n_routed_experts") ? readMoeLayout(r, { shared: "gated" }) : NO_MOE;
  const mtpLayers = r.int(["mtp_num_hidden_layers", "num_nextn_predict_layers"], { default: 0, min: 0 });
  const layer = (i: number) => {
    const full = isFull(i);
    return {
      attention: full
        ? standardAttention(core, {
            qkvBias: r.bool("attention_bias", false),
            extraParams: core.hidden * core.heads * core.headDim,
          })
        : linear,
      mlp: layerMlp(moe, i, core.intermediate),
      normParams: 2 * core.hidden + (full ? 2 * core.headDim : 0),
    };
  };
  return decoder(r, ctx, core, {
    layer,
    mtpLayers,
    // The MTP block is a full-attention MoE layer plus pre-fc norms, fc (2h → h) and its own final norm.
    mtpLayer: () => layer(interval - 1),
    mtpExtraParamsPerLayer: 3 * core.hidden + 2 * core.hidden * core.hidden,
  });
};

/** MiniMax-Text-01 / M1 / M2: lightning (linear) attention with an output gate where attn_type_list is 0, softmax
 * GQA where it is 1 (M2: every layer, with per-layer q/k norms over all heads and a routing bias); every layer MoE. */
const minimaxHybrid: FamilyImporter = (r, ctx) => {
  const core = readCore(r);
  const { numExperts, topK } = readExperts(r);
  const qkNorm = r.bool("use_qk_norm", false) ? (core.heads + core.kvHeads) * core.headDim : 0;
  const routerBias = r.bool("use_routing_bias", false);
  if (r.bool("use_mtp", false))
    r.note("MTP modules named in the config are not part of the released checkpoint; not counted");
  const kinds = r.intList("attn_type_list");
  if (kinds && Number.isFinite(core.numLayers) && kinds.length !== core.numLayers)
    r.report(
      "attn_type_list",
      `attn_type_list has ${kinds.length} entries but there are ${core.numLayers} layers`,
    );
  const inner = core.heads * core.headDim;
  const lightning: AttentionSpec = {
    kind: "linear",
    numHeads: core.heads,
    numKvHeads: core.heads,
    headDim: core.headDim,
    vHeadDim: core.headDim,
    slidingWindow: null,
    qkvBias: false,
    outBias: false,
    // qkv_proj, output_gate and the RMSNorm over all heads; state is a headDim × headDim matrix per head.
    linear: {
      qkvParams: 3 * core.hidden * inner,
      extraParams: core.hidden * inner + inner,
      stateElements: core.heads * core.headDim * core.headDim,
    },
  };
  return decoder(r, ctx, core, {
    layer: (i) => ({
      attention: kinds && kinds[i] === 0 ? lightning : standardAttention(core),
      mlp: moeMlp({ numExperts, topK, expertIntermediate: core.intermediate, routerBias }),
      normParams: 2 * core.hidden + (kinds && kinds[i] === 0 ? 0 : qkNorm),
    }),
  });
};

/** Hybrid families by model_type. */
export const hybridFamilies: Record<string, FamilyImporter> = {
  qwen3_next: qwenNext,
  qwen3_5_moe_text: qwenNext,
  qwen3_5_text: qwenNext,
  minimax: minimaxHybrid,
  minimax_m1: minimaxHybrid,
  minimax_text_01: minimaxHybrid,
  minimax_m2: minimaxHybrid,
};

// DeepSeek-V2/V3/V3.2 and Kimi K2: multi-head latent attention (MLA), dense-then-MoE layers with shared experts,
// next-n MTP layers; V3.2 adds the lightning indexer.
import type { AttentionSpec, LayerSpec } from "../../architecture.js";
import { readCore } from "../common.js";
import { decoder } from "./decoder.js";
import { mtpOverhead } from "./moe.js";
import { layerMlp, readMoeLayout } from "./moe-layout.js";
import type { FamilyImporter } from "./types.js";

function deepseek(version: 2 | 3 | 32): FamilyImporter {
  return (r, ctx) => {
    const core0 = readCore(r, { kvHeads: null, headDim: ["qk_nope_head_dim"] });
    const qLoraRank = r.optInt("q_lora_rank");
    const kvLoraRank = r.int("kv_lora_rank", { hint: "MLA needs the compressed KV dimension" });
    const qkNopeHeadDim = r.int("qk_nope_head_dim");
    const qkRopeHeadDim = r.int("qk_rope_head_dim");
    const vHeadDim = r.int("v_head_dim", { default: qkNopeHeadDim });
    const core = { ...core0, kvHeads: core0.heads, headDim: qkNopeHeadDim + qkRopeHeadDim };
    const moe = readMoeLayout(r, {
      experts: { experts: ["n_routed_experts", "num_experts"] },
      shared: "experts",
    });
    const routerBias = version !== 2 || r.str("topk_method") === "noaux_tc";
    let indexer = 0;
    let indexerKeyDim = 0;
    if (version === 32) {
      const nIdx = r.int("index_n_heads");
      const dIdx = r.int("index_head_dim");
      // wq_b (q_lora → heads × dim), wk (hidden → dim), k_norm (LayerNorm with bias), weights_proj (hidden → heads).
      indexer = (qLoraRank ?? core.hidden) * nIdx * dIdx + core.hidden * dIdx + 2 * dIdx + core.hidden * nIdx;
      indexerKeyDim = dIdx;
    }
    const attention = (): AttentionSpec => {
      const a: AttentionSpec = {
        kind: "mla",
        numHeads: core.heads,
        numKvHeads: core.heads,
        headDim: core.headDim,
        vHeadDim,
        slidingWindow: null,
        qkvBias: r.bool("attention_bias", false),
        outBias: false,
        mla: { qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim },
      };
      if (indexer) {
        a.extraParams = indexer;
        a.indexerKeyDim = indexerKeyDim;
      }
      return a;
    };
    const layer = (i: number): LayerSpec => ({
      attention: attention(),
      mlp: layerMlp(moe, i, core.intermediate, { routerBias }),
      // input + post-attention RMSNorms, and the q_a / kv_a latent norms.
      normParams: 2 * core.hidden + (qLoraRank ?? 0) + kvLoraRank,
    });
    return decoder(r, ctx, core, {
      layer,
      mtpLayers: r.int("num_nextn_predict_layers", { default: 0, min: 0 }),
      // DeepSeek's checkpoints store a copy of the embedding and of the output head in each MTP layer (the 685B
      // "671B + 14B MTP" of the release counts them), so they are part of the MTP overhead here.
      mtpExtraParamsPerLayer: mtpOverhead(core.hidden) + 2 * core.vocab * core.hidden,
    });
  };
}

/** MLA families by model_type. */
export const deepseekFamilies: Record<string, FamilyImporter> = {
  deepseek_v2: deepseek(2),
  deepseek_v3: deepseek(3),
  kimi_k2: deepseek(3),
  deepseek_v32: deepseek(32),
};

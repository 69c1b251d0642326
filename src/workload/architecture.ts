// The canonical architecture: what every supported config.json family is imported into. The importer
// (src/workload/import/) builds it; parameter counts, ops and the engine read only this, never a raw config.

/** Attention of one layer. Dimensions are per head. */
export interface AttentionSpec {
  /** mha: kv heads = heads; gqa: 1 < kv heads < heads; mqa: 1 kv head; mla: DeepSeek multi-head latent attention;
   * linear: linear-attention / gated-delta-net blocks (state of fixed size, no KV cache growth). */
  kind: "mha" | "gqa" | "mqa" | "mla" | "linear";
  numHeads: number;
  numKvHeads: number;
  /** Query/key head dimension (for MLA: qk_nope + qk_rope). */
  headDim: number;
  /** Value head dimension (usually = headDim). */
  vHeadDim: number;
  /** Sliding-window length in tokens for this layer; null = full (global) attention. */
  slidingWindow: number | null;
  /** Bias on the QKV (and output) projections. */
  qkvBias: boolean;
  outBias: boolean;
  /** MLA only (DeepSeek-V2/V3): low-rank query and compressed KV dimensions. */
  mla?: { qLoraRank: number | null; kvLoraRank: number; qkNopeHeadDim: number; qkRopeHeadDim: number };
  /** Linear attention only: parameters of the block that are not plain Q/K/V/O projections (counted exactly by the
   * importer), and the per-sequence recurrent state size in elements (replaces a KV cache). */
  linear?: { extraParams: number; stateElements: number; qkvParams: number };
  /** Parameters of the attention block beyond Q/K/V/O and their biases (attention sinks, an output gate, a
   * DeepSeek-V3.2 indexer). Added to the layer count as is; 0 when absent. For `linear` the output projection is
   * numHeads × vHeadDim × hidden like every other kind. */
  extraParams?: number;
  /** DeepSeek-V3.2 lightning indexer: elements cached per token besides the latent KV (index key). */
  indexerKeyDim?: number;
}

/** A dense feed-forward block. gated = SwiGLU/GeGLU (three matrices), else two (GELU/ReLU). */
export interface DenseMlpSpec {
  kind: "dense";
  intermediate: number;
  gated: boolean;
  bias: boolean;
}

/** A mixture-of-experts block. */
export interface MoeSpec {
  kind: "moe";
  numExperts: number;
  topK: number;
  expertIntermediate: number;
  numShared: number;
  /** Intermediate size of the shared expert(s) together (0 when none). */
  sharedIntermediate: number;
  gated: boolean;
  /** Router weight is hidden × numExperts (+ bias when present); some families add a shared-expert gate. */
  routerBias: boolean;
  sharedExpertGate: boolean;
  /** Biases inside each expert (gpt-oss): gate/up (2 × expertIntermediate when gated) and down (hidden). */
  expertBias?: boolean;
}

export interface LayerSpec {
  attention: AttentionSpec;
  mlp: DenseMlpSpec | MoeSpec;
  /** Parameters of this layer's norms (e.g. 2 × hidden for two RMSNorms; 4 × hidden for LayerNorm with bias;
   * plus q/k norms where present). */
  normParams: number;
}

export interface Architecture {
  /** The config's model_type (e.g. "llama", "deepseek_v3"). */
  modelType: string;
  hiddenSize: number;
  vocabSize: number;
  /** Decoder layers of the main model, in order (hybrids and dense-then-MoE layouts are explicit). */
  layers: LayerSpec[];
  /** Multi-token-prediction (next-n) layers, excluded from `total` and included in `totalWithMtp`. */
  mtp: { layers: LayerSpec[]; extraParamsPerLayer: number };
  tiedEmbeddings: boolean;
  /** learned absolute position embeddings (gpt2, bloom has none) add maxPositions × hidden parameters. */
  positionEmbedding: "rope" | "learned" | "alibi" | "none";
  maxPositions: number;
  /** Final norm parameters. */
  finalNormParams: number;
  /** Precision the checkpoint stores its weights in ("bf16", "fp8", "int4" …). */
  weightPrecision: string;
  /** Quantisation recorded in the config, if any. */
  quantization: { method: string; bits: number | null } | null;
  /** Parameters of vision/audio encoders in a multimodal release (reported separately, never in totals). */
  encoderParams: number;
  /** Warnings from import (unusual fields, assumptions). */
  notes: string[];
  /** Parameters outside the layers, embeddings and final norm (BLOOM's embedding LayerNorm, an LM-head bias);
   * counted in every total. 0 when absent. */
  extraParams?: number;
  /** Activation of the MLPs as the config names it ("silu", "gelu_pytorch_tanh", "relu2" …), for the record. */
  activation?: string;
}

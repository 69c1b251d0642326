// Building blocks every family importer shares: the core dimensions, attention and MLP specs, layer patterns,
// precision/quantisation, and assembling the Architecture.
import type { Architecture, AttentionSpec, DenseMlpSpec, LayerSpec, MoeSpec } from "../architecture.js";
import { LIMITS, type Reader } from "./fields.js";

/** Field names for the core dimensions; families override the aliases they use. */
export interface CoreNames {
  hidden?: readonly string[];
  layers?: readonly string[];
  heads?: readonly string[];
  /** null: the family has no kv-head field (multi-head attention). */
  kvHeads?: readonly string[] | null;
  headDim?: readonly string[];
  intermediate?: readonly string[];
  vocab?: readonly string[];
  maxPositions?: readonly string[];
}

export interface Core {
  hidden: number;
  vocab: number;
  numLayers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  /** Dense FFN width; NaN when the family reads it elsewhere. */
  intermediate: number;
  maxPositions: number;
}

const DEFAULT_NAMES: Required<CoreNames> = {
  hidden: ["hidden_size", "n_embd", "d_model", "dim"],
  layers: ["num_hidden_layers", "n_layer", "num_layers", "n_layers"],
  heads: ["num_attention_heads", "n_head", "n_heads", "num_heads"],
  kvHeads: ["num_key_value_heads", "num_kv_heads", "n_kv_heads", "multi_query_group_num"],
  headDim: ["head_dim", "attention_head_dim", "kv_channels"],
  intermediate: ["intermediate_size", "ffn_hidden_size", "n_inner", "ffn_dim"],
  vocab: ["vocab_size", "padded_vocab_size", "n_vocab"],
  maxPositions: ["max_position_embeddings", "n_positions", "seq_length", "max_sequence_length", "n_ctx"],
};

/**
 * Reads hidden size, layers, heads, kv heads, head dim, FFN width and vocabulary, checking that kv heads divide
 * heads and that hidden divides by heads when head_dim is absent.
 */
export function readCore(
  r: Reader,
  names: CoreNames = {},
  opts: { intermediateRequired?: boolean; intermediateDefault?: (hidden: number) => number } = {},
): Core {
  const n = { ...DEFAULT_NAMES, ...names };
  const hidden = r.int(n.hidden);
  const numLayers = r.int(n.layers, { max: LIMITS.layers });
  const heads = r.int(n.heads, { max: LIMITS.heads });
  const kvHeads = n.kvHeads === null ? heads : r.int(n.kvHeads, { default: heads, max: LIMITS.heads });
  const vocab = r.int(n.vocab, { max: LIMITS.vocab });
  const maxPositions = unbounded(r, n.maxPositions)
    ? 0
    : r.int(n.maxPositions, { default: 0, min: 0, max: LIMITS.positions });
  const explicitHeadDim = r.optInt(n.headDim);
  let headDim = explicitHeadDim ?? hidden / heads;
  if (explicitHeadDim === null && Number.isFinite(hidden) && Number.isFinite(heads) && hidden % heads !== 0) {
    r.report(
      n.heads[0]!,
      `hidden size (${hidden}) is not divisible by ${n.heads[0]} (${heads}): set head_dim explicitly`,
    );
    headDim = NaN;
  }
  if (Number.isFinite(kvHeads) && Number.isFinite(heads) && heads % kvHeads !== 0) {
    const kvName = (n.kvHeads ?? []).find((k) => r.has(k)) ?? "num_key_value_heads";
    r.report(
      kvName,
      `${kvName} (${kvHeads}) must divide ${n.heads.find((k) => r.has(k)) ?? n.heads[0]} (${heads})`,
    );
  }
  let intermediate = NaN;
  if (opts.intermediateDefault && !r.has(...n.intermediate)) intermediate = opts.intermediateDefault(hidden);
  else if (opts.intermediateRequired !== false) intermediate = r.int(n.intermediate);
  return { hidden, vocab, numLayers, heads, kvHeads, headDim, intermediate, maxPositions };
}

/** True (with a note) when the first present of `names` is a bare Infinity: "no limit", which some configs write. */
export function unbounded(r: Reader, names: readonly string[]): boolean {
  const name = names.find((k) => r.has(k));
  if (name === undefined || r.raw[name] !== Infinity) return false;
  r.note(`${name} is Infinity: read as no limit`);
  return true;
}

/** MHA / GQA / MQA from the head counts. */
export function attentionKind(heads: number, kvHeads: number): AttentionSpec["kind"] {
  if (kvHeads === heads) return "mha";
  return kvHeads === 1 ? "mqa" : "gqa";
}

/** A standard (MHA/GQA/MQA) attention spec. */
export function standardAttention(
  core: Core,
  o: {
    slidingWindow?: number | null;
    qkvBias?: boolean;
    outBias?: boolean;
    vHeadDim?: number;
    extraParams?: number;
  } = {},
): AttentionSpec {
  const a: AttentionSpec = {
    kind: attentionKind(core.heads, core.kvHeads),
    numHeads: core.heads,
    numKvHeads: core.kvHeads,
    headDim: core.headDim,
    vHeadDim: o.vHeadDim ?? core.headDim,
    slidingWindow: o.slidingWindow ?? null,
    qkvBias: o.qkvBias ?? false,
    outBias: o.outBias ?? false,
  };
  if (o.extraParams) a.extraParams = o.extraParams;
  return a;
}

/** A dense MLP. */
export function denseMlp(intermediate: number, gated = true, bias = false): DenseMlpSpec {
  return { kind: "dense", intermediate, gated, bias };
}

/** A mixture-of-experts MLP (defaults: gated experts, no shared experts, no router bias). */
export function moeMlp(
  o: Partial<MoeSpec> & Pick<MoeSpec, "numExperts" | "topK" | "expertIntermediate">,
): MoeSpec {
  const m: MoeSpec = {
    kind: "moe",
    numExperts: o.numExperts,
    topK: o.topK,
    expertIntermediate: o.expertIntermediate,
    numShared: o.numShared ?? 0,
    sharedIntermediate: o.sharedIntermediate ?? 0,
    gated: o.gated ?? true,
    routerBias: o.routerBias ?? false,
    sharedExpertGate: o.sharedExpertGate ?? false,
  };
  if (o.expertBias) m.expertBias = true;
  return m;
}

/** Reads routed-expert count and top-k under their family names and checks top-k ≤ experts. */
export function readExperts(
  r: Reader,
  names: { experts?: readonly string[]; topK?: readonly string[] } = {},
): { numExperts: number; topK: number } {
  const expertNames = names.experts ?? [
    "num_local_experts",
    "num_experts",
    "n_routed_experts",
    "moe_num_experts",
  ];
  const topNames = names.topK ?? [
    "num_experts_per_tok",
    "num_experts_per_token",
    "moe_topk",
    "top_k",
    "moe_k",
  ];
  const numExperts = r.int(expertNames, { max: LIMITS.experts });
  const topK = r.int(topNames, { max: LIMITS.experts });
  if (topK > numExperts) {
    const t = topNames.find((k) => r.has(k)) ?? topNames[0]!;
    r.report(t, `${t} (${topK}) must not exceed the number of experts (${numExperts})`);
  }
  return { numExperts, topK };
}

/** Per-layer kinds from `layer_types`, checked against the layer count. Null when absent. */
export function readLayerTypes(r: Reader, numLayers: number, key = "layer_types"): string[] | null {
  const types = r.strList(key);
  if (types && Number.isFinite(numLayers) && types.length !== numLayers) {
    r.report(key, `${key} has ${types.length} entries but there are ${numLayers} layers: give one per layer`);
    return null;
  }
  return types;
}

/** Whether layer i is MoE in a dense-then-MoE layout (DeepSeek: first_k_dense_replace, moe_layer_freq — a stride or
 * a per-layer 0/1 list; Qwen: decoder_sparse_step, mlp_only_layers; Llama 4: interleave_moe_layer_step, moe_layers;
 * newer configs: mlp_layer_types "dense" / "sparse"). */
export function moeLayerPredicate(r: Reader): (i: number) => boolean {
  const types = r.strList("mlp_layer_types");
  if (types) return (i) => types[i] === "sparse" || types[i] === "moe";
  const explicit = r.intList("moe_layers");
  if (explicit) {
    const set = new Set(explicit);
    return (i) => set.has(i);
  }
  const firstDense = r.int("first_k_dense_replace", { default: 0, min: 0, max: LIMITS.layers });
  const freqList = Array.isArray(r.raw.moe_layer_freq) ? r.intList("moe_layer_freq") : null;
  const freq = freqList ? 1 : r.int("moe_layer_freq", { default: 1, max: LIMITS.layers });
  const step = r.int(["decoder_sparse_step", "interleave_moe_layer_step"], {
    default: 1,
    max: LIMITS.layers,
  });
  const mlpOnly = new Set(r.intList("mlp_only_layers") ?? []);
  return (i) =>
    (freqList ? freqList[i] === 1 : i % freq === 0) &&
    i >= firstDense &&
    !mlpOnly.has(i) &&
    (i + 1) % step === 0;
}

const DTYPES: Record<string, string> = {
  bfloat16: "bf16",
  float16: "fp16",
  float32: "fp32",
  half: "fp16",
  float: "fp32",
  float8_e4m3fn: "fp8",
  bf16: "bf16",
  fp16: "fp16",
};

/** Records quantization_config (method and bits) and the checkpoint's weight precision. Counts never depend on it. */
export function readPrecision(
  r: Reader,
  outer?: Reader,
): Pick<Architecture, "weightPrecision" | "quantization"> {
  const q = r.child("quantization_config") ?? outer?.child("quantization_config") ?? null;
  const dtype =
    r.str("torch_dtype") ?? r.str("dtype") ?? outer?.str("torch_dtype") ?? outer?.str("dtype") ?? null;
  const base = (dtype && DTYPES[dtype]) ?? "bf16";
  if (!q) return { weightPrecision: base, quantization: null };
  const method = q.str(["quant_method", "quant_algo", "method"]) ?? "unknown";
  let bits = q.optInt(["bits", "weight_bits", "num_bits", "w_bit", "wbits"], { max: 64 });
  const fmt = (q.str(["fmt", "format", "weight_dtype"]) ?? "").toLowerCase();
  if (bits === null) {
    const groups = q.child("config_groups");
    const g0 = groups && Object.keys(groups.raw)[0] ? groups.child(Object.keys(groups.raw)[0]!) : null;
    const w = g0?.child("weights");
    bits = w?.optInt("num_bits", { max: 64 }) ?? null;
  }
  const m = method.toLowerCase();
  if (bits === null && (m.includes("fp8") || fmt.includes("e4m3") || fmt.includes("fp8"))) bits = 8;
  if (bits === null && (m.includes("mxfp4") || m.includes("fp4"))) bits = 4;
  let weightPrecision = base;
  if (m.includes("mxfp4")) weightPrecision = "mxfp4";
  else if (m.includes("nvfp4") || m === "modelopt")
    weightPrecision = bits === 4 ? "nvfp4" : bits === 8 ? "fp8" : base;
  else if (m.includes("fp8") || fmt.includes("e4m3")) weightPrecision = "fp8";
  else if (bits === 8) weightPrecision = "int8";
  else if (bits === 4) weightPrecision = "int4";
  r.note(
    `quantised checkpoint (${method}${bits ? `, ${bits}-bit` : ""}): parameter counts come from shapes, not dtypes`,
  );
  return { weightPrecision, quantization: { method, bits } };
}

/** What assemble() takes: the reader, the family's core, per-layer builders and the model-level pieces. */
export interface AssembleOptions {
  r: Reader;
  modelType: string;
  core: Core;
  layer: (i: number) => LayerSpec;
  tiedDefault: boolean;
  positionEmbedding: Architecture["positionEmbedding"];
  finalNormParams: number;
  mtpLayers?: number;
  mtpLayer?: (i: number) => LayerSpec;
  mtpExtraParamsPerLayer?: number;
  extraParams?: number;
  activation?: string;
  outer?: Reader;
  encoderParams?: number;
  tiedEmbeddings?: boolean;
}

/** Assembles an Architecture from per-layer builders. */
export function assemble(o: AssembleOptions): Architecture {
  const { r, core } = o;
  const layers = Number.isFinite(core.numLayers)
    ? Array.from({ length: core.numLayers }, (_, i) => o.layer(i))
    : [];
  const nMtp = o.mtpLayers ?? 0;
  const mtpLayers = Number.isFinite(nMtp)
    ? Array.from({ length: nMtp }, (_, i) => (o.mtpLayer ?? o.layer)(core.numLayers + i))
    : [];
  const arch: Architecture = {
    modelType: o.modelType,
    hiddenSize: core.hidden,
    vocabSize: core.vocab,
    layers,
    mtp: { layers: mtpLayers, extraParamsPerLayer: nMtp > 0 ? (o.mtpExtraParamsPerLayer ?? 0) : 0 },
    tiedEmbeddings:
      o.tiedEmbeddings ??
      r.bool("tie_word_embeddings", o.outer?.bool("tie_word_embeddings", o.tiedDefault) ?? o.tiedDefault),
    positionEmbedding: o.positionEmbedding,
    maxPositions: core.maxPositions,
    finalNormParams: o.finalNormParams,
    ...readPrecision(r, o.outer),
    encoderParams: o.encoderParams ?? 0,
    notes: r.notes,
  };
  if (o.extraParams) arch.extraParams = o.extraParams;
  const act = o.activation ?? r.str(["hidden_act", "hidden_activation", "activation_function"]) ?? undefined;
  if (act) arch.activation = act;
  return arch;
}

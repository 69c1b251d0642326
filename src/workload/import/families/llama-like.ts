// Dense pre-norm decoders with RoPE and a gated MLP: llama, mistral, qwen2, qwen3, internlm2, baichuan, phi3,
// gemma/gemma2/gemma3, cohere/cohere2, nemotron, granite, olmo2.
import { denseMlp, readCore, readLayerTypes, standardAttention, unbounded } from "../common.js";
import { decoder } from "./decoder.js";
import type { Reader } from "../fields.js";
import type { FamilyImporter, WindowOf } from "./types.js";

interface DenseOptions {
  /** Bias on Q/K/V (and on O when `outBias`). */
  qkvBias?: (r: Reader) => boolean;
  outBias?: (r: Reader) => boolean;
  mlpBias?: (r: Reader) => boolean;
  gated?: boolean;
  /** Per-head q/k norms: "shared" (one headDim vector each), "full" (heads × headDim), or none. */
  qkNorm?: (r: Reader) => "shared" | "full" | null;
  /** Norm vectors per layer (2 for pre-attention + pre-MLP; 4 for gemma2/3 sandwich norms). */
  normsPerLayer?: number;
  /** Elements per norm vector relative to hidden (2 for LayerNorm with bias). */
  normWidth?: number;
  tiedDefault?: boolean;
  window?: (r: Reader, numLayers: number) => WindowOf;
}

/** Sliding windows from `layer_types`, else from a family rule. */
export function windowsFrom(
  r: Reader,
  numLayers: number,
  fallback: (w: number | null) => WindowOf,
): WindowOf {
  const w = unbounded(r, ["sliding_window"]) ? null : r.optInt("sliding_window", { max: 1e9 });
  const types = readLayerTypes(r, numLayers);
  if (types) return (i) => (types[i] === "sliding_attention" || types[i] === "chunked_attention" ? w : null);
  return fallback(w);
}

const none = (): WindowOf => () => null;
/** Every layer uses the window when the config gives one (Mistral, Phi-3). */
const allLayers = (r: Reader, n: number) => windowsFrom(r, n, (w) => () => w);
/** Qwen2/Qwen3: the window applies only with use_sliding_window, to layers from max_window_layers on. */
const qwenWindows = (r: Reader, n: number): WindowOf => {
  const use = r.bool("use_sliding_window", false);
  const from = r.int("max_window_layers", { default: n, min: 0, max: 100_000 });
  if (!use) return () => null;
  return windowsFrom(r, n, (w) => (i) => (i >= from ? w : null));
};
/** Gemma 2: even layers local, odd layers global. */
const gemma2Windows = (r: Reader, n: number) => windowsFrom(r, n, (w) => (i) => (i % 2 === 0 ? w : null));
/** Gemma 3 / Cohere 2: every N-th layer global (sliding_window_pattern), the others local. */
const patternWindows = (defaultPattern: number) => (r: Reader, n: number) =>
  windowsFrom(r, n, (w) => {
    const p = r.int(["sliding_window_pattern", "_sliding_window_pattern"], { default: defaultPattern });
    return (i) => ((i + 1) % p !== 0 ? w : null);
  });

function denseFamily(o: DenseOptions = {}): FamilyImporter {
  return (r, ctx) => {
    const core = readCore(r);
    const qkvBias = o.qkvBias?.(r) ?? false;
    const outBias = o.outBias?.(r) ?? false;
    const mlpBias = o.mlpBias?.(r) ?? false;
    const qk = o.qkNorm?.(r) ?? null;
    const width = o.normWidth ?? 1;
    const qkNormParams =
      qk === "shared" ? 2 * core.headDim : qk === "full" ? (core.heads + core.kvHeads) * core.headDim : 0;
    const windowOf = (o.window ?? none)(r, core.numLayers);
    return decoder(r, ctx, core, {
      layer: (i) => ({
        attention: standardAttention(core, { qkvBias, outBias, slidingWindow: windowOf(i) }),
        mlp: denseMlp(core.intermediate, o.gated ?? true, mlpBias),
        normParams: (o.normsPerLayer ?? 2) * width * core.hidden + qkNormParams,
      }),
      tiedDefault: o.tiedDefault ?? false,
      finalNormParams: width * core.hidden,
    });
  };
}

const attentionBias = (r: Reader) => r.bool(["attention_bias", "bias"], false);
const mlpBias = (r: Reader) => r.bool("mlp_bias", false);

/** Dense families by model_type. */
export const llamaLike: Record<string, FamilyImporter> = {
  llama: denseFamily({ qkvBias: attentionBias, outBias: attentionBias, mlpBias, window: allLayers }),
  mistral: denseFamily({ qkvBias: attentionBias, outBias: attentionBias, window: allLayers }),
  ministral: denseFamily({ window: allLayers }),
  qwen2: denseFamily({ qkvBias: () => true, window: qwenWindows }),
  qwen3: denseFamily({
    qkvBias: attentionBias,
    outBias: attentionBias,
    qkNorm: () => "shared",
    window: qwenWindows,
  }),
  internlm2: denseFamily({ qkvBias: attentionBias, outBias: attentionBias }),
  internlm3: denseFamily({ qkvBias: (r) => r.bool("qkv_bias", false), outBias: attentionBias }),
  baichuan: denseFamily({}),
  phi3: denseFamily({ window: allLayers }),
  granite: denseFamily({ qkvBias: attentionBias, outBias: attentionBias, mlpBias, tiedDefault: true }),
  olmo2: denseFamily({ qkvBias: attentionBias, outBias: attentionBias, qkNorm: () => "full" }),
  gemma: denseFamily({ tiedDefault: true }),
  gemma2: denseFamily({ tiedDefault: true, normsPerLayer: 4, window: gemma2Windows }),
  gemma3_text: denseFamily({
    tiedDefault: true,
    normsPerLayer: 4,
    qkNorm: () => "shared",
    window: patternWindows(6),
  }),
  // Cohere: one LayerNorm (weight only) per layer, attention and MLP in parallel; optional per-head q/k norms.
  cohere: denseFamily({
    tiedDefault: true,
    normsPerLayer: 1,
    qkvBias: attentionBias,
    outBias: attentionBias,
    qkNorm: (r) => (r.bool("use_qk_norm", false) ? "full" : null),
  }),
  cohere2: denseFamily({
    tiedDefault: true,
    normsPerLayer: 1,
    qkvBias: attentionBias,
    outBias: attentionBias,
    window: patternWindows(4),
  }),
  // Nemotron: squared-ReLU MLP (two matrices), LayerNorm1P with bias.
  nemotron: denseFamily({
    gated: false,
    normWidth: 2,
    qkvBias: attentionBias,
    outBias: attentionBias,
    mlpBias,
  }),
};

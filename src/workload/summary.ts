// A model at a glance: architecture summary, parameter counts and KV-cache footprint per precision, for the CLI,
// the API and the web app (they render it; none recomputes it).
import type { Precision } from "../units/index.js";
import type { Architecture, AttentionSpec } from "./architecture.js";
import { kvCacheBytesPerToken, type KvCacheFootprint } from "./kv-cache.js";
import { parameterCounts, type ParameterCounts } from "./params.js";

/** One group of layers sharing an attention shape. */
export interface AttentionGroup {
  kind: AttentionSpec["kind"];
  layers: number;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  vHeadDim: number;
  slidingWindow: number | null;
  /** MLA: kv_lora_rank + qk_rope_head_dim (elements cached per token). */
  latentDim?: number;
}

export interface ArchitectureSummary {
  modelType: string;
  hiddenSize: number;
  vocabSize: number;
  layers: number;
  denseLayers: number;
  moeLayers: number;
  attention: AttentionGroup[];
  moe: {
    numExperts: number;
    topK: number;
    expertIntermediate: number;
    numShared: number;
    sharedIntermediate: number;
  } | null;
  denseIntermediate: number | null;
  mtpLayers: number;
  tiedEmbeddings: boolean;
  positionEmbedding: Architecture["positionEmbedding"];
  maxPositions: number;
  weightPrecision: string;
  quantization: Architecture["quantization"];
  activation: string | null;
  notes: string[];
}

/** Summarises an architecture: layer counts by kind and attention groups in layer order. */
export function summarizeArchitecture(arch: Architecture): ArchitectureSummary {
  const groups: AttentionGroup[] = [];
  for (const l of arch.layers) {
    const a = l.attention;
    const g: AttentionGroup = {
      kind: a.kind,
      layers: 1,
      numHeads: a.numHeads,
      numKvHeads: a.numKvHeads,
      headDim: a.headDim,
      vHeadDim: a.vHeadDim,
      slidingWindow: a.slidingWindow,
    };
    if (a.mla) g.latentDim = a.mla.kvLoraRank + a.mla.qkRopeHeadDim;
    const same = groups.find(
      (x) =>
        x.kind === g.kind &&
        x.numHeads === g.numHeads &&
        x.numKvHeads === g.numKvHeads &&
        x.headDim === g.headDim &&
        x.slidingWindow === g.slidingWindow,
    );
    if (same) same.layers++;
    else groups.push(g);
  }
  const moeLayer = arch.layers.find((l) => l.mlp.kind === "moe")?.mlp;
  const denseLayer = arch.layers.find((l) => l.mlp.kind === "dense")?.mlp;
  const moeLayers = arch.layers.filter((l) => l.mlp.kind === "moe").length;
  return {
    modelType: arch.modelType,
    hiddenSize: arch.hiddenSize,
    vocabSize: arch.vocabSize,
    layers: arch.layers.length,
    denseLayers: arch.layers.length - moeLayers,
    moeLayers,
    attention: groups,
    moe:
      moeLayer && moeLayer.kind === "moe"
        ? {
            numExperts: moeLayer.numExperts,
            topK: moeLayer.topK,
            expertIntermediate: moeLayer.expertIntermediate,
            numShared: moeLayer.numShared,
            sharedIntermediate: moeLayer.sharedIntermediate,
          }
        : null,
    denseIntermediate: denseLayer && denseLayer.kind === "dense" ? denseLayer.intermediate : null,
    mtpLayers: arch.mtp.layers.length,
    tiedEmbeddings: arch.tiedEmbeddings,
    positionEmbedding: arch.positionEmbedding,
    maxPositions: arch.maxPositions,
    weightPrecision: arch.weightPrecision,
    quantization: arch.quantization,
    activation: arch.activation ?? null,
    notes: [...arch.notes],
  };
}

/** Precisions `modelReport` gives the KV cache in by default. */
export const KV_REPORT_PRECISIONS: readonly Precision[] = ["bf16", "fp8", "int8", "int4"];

export interface ModelReport {
  architecture: ArchitectureSummary;
  parameters: ParameterCounts;
  /** KV-cache footprint per precision. */
  kvCache: Partial<Record<Precision, KvCacheFootprint>>;
}

/**
 * Everything `suanli model` shows about one architecture.
 * @example modelReport(arch).kvCache.bf16?.bytesPerToken // 131072 for Llama 3.1 8B
 */
export function modelReport(
  arch: Architecture,
  precisions: readonly Precision[] = KV_REPORT_PRECISIONS,
): ModelReport {
  return {
    architecture: summarizeArchitecture(arch),
    parameters: parameterCounts(arch),
    kvCache: Object.fromEntries(precisions.map((p) => [p, kvCacheBytesPerToken(arch, p)])),
  };
}

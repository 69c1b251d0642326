// Pipeline layout and schedule: layers per stage (uneven allowed), parallel-group placement on the topology, and
// the 1F1B / interleaved step time (m + (p − 1)/v) · t for uneven stages.
import type { GroupLink } from "./timing.js";

/**
 * Layers per stage, as even as possible; when pp does not divide the layer count the extra layers go to the
 * middle stages, since the first and last stages also carry the embedding and the LM head.
 * @example evenStages(126, 16) // [7, 8, 8, …, 8, 7] style balance
 */
export function evenStages(layers: number, pp: number): number[] {
  const base = Math.floor(layers / pp);
  let extra = layers - base * pp;
  const out = new Array<number>(pp).fill(base);
  // Hand out extras from the middle outwards.
  const order = Array.from({ length: pp }, (_, i) => i).sort(
    (a, b) => Math.abs(a - (pp - 1) / 2) - Math.abs(b - (pp - 1) / 2) || a - b,
  );
  for (const i of order) {
    if (extra <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    extra--;
  }
  return out;
}

/** Layer indices of each stage from the per-stage counts. */
export function stageLayerIndices(counts: readonly number[]): number[][] {
  const out: number[][] = [];
  let next = 0;
  for (const c of counts) {
    out.push(Array.from({ length: c }, (_, j) => next + j));
    next += c;
  }
  return out;
}

/** Placement order (Megatron): tp innermost, then cp, then dp (ep inside dp·cp), pp outermost. */
export function groupLinks(
  c: { tp: number; cp: number; dp: number; ep: number; pp: number },
  domain: number,
): Record<"tp" | "cp" | "dp" | "ep" | "pp" | "edp", GroupLink> {
  const link = (stride: number, size: number): GroupLink => ({
    size,
    perDomain: stride >= domain ? 1 : Math.max(1, Math.min(size, Math.floor(domain / stride))),
  });
  const dpcp = c.dp * c.cp;
  return {
    tp: link(1, c.tp),
    cp: link(c.tp, c.cp),
    // Gradient reduce runs over dp × cp ranks (Megatron shards the distributed optimizer over both).
    dp: link(c.tp, dpcp),
    ep: link(c.tp, c.ep),
    edp: link(c.tp * c.ep, Math.max(1, dpcp / c.ep)),
    pp: link(c.tp * dpcp, c.pp),
  };
}

/**
 * Step time of the pipeline for per-micro-batch stage times `t` (forward + backward of all chunks of a stage),
 * m micro-batches and v virtual chunks: m · max(t) for the steady state plus the fill/drain bubble
 * (Σt − max t)/v. For equal stages this is (m + (p − 1)/v) · t (Narayanan et al. 2021).
 */
export function pipelineTime(t: readonly number[], m: number, v: number): { total: number; bubble: number } {
  const max = Math.max(...t);
  const sum = t.reduce((a, b) => a + b, 0);
  const bubble = (sum - max) / v;
  return { total: m * max + bubble, bubble };
}

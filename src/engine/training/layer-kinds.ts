// Distinct layer specs of an architecture and how many of each each pipeline stage holds (computed once per
// architecture), so a search times and sizes each kind of layer once per configuration; a memo for per-search caches.
import type { Architecture, LayerSpec } from "../../workload/architecture.js";

export interface LayerKinds {
  /** One representative spec per kind. */
  specs: LayerSpec[];
  /** Kind index of every layer. */
  kindOf: number[];
}

const cache = new WeakMap<Architecture, LayerKinds>();

/** The distinct layer specs of `arch` (by value) and each layer's kind. */
export function layerKinds(arch: Architecture): LayerKinds {
  let k = cache.get(arch);
  if (!k) {
    const index = new Map<string, number>();
    const specs: LayerSpec[] = [];
    const kindOf = arch.layers.map((l) => {
      const key = JSON.stringify(l);
      let i = index.get(key);
      if (i === undefined) {
        i = specs.length;
        index.set(key, i);
        specs.push(l);
      }
      return i;
    });
    k = { specs, kindOf };
    cache.set(arch, k);
  }
  return k;
}

/** Layers of each kind in each stage: result[stage][kind]. */
export function kindCounts(arch: Architecture, stages: readonly number[][]): number[][] {
  const { specs, kindOf } = layerKinds(arch);
  return stages.map((layers) => {
    const n = new Array<number>(specs.length).fill(0);
    for (const li of layers) {
      const k = kindOf[li];
      if (k !== undefined) n[k] = (n[k] ?? 0) + 1;
    }
    return n;
  });
}

/** `cache.get(key)`, made by `make()` and stored on a miss; `make()` every time without a cache. A search passes one
 * cache for one model, cluster and calibration, so keys name only the configuration fields a value depends on. */
export function memoized<T>(cache: Map<string, unknown> | undefined, key: string, make: () => T): T {
  if (!cache) return make();
  let v = cache.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

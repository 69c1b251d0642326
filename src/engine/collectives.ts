// Collective time on a hierarchical topology (α–β model): a scale-up domain (NVLink, HCCS, UB, xGMI) and a
// scale-out network between domains. Ring all-reduce, all-gather / reduce-scatter, all-to-all, send/recv.
import type { Op } from "../workload/op.js";
import type { Calibration } from "./calibration.js";
import type { ClusterSpec } from "./cluster.js";

export interface CollectiveTime {
  time: number;
  bound: "network" | "latency";
}

/**
 * Time of one collective call per chip. Payload is the bytes one chip contributes (all-reduce: the buffer;
 * all-to-all: the bytes leaving the chip). Groups larger than the scale-up domain cross the scale-out network.
 * Ring all-reduce (Patarasuk & Yuan 2009): 2(g−1)/g · S / B; hierarchical: reduce-scatter in the domain, all-reduce
 * of S/d across domains, all-gather in the domain.
 */
export function collectiveTime(
  c: NonNullable<Op["collective"]>,
  cluster: ClusterSpec,
  cal: Calibration,
): CollectiveTime {
  const g = c.groupSize;
  if (g <= 1 || c.payloadBytes <= 0) return { time: 0, bound: "latency" };
  const d = Math.min(cluster.scaleUpDomain, g);
  const up = cluster.scaleUpBandwidth * cal.scaleUpEfficiency;
  const a2aUp = cluster.scaleUpBandwidth * cal.allToAllEfficiency;
  const out = cluster.scaleOutBandwidth * cal.scaleOutEfficiency;
  const crosses = g > d;
  const floor =
    c.kind === "all-to-all" && cal.allToAllLatencyS > 0 ? cal.allToAllLatencyS : cal.collectiveLatencyS;
  const alpha = floor * (crosses ? 2 : 1);
  const S = c.payloadBytes;
  let beta: number;
  switch (c.kind) {
    case "all-reduce": {
      const intra = d > 1 ? (2 * (d - 1) * S) / d / up : 0;
      const nodes = g / d;
      const inter = crosses ? (2 * (nodes - 1) * (S / d)) / nodes / out : 0;
      beta = intra + inter;
      break;
    }
    case "all-gather":
    case "reduce-scatter": {
      const intra = d > 1 ? ((d - 1) * S) / d / up : 0;
      const nodes = g / d;
      const inter = crosses ? ((nodes - 1) * (S / d)) / nodes / out : 0;
      beta = intra + inter;
      break;
    }
    case "all-to-all": {
      const fIntra = (d - 1) / (g - 1);
      let inter = crosses ? (S * (g - d)) / (g - 1) : 0;
      if (crosses && c.fanout && c.fanout > 1) {
        // One copy per remote domain, fanned out inside it: per token, E[distinct remote domains] copies of
        // k·(g−1)/g sent naively (D domains, k destinations spread uniformly).
        const D = g / d;
        const perToken = S / ((c.fanout * (g - 1)) / g);
        inter = Math.min(inter, perToken * (D - 1) * (1 - Math.pow(1 - 1 / D, c.fanout)));
      }
      beta = Math.max((S * fIntra) / a2aUp, crosses ? inter / out : 0);
      break;
    }
    case "send-recv":
      beta = S / (crosses ? out : up);
      break;
  }
  return { time: alpha + beta, bound: beta >= alpha ? "network" : "latency" };
}

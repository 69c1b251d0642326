// Mixture-of-experts routing statistics: experts a batch touches and the load of the busiest expert-parallel rank.

/** natural: the router's own distribution; balanced: forced uniform (profiling); eplb: redundant experts placed by
 * an expert-parallel load balancer from observed statistics. */
export type MoeRouting = "natural" | "balanced" | "eplb";

/**
 * Named assumption: load of the busiest EP rank over the mean, before sampling noise, by routing policy.
 * LMSYS's large-scale EP study (2025-05-05) reports "balancedness" (mean / max rank load) of about 0.6–0.7 for the
 * router's own placement and about 0.8 with EPLB at EP32: natural 1.5, eplb 1.2; balanced 1.0 by construction.
 */
export const ROUTING_BASE_IMBALANCE: Record<MoeRouting, number> = { natural: 1.5, eplb: 1.2, balanced: 1 };

/**
 * Expected distinct experts touched when `tokens` tokens each pick `topK` of `experts`: E·(1 − (1 − k/E)^N).
 * @example expectedExpertsTouched(256, 8, 1) // 8
 */
export function expectedExpertsTouched(experts: number, topK: number, tokens: number): number {
  if (tokens <= 0) return 0;
  return experts * (1 - Math.pow(1 - topK / experts, tokens));
}

/**
 * Load of the busiest of `ranks` EP ranks relative to the mean, for `meanAssignments` token-expert assignments per
 * rank: the policy's base skew times the Poisson tail of the maximum, 1 + √(2 ln ranks / mean) (balanced: exactly 1).
 */
export function routingImbalance(policy: MoeRouting, meanAssignments: number, ranks: number): number {
  if (policy === "balanced" || ranks <= 1 || meanAssignments <= 0) return 1;
  const noise = Math.sqrt((2 * Math.log(ranks)) / meanAssignments);
  return ROUTING_BASE_IMBALANCE[policy] * (1 + Math.min(1, noise));
}

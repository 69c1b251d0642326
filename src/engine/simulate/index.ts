// The discrete-event serving simulator's public surface.
export { mulberry32, drawTokens, type Random, type TokenDistribution, type TokenSpec } from "./random.js";
export type {
  Distribution,
  SimRequest,
  SimSample,
  SimScheduler,
  SimSlo,
  SimulationResult,
  SimWorkload,
} from "./types.js";
export { distributionOf } from "./stats.js";
export { defaultScheduler, KV_BLOCK_TOKENS, simulateServing } from "./simulate.js";
export { checkSteadyState, steadyStateEstimate, type SteadyStateCheck } from "./steady-state.js";

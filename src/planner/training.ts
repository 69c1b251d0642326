// The training planner's public surface: parallelism search, time-to-train and deadline plans, scaling curve.
export * from "./train-plan.js";
export * from "./train-scaling.js";
export * from "./train-search.js";

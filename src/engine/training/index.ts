// The training engine's public surface: estimateTraining, memory, pipeline, timing adapters and training factors.
export * from "./calibration.js";
export * from "./efficiency.js";
export * from "./error-band.js";
export * from "./fitted.js";
export * from "./memory.js";
export * from "./pipeline.js";
export * from "./step.js";
export * from "./timing.js";
export * from "./types.js";
export * from "./validate-config.js";

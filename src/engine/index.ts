// The inference engine's public surface (the training engine exports from src/engine/training/).
export * from "./calibration.js";
export * from "./cluster.js";
export * from "./collectives.js";
export * from "./disaggregated.js";
export * from "./error-band.js";
export * from "./estimate.js";
export * from "./inference.js";
export * from "./op-time.js";
export * from "./sensitivity.js";
export * from "./serving.js";
export * from "./serving-config.js";
export * from "./serving-defaults.js";
export * from "./simulate/index.js";

// suanli's public library surface: everything a CLI, server or web app needs, from one import.
export * from "./issues.js";
export * from "./units/index.js";
export * from "./catalog/index.js";
export * from "./compliance/metrics.js";
export * from "./compliance/index.js";
export * from "./workload/index.js";
export * from "./cost/index.js";
export * from "./engine/index.js";
export * from "./engine/training/index.js";
export * from "./planner/training.js";
export * from "./planner/validate/index.js";

// The workload layer's public surface: canonical architecture, config import, parameter counts, KV cache, ops.
export * from "./architecture.js";
export * from "./op.js";
export * from "./import/index.js";
export * from "./params.js";
export * from "./kv-cache.js";
export * from "./summary.js";
export * from "./ops-training.js";
export * from "./flops-training.js";

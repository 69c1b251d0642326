// Named serving assumptions used when a workload leaves a choice to the framework (batch caps, tail ratios).

/**
 * Largest running batch a framework schedules when the user does not set it (its documented default), by
 * framework name; frameworks not listed are bounded by memory and DEFAULT_MAX_BATCH.
 * vLLM / vLLM-Ascend: `max_num_seqs` 256 (vLLM engine arguments); MindIE: `maxBatchSize` 200 (MindIE Service
 * config.json reference); TensorRT-LLM: `max_batch_size` 2048 (trtllm-bench / build defaults).
 */
export const FRAMEWORK_MAX_BATCH: Readonly<Record<string, number>> = {
  vllm: 256,
  "vllm-ascend": 256,
  mindie: 200,
  "tensorrt-llm": 2048,
};

/** Upper bound on concurrent sequences when nothing else limits it (per instance). */
export const DEFAULT_MAX_BATCH = 4096;

/** Named assumption: ratio of a latency percentile to its mean under Poisson load (tail of a continuous batcher). */
export const PERCENTILE_OVER_MEAN: Readonly<Record<string, number>> = { mean: 1, p50: 1, p90: 1.3, p99: 1.6 };

/** The batch cap for a framework name (case-insensitive), or the default. */
export function frameworkMaxBatch(framework: string | null | undefined): number {
  if (!framework) return DEFAULT_MAX_BATCH;
  return FRAMEWORK_MAX_BATCH[framework.toLowerCase()] ?? DEFAULT_MAX_BATCH;
}

/**
 * Serving runtimes whose scheduler and sampler run in compiled code overlapped with the device (TensorRT-LLM's
 * C++ executor): no per-sequence host cost (sequenceOverheadS = 0). Python-scheduled engines pay it.
 */
export const COMPILED_RUNTIMES: readonly string[] = ["tensorrt-llm"];

/** True when the named framework schedules in compiled code (see COMPILED_RUNTIMES). */
export function compiledRuntime(framework: string | null | undefined): boolean {
  return !!framework && COMPILED_RUNTIMES.includes(framework.toLowerCase());
}

/**
 * Serving runtimes that size the KV cache as a fraction of the memory left after weights and runtime buffers
 * (TensorRT-LLM: KvCacheConfig.free_gpu_memory_fraction, default 0.9) rather than of the whole device (vLLM's
 * gpu_memory_utilization 0.9, SGLang's mem_fraction_static): calibration.memoryReserveFraction then applies to the
 * free memory.
 */
export const FREE_MEMORY_RESERVE_RUNTIMES: readonly string[] = ["tensorrt-llm"];

/** What the memory reserve is a fraction of for the named framework (see FREE_MEMORY_RESERVE_RUNTIMES). */
export function reserveBasis(framework: string | null | undefined): "capacity" | "free" {
  return !!framework && FREE_MEMORY_RESERVE_RUNTIMES.includes(framework.toLowerCase()) ? "free" : "capacity";
}

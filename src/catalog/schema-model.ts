// Model metadata schema (catalog/models/<id>/meta.yaml); the architecture itself is the published config.json.
import { z } from "zod";
import { IsoDate, Source, SourceMap } from "./schema-common.js";

/** A published parameter count: exact (paper table, model card, checkpoint tensor total; checked within 1 %) or
 * rounded as stated ("7B"; checked within the rounding: 6.5–7.5 B). */
export const PublishedCount = z.strictObject({
  value: z.number().positive(),
  precision: z.enum(["exact", "rounded"]),
  /** The figure as the source writes it, e.g. "7B", "671B", "6,738,415,616". */
  stated: z.string(),
  source: z.string(),
  locator: z.string().optional(),
  /** The figure also counts a multimodal release's vision/audio encoders (compared with total + encoder). */
  includesEncoder: z.boolean().optional(),
  /** For active counts: embeddings the source leaves out — "input" (DeepSeek, OpenAI: the lookup table is not
   * computed) or "input-and-output" (MiniMax: non-embedding active parameters). */
  excludesEmbeddings: z.enum(["input", "input-and-output"]).optional(),
});
export type PublishedCount = z.infer<typeof PublishedCount>;

export const ModelMeta = z.strictObject({
  name: z.string().min(2),
  organisation: z.string().min(2),
  releaseDate: IsoDate,
  aliases: z.array(z.string()).default([]),
  /** Where config.json was taken from (the Hugging Face repository, or the paper for gpt2-style configs). */
  configSource: Source,
  /** Precision of the released weights when it is not the config's torch_dtype (e.g. "fp8" for DeepSeek-V3). */
  checkpointPrecision: z.string().optional(),
  published: z.strictObject({
    /** Main-model parameters (tied embeddings once, MTP excluded) as published. */
    total: PublishedCount,
    active: PublishedCount.optional(),
    nonEmbedding: PublishedCount.optional(),
  }),
  sources: SourceMap,
  notes: z.string().optional(),
});
export type ModelMeta = z.infer<typeof ModelMeta>;

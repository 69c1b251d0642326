// decoder(): the assemble() call every family ends with, the reader, family context and core filled in.
import type { Architecture } from "../../architecture.js";
import { assemble, type AssembleOptions, type Core } from "../common.js";
import type { Reader } from "../fields.js";
import type { FamilyContext } from "./types.js";

/** The family-specific part of assemble()'s options; the modern-decoder pieces default. */
export type DecoderOptions = Omit<
  AssembleOptions,
  | "r"
  | "modelType"
  | "core"
  | "outer"
  | "encoderParams"
  | "tiedDefault"
  | "positionEmbedding"
  | "finalNormParams"
> &
  Partial<Pick<AssembleOptions, "tiedDefault" | "positionEmbedding" | "finalNormParams">>;

/**
 * Assembles a family's Architecture with the context's model_type, outer config and encoder parameters.
 * Defaults: untied embeddings (`tiedDefault: false`), RoPE positions, one RMSNorm (`core.hidden`) as final norm.
 * @example decoder(r, ctx, core, { layer: () => ({ attention: standardAttention(core), mlp: denseMlp(core.intermediate), normParams: 2 * core.hidden }) })
 */
export function decoder(r: Reader, ctx: FamilyContext, core: Core, o: DecoderOptions): Architecture {
  return assemble({
    r,
    modelType: ctx.modelType,
    core,
    tiedDefault: false,
    positionEmbedding: "rope",
    finalNormParams: core.hidden,
    ...o,
    outer: ctx.outer,
    encoderParams: ctx.encoderParams,
  });
}

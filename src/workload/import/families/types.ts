// The signature of a family importer: a config reader in, a canonical Architecture out (issues go to the reader).
import type { Architecture } from "../../architecture.js";
import type { Reader } from "../fields.js";

export interface FamilyContext {
  /** The model_type the importer was chosen for (the inner one when the LM sits in text_config). */
  modelType: string;
  /** The outer (multimodal) config when the LM was read from text_config. */
  outer?: Reader;
  /** Parameters of vision/audio encoders, estimated from the outer config. */
  encoderParams: number;
}

export type FamilyImporter = (r: Reader, ctx: FamilyContext) => Architecture;

/** Sliding-window length of layer i from `layer_types` or a family pattern; null = global attention. */
export type WindowOf = (i: number) => number | null;

// importConfig: a Hugging Face config.json (text as published, or a parsed object) → the canonical Architecture.
// Chooses the family by model_type, unwraps text_config for multimodal releases, and reports bad fields by name.
import { fail, issue, ok, type Result } from "../../issues.js";
import type { Architecture } from "../architecture.js";
import { encoderParams } from "./encoders.js";
import { createReader, type Reader } from "./fields.js";
import { classic } from "./families/classic.js";
import { deepseekFamilies } from "./families/deepseek.js";
import { hybridFamilies } from "./families/hybrid.js";
import { llamaLike } from "./families/llama-like.js";
import { moeFamilies } from "./families/moe.js";
import type { FamilyImporter } from "./families/types.js";
import { parseConfigJson } from "./parse-json.js";

export { parseConfigJson } from "./parse-json.js";

const FAMILIES: Record<string, FamilyImporter> = {
  ...llamaLike,
  ...classic,
  ...moeFamilies,
  ...deepseekFamilies,
  ...hybridFamilies,
};

/** Outer (multimodal or renamed) model_type → the language model's family, when text_config gives none. */
const TEXT_TYPE: Record<string, string> = {
  gemma3: "gemma3_text",
  llama4: "llama4_text",
  qwen3_5_moe: "qwen3_5_moe_text",
  qwen3_5: "qwen3_5_text",
  mistral3: "mistral",
  llava: "llama",
  llava_next: "llama",
  qwen2_vl: "qwen2",
  qwen2_5_vl: "qwen2",
  qwen3_vl: "qwen3",
  qwen3_vl_moe: "qwen3_moe",
  qwen2_5_omni: "qwen2",
  kimi_vl: "deepseek_v3",
  kimi_k25: "kimi_k2",
  phi3_v: "phi3",
  internvl_chat: "qwen2",
  minimax_text_01: "minimax",
};

/** Defaults of the Hugging Face config classes for keys that serialised sub-configs omit (transformers writes only
 * the differences from the class defaults into text_config). */
const CLASS_DEFAULTS: Record<string, Record<string, unknown>> = {
  gemma3_text: { vocab_size: 262208, sliding_window_pattern: 6, max_position_embeddings: 131072 },
  llama4_text: { vocab_size: 202048, interleave_moe_layer_step: 1 },
  qwen3_5_moe_text: { full_attention_interval: 4, linear_conv_kernel_dim: 4 },
};

/** Every model_type the importer accepts (language-model families and the multimodal wrappers around them). */
export const SUPPORTED_MODEL_TYPES: readonly string[] = [
  ...Object.keys(FAMILIES),
  ...Object.keys(TEXT_TYPE),
].sort();

export interface ImportOptions {
  /** Name of the file (or catalog id) for messages; default "config.json". */
  source?: string;
}

function unsupported(file: string, modelType: string, path: string): Result<never> {
  return fail(
    issue(
      "unsupported_model_type",
      [file, path],
      `${file}: model_type "${modelType}" is not supported; supported model types: ${SUPPORTED_MODEL_TYPES.join(", ")}`,
    ),
  );
}

/**
 * Imports a config.json into the canonical Architecture. Counts come from shapes only: a quantization_config is
 * recorded (method, bits) but never changes them. A multimodal config's language model is read from text_config and
 * its encoders are estimated into `encoderParams`.
 * @example importConfig('{"model_type":"gpt2","n_embd":768,"n_layer":12,"n_head":12,"vocab_size":50257}')
 */
export function importConfig(input: string | object, opts: ImportOptions = {}): Result<Architecture> {
  const file = opts.source ?? "config.json";
  let raw: unknown = input;
  if (typeof input === "string") {
    const parsed = parseConfigJson(input, file);
    if (!parsed.ok) return parsed;
    raw = parsed.value;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return fail(
      issue("invalid_value", [file], `${file}: expected a JSON object (a Hugging Face config.json)`),
    );
  const outer = createReader(raw as Record<string, unknown>, file);
  const outerType = outer.str("model_type");
  if (outerType === null) {
    if (outer.issues.length) return fail(...outer.issues);
    return fail(
      issue(
        "missing_field",
        [file, "model_type"],
        `${file}: model_type is missing: add the family, e.g. "model_type": "llama"`,
      ),
    );
  }
  let reader: Reader = outer;
  let modelType = outerType;
  let encoders = 0;
  const text = outer.has("text_config") ? outer.child("text_config") : null;
  if (text) {
    reader = text;
    modelType = text.str("model_type") ?? TEXT_TYPE[outerType] ?? outerType;
    encoders = encoderParams(outer);
  } else if (!FAMILIES[outerType] && TEXT_TYPE[outerType]) {
    modelType = TEXT_TYPE[outerType]!;
    encoders = encoderParams(outer);
  }
  if (!FAMILIES[modelType] && TEXT_TYPE[modelType]) modelType = TEXT_TYPE[modelType]!;
  const family = FAMILIES[modelType];
  if (!family) return unsupported(file, modelType, text ? "text_config.model_type" : "model_type");
  const defaults = CLASS_DEFAULTS[modelType];
  if (defaults) {
    const missing = Object.keys(defaults).filter((k) => !reader.has(k));
    if (missing.length > 0) {
      const filled = { ...Object.fromEntries(missing.map((k) => [k, defaults[k]])), ...reader.raw };
      reader = createReader(filled, file, text ? ["text_config"] : [], {
        issues: outer.issues,
        notes: outer.notes,
      });
      reader.note(
        `${missing.join(", ")} absent: the ${modelType} class default${missing.length > 1 ? "s" : ""} applied`,
      );
    }
  }
  const arch = family(reader, { modelType, outer: text ? outer : undefined, encoderParams: encoders });
  if (outer.issues.length > 0) return fail(...outer.issues);
  if (modelType !== outerType)
    arch.notes.push(`language model read as ${modelType} from the ${outerType} config`);
  return ok(
    arch,
    arch.notes.map((message) => ({ code: "import_note", message })),
  );
}

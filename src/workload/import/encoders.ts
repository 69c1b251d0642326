// Vision/audio encoders of multimodal releases: estimated separately from the language model, never in its totals.
import type { Reader } from "./fields.js";

/**
 * Estimates a ViT-style encoder from its config (vision_config / audio_config): per layer QKV/O with bias, a
 * two-matrix MLP with bias and two LayerNorms, plus patch and position embeddings. Projectors are not counted.
 * Returns 0 (with a note) when the sub-config lacks the dimensions.
 * @example encoderParams(reader) // ≈ 4.1e8 for SigLIP-So400m (hidden 1152, 27 layers, MLP 4304, 896 px / 14)
 */
export function encoderParams(outer: Reader): number {
  let total = 0;
  for (const key of ["vision_config", "audio_config"]) {
    if (!outer.has(key)) continue;
    const v = outer.child(key);
    if (!v) continue;
    const h = v.optInt(["hidden_size", "embed_dim", "width", "d_model"]);
    const layers = v.optInt(["num_hidden_layers", "depth", "num_layers", "encoder_layers"]);
    if (!h || !layers) {
      outer.note(`${key}: no hidden size or depth given; encoder not counted`);
      continue;
    }
    const ffn = v.optInt(["intermediate_size", "mlp_dim", "encoder_ffn_dim"]) ?? 4 * h;
    const perLayer = 4 * h * h + 4 * h + 2 * h * ffn + ffn + h + 4 * h;
    const patch = v.optInt("patch_size") ?? 0;
    const image = v.optInt("image_size") ?? 0;
    const channels = v.optInt(["num_channels", "in_channels"]) ?? 3;
    const patchEmbed = patch ? channels * patch * patch * h + h : 0;
    const positions = patch && image ? Math.floor(image / patch) ** 2 * h : 0;
    total += layers * perLayer + patchEmbed + positions + 2 * h;
    outer.note(
      `${key}: encoder parameters estimated from its dimensions (ViT layout; projector not counted)`,
    );
  }
  return total;
}

// The seed question the first screen answers with no input: DeepSeek-R1 served on H20, Ascend 910B, 910C and H100.
import { catalog, findChip, type Accelerator } from "../../../src/index.js";

/** Chip ids or aliases of the seed question, in display order. */
export const SEED_CHIPS = ["h20", "ascend-910b", "ascend-910c", "h100-sxm"] as const;
/** Model of the seed question (catalog id or alias). */
export const SEED_MODEL = "deepseek-r1";

/** Resolves ids or aliases to catalog chips, skipping unknown ones (a stale link keeps working). */
export function resolveChips(ids: readonly string[]): Accelerator[] {
  const out: Accelerator[] = [];
  for (const id of ids) {
    const r = findChip(id);
    if (r.ok && !out.some((c) => c.id === r.value.id)) out.push(r.value);
  }
  return out;
}

/** Chips worth offering in pickers: shipping or announced, data-centre and China-relevant first. */
export function pickableChips(): Accelerator[] {
  const rank = (c: Accelerator) => (c.market === "china-variant" || c.market === "domestic-china" ? 0 : 1);
  return catalog.accelerators
    .filter((c) => c.status !== "cancelled")
    .slice()
    .sort((a, b) => rank(a) - rank(b) || a.vendor.localeCompare(b.vendor) || a.name.localeCompare(b.name));
}

// Display names in the UI language: the official Chinese spelling where the catalog has one.
import type { Accelerator } from "../../../src/index.js";

/** "Huawei Ascend 910B" in English, "昇腾 910B" in Chinese (when the catalog gives nameZh). */
export function chipName(c: Pick<Accelerator, "name" | "nameZh">, lang: string): string {
  return lang === "zh" && c.nameZh ? c.nameZh : c.name;
}

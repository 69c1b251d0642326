// Reads every data file under catalog/ (Node side of the pure bundle builder in src/catalog/bundle.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { DataFile } from "../src/catalog/bundle.js";

/** All .yaml and .json files under `root`, with paths relative to it using "/". README and schema files are skipped. */
export function readCatalogFiles(root: string): DataFile[] {
  const out: DataFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== "schema") walk(full);
      } else if (/\.(ya?ml|json)$/.test(name)) {
        out.push({ path: relative(root, full).split(sep).join("/"), text: readFileSync(full, "utf8") });
      }
    }
  };
  walk(root);
  return out;
}

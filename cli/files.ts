// Reading user files (a chip spec, a model config) with clear errors naming the file and field.
import { readFileSync } from "node:fs";
import { Accelerator, parseYaml, zodToIssues } from "../src/index.js";
import { badInput, CliError, EXIT } from "./errors.js";

/** Reads a text file or fails with a message naming it. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === "ENOENT" ? `${path}: no such file` : `${path}: cannot read (${code ?? String(e)})`,
      EXIT.badInput,
    );
  }
}

/** A hypothetical or custom chip from a YAML (or JSON) spec file in the catalog's accelerator format. */
export function loadChipFile(path: string): Accelerator {
  const y = parseYaml(readText(path), path);
  if (!y.ok) throw badInput(y.issues);
  const r = Accelerator.safeParse(y.value);
  if (!r.success) throw badInput(zodToIssues(r.error, path));
  return r.data;
}

// Build the catalog bundle (one JSON-able object) from the data files' texts, validating every file.
// Pure: the caller reads the files (scripts/build-catalog.ts in Node, tests with fixtures).
import YAML from "yaml";
import { z } from "zod";
import { issue, type Issue } from "../issues.js";
import { IsoDate } from "./schema-common.js";
import { ModelMeta } from "./schema-model.js";
import { yamlSections, type SectionName, type YamlSections } from "./sections.js";

export const CatalogInfo = z.strictObject({
  /** Date the catalog was last reviewed as a whole; shown in every output. */
  catalogDate: IsoDate,
  /** As-of date of the export-control rules in catalog/rules. */
  rulesAsOf: IsoDate,
  title: z.string().optional(),
});
export type CatalogInfo = z.infer<typeof CatalogInfo>;

/** A catalog model: its published config.json (raw text; may hold non-JSON tokens such as Infinity) and meta. */
export interface CatalogModel {
  id: string;
  meta: ModelMeta;
  configText: string;
}

export type CatalogBundle = { version: string; info: CatalogInfo; models: CatalogModel[] } & {
  [K in SectionName]: z.infer<YamlSections[K]["schema"]>[];
};

/** One data file: its path relative to the catalog folder ("accelerators/h20.yaml") and its text. */
export interface DataFile {
  path: string;
  text: string;
}

/** Converts zod issues into our Issues, each naming the file and the field. */
export function zodToIssues(error: z.ZodError, file: string): Issue[] {
  return error.issues.map((i) => {
    const where = i.path.length ? i.path.join(".") : "(top level)";
    let message = i.message;
    if (i.code === "unrecognized_keys") message = `unknown key(s) ${i.keys.map((k) => `"${k}"`).join(", ")}: remove or fix the spelling`;
    if (i.code === "invalid_union") message = describeUnion(i);
    return issue(
      i.code === "unrecognized_keys" ? "unknown_key" : "invalid_value",
      [file, ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
      `${file}: ${where}: ${message}`,
    );
  });
}

function describeUnion(i: z.core.$ZodIssue & { code: "invalid_union" }): string {
  // Report the branch that got furthest (fewest issues), which is almost always the one the author meant.
  const branches = (i as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
  const best = branches.slice().sort((a, b) => a.length - b.length)[0];
  if (!best || best.length === 0) return i.message;
  return best.map((b) => `${b.path.join(".") || "value"}: ${b.code === "unrecognized_keys" ? `unknown key(s) ${(b as { keys: string[] }).keys.join(", ")}` : b.message}`).join("; ");
}

/** Parses YAML strictly (duplicate keys are errors). */
export function parseYaml(text: string, file: string): { ok: true; value: unknown } | { ok: false; issues: Issue[] } {
  const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => issue("parse_error", [file], `${file}: malformed YAML: ${e.message.split("\n")[0]}`)),
    };
  }
  return { ok: true, value: doc.toJS() };
}

/** Builds and validates the whole bundle. Returns every problem at once rather than stopping at the first. */
export function buildBundle(
  files: readonly DataFile[],
  version: string,
): { bundle: CatalogBundle | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const byPath = new Map(files.map((f) => [f.path, f.text]));

  let info: CatalogInfo | null = null;
  const infoText = byPath.get("catalog.yaml");
  if (infoText === undefined) issues.push(issue("missing_field", ["catalog.yaml"], "catalog.yaml is missing"));
  else {
    const y = parseYaml(infoText, "catalog.yaml");
    if (!y.ok) issues.push(...y.issues);
    else {
      const r = CatalogInfo.safeParse(y.value);
      if (r.success) info = r.data;
      else issues.push(...zodToIssues(r.error, "catalog.yaml"));
    }
  }

  const sections: Record<string, unknown[]> = {};
  for (const [name, section] of Object.entries(yamlSections)) {
    const out: unknown[] = [];
    const prefix = `${section.dir}/`;
    for (const f of files) {
      if (!f.path.startsWith(prefix) || !f.path.endsWith(".yaml") || f.path.slice(prefix.length).includes("/")) continue;
      const y = parseYaml(f.text, f.path);
      if (!y.ok) {
        issues.push(...y.issues);
        continue;
      }
      const r = section.schema.safeParse(y.value);
      if (!r.success) {
        issues.push(...zodToIssues(r.error, f.path));
        continue;
      }
      const base = f.path.slice(prefix.length, -".yaml".length);
      const id = (r.data as { id?: string }).id;
      if (section.idIsFileName && id !== base)
        issues.push(issue("invalid_value", [f.path, "id"], `${f.path}: id "${id}" must equal the file name "${base}"`));
      out.push(r.data);
    }
    out.sort((a, b) => String((a as { id?: string }).id).localeCompare(String((b as { id?: string }).id)));
    sections[name] = out;
  }

  const models: CatalogModel[] = [];
  const modelIds = new Set<string>();
  for (const f of files) {
    const m = /^models\/([^/]+)\/(config\.json|meta\.yaml)$/.exec(f.path);
    if (m?.[1]) modelIds.add(m[1]);
  }
  for (const id of [...modelIds].sort()) {
    const cfg = byPath.get(`models/${id}/config.json`);
    const metaText = byPath.get(`models/${id}/meta.yaml`);
    if (cfg === undefined) {
      issues.push(issue("missing_field", [`models/${id}`], `models/${id}: config.json is missing`));
      continue;
    }
    if (metaText === undefined) {
      issues.push(issue("missing_field", [`models/${id}`], `models/${id}: meta.yaml is missing`));
      continue;
    }
    const y = parseYaml(metaText, `models/${id}/meta.yaml`);
    if (!y.ok) {
      issues.push(...y.issues);
      continue;
    }
    const r = ModelMeta.safeParse(y.value);
    if (!r.success) {
      issues.push(...zodToIssues(r.error, `models/${id}/meta.yaml`));
      continue;
    }
    models.push({ id, meta: r.data, configText: cfg });
  }

  // Ids and aliases are unique across accelerators.
  const seen = new Map<string, string>();
  for (const chip of (sections.accelerators ?? []) as { id: string; aliases: string[] }[]) {
    for (const name of [chip.id, ...chip.aliases]) {
      const prev = seen.get(name);
      if (prev && prev !== chip.id)
        issues.push(issue("invalid_value", [`accelerators/${chip.id}.yaml`], `accelerators/${chip.id}.yaml: "${name}" is already used by ${prev}`));
      seen.set(name, chip.id);
    }
  }

  if (issues.length > 0 || !info) return { bundle: null, issues };
  return {
    bundle: { version, info, models, ...(sections as Omit<CatalogBundle, "version" | "info" | "models">) },
    issues,
  };
}

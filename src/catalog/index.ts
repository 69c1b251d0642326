// The catalog at run time: the compiled bundle, lookups by id or alias, and the provenance every output carries.
import type { Result } from "../issues.js";
import type { CatalogBundle, CatalogModel } from "./bundle.js";
import bundle from "./bundle.generated.js";
import { findByName, normaliseName } from "./lookup.js";
import type { Accelerator } from "./schema-accelerator.js";
import type { System } from "./schema-system.js";

export * from "./bundle.js";
export * from "./chip-spec.js";
export * from "./coverage.js";
export * from "./lookup.js";
export * from "./schema-accelerator.js";
export * from "./schema-calibration.js";
export * from "./schema-common.js";
export * from "./schema-country-group.js";
export * from "./schema-model.js";
export * from "./schema-rule.js";
export * from "./schema-system.js";
export * from "./schema-timeline.js";
export * from "./sections.js";

/** The embedded catalog, compiled from catalog/ at build time. */
export const catalog: CatalogBundle = bundle;

/** What an output rests on: tool version, catalog date, rules as-of date. */
export interface Meta {
  version: string;
  catalogDate: string;
  rulesAsOf: string;
}

/** The provenance block printed with every output. */
export function metaOf(c: CatalogBundle = catalog): Meta {
  return { version: c.version, catalogDate: c.info.catalogDate, rulesAsOf: c.info.rulesAsOf };
}

/** An accelerator by id or alias ("h20", "910b", "ascend-910b"). */
export function findChip(query: string, c: CatalogBundle = catalog): Result<Accelerator> {
  return findByName(c.accelerators, query, "chip");
}

/** A system by id, name or alias, ignoring case, spaces and punctuation. */
export function findSystem(query: string, c: CatalogBundle = catalog): Result<System> {
  return findByName(c.systems, query, "system");
}

/** A catalog model by id or alias. */
export function findModel(query: string, c: CatalogBundle = catalog): Result<CatalogModel> {
  const items = c.models.map((m) => ({ ...m, aliases: m.meta.aliases, name: m.meta.name }));
  const r = findByName(items, query, "model");
  return r.ok ? { ok: true, value: r.value, warnings: r.warnings } : r;
}

/** Systems that ship a given chip id. */
export function systemsForChip(chipId: string, c: CatalogBundle = catalog): System[] {
  return c.systems.filter((s) => s.chip === chipId);
}

/** True when two system names match under normaliseName. */
export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

// Catalog routes: chips, systems and models as data, each number with its source; chips with their export metrics.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  catalog,
  chipMetrics,
  importConfig,
  kvCacheBytesPerToken,
  parameterCounts,
  type Architecture,
  type Result,
  findChip,
  findModel,
  findSystem,
  metaOf,
  systemsForChip,
  typicalOf,
  type Accelerator,
} from "../src/index.js";
import {
  API_BASE,
  ChipDetail,
  ChipList,
  ChipListQuery,
  IdParam,
  ModelDetail,
  ModelImportRequest,
  ModelImportResponse,
  ModelList,
  SystemDetail,
  SystemList,
  type ChipSummary,
} from "./api-schemas-common.js";
import { fieldErrorsOfIssues, reject, summarise } from "./problem.js";
import { body, json, prob } from "./route-kit.js";

const problems = { 400: prob("invalid input"), 404: prob("unknown id (with suggestions)") };

/** Headline numbers of a chip (typical values; dense peaks). */
export function chipSummary(c: Accelerator): ChipSummary {
  const m = chipMetrics(c);
  return {
    id: c.id,
    name: c.name,
    ...(c.nameZh ? { nameZh: c.nameZh } : {}),
    vendor: c.vendor,
    market: c.market,
    status: c.status,
    family: c.family,
    bf16Tflops: typicalOf(c.peakTflops.bf16) ?? typicalOf(c.peakTflops.fp16),
    memoryCapacityGB: typicalOf(c.memory.capacityGB),
    memoryBandwidthGBps: typicalOf(c.memory.bandwidthGBps),
    tdpW: typicalOf(c.tdpW),
    tpp: m.tpp.value,
    performanceDensity: m.performanceDensity.value,
  };
}

/** Architecture, parameter counts and KV-cache bytes per token (bf16, fp8) of an imported config. */
function analyse(r: Result<Architecture>) {
  if (!r.ok) return r;
  const a = r.value;
  return {
    ok: true as const,
    warnings: r.warnings,
    value: {
      architecture: a,
      parameters: parameterCounts(a),
      kvCache: [kvCacheBytesPerToken(a, "bf16"), kvCacheBytesPerToken(a, "fp8")],
    },
  };
}

/** The config.json as JSON where it parses; its raw text otherwise (published configs may hold `Infinity`). */
function configOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function registerCatalogRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({
      method: "get",
      path: `${API_BASE}/meta`,
      tags: ["catalog"],
      summary: "Version, catalog date and rules as-of date",
      responses: { 200: json(ChipList.shape.meta, "provenance") },
    }),
    (c) => c.json(metaOf(), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API_BASE}/chips`,
      tags: ["catalog"],
      summary: "List accelerators (all statuses unless filtered)",
      request: { query: ChipListQuery },
      responses: {
        200: json(ChipList, "chips with headline numbers and export metrics"),
        400: problems[400],
      },
    }),
    (c) => {
      const q = c.req.valid("query");
      const chips = catalog.accelerators
        .filter((a) => !q.vendor || a.vendor.toLowerCase() === q.vendor.toLowerCase())
        .filter((a) => !q.market || a.market === q.market)
        .filter((a) => !q.status || a.status === q.status)
        .map(chipSummary);
      return c.json({ meta: metaOf(), chips }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API_BASE}/chips/{id}`,
      tags: ["catalog"],
      summary: "One accelerator: full spec with sources, TPP and performance density",
      request: { params: IdParam },
      responses: { 200: json(ChipDetail, "the chip"), 404: problems[404] },
    }),
    (c) => {
      const r = findChip(c.req.valid("param").id);
      if (!r.ok) return reject(c, "notFound", r.issues[0]!.message, fieldErrorsOfIssues(r.issues, ["id"]));
      const chip = r.value;
      const systems = systemsForChip(chip.id).map((s) => s.id);
      return c.json({ meta: metaOf(), chip, metrics: chipMetrics(chip), systems }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API_BASE}/systems`,
      tags: ["catalog"],
      summary: "List systems (nodes, racks, pods)",
      responses: { 200: json(SystemList, "systems") },
    }),
    (c) => c.json({ meta: metaOf(), systems: catalog.systems }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API_BASE}/systems/{id}`,
      tags: ["catalog"],
      summary: "One system by id, name or alias",
      request: { params: IdParam },
      responses: { 200: json(SystemDetail, "the system"), 404: problems[404] },
    }),
    (c) => {
      const r = findSystem(c.req.valid("param").id);
      if (!r.ok) return reject(c, "notFound", r.issues[0]!.message, fieldErrorsOfIssues(r.issues, ["id"]));
      return c.json({ meta: metaOf(), system: r.value }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API_BASE}/models`,
      tags: ["catalog"],
      summary: "List catalog models",
      responses: { 200: json(ModelList, "models") },
    }),
    (c) =>
      c.json(
        {
          meta: metaOf(),
          models: catalog.models.map((m) => ({
            id: m.id,
            name: m.meta.name,
            organisation: m.meta.organisation,
            releaseDate: m.meta.releaseDate,
            totalParams: m.meta.published.total.value,
          })),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/models/import`,
      tags: ["catalog"],
      summary:
        "Import any supported config.json: canonical architecture, exact parameter counts, KV-cache bytes per token",
      request: body(ModelImportRequest),
      responses: {
        200: json(ModelImportResponse, "the analysis"),
        400: problems[400],
        422: prob("unsupported or inconsistent config"),
      },
    }),
    (c) => {
      const a = analyse(importConfig(c.req.valid("json").config, { source: "config" }));
      if (!a.ok) {
        const errs = fieldErrorsOfIssues(a.issues);
        return reject(c, "infeasible", summarise(errs), errs);
      }
      return c.json({ meta: metaOf(), analysis: a.value, warnings: a.warnings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API_BASE}/models/{id}`,
      tags: ["catalog"],
      summary: "One model: metadata and its published config.json",
      request: { params: IdParam },
      responses: { 200: json(ModelDetail, "the model"), 404: problems[404] },
    }),
    (c) => {
      const r = findModel(c.req.valid("param").id);
      if (!r.ok) return reject(c, "notFound", r.issues[0]!.message, fieldErrorsOfIssues(r.issues, ["id"]));
      const a = analyse(importConfig(r.value.configText, { source: `models/${r.value.id}/config.json` }));
      return c.json(
        {
          meta: metaOf(),
          id: r.value.id,
          model: r.value.meta,
          config: configOf(r.value.configText),
          analysis: a.ok ? a.value : null,
          warnings: a.ok ? a.warnings : a.issues.map((i) => ({ code: i.code, message: i.message })),
        },
        200,
      );
    },
  );
}

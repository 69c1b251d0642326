// API catalog routes in-process: chips, chip by id or alias, systems, models, meta; bad input as problem details.
import { describe, expect, it } from "vitest";
import { catalog } from "../src/index.js";
import { call, isProblem } from "./helpers/api.js";

type Body = Record<string, unknown> & { meta: { catalogDate: string; rulesAsOf: string } };

describe("GET /api/v1/chips", () => {
  it("lists every catalog chip with meta and TPP", async () => {
    const r = await call<Body & { chips: { id: string; tpp: number | null }[] }>("/api/v1/chips");
    expect(r.status).toBe(200);
    expect(r.body.meta.catalogDate).toBe(catalog.info.catalogDate);
    expect(r.body.chips.length).toBe(catalog.accelerators.length);
    const h100 = r.body.chips.find((c) => c.id === "h100-sxm");
    expect(h100?.tpp).toBeGreaterThan(15_000);
  });

  it("?vendor=nvidia filters case-insensitively", async () => {
    const r = await call<Body & { chips: { vendor: string }[] }>("/api/v1/chips?vendor=nvidia");
    expect(r.status).toBe(200);
    expect(r.body.chips.length).toBeGreaterThan(0);
    expect(r.body.chips.every((c) => c.vendor === "NVIDIA")).toBe(true);
  });

  it("?market=bogus is a 400 problem naming query.market", async () => {
    const r = await call("/api/v1/chips?market=bogus");
    expect(r.status).toBe(400);
    expect(isProblem(r)).toBe(true);
    if (!isProblem(r)) return;
    expect(r.body.title).toBe("Invalid input");
    expect(r.body.errors?.[0]?.path).toEqual(["query", "market"]);
    expect(r.body.errors?.[0]?.pointer).toBe("/query/market");
  });
});

describe("GET /api/v1/chips/{id}", () => {
  it("h100 (an alias) returns h100-sxm with sources and metrics", async () => {
    const r = await call<
      Body & { chip: { id: string; sources: object }; metrics: { tpp: { value: number } } }
    >("/api/v1/chips/h100");
    expect(r.status).toBe(200);
    expect(r.body.chip.id).toBe("h100-sxm");
    expect(Object.keys(r.body.chip.sources).length).toBeGreaterThan(0);
    expect(r.body.metrics.tpp.value).toBeCloseTo(15_832, -2);
  });

  it("an unknown id is a 404 problem with a suggestion", async () => {
    const r = await call("/api/v1/chips/h10x");
    expect(r.status).toBe(404);
    expect(isProblem(r) && r.body.detail).toMatch(/did you mean/);
  });
});

describe("systems and models", () => {
  it("GET /systems lists the catalog systems", async () => {
    const r = await call<Body & { systems: unknown[] }>("/api/v1/systems");
    expect(r.status).toBe(200);
    expect(r.body.systems.length).toBe(catalog.systems.length);
  });

  it("GET /systems/{id} finds a system by id, or 404", async () => {
    const first = catalog.systems[0];
    if (first) {
      const r = await call<Body & { system: { id: string } }>(`/api/v1/systems/${first.id}`);
      expect(r.body.system.id).toBe(first.id);
    }
    expect((await call("/api/v1/systems/no-such-box")).status).toBe(404);
  });

  it("GET /models lists the catalog models; /models/{id} returns config and meta", async () => {
    const r = await call<Body & { models: { id: string }[] }>("/api/v1/models");
    expect(r.status).toBe(200);
    expect(r.body.models.length).toBe(catalog.models.length);
    const m = catalog.models[0];
    if (m) {
      const d = await call<Body & { id: string; config: unknown }>(`/api/v1/models/${m.id}`);
      expect(d.status).toBe(200);
      expect(d.body.id).toBe(m.id);
      expect(d.body.config).toBeTruthy();
    }
    expect((await call("/api/v1/models/no-such-model")).status).toBe(404);
  });

  it("GET /models/llama-2-7b counts 6,738,415,616 parameters from its config's shapes", async () => {
    const r = await call<{
      analysis: { parameters: { total: number }; kvCache: { precision: string; bytesPerToken: number }[] };
    }>("/api/v1/models/llama-2-7b");
    expect(r.status).toBe(200);
    expect(r.body.analysis.parameters.total).toBe(6_738_415_616);
    expect(r.body.analysis.kvCache.map((k) => k.precision)).toEqual(["bf16", "fp8"]);
  });

  it("POST /models/import analyses a posted config; an unsupported model_type is a 422 naming it", async () => {
    const config = {
      model_type: "llama",
      hidden_size: 4096,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      intermediate_size: 11008,
      vocab_size: 32000,
    };
    const r = await call<{ analysis: { parameters: { total: number } } }>("/api/v1/models/import", {
      body: { config },
    });
    expect(r.status).toBe(200);
    expect(r.body.analysis.parameters.total).toBe(6_738_415_616);
    const bad = await call("/api/v1/models/import", {
      body: { config: { ...config, model_type: "no-such-family" } },
    });
    expect(bad.status).toBe(422);
    expect(isProblem(bad) && bad.body.detail).toMatch(/no-such-family/);
    const notObject = await call("/api/v1/models/import", { body: { config: "llama" } });
    expect(notObject.status).toBe(400);
  });

  it("GET /meta carries version, catalog date and rules as-of date", async () => {
    const r = await call<{ version: string; catalogDate: string; rulesAsOf: string }>("/api/v1/meta");
    expect(r.body).toEqual({
      version: catalog.version,
      catalogDate: catalog.info.catalogDate,
      rulesAsOf: catalog.info.rulesAsOf,
    });
  });
});

describe("documents and unknown routes", () => {
  it("/openapi.json is OpenAPI 3.1 and lists every /api/v1 route", async () => {
    const r = await call<{ openapi: string; paths: Record<string, unknown> }>("/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    for (const p of [
      "/api/v1/chips",
      "/api/v1/chips/{id}",
      "/api/v1/systems",
      "/api/v1/models",
      "/api/v1/models/{id}",
      "/api/v1/models/import",
    ])
      expect(Object.keys(r.body.paths)).toContain(p);
  });

  it("/docs is an HTML page that explains the problem types", async () => {
    const r = await call<string>("/docs");
    expect(r.type).toMatch(/text\/html/);
    expect(r.body).toContain('id="problem-invalid-input"');
  });

  it("an unknown route is a 404 problem", async () => {
    const r = await call("/api/v1/nothing-here");
    expect(r.status).toBe(404);
    expect(isProblem(r)).toBe(true);
  });
});

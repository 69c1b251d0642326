// API export-control routes in-process: classify (ids and hypothetical specs), what-if, timeline, rules; bad input.
import { describe, expect, it } from "vitest";
import { catalog, findChip } from "../src/index.js";
import { call, isProblem } from "./helpers/api.js";

interface Cls {
  chip: string;
  status: string;
  licenseRequired: boolean;
  eccn: string | null;
  decidedBy: string[];
  reasons: string[];
}

describe("POST /api/v1/classify", () => {
  it("classify(h20, 2025-05-01, CN) requires a licence, decided by the April 2025 letter", async () => {
    const r = await call<{ results: Cls[]; notice: string }>("/api/v1/classify", {
      body: { chips: ["h20"], date: "2025-05-01", destination: "CN" },
    });
    expect(r.status).toBe(200);
    const h20 = r.body.results[0]!;
    expect(h20.status).toBe("controlled");
    expect(h20.licenseRequired).toBe(true);
    expect(h20.eccn).toBeNull();
    expect(h20.decidedBy.join(" ")).toMatch(/letter/);
    expect(r.body.notice).toMatch(/not legal advice/);
  });

  it("classify(h20, 2024-06-01, CN) does not", async () => {
    const r = await call<{ results: Cls[] }>("/api/v1/classify", {
      body: { chips: ["h20"], date: "2024-06-01" },
    });
    expect(r.body.results[0]!.status).toBe("not-controlled");
  });

  it("a hypothetical chip spec is classified like a catalog chip", async () => {
    const h100 = findChip("h100-sxm");
    if (!h100.ok) throw new Error("h100-sxm missing from the catalog");
    const spec = { ...h100.value, id: "my-chip", name: "My chip", aliases: [] };
    const r = await call<{ results: Cls[] }>("/api/v1/classify", {
      body: { chips: [spec], date: "2025-06-01" },
    });
    expect(r.status).toBe(200);
    expect(r.body.results[0]).toMatchObject({ chip: "my-chip", status: "controlled", eccn: "3A090.a" });
  });

  it("a bad spec field and an unknown id come back as a 400 problem with both paths", async () => {
    const r = await call("/api/v1/classify", { body: { chips: ["h2x", { id: "Bad Id" }] } });
    expect(r.status).toBe(400);
    if (!isProblem(r)) throw new Error("expected problem+json");
    const paths = r.body.errors!.map((e) => e.pointer);
    expect(paths).toContain("/chips/0");
    expect(paths.some((p) => p.startsWith("/chips/1/"))).toBe(true);
    expect(r.body.detail).toMatch(/did you mean/);
  });

  it("a malformed date names the field", async () => {
    const r = await call("/api/v1/classify", { body: { chips: ["h20"], date: "2025-5-1" } });
    expect(r.status).toBe(400);
    expect(isProblem(r) && r.body.errors?.[0]?.path).toEqual(["date"]);
  });

  it("more chips than the limit is a 422 too-much-work problem naming chips", async () => {
    const r = await call("/api/v1/classify", { body: { chips: Array.from({ length: 201 }, () => "h20") } });
    expect(r.status).toBe(422);
    expect(isProblem(r) && r.body.errors?.[0]?.path).toEqual(["chips"]);
  });

  it("malformed JSON and a missing content type are problems, not crashes", async () => {
    const broken = await call("/api/v1/classify", { body: "{not json" });
    expect(broken.status).toBe(400);
    expect(isProblem(broken)).toBe(true);
    const plain = await call("/api/v1/classify", { body: "{}", headers: { "content-type": "text/plain" } });
    expect([400, 415]).toContain(plain.status);
    expect(isProblem(plain)).toBe(true);
  });
});

describe("POST /api/v1/whatif", () => {
  it("whatif(tpp ≥ 1,600) on 2024-06-01 catches H20, which the rules then in force did not", async () => {
    const r = await call<{
      rows: { chip: string; before: string; after: string; changed: boolean }[];
      changed: number;
    }>("/api/v1/whatif", {
      body: { thresholds: { tpp: 1600 }, chips: ["h20", "h100-sxm"], date: "2024-06-01", destination: "CN" },
    });
    expect(r.status).toBe(200);
    const h20 = r.body.rows.find((x) => x.chip === "h20")!;
    expect(h20).toMatchObject({ before: "not-controlled", after: "controlled", changed: true });
    expect(r.body.rows.find((x) => x.chip === "h100-sxm")!.changed).toBe(false);
    expect(r.body.changed).toBe(1);
  });

  it("no thresholds is a 400 on thresholds; an unknown metric names it", async () => {
    const none = await call("/api/v1/whatif", { body: { thresholds: {} } });
    expect(none.status).toBe(400);
    expect(isProblem(none) && none.body.errors?.[0]?.path[0]).toBe("thresholds");
    const unknown = await call("/api/v1/whatif", { body: { thresholds: { flops: 3 } } });
    expect(unknown.status).toBe(400);
  });
});

describe("GET /api/v1/timeline and /rules", () => {
  it("the timeline lists the April 2025 H20 letter with a citation and linked rule", async () => {
    const r = await call<{
      events: { date: string; title: string; linked: { id: string }[]; citations: unknown[] }[];
    }>("/api/v1/timeline?from=2025-01-01&to=2025-12-31");
    expect(r.status).toBe(200);
    expect(r.body.events.length).toBeGreaterThan(0);
    expect(r.body.events.every((e) => e.date >= "2025" && e.citations.length > 0)).toBe(true);
    expect(r.body.events.some((e) => /H20/.test(e.title) && e.linked.length > 0)).toBe(true);
  });

  it("?from=yesterday is a 400 naming query.from", async () => {
    const r = await call("/api/v1/timeline?from=yesterday");
    expect(r.status).toBe(400);
    expect(isProblem(r) && r.body.errors?.[0]?.path).toEqual(["query", "from"]);
  });

  it("GET /rules?date=June is a 400 naming query.date", async () => {
    const r = await call("/api/v1/rules?date=June");
    expect(r.status).toBe(400);
    expect(isProblem(r) && r.body.errors?.[0]?.path).toEqual(["query", "date"]);
  });

  it("GET /rules?date=2025-06-01 lists every rule with its standing on that date", async () => {
    const r = await call<{ rules: { rule: { id: string }; standing: string }[] }>(
      "/api/v1/rules?date=2025-06-01",
    );
    expect(r.body.rules.length).toBe(catalog.rules.length);
    const diffusion = r.body.rules.find((x) => x.rule.id.includes("ai-diffusion"));
    if (diffusion) expect(diffusion.standing).not.toBe("in-force");
  });
});

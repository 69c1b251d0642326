// API validation routes in-process: the bundled public cases, a posted case file, bad input, and the limits
// (body size → 413, time budget → 503) — the server answers rather than hangs.
import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { stopWorkers } from "../server/run-job.js";
import { call, isProblem } from "./helpers/api.js";

const cases = JSON.parse(
  readFileSync(new URL("../validation/public-cases.json", import.meta.url), "utf8"),
) as {
  id: string;
  kind: string;
}[];
type Report = {
  report: { cases: { id: string; predicted: number | null }[]; summary: { count: number }; mode: string };
};

afterAll(async () => {
  await stopWorkers();
});

describe("GET /api/v1/validation", () => {
  it("predicts every bundled public case and summarises per kind", async () => {
    const r = await call<Report>("/api/v1/validation");
    expect(r.status).toBe(200);
    expect(r.body.report.summary.count).toBe(cases.length);
    expect(r.body.report.cases.map((c) => c.id)).toEqual(cases.map((c) => c.id));
    expect(r.body.report.cases.some((c) => c.predicted !== null)).toBe(true);
    expect(r.body.report.mode).toBe("in-sample");
  }, 60_000);

  it("?set=extra predicts the out-of-sample extra cases", async () => {
    const extra = JSON.parse(
      readFileSync(new URL("../validation/extra-cases.json", import.meta.url), "utf8"),
    ) as { id: string }[];
    const r = await call<Report>("/api/v1/validation?set=extra");
    expect(r.status).toBe(200);
    expect(r.body.report.cases.map((c) => c.id)).toEqual(extra.map((c) => c.id));
    expect(r.body.report.cases.filter((c) => c.predicted !== null).length).toBeGreaterThan(extra.length / 2);
  }, 60_000);

  it("?cv=bogus is a 400 naming query.cv", async () => {
    const r = await call("/api/v1/validation?cv=bogus");
    expect(r.status).toBe(400);
    expect(isProblem(r) && r.body.errors?.[0]?.path).toEqual(["query", "cv"]);
  });
});

describe("POST /api/v1/validation", () => {
  it("a posted case file of two cases gets two rows; a broken case becomes a row with its reason", async () => {
    const r = await call<Report & { report: { cases: { reason?: string }[] } }>("/api/v1/validation", {
      body: { cases: [cases[0], { id: "broken", kind: "inference" }] },
    });
    expect(r.status).toBe(200);
    expect(r.body.report.cases).toHaveLength(2);
    expect(r.body.report.cases[1]!.predicted).toBeNull();
    expect(r.body.report.cases[1]!.reason).toBeTruthy();
  }, 60_000);

  it("an empty case list is a 400 naming cases", async () => {
    const r = await call("/api/v1/validation", { body: { cases: [] } });
    expect(r.status).toBe(400);
    expect(isProblem(r) && r.body.errors?.[0]?.path).toEqual(["cases"]);
  });

  it("more cases than the limit is a 422 too-much-work problem", async () => {
    const many = Array.from({ length: 501 }, () => cases[0]);
    const r = await call("/api/v1/validation", {
      body: { cases: many },
      options: { maxBodyBytes: 10_000_000 },
    });
    expect(r.status).toBe(422);
    expect(isProblem(r) && r.body.errors?.[0]?.path).toEqual(["cases"]);
  });

  it("a body over the size limit is a 413 problem", async () => {
    const r = await call("/api/v1/validation", { body: { cases }, options: { maxBodyBytes: 1000 } });
    expect(r.status).toBe(413);
    expect(isProblem(r)).toBe(true);
  });

  it("work past the time budget is stopped and answered with 503 and Retry-After", async () => {
    const r = await call("/api/v1/validation", { body: { cases }, options: { timeBudgetMs: 5 } });
    expect(r.status).toBe(503);
    expect(isProblem(r) && r.body.title).toBe("Time budget exceeded");
  });
});

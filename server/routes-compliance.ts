// Export-control routes: classify chips (catalog ids or hypothetical specs), what-if thresholds, timeline, rules.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  Accelerator,
  NOT_LEGAL_ADVICE,
  bindsFrom,
  catalog,
  classify,
  compliantFrontier,
  dedupeWarnings,
  findChip,
  metaOf,
  standing,
  timeline,
  whatIf,
  type ExportQuery,
} from "../src/index.js";
import type { Context } from "hono";
import { API_BASE, LIMITS, type Problem as P } from "./api-schemas-common.js";
import {
  ClassifyRequest,
  ClassifyResponse,
  RulesQuery,
  RulesResponse,
  TimelineQuery,
  TimelineResponse,
  WhatIfRequest,
  WhatIfResponse,
} from "./api-schemas-compliance.js";
import { fieldErrorsOf, fieldErrorsOfIssues, reject, summarise } from "./problem.js";
import { body, json, prob } from "./route-kit.js";

const bad = prob("invalid input, with field paths");
const tooMuch = prob("too many chips for one request");

/** Today as YYYY-MM-DD (UTC): the default date of a query. */
const today = () => new Date().toISOString().slice(0, 10);

function queryOf(b: {
  date?: string | undefined;
  destination?: string | undefined;
  buyerHq?: string | undefined;
}): ExportQuery {
  return {
    date: b.date ?? today(),
    destination: (b.destination ?? "CN").toUpperCase(),
    ...(b.buyerHq ? { buyerHq: b.buyerHq.toUpperCase() } : {}),
  };
}

/** A 422 when a request names more chips than one request may classify, else null. */
function tooMany(c: Context, n: number): Response | null {
  if (n <= LIMITS.maxChipsPerRequest) return null;
  return reject(
    c,
    "tooMuchWork",
    `${n} chips is over the limit of ${LIMITS.maxChipsPerRequest} per request`,
    [{ path: ["chips"], pointer: "/chips", message: `at most ${LIMITS.maxChipsPerRequest}` }],
  );
}

/** Resolves ids and specs; collects every bad one with its path. */
function resolveChips(refs: readonly (string | Record<string, unknown>)[]): {
  chips: Accelerator[];
  errors: NonNullable<P["errors"]>;
} {
  const chips: Accelerator[] = [];
  const errors: NonNullable<P["errors"]> = [];
  refs.forEach((ref, i) => {
    if (typeof ref === "string") {
      const r = findChip(ref);
      if (r.ok) chips.push(r.value);
      else errors.push(...fieldErrorsOfIssues(r.issues, ["chips", i]));
    } else {
      const r = Accelerator.safeParse(ref);
      if (r.success) chips.push(r.data);
      else errors.push(...fieldErrorsOf(r.error, ["chips", i]));
    }
  });
  return { chips, errors };
}

export function registerComplianceRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/classify`,
      tags: ["export controls"],
      summary: "Classify chips for an export on a date to a destination (information, not legal advice)",
      request: body(ClassifyRequest),
      responses: {
        200: json(ClassifyResponse, "one classification per chip, with reasons"),
        400: bad,
        422: tooMuch,
      },
    }),
    (c) => {
      const b = c.req.valid("json");
      const many = tooMany(c, b.chips.length);
      if (many) return many as never;
      const { chips, errors } = resolveChips(b.chips);
      if (errors.length) return reject(c, "invalidInput", summarise(errors), errors);
      const q = queryOf(b);
      const results = chips.map((chip) => classify(chip, q));
      return c.json(
        {
          meta: metaOf(),
          notice: NOT_LEGAL_ADVICE,
          warnings: dedupeWarnings(results.flatMap((r) => r.warnings)),
          results,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API_BASE}/whatif`,
      tags: ["export controls"],
      summary:
        "What if the thresholds were different: which chips change status, by how much, and the compliant frontier",
      request: body(WhatIfRequest),
      responses: { 200: json(WhatIfResponse, "before/after status per chip"), 400: bad, 422: tooMuch },
    }),
    (c) => {
      const b = c.req.valid("json");
      const many = tooMany(c, b.chips?.length ?? 0);
      if (many) return many as never;
      const { chips, errors } = b.chips ? resolveChips(b.chips) : { chips: catalog.accelerators, errors: [] };
      if (errors.length) return reject(c, "invalidInput", summarise(errors), errors);
      const q = queryOf(b);
      const rows = whatIf(chips, b.thresholds, q, catalog, {
        ...(b.mode ? { mode: b.mode } : {}),
        ...(b.dataCenterOnly !== undefined ? { dataCenterOnly: b.dataCenterOnly } : {}),
      });
      const byId = new Map(rows.map((r) => [r.chip, r]));
      const frontier = {
        before: compliantFrontier(chips, (chip) => byId.get(chip.id)?.before ?? "unknown"),
        after: compliantFrontier(chips, (chip) => byId.get(chip.id)?.after ?? "unknown"),
      };
      return c.json(
        {
          meta: metaOf(),
          notice: NOT_LEGAL_ADVICE,
          changed: rows.filter((r) => r.changed).length,
          rows,
          frontier,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API_BASE}/timeline`,
      tags: ["export controls"],
      summary: "Dated export-control events with sources, each linked to the rule data it changed",
      request: { query: TimelineQuery },
      responses: { 200: json(TimelineResponse, "events, oldest first"), 400: bad },
    }),
    (c) => {
      const q = c.req.valid("query");
      const events = timeline(catalog, {
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.rule ? { rule: q.rule } : {}),
      });
      return c.json({ meta: metaOf(), events }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API_BASE}/rules`,
      tags: ["export controls"],
      summary:
        "Every rule version as data, with the date it binds from and its standing on a date (default today)",
      request: { query: RulesQuery },
      responses: { 200: json(RulesResponse, "rules"), 400: bad },
    }),
    (c) => {
      const date = c.req.valid("query").date ?? today();
      const rules = catalog.rules.map((rule) => {
        const s = standing(rule, date, catalog.rules);
        return {
          rule,
          bindsFrom: bindsFrom(rule),
          standing: s.standing,
          ...(s.by ? { supersededBy: s.by } : {}),
        };
      });
      return c.json({ meta: metaOf(), date, rules }, 200);
    },
  );
}

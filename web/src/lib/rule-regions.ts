// A rule's criteria drawn as regions of the TPP × performance-density plane: each control paragraph's criterion
// becomes boxes (a union of intersections); conditions on other metrics travel with the box as text.
import type { Criterion, Rule } from "../../../src/index.js";

/** An axis-aligned region; null bounds are open. `also` lists conditions the plane cannot show. */
export interface Box {
  tppMin: number | null;
  tppMax: number | null;
  pdMin: number | null;
  pdMax: number | null;
  also: string[];
}

export interface RuleRegion extends Box {
  ruleId: string;
  paragraph: string;
}

const FULL: Box = { tppMin: null, tppMax: null, pdMin: null, pdMax: null, also: [] };
const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
const min = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

function intersect(a: Box, b: Box): Box | null {
  const box = {
    tppMin: max(a.tppMin, b.tppMin),
    tppMax: min(a.tppMax, b.tppMax),
    pdMin: max(a.pdMin, b.pdMin),
    pdMax: min(a.pdMax, b.pdMax),
    also: [...a.also, ...b.also],
  };
  if (box.tppMin !== null && box.tppMax !== null && box.tppMin >= box.tppMax) return null;
  if (box.pdMin !== null && box.pdMax !== null && box.pdMin >= box.pdMax) return null;
  return box;
}

/** The criterion as a union of boxes. */
export function boxesOf(c: Criterion): Box[] {
  if ("all" in c)
    return c.all.reduce<Box[]>(
      (acc, child) => acc.flatMap((a) => boxesOf(child).flatMap((b) => intersect(a, b) ?? [])),
      [FULL],
    );
  if ("any" in c) return c.any.flatMap(boxesOf);
  if ("fact" in c) return [{ ...FULL, also: [`${c.fact} = ${c.equals}`] }];
  const lower = c.op === ">=" || c.op === ">";
  if (c.metric === "tpp") return [{ ...FULL, ...(lower ? { tppMin: c.value } : { tppMax: c.value }) }];
  if (c.metric === "performanceDensity")
    return [{ ...FULL, ...(lower ? { pdMin: c.value } : { pdMax: c.value }) }];
  return [{ ...FULL, also: [`${c.metric} ${c.op} ${c.value.toLocaleString("en-US")}`] }];
}

/** Regions of every control paragraph of a rule (HBM rules have none on this plane). */
export function ruleRegions(rule: Rule): RuleRegion[] {
  if (rule.item !== "logic") return [];
  return rule.controls.flatMap((p) =>
    boxesOf(p.when)
      .filter((b) => b.tppMin !== null || b.pdMin !== null || b.tppMax !== null || b.pdMax !== null)
      .map((b) => ({ ...b, ruleId: rule.id, paragraph: p.paragraph })),
  );
}

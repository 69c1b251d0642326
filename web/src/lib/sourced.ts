// Sourced catalog values for display: the number as text, and its grade, citation and formula for the hover title.
import { boundsOf, type Source, type SourcedNumber, type SourcedText } from "../../../src/index.js";
import { fmt } from "./format.js";

export interface Shown {
  text: string;
  /** Grade, citation(s), date, formula and note: shown on hover. */
  title: string;
  grade: string;
}

function citation(keys: string | string[] | undefined, sources: Record<string, Source>): string {
  const list = keys === undefined ? [] : Array.isArray(keys) ? keys : [keys];
  return list
    .map((k) => sources[k])
    .filter((s): s is Source => s !== undefined)
    .map(
      (s) =>
        `${s.title}${s.publisher ? ` (${s.publisher})` : ""}, ${s.date}${s.locator ? `, ${s.locator}` : ""} — ${s.url}`,
    )
    .join("\n");
}

/** A sourced number as "1,979" or "1,600–1,800", with its source on hover; "—" when absent or unknown. */
export function showNumber(
  v: SourcedNumber | undefined,
  sources: Record<string, Source>,
  digits = 0,
  lang = "en",
): Shown {
  if (!v) return { text: "—", title: "", grade: "" };
  if ("unknown" in v) return { text: "?", title: `unknown: ${v.note}`, grade: "unknown" };
  const b = boundsOf(v);
  const text =
    b && b[0] !== b[1]
      ? `${fmt(b[0], digits, lang)}–${fmt(b[1], digits, lang)}`
      : fmt(b?.[0] ?? null, digits, lang);
  const title = [v.grade, citation(v.source, sources), v.formula ? `= ${v.formula}` : "", v.note ?? ""]
    .filter(Boolean)
    .join("\n");
  return { text, title, grade: v.grade };
}

/** A sourced text value with its source on hover. */
export function showText(v: SourcedText | undefined, sources: Record<string, Source>): Shown {
  if (!v) return { text: "—", title: "", grade: "" };
  if ("unknown" in v) return { text: "?", title: `unknown: ${v.note}`, grade: "unknown" };
  return {
    text: v.value,
    title: [v.grade, citation(v.source, sources), v.note ?? ""].filter(Boolean).join("\n"),
    grade: v.grade,
  };
}

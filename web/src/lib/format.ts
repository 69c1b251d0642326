// Number formatting for people, in the UI language: thousands separators, significant digits, "—" for unknown.

/** Formats a number with up to `digits` decimals; "—" for null/NaN. Example: fmt(15832.4) → "15,832". */
export function fmt(v: number | null | undefined, digits = 0, lang = "en"): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return v.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits });
}

/** Three significant digits, for estimates: 1234.5 → "1,230"; 0.01234 → "0.0123". */
export function sig(v: number | null | undefined, lang = "en"): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const p = Number(v.toPrecision(3));
  return p.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { maximumSignificantDigits: 3 });
}

/** A percentage from a fraction: 0.1234 → "12.3 %". */
export function pct(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return `${(v * 100).toFixed(digits)} %`;
}

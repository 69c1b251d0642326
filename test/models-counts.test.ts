// Every catalog model's computed parameter counts against its published figures.
// Exact figures (paper table, model card, checkpoint total) must match within 1 %. A rounded figure ("7B", "3.3B")
// must lie within its stated digit: from half a unit below to one unit above (vendors round or truncate: Meta's
// 405.85B is "405B", Qwen's 3.35B is "3.3B"); trailing zeros of an integer are not significant ("70B": unit 10B).
import { describe, expect, it } from "vitest";
import { catalog, importConfig, parameterCounts, type PublishedCount } from "../src/index.js";

const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** The unit of the last significant digit of a stated figure such as "7.61B", "70B" or "1T". */
export function statedUnit(stated: string): number {
  const m = /^([\d,]+)(?:\.(\d+))?\s*([KMBT])$/.exec(stated.trim());
  if (!m) throw new Error(`cannot read the rounding of "${stated}"`);
  const mult = SUFFIX[m[3]!]!;
  if (m[2] !== undefined) return mult * 10 ** -m[2].length;
  const zeros = /0*$/.exec(m[1]!.replace(/,/g, ""))![0].length;
  return mult * 10 ** zeros;
}

/** Signed relative error and whether it is within the published precision. */
function check(computed: number, p: PublishedCount): { error: number; ok: boolean } {
  const error = (computed - p.value) / p.value;
  if (p.precision === "exact") return { error, ok: Math.abs(error) <= 0.01 };
  const u = statedUnit(p.stated);
  return { error, ok: computed >= p.value - u / 2 && computed < p.value + u };
}

const rows: {
  id: string;
  what: string;
  computed: number;
  published: number;
  error: number;
  exact: boolean;
}[] = [];

describe("catalog model parameter counts", () => {
  it("statedUnit reads the last significant digit", () => {
    expect(statedUnit("7B")).toBe(1e9);
    expect(statedUnit("7.61B")).toBeCloseTo(1e7, 0);
    expect(statedUnit("70B")).toBe(1e10);
    expect(statedUnit("1T")).toBe(1e12);
    expect(statedUnit("1008.0B")).toBeCloseTo(1e8, 0);
  });

  it("the catalog holds at least 30 models", () => {
    expect(catalog.models.length).toBeGreaterThanOrEqual(30);
  });

  for (const m of catalog.models) {
    it(`parameterCounts(${m.id}) matches its published figures`, () => {
      const r = importConfig(m.configText, { source: `models/${m.id}/config.json` });
      if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
      const c = parameterCounts(r.value);
      const { total, active, nonEmbedding } = m.meta.published;
      const results: [string, number, PublishedCount][] = [
        ["total", c.total + (total.includesEncoder ? c.encoder : 0), total],
      ];
      if (active) {
        const drop =
          active.excludesEmbeddings === "input"
            ? r.value.tiedEmbeddings
              ? 0
              : c.embedding
            : active.excludesEmbeddings === "input-and-output"
              ? c.embedding + c.lmHead
              : 0;
        results.push(["active", c.active - drop, active]);
      }
      if (nonEmbedding) results.push(["nonEmbedding", c.nonEmbedding, nonEmbedding]);
      for (const [what, computed, p] of results) {
        const { error, ok } = check(computed, p);
        rows.push({ id: m.id, what, computed, published: p.value, error, exact: p.precision === "exact" });
        expect(
          ok,
          `${m.id} ${what}: computed ${(computed / 1e9).toFixed(3)}B vs published ${p.stated} (${p.precision})`,
        ).toBe(true);
      }
      expect(c.totalWithMtp).toBeGreaterThanOrEqual(c.total);
      expect(c.active).toBeLessThanOrEqual(c.total);
    });
  }

  it("prints the comparison table", () => {
    const worstOf = (xs: typeof rows) =>
      xs.reduce((a, b) => (Math.abs(b.error) > Math.abs(a.error) ? b : a), xs[0]!);
    const summary = (label: string, xs: typeof rows) => {
      const w = worstOf(xs);
      return `${label}: ${xs.length} figures, max |error| ${(Math.abs(w.error) * 100).toFixed(2)} % (${w.id} ${w.what})`;
    };
    console.log(
      rows
        .map(
          (x) =>
            `${x.id.padEnd(22)} ${x.what.padEnd(13)} ${(x.computed / 1e9).toFixed(3).padStart(9)}B  ${(x.error * 100).toFixed(2).padStart(6)} % ${x.exact ? "exact" : "rounded"}`,
        )
        .join("\n") +
        `\n${summary(
          "exact",
          rows.filter((x) => x.exact),
        )}\n${summary(
          "rounded",
          rows.filter((x) => !x.exact),
        )}`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(catalog.models.length);
  });
});

// Lookup by id or alias, with "did you mean" suggestions for near misses.
import { fail, issue, ok, type Result } from "../issues.js";

/** Normalises a name for matching: lower case, no spaces or punctuation ("Atlas 900 A2 PoD(c)" → "atlas900a2podc"). */
export function normaliseName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]/g, "");
}

/** Levenshtein distance (small strings only). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The closest names to `query` (up to `n`), for "did you mean …?". */
export function suggest(query: string, names: readonly string[], n = 3): string[] {
  const q = normaliseName(query);
  return names
    .map((name) => {
      const nn = normaliseName(name);
      const d = nn.includes(q) ? Math.abs(nn.length - q.length) * 0.1 : editDistance(q, nn);
      return { name, d };
    })
    .filter((x) => x.d <= Math.max(2, Math.floor(q.length / 3)))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, n)
    .map((x) => x.name);
}

/** Finds an entity by id, alias or normalised name; an unknown name fails with suggestions. */
export function findByName<T extends { id: string; aliases?: readonly string[]; name?: string }>(
  items: readonly T[],
  query: string,
  what: string,
): Result<T> {
  const exact = items.find((x) => x.id === query || x.aliases?.includes(query));
  if (exact) return ok(exact);
  const q = normaliseName(query);
  const loose = items.find(
    (x) =>
      normaliseName(x.id) === q ||
      (x.aliases ?? []).some((a) => normaliseName(a) === q) ||
      (x.name !== undefined && normaliseName(x.name) === q),
  );
  if (loose) return ok(loose);
  // Match against ids and aliases, but suggest ids (each once).
  const idOf = new Map<string, string>();
  for (const x of items) for (const n of [x.id, ...(x.aliases ?? [])]) if (!idOf.has(n)) idOf.set(n, x.id);
  const hints = [...new Set(suggest(query, [...idOf.keys()], 6).map((n) => idOf.get(n)!))].slice(0, 3);
  return fail(
    issue(
      "unknown_id",
      [],
      `unknown ${what} "${query}"` +
        (hints.length ? ` — did you mean ${hints.map((h) => `"${h}"`).join(" or ")}?` : "") +
        ` (list them with: suanli ${what === "chip" ? "chips" : what + "s"})`,
    ),
  );
}

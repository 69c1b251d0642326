// Destinations: ISO country codes, membership of country groups (EAR Supp. 1 to part 740, AI Diffusion tiers),
// and matching a country against a rule's `Where` (groups, countries, exclusions).
import type { CountryGroup, Where } from "../catalog/index.js";

/** Territories the rules treat as another country: Hong Kong is treated as China (87 FR 62186; 2020 HK rule). */
export const TREATED_AS: Readonly<Record<string, string>> = { HK: "CN" };

/** Upper-case ISO alpha-2, with Hong Kong mapped to China. Returns the code used and, when mapped, a reason. */
export function normaliseCountry(code: string): { code: string; note: string | null } {
  const c = code.trim().toUpperCase();
  const mapped = TREATED_AS[c];
  return mapped
    ? { code: mapped, note: `${c} is treated as ${mapped} by the rules` }
    : { code: c, note: null };
}

/** True for a syntactically valid ISO 3166-1 alpha-2 code. */
export function isCountryCode(code: string): boolean {
  return /^[A-Za-z]{2}$/.test(code.trim());
}

/** Members of a group (by name "D:5" or id "d5"), following `includeGroups`. Unknown group → null. */
export function groupMembers(
  name: string,
  groups: readonly CountryGroup[],
  seen: Set<string> = new Set(),
): Set<string> | null {
  const g = groups.find((x) => x.name === name || x.id === name);
  if (!g) return null;
  if (seen.has(g.id)) return new Set();
  seen.add(g.id);
  const out = new Set(g.countries);
  for (const inc of g.includeGroups) for (const c of groupMembers(inc, groups, seen) ?? []) out.add(c);
  return out;
}

/** Names of the groups a country belongs to, e.g. CN → ["D:1", "D:4", "D:5", "AI-Tier-3"]. */
export function groupsOf(country: string, groups: readonly CountryGroup[]): string[] {
  const { code } = normaliseCountry(country);
  return groups.filter((g) => groupMembers(g.name, groups)?.has(code)).map((g) => g.name);
}

/** Whether a country is in a `Where`, and why, e.g. "CN ∈ D:5". Unknown group names are reported in `unknownGroups`. */
export function matchWhere(
  country: string,
  where: Where,
  groups: readonly CountryGroup[],
): { inside: boolean; why: string; unknownGroups: string[] } {
  const { code } = normaliseCountry(country);
  const unknownGroups: string[] = [];
  const inGroup = (names: readonly string[] | undefined): string | null => {
    const hits: string[] = [];
    for (const n of names ?? []) {
      const m = groupMembers(n, groups);
      if (!m) unknownGroups.push(n);
      else if (m.has(code)) hits.push(n);
    }
    return hits.length ? hits.join(", ") : null;
  };
  const exceptCountry = where.exceptCountries?.includes(code);
  const exceptGroup = inGroup(where.exceptGroups);
  if (exceptCountry) return { inside: false, why: `${code} is excluded`, unknownGroups };
  if (exceptGroup)
    return { inside: false, why: `${code} ∈ ${exceptGroup}, which is excluded`, unknownGroups };
  if (where.worldwide) return { inside: true, why: `${code}: worldwide`, unknownGroups };
  if (where.countries?.includes(code)) return { inside: true, why: `${code} is listed`, unknownGroups };
  const g = inGroup(where.groups);
  if (g) return { inside: true, why: `${code} ∈ ${g}`, unknownGroups };
  return { inside: false, why: `${code} is outside ${describeWhere(where)}`, unknownGroups };
}

/** A short description of a `Where` for people. */
export function describeWhere(where: Where): string {
  if (where.label) return where.label;
  const parts = [
    ...(where.worldwide ? ["worldwide"] : []),
    ...(where.groups ?? []),
    ...(where.countries ?? []),
  ];
  const except = [...(where.exceptGroups ?? []), ...(where.exceptCountries ?? [])];
  return parts.join(", ") + (except.length ? ` (less ${except.join(", ")})` : "");
}

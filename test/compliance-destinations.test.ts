// Destinations inside and outside each country group, Hong Kong as China, the A:5/A:6 carve-out, the headquarters
// rule for a China-headquartered buyer abroad, and the AI Diffusion rule, which never bound anyone.
import { describe, expect, it } from "vitest";
import { classify, groupMembers, groupsOf, matchWhere, type Accelerator } from "../src/index.js";
import { CHIPS, ruleBundle } from "./helpers/compliance.js";

const cat = ruleBundle();
const at = (chip: Accelerator, date: string, destination: string, buyerHq?: string) =>
  classify(chip, { date, destination, ...(buyerHq ? { buyerHq } : {}) }, cat);

describe("country groups (Supp. 1 to part 740)", () => {
  it("every group is a list of ISO alpha-2 codes and China is in D:1, D:4 and D:5", () => {
    for (const g of cat.countryGroups) for (const c of g.countries) expect(c).toMatch(/^[A-Z]{2}$/);
    expect(groupsOf("CN", cat.countryGroups)).toEqual(
      expect.arrayContaining(["D:1", "D:4", "D:5", "AI-Tier-3"]),
    );
  });
  it("AI-Tier-3 = D:5 + Macau", () => {
    const t3 = groupMembers("AI-Tier-3", cat.countryGroups)!;
    const d5 = groupMembers("D:5", cat.countryGroups)!;
    expect(t3.has("MO")).toBe(true);
    for (const c of d5) expect(t3.has(c)).toBe(true);
    expect(t3.size).toBe(d5.size + 1);
  });
  it("AI-Tier-1 has the United States and 18 partners, none of them in D:5", () => {
    const t1 = groupMembers("AI-Tier-1", cat.countryGroups)!;
    expect(t1.size).toBe(19);
    for (const c of t1) expect(groupMembers("D:5", cat.countryGroups)!.has(c)).toBe(false);
  });
  it("Hong Kong is treated as China", () => {
    expect(matchWhere("HK", { countries: ["CN"] }, cat.countryGroups).inside).toBe(true);
  });
});

describe("destinations under the Oct 2023 scope (D:1, D:4, D:5, Macau, less A:5/A:6)", () => {
  it.each([
    ["CN", "controlled"],
    ["HK", "controlled"],
    ["MO", "controlled"],
    ["VN", "controlled"],
    ["SA", "controlled"],
    ["AE", "controlled"],
    ["RU", "controlled"],
    ["IL", "not-controlled"],
    ["DE", "not-controlled"],
    ["JP", "not-controlled"],
    ["IN", "not-controlled"],
    ["MY", "not-controlled"],
    ["US", "not-controlled"],
  ])("classify(h100, 2024-06-01, %s) is %s", (dest, status) => {
    expect(at(CHIPS.h100, "2024-06-01", dest).status).toBe(status);
  });
  it("Israel is in D:4 but excluded as A:6 (NVIDIA: 'excluding Israel')", () => {
    expect(at(CHIPS.h100, "2024-06-01", "IL").reasons.join("\n")).toContain("A:6");
  });
  it("classify(rtx4090, 2024-06-01, AE) gets ACA (D:4, no notification); to CN it gets NAC", () => {
    expect(at(CHIPS.rtx4090, "2024-06-01", "AE").licenseException).toBe("ACA");
    expect(at(CHIPS.rtx4090, "2024-06-01", "CN").licenseException).toBe("NAC");
  });
  it("classify(h100, 2024-06-01, SA) is reviewed case by case; to CN under a presumption of denial", () => {
    expect(at(CHIPS.h100, "2024-06-01", "SA").policy).toBe("case-by-case");
    expect(at(CHIPS.h100, "2024-06-01", "CN").policy).toBe("presumption-of-denial");
  });
  it("under the 2022 rule only China and Macau were in scope: classify(a100, 2023-01-10, VN) is not controlled", () => {
    expect(at(CHIPS.a100, "2023-01-10", "VN").status).toBe("not-controlled");
  });
});

describe("a buyer headquartered in China buying abroad", () => {
  it("classify(h100, 2024-06-01, MY, hq CN) is controlled by the headquarters rule", () => {
    const r = at(CHIPS.h100, "2024-06-01", "MY", "CN");
    expect(r).toMatchObject({ status: "controlled", eccn: "3A090.a", policy: "presumption-of-denial" });
    expect(r.reasons.join("\n")).toContain("headquarters rule");
  });
  it("classify(h100, 2024-06-01, MY, hq HK) is too (Hong Kong is China)", () => {
    expect(at(CHIPS.h100, "2024-06-01", "MY", "HK").status).toBe("controlled");
  });
  it("classify(h100, 2024-06-01, MY, hq US) is not controlled", () => {
    expect(at(CHIPS.h100, "2024-06-01", "MY", "US").status).toBe("not-controlled");
  });
  it("classify(a100, 2023-01-10, MY, hq CN) is not controlled: the 2022 rule had no headquarters rule", () => {
    expect(at(CHIPS.a100, "2023-01-10", "MY", "CN").status).toBe("not-controlled");
  });
  it("classify(h20, 2025-05-01, SG, hq CN) is controlled by the letter's headquarters clause", () => {
    expect(at(CHIPS.h20, "2025-05-01", "SG", "CN").status).toBe("controlled");
  });
});

describe("the AI Diffusion rule never bound anyone", () => {
  it("classify(h100, 2025-03-01, MY) — a Tier-2 destination — is not controlled, and says why", () => {
    const r = at(CHIPS.h100, "2025-03-01", "MY");
    expect(r.status).toBe("not-controlled");
    expect(r.reasons.join("\n")).toMatch(
      /us-2025-01-15-ai-diffusion: published 2025-01-15 but binding only from 2025-05-15; not enforced from 2025-05-13/,
    );
  });
  it("classify(h100, 2025-06-01, MY) is not controlled either (non-enforcement from 2025-05-13)", () => {
    const r = at(CHIPS.h100, "2025-06-01", "MY");
    expect(r.status).toBe("not-controlled");
    expect(r.decidedBy).not.toContain("us-2025-01-15-ai-diffusion");
  });
  it("had it been enforced, classify(h100, 2025-06-01, MY) would need a licence with LPP (an edited rule file)", () => {
    const enforced = ruleBundle((f) =>
      f.path === "rules/us-2025-01-15-ai-diffusion.yaml" ? f.text.replace(/^enforcedUntil:.*$/m, "") : f.text,
    );
    const r = classify(CHIPS.h100, { date: "2025-06-01", destination: "MY" }, enforced);
    expect(r).toMatchObject({
      status: "controlled",
      eccn: "3A090.a",
      licenseException: "LPP",
      decidedBy: ["us-2025-01-15-ai-diffusion"],
    });
    expect(classify(CHIPS.h100, { date: "2025-06-01", destination: "FR" }, enforced).status).toBe(
      "not-controlled",
    );
  });
});

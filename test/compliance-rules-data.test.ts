// The rule data itself: links resolve, every rule is cited and dated, changing a threshold in a rule file changes
// results with no code change, and properties (raising TPP never takes a chip out of control under a fixed rule).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bindsFrom,
  checkRuleData,
  classify,
  everBinds,
  rulesInForce,
  timeline,
  type Accelerator,
} from "../src/index.js";
import { CHIPS, ruleBundle, testChip } from "./helpers/compliance.js";

const cat = ruleBundle();

describe("rule data", () => {
  it("supersedes/modifies links, group names and timeline links all resolve", () => {
    expect(checkRuleData(cat)).toEqual([]);
  });
  it("has every rule version the issue lists", () => {
    const ids = cat.rules.map((r) => r.id);
    for (const id of [
      "us-2022-10-07-3a090",
      "us-2023-10-23-nvidia-letter",
      "us-2023-10-17-acs",
      "us-2024-04-04-corrections",
      "us-2024-12-02-hbm",
      "us-2025-01-15-ai-diffusion",
      "us-2025-04-nvidia-h20-letter",
      "us-2025-04-amd-mi308-letter",
      "us-2025-07-h20-resumption",
      "us-2026-01-15-h200-case-by-case",
    ])
      expect(ids).toContain(id);
  });
  it("every rule cites a source with a URL or document and a date", () => {
    for (const r of cat.rules) {
      expect(Object.keys(r.sources).length, r.id).toBeGreaterThan(0);
      for (const s of Object.values(r.sources)) expect(s.date, r.id).toMatch(/^\d{4}/);
    }
  });
  it("the letters' bandwidth criteria are marked reported, not official", () => {
    const letter = cat.rules.find((r) => r.id === "us-2025-04-nvidia-h20-letter")!;
    expect(JSON.stringify(letter.controls)).not.toContain('"basis":"official"');
    expect(JSON.stringify(letter.controls)).toContain('"basis":"reported"');
  });
  it("the AI Diffusion rule never binds; the Oct 2023 rule binds from 2023-11-17, not its 2023-10-25 publication", () => {
    expect(everBinds(cat.rules.find((r) => r.id === "us-2025-01-15-ai-diffusion")!)).toBe(false);
    expect(bindsFrom(cat.rules.find((r) => r.id === "us-2023-10-17-acs")!)).toBe("2023-11-17");
    expect(rulesInForce(cat.rules, "2023-10-26").map((r) => r.id)).not.toContain("us-2023-10-17-acs");
  });
});

describe("thresholds are data: editing a rule file changes results with no code change", () => {
  it("lowering 3A090.a.1 to TPP 2,000 in us-2024-04-04-corrections.yaml makes H20 3A090.a on 2024-06-01", () => {
    expect(classify(CHIPS.h20, { date: "2024-06-01", destination: "CN" }, cat).status).toBe("not-controlled");
    const edited = ruleBundle((f) =>
      f.path === "rules/us-2024-04-04-corrections.yaml"
        ? f.text.replace(
            'when: { metric: tpp, op: ">=", value: 4800 }',
            'when: { metric: tpp, op: ">=", value: 2000 }',
          )
        : f.text,
    );
    const r = classify(CHIPS.h20, { date: "2024-06-01", destination: "CN" }, edited);
    expect(r).toMatchObject({ status: "controlled", eccn: "3A090.a" });
    expect(r.reasons.join("\n")).toContain("TPP 2,368 ≥ 2,000");
  });
  it("raising the letter's DRAM and sum lines to 5,000 GB/s frees RTX 5090D (1,792; 1,920) on 2025-06-01", () => {
    const edited = ruleBundle((f) =>
      f.path === "rules/us-2025-04-nvidia-h20-letter.yaml"
        ? f.text.replace("value: 1400", "value: 5000").replace("value: 1700", "value: 5000")
        : f.text,
    );
    expect(classify(CHIPS.rtx5090d, { date: "2025-06-01", destination: "CN" }, cat).status).toBe(
      "controlled",
    );
    expect(classify(CHIPS.rtx5090d, { date: "2025-06-01", destination: "CN" }, edited).status).toBe(
      "not-controlled",
    );
  });
});

describe("timeline", () => {
  const events = timeline(cat);
  it("is in date order and every event links rules that exist", () => {
    const dates = events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    for (const e of events) for (const l of e.linked) expect(l.title).not.toBe("(missing rule)");
  });
  it("tells the H20 story: designed late 2023 at ~15 %, licence 2025-04-09, resumption July 2025, $4.5 B charge and $2.5 B unshipped", () => {
    const text = JSON.stringify(events);
    expect(events.find((e) => e.date === "2023-12")?.summary).toContain("15.0 %");
    expect(
      events.some((e) => e.date === "2025-04-09" && e.rules.includes("us-2025-04-nvidia-h20-letter")),
    ).toBe(true);
    expect(
      events.some((e) => e.date.startsWith("2025-07") && e.rules.includes("us-2025-07-h20-resumption")),
    ).toBe(true);
    expect(text).toContain("$4.5 B");
    expect(text).toContain("$2.5 B");
    expect(text).toContain("misdated");
  });
  it("has the 15 % and 25 % arrangements and China's own measures", () => {
    expect(events.filter((e) => e.kind === "arrangement").map((e) => e.figures.join())).toEqual(
      expect.arrayContaining([expect.stringContaining("15 %"), expect.stringContaining("25 %")]),
    );
    expect(events.filter((e) => e.kind === "china-measure").length).toBeGreaterThanOrEqual(4);
  });
});

describe("properties", () => {
  const chipArb = fc.record({
    tflops16: fc.double({ min: 10, max: 3000, noNaN: true }),
    die: fc.double({ min: 100, max: 2000, noNaN: true }),
    dram: fc.double({ min: 100, max: 10000, noNaN: true }),
    link: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: undefined }),
    dc: fc.boolean(),
    factor: fc.double({ min: 1, max: 20, noNaN: true }),
    date: fc.constantFrom("2023-01-10", "2023-10-25", "2024-06-01", "2025-05-01", "2026-02-01"),
    dest: fc.constantFrom("CN", "MO", "VN", "SA", "DE", "MY"),
  });
  const make = (
    tflops16: number,
    s: { die: number; dram: number; link: number | undefined; dc: boolean },
  ): Accelerator =>
    testChip({
      id: "prop",
      dataCenter: s.dc,
      peaks: { bf16: tflops16 },
      dramGBps: s.dram,
      ...(s.link !== undefined ? { scaleUpPerDirGBps: s.link } : {}),
      dieMm2: s.die,
    });

  it("raising a chip's TPP never takes it out of control under the rules of a fixed date", () => {
    fc.assert(
      fc.property(chipArb, (s) => {
        const q = { date: s.date, destination: s.dest };
        const before = classify(make(s.tflops16, s), q, cat);
        const after = classify(make(s.tflops16 * s.factor, s), q, cat);
        if (before.status === "controlled") expect(after.status).toBe("controlled");
      }),
      { numRuns: 80 },
    );
  });
  it("no accelerator is ever classified 3A090.c", () => {
    fc.assert(
      fc.property(chipArb, (s) => {
        expect(classify(make(s.tflops16, s), { date: s.date, destination: s.dest }, cat).eccn).not.toBe(
          "3A090.c",
        );
      }),
      { numRuns: 40 },
    );
  });
});

// classify(chip, {date, destination}) on the worked checks of the rule texts, on and around each effective and
// compliance date. Chips are inline (test/helpers/compliance.ts); rules come from catalog/rules. No test uses today.
import { describe, expect, it } from "vitest";
import { classify, type Accelerator } from "../src/index.js";
import { CHIPS, ruleBundle, testChip } from "./helpers/compliance.js";

const cat = ruleBundle();
const at = (chip: Accelerator, date: string, destination = "CN", buyerHq?: string) =>
  classify(chip, { date, destination, ...(buyerHq ? { buyerHq } : {}) }, cat);

describe("Aug 2022 letter and Oct 2022 rule (I/O ≥ 600 and TPP ≥ 4,800)", () => {
  it("classify(a100, 2022-09-01, CN) is controlled by the letter that names it", () => {
    const r = at(CHIPS.a100, "2022-09-01");
    expect(r.status).toBe("controlled");
    expect(r.decidedBy).toEqual(["us-2022-08-nvidia-letter"]);
    expect(r.eccn).toBeNull();
  });
  it("classify(mi250x, 2022-09-15, CN) is controlled by the AMD notice; NVIDIA's letter does not reach AMD", () => {
    const mi250x = testChip({
      id: "mi250x",
      vendor: "AMD",
      peaks: { bf16: 383 },
      dramGBps: 3277,
      scaleUpPerDirGBps: 400,
      dieMm2: 1448,
    });
    expect(at(mi250x, "2022-09-15")).toMatchObject({
      status: "controlled",
      decidedBy: ["us-2022-08-amd-letter"],
    });
  });
  it("classify(a100, 2022-08-01, CN) is not controlled: nothing was in force", () => {
    expect(at(CHIPS.a100, "2022-08-01").status).toBe("not-controlled");
  });
  it("classify(a100, 2023-01-10, CN) is 3A090.a: I/O 664 ≥ 600 and TPP 4,992 ≥ 4,800", () => {
    const r = at(CHIPS.a100, "2023-01-10");
    expect(r).toMatchObject({
      status: "controlled",
      eccn: "3A090.a",
      licenseRequired: true,
      decidedBy: ["us-2022-10-07-3a090"],
    });
    expect(r.reasons.join("\n")).toContain("I/O 664 ≥ 600 GB/s and TPP 4,992 ≥ 4,800");
  });
  it("classify(a800, 2023-01-10, CN) is not controlled: I/O 464 < 600", () => {
    const r = at(CHIPS.a800, "2023-01-10");
    expect(r.status).toBe("not-controlled");
    expect(r.reasons.join("\n")).toContain("I/O 464 < 600 GB/s");
  });
  it("classify(h800, 2023-06-01, CN) is not controlled: I/O 528 < 600", () => {
    expect(at(CHIPS.h800, "2023-06-01")).toMatchObject({ status: "not-controlled", eccn: null });
  });
  it("classify(rtx4090, 2023-06-01, CN) is not controlled: TPP 5,285 ≥ 4,800 but I/O 64 < 600", () => {
    expect(at(CHIPS.rtx4090, "2023-06-01").status).toBe("not-controlled");
  });
  it("classify(ascend910b, 2023-06-01, CN) would not meet the 2022 test (I/O 456 < 600)", () => {
    expect(at(CHIPS.ascend910b, "2023-06-01").eccn).toBeNull();
  });
});

describe("October 2023: the immediate letter, then the rule from 2023-11-17", () => {
  it("classify(a800, 2023-10-20, CN) is not controlled (the Oct 2023 rule is published-not-binding)", () => {
    const r = at(CHIPS.a800, "2023-10-20");
    expect(r.status).toBe("not-controlled");
    expect(r.next).toMatchObject({ date: "2023-10-23", status: "controlled" });
  });
  it("classify(a800, 2023-10-25, CN) is controlled by the 23 October letter, with no ECCN yet", () => {
    expect(at(CHIPS.a800, "2023-10-25")).toMatchObject({
      status: "controlled",
      eccn: null,
      licenseRequired: true,
      decidedBy: ["us-2023-10-23-nvidia-letter"],
    });
  });
  it("classify(a800, 2023-11-16, CN) is still decided by the letter; 2023-11-17 by the rule", () => {
    expect(at(CHIPS.a800, "2023-11-16").decidedBy).toEqual(["us-2023-10-23-nvidia-letter"]);
    expect(at(CHIPS.a800, "2023-11-17").decidedBy).toEqual(["us-2023-10-17-acs"]);
  });
  it("classify(a800, 2023-11-20, CN) is 3A090.a (TPP 4,992 ≥ 4,800), data-centre: no exception, presumption of denial", () => {
    const r = at(CHIPS.a800, "2023-11-20");
    expect(r).toMatchObject({
      status: "controlled",
      eccn: "3A090.a",
      licenseException: null,
      policy: "presumption-of-denial",
    });
    expect(r.reasons.join("\n")).toContain("TPP 4,992 ≥ 4,800");
  });
  it("classify(h800, 2023-11-20, CN) is 3A090.a", () =>
    expect(at(CHIPS.h800, "2023-11-20").eccn).toBe("3A090.a"));
  it("classify(h100, 2024-06-01, CN) is 3A090.a with TPP 15,832", () => {
    const r = at(CHIPS.h100, "2024-06-01");
    expect(r.eccn).toBe("3A090.a");
    expect(r.tpp).toBeCloseTo(15832, 6);
  });
  it("the letter reaches only NVIDIA: a Huawei part with the A800's numbers is not controlled on 2023-10-25", () => {
    const other = testChip({
      id: "other",
      vendor: "Huawei",
      peaks: { int8: 624 },
      dramGBps: 2039,
      scaleUpPerDirGBps: 200,
      hostPerDirGBps: 32,
      dieMm2: 826,
    });
    expect(at(other, "2023-10-25").status).toBe("not-controlled");
  });
});

describe("the 2023/2024 TPP and density tests", () => {
  it("classify(h20, 2024-06-01, CN) is not controlled: TPP 2,368 < 2,400 and PD 2.91 < 3.2", () => {
    const r = at(CHIPS.h20, "2024-06-01");
    expect(r).toMatchObject({ status: "not-controlled", eccn: null, licenseRequired: false, policy: "none" });
    const why = r.reasons.join("\n");
    expect(why).toContain("TPP 2,368 < 4,800");
    expect(why).toContain("PD 2.91 < 3.2");
    expect(r.next).toMatchObject({ date: "2025-04-09", status: "controlled" });
  });
  it("classify(l20, 2024-06-01, CN) is not controlled: PD 3.14 < 3.2", () =>
    expect(at(CHIPS.l20, "2024-06-01").status).toBe("not-controlled"));
  it("classify(rtx4090, 2024-06-01, CN) is 3A090.a, consumer: licence with NAC (notification)", () => {
    expect(at(CHIPS.rtx4090, "2024-06-01")).toMatchObject({
      status: "controlled",
      eccn: "3A090.a",
      licenseException: "NAC",
    });
  });
  it("classify(rtx4090, 2024-03-01, CN) is NAC before the April 2024 split too", () => {
    expect(at(CHIPS.rtx4090, "2024-03-01").licenseException).toBe("NAC");
  });
  it("classify(rtx4090d, 2024-06-01, CN) is excluded by Note 2 (consumer, TPP 4,706 < 4,800) although PD 7.73 ≥ 5.92", () => {
    const r = at(CHIPS.rtx4090d, "2024-06-01");
    expect(r).toMatchObject({ status: "not-controlled", eccn: null });
    expect(r.reasons.join("\n")).toContain("note-2-to-3A090");
  });
  it("classify(ascend910b, 2024-06-01, CN) meets 3A090.a (TPP 5,120–6,016 ≥ 4,800) and warns that its peak basis is unstated", () => {
    const r = at(CHIPS.ascend910b, "2024-06-01");
    expect(r.eccn).toBe("3A090.a");
    expect(r.warnings.map((w) => w.code)).toContain("peak_basis_unstated");
  });
  it("a chip whose die area is unknown, between 1,600 and 4,800 TPP, is unknown and says what it depends on", () => {
    const r = at(testChip({ id: "nodie", peaks: { bf16: 200 }, dramGBps: 1000, dieMm2: null }), "2024-06-01");
    expect(r.status).toBe("unknown");
    expect(r.dependsOn).toContain("dieAreaMm2");
  });
});

describe("April 2025 letters and what followed", () => {
  it("classify(h20, 2025-05-01, CN) is controlled by the NVIDIA letter, ECCN null, presumption of denial", () => {
    expect(at(CHIPS.h20, "2025-05-01")).toMatchObject({
      status: "controlled",
      eccn: null,
      licenseRequired: true,
      licenseException: null,
      decidedBy: ["us-2025-04-nvidia-h20-letter"],
      policy: "presumption-of-denial",
      basis: "official",
    });
  });
  it("classify(h20, 2025-04-08, CN) is not controlled; 2025-04-09 is", () => {
    expect(at(CHIPS.h20, "2025-04-08").status).toBe("not-controlled");
    expect(at(CHIPS.h20, "2025-04-09").status).toBe("controlled");
  });
  it("classify(h20, 2025-08-15, CN) still needs a licence, reviewed case by case after the resumption", () => {
    expect(at(CHIPS.h20, "2025-08-15")).toMatchObject({ status: "controlled", policy: "case-by-case" });
  });
  it("classify(rtx5090d, 2025-06-01, CN) is caught by the reported bandwidth criteria (DRAM 1,792 ≥ 1,400): basis reported", () => {
    const r = at(CHIPS.rtx5090d, "2025-06-01");
    expect(r).toMatchObject({ status: "controlled", eccn: null, basis: "reported" });
    expect(r.reasons.join("\n")).toContain("DRAM bandwidth 1,792 ≥ 1,400 GB/s");
  });
  it("classify(rtx5090dV2, 2025-09-01, CN) is not controlled: 1,344 < 1,400 and 1,472 < 1,700", () => {
    expect(at(CHIPS.rtx5090dV2, "2025-09-01").status).toBe("not-controlled");
  });
  it("classify(l20, 2025-06-01, CN) is not caught by the bandwidth criteria (864 + 64)", () => {
    expect(at(CHIPS.l20, "2025-06-01").status).toBe("not-controlled");
  });
  it("classify(h20, 2025-05-01, DE) is not controlled: Germany is outside the letter's scope", () => {
    expect(at(CHIPS.h20, "2025-05-01", "DE").status).toBe("not-controlled");
  });
});

describe("January 2026 case-by-case review (TPP < 21,000 and total DRAM < 6,500 GB/s)", () => {
  it("classify(h200, 2026-02-01, CN) is 3A090.a reviewed case by case", () => {
    const r = at(CHIPS.h200, "2026-02-01");
    expect(r).toMatchObject({ status: "controlled", eccn: "3A090.a", policy: "case-by-case" });
    expect(r.decidedBy).toContain("us-2026-01-15-h200-case-by-case");
    expect(r.reasons.join("\n")).toContain("total DRAM bandwidth 4,800 < 6,500 GB/s");
  });
  it("classify(h200, 2026-01-14, CN) is still presumption of denial", () => {
    expect(at(CHIPS.h200, "2026-01-14").policy).toBe("presumption-of-denial");
  });
  it("classify(b200, 2026-02-01, CN) stays presumption of denial (TPP 36,000 ≥ 21,000)", () => {
    expect(at(CHIPS.b200, "2026-02-01").policy).toBe("presumption-of-denial");
  });
  it("classify(h200, 2026-02-01, MY, hq CN) keeps the presumption of denial for a China-headquartered buyer abroad", () => {
    expect(at(CHIPS.h200, "2026-02-01", "MY", "CN")).toMatchObject({
      status: "controlled",
      policy: "presumption-of-denial",
    });
  });
});

describe("3A090.c (HBM) is never returned for an accelerator", () => {
  it.each(Object.entries(CHIPS))("classify(%s, 2025-01-01, CN).eccn is not 3A090.c", (_, chip) => {
    expect(at(chip, "2025-01-01").eccn).not.toBe("3A090.c");
  });
});

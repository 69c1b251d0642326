// The built CLI (npm run build first): suanli classify / rules / timeline / whatif, the JSON contract of issue 3,
// hypothetical chips from a spec file, bad input with exit code 2, and the not-legal-advice notice.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./helpers/cli.js";
import { CHIPS } from "./helpers/compliance.js";

const json = (args: string[]) => {
  const r = runCli([...args, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>[];
};

describe("suanli classify", () => {
  it("classify h20 --date 2025-05-01 --to CN --json: controlled by the letter, eccn null, licence required", () => {
    const [h20] = json(["classify", "h20", "--date", "2025-05-01", "--to", "CN"]);
    expect(h20).toMatchObject({
      chip: "h20",
      status: "controlled",
      eccn: null,
      licenseRequired: true,
      licenseException: null,
      decidedBy: ["us-2025-04-nvidia-h20-letter"],
    });
    for (const k of ["tpp", "performanceDensity", "policy", "basis", "dependsOn", "reasons", "meta"])
      expect(h20).toHaveProperty(k);
    expect((h20!.meta as Record<string, string>).notice).toMatch(/not legal advice/);
    expect((h20!.meta as Record<string, string>).rulesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it("classify h20 --date 2024-06-01 explains in one screen why no licence is needed", () => {
    const r = runCli(["classify", "h20", "--date", "2024-06-01", "--to", "CN"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("NOT CONTROLLED");
    expect(r.stdout).toContain("TPP 2,368 < 4,800");
    expect(r.stdout).toMatch(/not legal advice/);
    expect(r.stdout.split("\n").length).toBeLessThan(25);
  });
  it("classify h20 --date 2025-05-01 explains in one screen why a licence is required", () => {
    const r = runCli(["classify", "h20", "--date", "2025-05-01", "--to", "CN"]);
    expect(r.stdout).toContain("CONTROLLED — a licence is required");
    expect(r.stdout).toContain("us-2025-04-nvidia-h20-letter");
    expect(r.stdout.split("\n").length).toBeLessThan(25);
  });
  it("classify a800-sxm-80gb on 2023-10-20, 2023-10-25 and 2023-11-20 gives not-controlled, letter, 3A090.a", () => {
    const status = ["2023-10-20", "2023-10-25", "2023-11-20"].map(
      (d) => json(["classify", "a800-sxm-80gb", "--date", d])[0],
    );
    expect(status.map((s) => s!.status)).toEqual(["not-controlled", "controlled", "controlled"]);
    expect(status.map((s) => s!.eccn)).toEqual([null, null, "3A090.a"]);
  });
  it("classifies several chips into a bare array, one object per chip", () => {
    const out = json(["classify", "h20", "h100-sxm", "--date", "2024-06-01"]);
    expect(out.map((o) => o.chip)).toEqual(["h20", "h100-sxm"]);
  });
  it("classifies a hypothetical chip from a spec file", () => {
    const dir = mkdtempSync(join(tmpdir(), "suanli-"));
    const file = join(dir, "my-chip.json");
    writeFileSync(
      file,
      JSON.stringify({
        ...CHIPS.h20,
        id: "my-chip",
        peakTflops: { bf16: { value: 400, basis: "dense", grade: "estimated", source: "t" } },
      }),
    );
    const [c] = json(["classify", file, "--date", "2024-06-01"]);
    expect(c).toMatchObject({ chip: "my-chip", status: "controlled", eccn: "3A090.a" });
  });
  it("warns inside the JSON when the date is later than the rules' as-of date", () => {
    const [c] = json(["classify", "h20", "--date", "2099-01-01"]);
    expect((c!.warnings as string[]).join()).toContain("later than the rules' as-of date");
  });
  it("bad input: an unknown chip, a bad date or a bad country exit 2 with one clear message", () => {
    for (const args of [
      ["classify", "h2O-typo"],
      ["classify", "h20", "--date", "2025-13-45"],
      ["classify", "h20", "--to", "China"],
    ]) {
      const r = runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/suanli: /);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });
});

describe("suanli rules, timeline, whatif", () => {
  it("rules --json lists every version with its binding date and standing", () => {
    const rules = json(["rules", "--date", "2025-06-01"]);
    const diffusion = rules.find((r) => r.id === "us-2025-01-15-ai-diffusion");
    expect(diffusion).toMatchObject({ bindsFrom: "2025-05-15", enforcedUntil: "2025-05-13" });
    expect((diffusion!.standing as { standing: string }).standing).toBe("no-longer-enforced");
  });
  it("rules <id> shows thresholds and sources", () => {
    const r = runCli(["rules", "us-2026-01-15-h200-case-by-case"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("tpp < 21,000");
    expect(r.stdout).toContain("91 FR 1684");
  });
  it("timeline --from 2025-04 --to 2025-08 has the H20 licence and its resumption", () => {
    const ev = json(["timeline", "--from", "2025-04", "--to", "2025-08-31"]);
    expect(ev.map((e) => e.date)).toEqual(expect.arrayContaining(["2025-04-09", "2025-07-14", "2025-08-08"]));
  });
  it("whatif h20 l20 --tpp 1600 --date 2024-06-01 reports both changing status", () => {
    const r = runCli(["whatif", "h20", "l20", "--tpp", "1600", "--date", "2024-06-01", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { chips: { chip: string; changed: boolean }[] };
    expect(
      doc.chips
        .filter((c) => c.changed)
        .map((c) => c.chip)
        .sort(),
    ).toEqual(["h20", "l20"]);
  });
  it("whatif without thresholds is bad input", () => {
    expect(runCli(["whatif", "h20"]).code).toBe(2);
  });
});

// `suanli chips`, `suanli chip` as a user runs them: output contracts, exit codes, and clear bad-input messages.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasStackTrace, ROOT, runCli } from "./helpers/cli.js";

const fixture = readFileSync(join(ROOT, "test/fixtures/hypothetical-chip.yaml"), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "suanli-cli-"));
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe("suanli chips", () => {
  it("--json prints a bare array of chips, each with id, name, vendor, aliases, sources and meta", () => {
    const r = runCli(["chips", "--json"]);
    expect(r.code).toBe(0);
    const chips = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(chips)).toBe(true);
    expect(chips.length).toBeGreaterThan(0);
    for (const c of chips) {
      expect(typeof c.id).toBe("string");
      expect(typeof c.name).toBe("string");
      expect(typeof c.vendor).toBe("string");
      expect(Array.isArray(c.aliases)).toBe(true);
      expect(Object.keys(c.sources as object).length).toBeGreaterThan(0);
      expect(c.meta).toMatchObject({ version: expect.any(String), catalogDate: expect.any(String) });
    }
  });

  it("--csv prints a header and one row per chip", () => {
    const json = JSON.parse(runCli(["chips", "--json"]).stdout) as unknown[];
    const r = runCli(["chips", "--csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^id,name,vendor/);
    expect(lines.length).toBe(json.length + 1);
  });

  it("--vendor filters case-insensitively", () => {
    const chips = JSON.parse(runCli(["chips", "--vendor", "nvidia", "--json"]).stdout) as {
      vendor: string;
    }[];
    expect(chips.length).toBeGreaterThan(0);
    expect(chips.every((c) => c.vendor === "NVIDIA")).toBe(true);
  });

  it("--coverage counts known fields", () => {
    const r = runCli(["chips", "--coverage", "--json"]);
    const cov = JSON.parse(r.stdout) as { chips: number; known: number; share: number };
    expect(cov.chips).toBeGreaterThan(0);
    expect(cov.share).toBeGreaterThan(0);
    expect(cov.share).toBeLessThanOrEqual(1);
  });
});

describe("suanli chip", () => {
  it("shows a chip by alias with sources, TPP and performance density", () => {
    const r = runCli(["chip", "h100"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NVIDIA H100 SXM5/);
    expect(r.stdout).toMatch(/TPP\s+15,83\d/);
    expect(r.stdout).toMatch(/performance density\s+19\.4/);
    expect(r.stdout).toMatch(/sources/);
  });

  it("an unknown id says so, suggests a near name, and exits 2", () => {
    const r = runCli(["chip", "h100-sxn"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown chip "h100-sxn" — did you mean "h100-sxm"/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("reads a hypothetical chip from a spec file", () => {
    const r = runCli(["chip", "test/fixtures/hypothetical-chip.yaml", "--json"]);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as { id: string; metrics: { tpp: { value: number } } };
    expect(c.id).toBe("test-chip");
    expect(c.metrics.tpp.value).toBeCloseTo(2000, 6);
  });

  const bad: [string, string, RegExp][] = [
    ["malformed YAML", "id: x\nname: [oops\n", /malformed YAML/],
    ["a wrong type", "id: x\nname: 5\n", /name/],
    ["an unknown key", "id: x\nflux: 1\n", /unknown key\(s\) "flux"/],
  ];
  for (const [what, text, message] of bad) {
    it(`${what} in a chip file is one clear message naming the file, exit 2`, () => {
      const p = write(`bad-${what.replace(/\W+/g, "-")}.yaml`, text);
      const r = runCli(["chip", p]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(p);
      expect(r.stderr).toMatch(message);
      expect(hasStackTrace(r.stderr)).toBe(false);
    });
  }

  it("a negative number in a chip file is rejected", () => {
    const p = write("negative.yaml", fixture.replace("tdpW: { value: 350", "tdpW: { value: -350"));
    const r = runCli(["chip", p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tdpW.*must not be negative/);
  });

  it("a missing file is named, exit 2", () => {
    const r = runCli(["chip", "./no-such-chip.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-chip\.yaml: no such file/);
  });
});

describe("suanli (unknown command)", () => {
  it("exits 2", () => {
    expect(runCli(["frobnicate"]).code).toBe(2);
  });
});

// suanli plan serve: cost assumptions overridable from the command line and listed with their sources in --json.
import { describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./helpers/cli.js";

const base = ["plan", "serve", "--model", "llama-3.1-8b", "--rate", "2", "--chip", "h100-sxm"];

describe("plan serve cost options", () => {
  it("plan serve --json --assume pue=1.56 --currency cny lists every assumption, pue overridden, costs in CNY", () => {
    const r = runCli([...base, "--json", "--assume", "pue=1.56", "--currency", "cny"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      plans: { cost: { currency: string; perMillionTokens: number | null } | null }[];
      costAssumptions: { name: string; value: string; source: string; overridden: boolean }[];
    };
    expect(out.costAssumptions.find((a) => a.name === "pue")).toMatchObject({
      value: "1.56",
      overridden: true,
    });
    expect(out.costAssumptions.every((a) => a.source.length > 10)).toBe(true);
    expect(out.plans[0]!.cost?.currency).toBe("CNY");
    expect(out.plans[0]!.cost?.perMillionTokens).toBeGreaterThan(0);
  });

  it("plan serve --assume pue=0.8 exits 2 naming the assumption, without a stack trace", () => {
    const r = runCli([...base, "--assume", "pue=0.8"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pue.*must be ≥ 1/);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("plan serve --assume nonsense=1 lists the valid names", () => {
    const r = runCli([...base, "--assume", "nonsense=1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown assumption "nonsense"; one of: .*amortisationYears/);
  });
});

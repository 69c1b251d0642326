// `suanli models` and `suanli model` as a user runs them (build first: npm run build), and their bad-input messages.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "suanli-models-"));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const LLAMA = {
  model_type: "llama",
  hidden_size: 4096,
  intermediate_size: 11008,
  num_attention_heads: 32,
  num_hidden_layers: 32,
  vocab_size: 32000,
};

describe("suanli models", () => {
  it("models --json prints a bare array of {id, name, modelType, parameters, meta}", () => {
    const r = runCli(["models", "--json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as {
      id: string;
      name: string;
      modelType: string;
      parameters: { total: number; active: number };
      meta: { version: string; catalogDate: string };
    }[];
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBeGreaterThanOrEqual(30);
    for (const m of list) {
      expect(typeof m.id).toBe("string");
      expect(typeof m.name).toBe("string");
      expect(typeof m.modelType).toBe("string");
      expect(m.parameters.total).toBeGreaterThan(1e9);
      expect(m.parameters.active).toBeLessThanOrEqual(m.parameters.total);
      expect(m.meta.catalogDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(list.find((m) => m.id === "deepseek-v3")?.modelType).toBe("deepseek_v3");
  });

  it("models --csv prints a header and one row per model", () => {
    const r = runCli(["models", "--csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toContain("id,name");
    expect(lines[0]).toContain("total");
    expect(lines.length).toBeGreaterThan(30);
  });
});

describe("suanli model", () => {
  it("model deepseek-r1 --json holds total, totalWithMtp, nonEmbedding and active as plain numbers", () => {
    const r = runCli(["model", "deepseek-r1", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      parameters: Record<string, number>;
      kvCache: Record<string, { bytesPerToken: number }>;
      meta: { version: string };
    };
    expect(doc.parameters.total! / 1e9).toBeCloseTo(671.03, 1);
    expect(doc.parameters.totalWithMtp).toBeGreaterThan(doc.parameters.total!);
    expect(doc.parameters.nonEmbedding).toBeLessThan(doc.parameters.total!);
    expect(doc.parameters.active! / 1e9).toBeCloseTo(37.55, 1);
    // MLA: 61 layers × (512 + 64) elements × 2 bytes.
    expect(doc.kvCache.bf16!.bytesPerToken).toBe(61 * 576 * 2);
    expect(doc.meta.version).toMatch(/\d+\.\d+/);
  });

  it("model deepseek-r1 prints a table with parameters and KV cache per precision", () => {
    const r = runCli(["model", "deepseek-r1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("671.026 B");
    expect(r.stdout).toMatch(/fp8\s+35\.1 kB\/token/);
  });

  it("model ./config.json --json imports a local file", () => {
    const p = file("config.json", JSON.stringify(LLAMA));
    const r = runCli(["model", p, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { parameters: { total: number } }).parameters.total).toBe(6_738_415_616);
  });

  const bad: [string, () => string, RegExp][] = [
    ["an unreadable file", () => join(dir, "missing.json"), /missing\.json: no such file/],
    [
      "malformed JSON",
      () => file("broken.json", '{"model_type": "llama",\n "hidden_size": 4096\n "x": 1}'),
      /broken\.json: malformed JSON at line 3/,
    ],
    [
      "a wrong type",
      () => file("type.json", JSON.stringify({ ...LLAMA, hidden_size: "4096" })),
      /type\.json: hidden_size must be a positive integer/,
    ],
    [
      "a negative number",
      () => file("neg.json", JSON.stringify({ ...LLAMA, num_hidden_layers: -2 })),
      /neg\.json: num_hidden_layers must be at least 1/,
    ],
    [
      "an absurd number",
      () => file("absurd.json", JSON.stringify({ ...LLAMA, vocab_size: 1e12 })),
      /absurd\.json: vocab_size \(1000000000000\) is absurd/,
    ],
    [
      "an unknown model_type",
      () => file("family.json", JSON.stringify({ ...LLAMA, model_type: "frobnicator" })),
      /family\.json: model_type "frobnicator" is not supported/,
    ],
    [
      "kv heads that do not divide heads",
      () => file("kv.json", JSON.stringify({ ...LLAMA, num_key_value_heads: 5 })),
      /kv\.json: num_key_value_heads \(5\) must divide num_attention_heads \(32\)/,
    ],
    ["an unknown id", () => "llama-3-8x", /unknown model "llama-3-8x" — did you mean "llama-3-8b"/],
  ];
  for (const [what, arg, message] of bad) {
    it(`model <${what}> exits 2 with one clear message and no stack trace`, () => {
      const r = runCli(["model", arg(), "--json"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    });
  }
});

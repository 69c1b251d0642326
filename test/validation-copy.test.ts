// The repository's copy of the public validation cases agrees with ../shared (figures, fields, citations);
// only `notes` differ (rewritten in our own words). Without ../shared the comparison is reported "not run".
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";

type Case = Record<string, unknown> & { id: string };
const copyPath = join(ROOT, "validation/public-cases.json");
const sharedPath = join(ROOT, "../shared/validation/public-cases.json");
const copy = JSON.parse(readFileSync(copyPath, "utf8")) as Case[];
const withoutNotes = ({ notes: _notes, ...rest }: Case) => rest;

describe("validation/public-cases.json", () => {
  it("holds cases with unique ids, each with our own notes", () => {
    expect(copy.length).toBeGreaterThanOrEqual(50);
    expect(new Set(copy.map((c) => c.id)).size).toBe(copy.length);
    for (const c of copy) expect(typeof c.notes).toBe("string");
  });

  it("agrees with ../shared/validation/public-cases.json except for notes", () => {
    if (!existsSync(sharedPath)) {
      console.log("validation copy vs ../shared: not run (../shared/validation/public-cases.json is absent)");
      expect(existsSync(sharedPath)).toBe(false);
      return;
    }
    const shared = JSON.parse(readFileSync(sharedPath, "utf8")) as Case[];
    expect(copy.map((c) => c.id)).toEqual(shared.map((c) => c.id));
    for (let i = 0; i < shared.length; i++) expect(withoutNotes(copy[i]!)).toEqual(withoutNotes(shared[i]!));
    // Notes are ours, not copied.
    const same = shared.filter((s, i) => s.notes !== undefined && s.notes === copy[i]!.notes);
    expect(same.map((s) => s.id)).toEqual([]);
  });
});

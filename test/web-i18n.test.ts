// The web app's dictionaries: every UI string exists in English and Chinese, with the same placeholders.
import { describe, expect, it } from "vitest";
import { en } from "../web/src/i18n/en.js";
import { zh } from "../web/src/i18n/zh.js";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("web dictionaries", () => {
  it("en and zh have identical keys", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("no string is empty in either language", () => {
    for (const [k, v] of [...Object.entries(en), ...Object.entries(zh)]) expect(v.trim(), k).not.toBe("");
  });

  it("each key has the same {placeholders} in both languages", () => {
    for (const k of Object.keys(en) as (keyof typeof en)[])
      expect(placeholders(zh[k]), k).toEqual(placeholders(en[k]));
  });

  it("the Chinese dictionary is Chinese: most strings contain CJK characters", () => {
    const cjk = Object.values(zh).filter((s) => /[\u4e00-\u9fff]/.test(s)).length;
    expect(cjk / Object.keys(zh).length).toBeGreaterThan(0.6);
  });
});

// Browser tests: the built web app in Debian chromium — the seed answer at /, every page reacting to its inputs,
// the language switch, shared links, and recomputation with the network blocked. Screenshots in test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startBrowserEnv, type BrowserEnv } from "./helpers/browser.js";
import { seedPlans, webLayoutText } from "./helpers/browser-plan.js";

let env: BrowserEnv;
const url = (path: string) => env.server.url.replace(/\/$/, "") + path;
const chartSvg = (page: Page, name: string) => page.locator(`[data-chart="${name}"] svg`).first().innerHTML();

beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

describe("/ (no query)", () => {
  it("answers the seed question with H20, Ascend 910B, 910C and H100 as page text", async () => {
    const { page, errors } = await env.page();
    await page.goto(url("/"));
    await page.waitForSelector("[data-chart] svg");
    const dom = await page.content();
    for (const name of ["H20", "910B", "910C", "H100"]) expect(dom).toContain(name);
    await page.waitForSelector("[data-testid=serve-table]", { timeout: 60_000 });
    const rows = await page.locator("[data-testid=serve-table] tbody tr").allInnerTexts();
    expect(rows).toHaveLength(4);
    for (const name of ["H20", "910B", "910C", "H100"]) expect(rows.some((r) => r.includes(name))).toBe(true);
    // The layout(s) and mode shown are the planner's, computed here with the library: a disaggregated plan (if any)
    // shows its prefill and decode pools, each with its layout, precision and chips.
    const plans = seedPlans();
    const plan = plans.find((x) => x.feasible && x.mode === "disaggregated") ?? plans.find((x) => x.feasible);
    if (!plan) throw new Error("the planner finds no feasible plan for the seed question");
    const row = page.locator(`[data-testid=serve-table] tr[data-chip="${plan.chip}"]`);
    expect(await row.locator("td:nth-child(4)").innerText()).toBe(plan.mode);
    const shown = await row
      .locator("[data-pool]")
      .evaluateAll((els) => els.map((e) => `${e.getAttribute("data-pool")}: ${e.textContent}`));
    const count = (n: number | undefined) => (n ?? 0).toLocaleString("en-US");
    expect(shown).toEqual(
      plan.mode === "disaggregated" && plan.prefillLayout && plan.decodeLayout
        ? [
            `prefill: prefill ${webLayoutText(plan.prefillLayout)} × ${count(plan.prefillChips)} chips`,
            `decode: decode ${webLayoutText(plan.decodeLayout)} × ${count(plan.decodeChips)} chips`,
          ]
        : [`colocated: ${plan.layout ? webLayoutText(plan.layout) : "—"}`],
    );
    expect(await row.locator("td:nth-child(7)").innerText()).toBe(count(plan.chips));
    expect(await page.locator("[data-testid=answer]").innerText()).toMatch(/DeepSeek-R1[\s\S]*fewest chips/);
    await expect(page.locator("[data-testid=provenance]").innerText()).resolves.toMatch(
      /catalog \d{4}-\d{2}-\d{2} · rules as of \d{4}/,
    );
    await env.shot(page, "compare-en");
    expect(errors).toEqual([]);
  });

  it("adding a chip adds a row, redraws the chart and goes into the URL", async () => {
    const { page } = await env.page();
    await page.goto(url("/"));
    await page.waitForSelector("[data-chart] svg");
    const before = await chartSvg(page, "spec-compute");
    const rows = await page.locator("[data-testid=spec-table] tbody tr").count();
    await page.selectOption("[data-testid=chip-add]", "mi300x");
    await expect.poll(() => page.locator("[data-testid=spec-table] tbody tr").count()).toBe(rows + 1);
    expect(await chartSvg(page, "spec-compute")).not.toBe(before);
    expect(page.url()).toContain("mi300x");
  });
});

describe("compare: demand", () => {
  it("quadrupling the request rate raises the chips needed, in the table and the chart", async () => {
    const { page } = await env.page();
    await page.goto(url("/?chips=h100-sxm,h20"));
    const cell = () =>
      page.locator('[data-testid=serve-table] tr[data-chip="h100-sxm"] td:nth-child(7)').innerText();
    await page.waitForSelector("[data-testid=serve-table]", { timeout: 60_000 });
    await page.waitForSelector('[data-chart="serve-chips"] svg');
    const before = Number((await cell()).replace(/,/g, ""));
    const chart = await page.locator('[data-chart="serve-chips"] svg').innerHTML();
    await page.fill("[data-testid=rate]", "40");
    await expect
      .poll(async () => Number((await cell()).replace(/,/g, "")), { timeout: 60_000 })
      .toBeGreaterThan(before);
    await expect.poll(() => page.locator('[data-chart="serve-chips"] svg').innerHTML()).not.toBe(chart);
    expect(page.url()).toContain("rate=40");
    await page.fill("[data-testid=input-tokens]", "-5");
    await expect.poll(() => page.locator("[data-testid=input-problems]").innerText()).toMatch(/inputTokens/);
  }, 90_000);
});

describe("language", () => {
  it("the switch turns the UI Chinese, and the choice survives a reload", async () => {
    const { page } = await env.page();
    await page.goto(url("/catalog"));
    await page.click("[data-testid=lang-switch]");
    await expect.poll(() => page.locator("nav").innerText()).toContain("数据目录");
    await page.reload();
    await expect.poll(() => page.locator("nav").innerText()).toContain("芯片对比");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    await env.shot(page, "catalog-zh");
  });
});

describe("every page in both languages", () => {
  const pages = ["/", "/serving", "/training", "/export", "/catalog", "/accuracy"];
  it(
    "each page renders its title and menu in Chinese when chosen, with no errors",
    { timeout: 180_000 },
    async () => {
      const { page, errors } = await env.page();
      await page.addInitScript(() => window.localStorage.setItem("suanli.lang", "zh"));
      for (const path of pages) {
        await page.goto(
          url(path + (path === "/training" ? "?model=llama-3.1-8b&chips=h100-sxm&count=64" : "")),
        );
        const title = await page.locator("h2").first().innerText();
        expect(title, path).toMatch(/[\u4e00-\u9fff]/);
        expect(await page.locator("nav").innerText()).toContain("推理部署规划");
        await page.waitForTimeout(path === "/catalog" || path === "/export" ? 200 : 3000);
        await env.shot(page, `zh${path === "/" ? "-compare" : path.replace("/", "-")}`);
      }
      expect(errors).toEqual([]);
    },
  );
});

describe("catalog", () => {
  it("a shared link reproduces the filter, and every number shows its source on hover", async () => {
    const { page } = await env.page();
    await page.goto(url("/catalog?q=ascend"));
    await page.waitForSelector("[data-testid=chips-table]");
    expect(await page.inputValue("[data-testid=catalog-filter]")).toBe("ascend");
    const names = await page.locator("[data-testid=chips-table] tbody tr td:first-child").allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => /ascend|昇腾/i.test(n))).toBe(true);
    const titles = await page
      .locator("[data-testid=chips-table] td[data-sourced]")
      .evaluateAll((tds) => tds.map((td) => td.getAttribute("title") ?? ""));
    expect(titles.length).toBeGreaterThan(names.length);
    for (const t of titles) expect(t).toMatch(/^(official|reported|derived|estimated|unknown)/);
    expect(titles.some((t) => /https?:\/\//.test(t))).toBe(true);
    await env.shot(page, "catalog-en");
  });

  it("typing in the filter narrows the table", async () => {
    const { page } = await env.page();
    await page.goto(url("/catalog"));
    const all = await page.locator("[data-testid=chips-table] tbody tr").count();
    await page.fill("[data-testid=catalog-filter]", "h100");
    await expect.poll(() => page.locator("[data-testid=chips-table] tbody tr").count()).toBeLessThan(all);
    expect(page.url()).toContain("q=h100");
  });
});

describe("offline", () => {
  it(
    "with every request blocked after the first load, the compare page still recomputes",
    { timeout: 120_000 },
    async () => {
      const { page } = await env.page();
      await page.goto(url("/"));
      await page.waitForSelector("[data-chart] svg");
      const blocked: string[] = [];
      await page.route("**/*", (route) => {
        blocked.push(route.request().url());
        return route.abort();
      });
      await page.context().setOffline(true);
      await page.waitForSelector("[data-testid=serve-table]", { timeout: 60_000 });
      const chipsCell = () =>
        page.locator('[data-testid=serve-table] tr[data-chip="h100-sxm"] td:nth-child(7)').innerText();
      const chipsBefore = Number((await chipsCell()).replace(/,/g, ""));
      await page.fill("[data-testid=rate]", "40");
      await expect
        .poll(async () => Number((await chipsCell()).replace(/,/g, "")), { timeout: 60_000 })
        .toBeGreaterThan(chipsBefore);
      const before = await chartSvg(page, "spec-compute");
      await page.selectOption("[data-testid=chip-add]", "mi300x");
      await expect.poll(() => chartSvg(page, "spec-compute")).not.toBe(before);
      await page.click("nav a[href='/catalog']");
      await expect.poll(() => page.locator("[data-testid=chips-table] tbody tr").count()).toBeGreaterThan(10);
      expect(blocked).toEqual([]);
    },
  );
});

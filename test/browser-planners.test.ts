// Browser tests of the engine pages: accuracy (validation cases predicted in the browser), and the serving and
// training planners where the engines exist — inputs change the numbers and the charts; links reproduce views.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startBrowserEnv, type BrowserEnv } from "./helpers/browser.js";
import { SEED_CHIP_IDS, seedPlans, webLayoutText } from "./helpers/browser-plan.js";

let env: BrowserEnv;
const url = (path: string) => env.server.url.replace(/\/$/, "") + path;
const svg = (page: Page, name: string) => page.locator(`[data-chart="${name}"] svg`).first().innerHTML();

beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

describe("/accuracy", () => {
  it("predicts the public cases in the browser; choosing a kind narrows the table and redraws the chart", async () => {
    const { page, errors } = await env.page();
    await page.goto(url("/accuracy"));
    await page.waitForSelector("[data-testid=accuracy-table]", { timeout: 30_000 });
    const all = await page.locator("[data-testid=accuracy-table] tbody tr").count();
    expect(all).toBeGreaterThan(10);
    const before = await svg(page, "accuracy-errors");
    await page.selectOption("[data-testid=accuracy-kind]", "inference");
    await expect.poll(() => page.locator("[data-testid=accuracy-table] tbody tr").count()).toBeLessThan(all);
    expect(await svg(page, "accuracy-errors")).not.toBe(before);
    expect(page.url()).toContain("kind=inference");
    const summary = await page.locator("[data-testid=accuracy-summary]").innerText();
    expect(summary).toMatch(/\d+(\.\d)? %/);
    await env.shot(page, "accuracy-en");
    expect(errors).toEqual([]);
  }, 60_000);

  it("the out-of-sample mode predicts the extra cases (ids inf-x-…) in the browser", async () => {
    const { page, errors } = await env.page();
    await page.goto(url("/accuracy?cv=extra"));
    await page.waitForSelector("[data-testid=accuracy-table]", { timeout: 30_000 });
    expect(await page.inputValue("[data-testid=accuracy-cv]")).toBe("extra");
    const ids = await page.locator("[data-testid=accuracy-table] tbody tr td:first-child").allInnerTexts();
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(ids.every((id) => id.startsWith("inf-x-"))).toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);

  it("a shared link with kind=training opens narrowed, in Chinese when chosen", async () => {
    const { page } = await env.page({ locale: "zh-CN" });
    await page.goto(url("/accuracy?kind=training"));
    await page.waitForSelector("[data-testid=accuracy-table]", { timeout: 30_000 });
    expect(await page.inputValue("[data-testid=accuracy-kind]")).toBe("training");
    const ids = await page.locator("[data-testid=accuracy-table] tbody tr td:first-child").allInnerTexts();
    expect(ids.every((id) => id.startsWith("train"))).toBe(true);
    expect(await page.locator("h2").innerText()).toBe("准确度");
    await env.shot(page, "accuracy-zh");
  }, 60_000);
});

describe("/training", () => {
  it("plans each chip in the browser; more tokens means more days; the scaling curve and per-op chart draw", async () => {
    const { page, errors } = await env.page();
    await page.goto(url("/training?model=llama-3.1-8b&chips=h100-sxm,ascend-910b&count=64&tokensB=100"));
    const days = () =>
      page.locator('[data-testid=training-table] tr[data-chip="h100-sxm"] td:nth-child(7)').innerText();
    await page.waitForSelector("[data-testid=training-table]", { timeout: 60_000 });
    const before = Number((await days()).replace(/,/g, ""));
    expect(before).toBeGreaterThan(0);
    await page.waitForSelector('[data-chart="training-ops"] svg');
    await page.fill("[data-testid=tokens]", "200");
    await expect
      .poll(async () => Number((await days()).replace(/,/g, "")), { timeout: 60_000 })
      .toBeCloseTo(2 * before, 0);
    expect(page.url()).toContain("tokensB=200");
    await expect
      .poll(() => page.locator('[data-chart="training-curve"] svg path').count(), { timeout: 60_000 })
      .toBeGreaterThan(4);
    await env.shot(page, "training-en");
    expect(errors).toEqual([]);
  }, 120_000);
});

describe("/serving", () => {
  it("a tighter TPOT bound lowers tokens/s per chip; clicking a row shows that chip's step breakdown", async () => {
    const { page, errors } = await env.page();
    await page.goto(url("/serving?chips=h100-sxm,h20&tpot=100"));
    const perChip = () =>
      page.locator('[data-testid=serve-table] tr[data-chip="h100-sxm"] td:nth-child(6)').innerText();
    await page.waitForSelector("[data-testid=serve-table]", { timeout: 60_000 });
    const loose = Number((await perChip()).replace(/,/g, ""));
    await page.fill("[data-testid=tpot]", "20");
    await expect
      .poll(async () => Number((await perChip()).replace(/,/g, "")), { timeout: 60_000 })
      .toBeLessThan(loose);
    await page.click('[data-testid=serve-table] tr[data-chip="h20"]');
    await expect
      .poll(() => page.locator('[data-chart="serving-decode-ops"] svg').innerHTML(), { timeout: 60_000 })
      .toContain("H20");
    expect(page.url()).toContain("detail=h20");
    await env.shot(page, "serving-en");
    expect(errors).toEqual([]);
  }, 120_000);

  it("choosing MTP raises DeepSeek-R1's tokens/s per chip on H20, and goes into the URL", async () => {
    const { page, errors } = await env.page();
    await page.goto(url("/serving?model=deepseek-r1&chips=h20&tpot=50"));
    const perChip = () =>
      page.locator('[data-testid=serve-table] tr[data-chip="h20"] td:nth-child(6)').innerText();
    await page.waitForSelector("[data-testid=serve-table]", { timeout: 60_000 });
    const plain = Number((await perChip()).replace(/,/g, ""));
    await page.selectOption("[data-testid=spec]", "mtp:1.8");
    await expect
      .poll(async () => Number((await perChip()).replace(/,/g, "")), { timeout: 60_000 })
      .toBeGreaterThan(plain);
    expect(page.url()).toContain("spec=mtp");
    expect(errors).toEqual([]);
  }, 120_000);

  it("a disaggregated plan's breakdown shows the pool picked, each with the planner's layout", async () => {
    const { page, errors } = await env.page();
    const plan = seedPlans().find((x) => x.feasible && x.mode === "disaggregated");
    if (!plan?.prefillLayout || !plan.decodeLayout) {
      // No disaggregated plan for the seed question: every plan is colocated, and the page offers no pool picker.
      await page.goto(url(`/serving?chips=${SEED_CHIP_IDS.join(",")}`));
      await page.waitForSelector('[data-chart="serving-decode-ops"] svg', { timeout: 60_000 });
      expect(await page.locator("[data-testid=pool]").count()).toBe(0);
      return;
    }
    await page.goto(url(`/serving?chips=${plan.chip}&detail=${plan.chip}`));
    const chart = (name: string) => page.locator(`[data-chart="${name}"] svg`);
    const pool = (name: "prefill" | "decode", l: typeof plan.decodeLayout, n: number | undefined) =>
      `${name} ${webLayoutText(l)} × ${(n ?? 0).toLocaleString("en-US")} chips`;
    await expect
      .poll(() => chart("serving-decode-ops").innerHTML(), { timeout: 60_000 })
      .toContain(pool("decode", plan.decodeLayout, plan.decodeChips));
    expect(await page.locator('[data-chart="serving-prefill-ops"]').count()).toBe(0);
    await env.shot(page, "serving-disaggregated-decode-en");
    await page.selectOption("[data-testid=pool]", "prefill");
    await expect
      .poll(() => chart("serving-prefill-ops").innerHTML(), { timeout: 60_000 })
      .toContain(pool("prefill", plan.prefillLayout, plan.prefillChips));
    expect(await page.locator('[data-chart="serving-decode-ops"]').count()).toBe(0);
    expect(page.url()).toContain("pool=prefill");
    await env.shot(page, "serving-disaggregated-prefill-en");
    expect(errors).toEqual([]);
  }, 90_000);
});

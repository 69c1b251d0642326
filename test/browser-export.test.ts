// Browser tests of the export-controls page: the date slider and destination change the classification and the
// chart, a what-if threshold moves chips, a shared link reproduces the view, Chinese renders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startBrowserEnv, type BrowserEnv } from "./helpers/browser.js";

let env: BrowserEnv;
const url = (path: string) => env.server.url.replace(/\/$/, "") + path;
const svg = (page: Page) => page.locator('[data-chart="export-scatter"] svg').first().innerHTML();
const statusOf = (page: Page, chip: string) =>
  page.locator(`[data-testid=classification-table] tr[data-chip="${chip}"]`).getAttribute("data-status");

beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);
afterAll(async () => {
  await env?.close();
});

describe("/export", () => {
  it("moving the date from 2024-06-01 to 2025-05-01 turns H20 controlled (to CN), and the chart changes", async () => {
    const { page, errors } = await env.page();
    await page.goto(url("/export?date=2024-06-01&to=CN"));
    await page.waitForSelector('[data-chart="export-scatter"] svg');
    expect(await statusOf(page, "h20")).toBe("not-controlled");
    const before = await svg(page);
    const summary = await page.locator("[data-testid=export-summary]").innerText();
    await page.fill("[data-testid=date-input]", "2025-05-01");
    await expect.poll(() => statusOf(page, "h20")).toBe("controlled");
    await expect.poll(() => page.locator("[data-testid=export-summary]").innerText()).not.toBe(summary);
    expect(await svg(page)).not.toBe(before);
    expect(page.url()).toContain("date=2025-05-01");
    await env.shot(page, "export-en");
    expect(errors).toEqual([]);
  });

  it("the slider moves the date", async () => {
    const { page } = await env.page();
    await page.goto(url("/export?date=2023-01-01"));
    const slider = page.locator("[data-testid=date-slider]");
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator("[data-testid=export-date]").innerText()).toBe("2023-01-06");
  });

  it("a destination outside the rules' scope (US) leaves H100 not controlled", async () => {
    const { page } = await env.page();
    await page.goto(url("/export?date=2025-06-01"));
    expect(await statusOf(page, "h100-sxm")).toBe("controlled");
    await page.selectOption("[data-testid=destination]", "US");
    await expect.poll(() => statusOf(page, "h100-sxm")).toBe("not-controlled");
  });

  it("a what-if TPP threshold of 1,600 on 2024-06-01 catches H20 and says how many changed", async () => {
    const { page } = await env.page();
    await page.goto(url("/export?date=2024-06-01"));
    expect(await statusOf(page, "h20")).toBe("not-controlled");
    await page.fill("[data-testid=whatif-tpp]", "1600");
    await expect.poll(() => statusOf(page, "h20")).toBe("controlled");
    expect(await page.locator("[data-testid=export-summary]").innerText()).toMatch(/change status/);
  });

  it("a shared link opens in Chinese with the same view", async () => {
    const { page } = await env.page({ locale: "zh-CN" });
    await page.goto(url("/export?date=2025-05-01&to=CN"));
    await page.waitForSelector('[data-chart="export-scatter"] svg');
    expect(await page.locator("nav").innerText()).toContain("出口管制");
    expect(await statusOf(page, "h20")).toBe("controlled");
    expect(await page.locator("[data-testid=export-summary]").innerText()).toContain("受管制");
    await env.shot(page, "export-zh");
  });
});

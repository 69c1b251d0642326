// Browser-test helper: Debian chromium (installed by apt-get when missing and root, else a failure naming the
// command), a fresh build of the web app, the server in-process on a free port, and screenshots in test-artifacts/.
import { execFileSync, execSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { listen, type Running } from "../../server/listen.js";
import { ROOT } from "./cli.js";

export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = join(ROOT, "test-artifacts");

function hasCjkFont(): boolean {
  try {
    return /Noto Sans CJK/i.test(execSync("fc-list", { encoding: "utf8" }));
  } catch {
    return false;
  }
}

/** Makes sure chromium and fonts-noto-cjk are there; installs them as root, otherwise throws naming the command. */
export function ensureBrowserPackages(): void {
  const need = [...(existsSync(CHROMIUM) ? [] : ["chromium"]), ...(hasCjkFont() ? [] : ["fonts-noto-cjk"])];
  if (need.length === 0) return;
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${need.join(" ")}`;
  if (process.getuid?.() !== 0) throw new Error(`browser tests need Debian packages: run as root: ${cmd}`);
  execSync(cmd, { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is still missing after: ${cmd}`);
}

/** Builds the web app from the current sources into test-artifacts/web-dist-<pid> (never touches web/dist; one
 * folder per test process, so browser test files running in parallel do not empty each other's build). */
export function buildWeb(): string {
  const WEB_OUT = join(ARTIFACTS, `web-dist-${process.pid}`);
  execFileSync(
    process.execPath,
    [
      join(ROOT, "node_modules/vite/bin/vite.js"),
      "build",
      "--config",
      "web/vite.config.ts",
      "--outDir",
      WEB_OUT,
      "--emptyOutDir",
    ],
    {
      cwd: ROOT,
      stdio: "pipe",
    },
  );
  return WEB_OUT;
}

export interface BrowserEnv {
  browser: Browser;
  server: Running;
  /** A new page (fresh context: empty localStorage) with console errors collected. */
  page: (opts?: { locale?: string }) => Promise<{ page: Page; errors: string[] }>;
  shot: (page: Page, name: string) => Promise<string>;
  close: () => Promise<void>;
}

/** Everything a browser test needs; call once per file in beforeAll. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  ensureBrowserPackages();
  mkdirSync(ARTIFACTS, { recursive: true });
  const webDir = buildWeb();
  const server = await listen({ port: 0, webDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    server,
    page: async (opts = {}) => {
      const ctx = await browser.newContext({
        viewport: { width: 1360, height: 900 },
        locale: opts.locale ?? "en-US",
      });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      return { page, errors };
    },
    shot: async (page, name) => {
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}

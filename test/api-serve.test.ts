// `suanli serve` / `npm start` as a user runs them: the URL printed within seconds, the app and API answering,
// --port / PORT honoured, a bad or busy port a clear exit-2 message.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, ROOT, runCli } from "./helpers/cli.js";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGTERM");
});

/** Starts the CLI and resolves with the printed URL (or rejects after `ms`). */
function startAndReadUrl(
  args: string[],
  env: Record<string, string> = {},
  ms = 8000,
): Promise<{ url: string; elapsedMs: number }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, NO_COLOR: "1" },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no URL within ${ms} ms; output: ${out}`)), ms);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /serving at (http:\/\/localhost:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, elapsedMs: Date.now() - t0 });
      }
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe("suanli serve", () => {
  it("serve --port 0 prints the URL within a few seconds; / is the app and /api/v1/meta answers", async () => {
    const { url, elapsedMs } = await startAndReadUrl(["serve", "--port", "0"]);
    expect(elapsedMs).toBeLessThan(5000);
    const html = await (await fetch(url)).text();
    expect(html).toContain('<div id="root">');
    const meta = (await (await fetch(`${url}api/v1/meta`)).json()) as { catalogDate: string };
    expect(meta.catalogDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const deep = await fetch(`${url}export?date=2025-05-01`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
  });

  it("paths that climb out of the web app's folder are not served", async () => {
    const { url } = await startAndReadUrl(["serve", "--port", "0"]);
    const { port } = new URL(url);
    for (const path of ["/assets/../../package.json", "/%2e%2e/%2e%2e/package.json", "/..%2fpackage.json"]) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
      expect(status, path).toBe(404);
    }
  });

  it("start (what npm start runs) prints the overview, then the URL; PORT is honoured", async () => {
    const { url } = await startAndReadUrl(["start"], { PORT: "0" });
    expect((await fetch(`${url}openapi.json`)).status).toBe(200);
  });

  it("--port abc is bad input (exit 2) naming --port", () => {
    const r = runCli(["serve", "--port", "abc"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port/);
  });

  it("a busy port is a clear exit-2 message", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const port = (blocker.address() as { port: number }).port;
    const r = runCli(["serve", "--port", String(port)]);
    blocker.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`port ${port} is in use`));
  });
});

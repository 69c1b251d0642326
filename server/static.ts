// Serves the built web app (web/dist) next to the API: files by path, index.html for app routes (Node only).
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { OpenAPIHono } from "@hono/zod-openapi";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The folder of the built web app, found from this file in the source tree or in dist/; null when not built. */
export function webRoot(): string | null {
  for (const rel of ["../web/dist", "../../web/dist"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(dir, "index.html"))) return dir;
  }
  return null;
}

/** Adds GET routes for the web app's files under `root`; any other non-API GET path gets index.html. */
export function serveWeb(app: OpenAPIHono, root: string): void {
  const index = readFileSync(join(root, "index.html"));
  app.get("*", (c, next) => {
    const path = decodeURIComponent(c.req.path);
    if (path.startsWith("/api/") || path === "/openapi.json" || path === "/docs") return next();
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep) && extname(file) && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith("/assets/");
      return c.body(readFileSync(file), 200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
    }
    if (extname(path)) return next();
    return c.body(index, 200, { "content-type": TYPES[".html"]!, "cache-control": "no-cache" });
  });
}

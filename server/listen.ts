// Starts the API and the web app on a local port (Node only): `suanli serve` and `npm start` call this.
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createApp, type AppOptions } from "./app.js";
import { serveWeb, webRoot } from "./static.js";

export interface ListenOptions extends AppOptions {
  /** TCP port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1 (localhost only). */
  host?: string;
  /** Folder of the built web app. Default: web/dist next to the package (see webRoot()). */
  webDir?: string;
}

export interface Running {
  /** Base URL, e.g. "http://localhost:8080/". */
  url: string;
  port: number;
  /** True when the built web app is served; false when only the API is (web/dist missing). */
  web: boolean;
  close: () => Promise<void>;
}

/** Listens and resolves once the port is bound; rejects with the socket error (e.g. EADDRINUSE). */
export function listen(options: ListenOptions = {}): Promise<Running> {
  const app = createApp(options);
  const root = options.webDir ?? webRoot();
  if (root) serveWeb(app, root);
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port ?? 8080, hostname: host },
      (info: AddressInfo) => {
        const shown = host === "127.0.0.1" || host === "0.0.0.0" || host === "::" ? "localhost" : host;
        resolve({
          url: `http://${shown}:${info.port}/`,
          port: info.port,
          web: root !== null,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      },
    );
    server.once("error", reject);
  });
}

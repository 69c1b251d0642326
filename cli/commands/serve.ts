// `suanli serve`: the web app and the HTTP API on localhost (port from --port, PORT, or 8080). Never builds.
import type { Command } from "commander";
import { CliError, EXIT } from "../errors.js";

export interface ServeOptions {
  port?: string;
  host?: string;
}

/** The port to use: --port, else $PORT, else 8080; a bad value is bad input. */
export function portOf(opt: string | undefined, env: string | undefined = process.env.PORT): number {
  const raw = opt ?? env ?? "8080";
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CliError(`--port (or PORT) must be an integer 0–65535, got "${raw}"`, EXIT.badInput);
  return n;
}

/** Starts the server, prints the URL and keeps running until interrupted. */
export async function serveNow(opts: ServeOptions): Promise<void> {
  const port = portOf(opts.port);
  const { listen } = await import("../../server/listen.js");
  const running = await listen({ port, host: opts.host ?? "127.0.0.1" }).catch((e: unknown) => {
    const code = (e as { code?: string }).code;
    if (code === "EADDRINUSE")
      throw new CliError(`port ${port} is in use: pass --port <another> (or PORT=…)`, EXIT.badInput);
    if (code === "EACCES")
      throw new CliError(`not allowed to listen on port ${port}: pass --port above 1024`, EXIT.badInput);
    throw e;
  });
  process.stdout.write(
    `suanli: serving at ${running.url}  (API ${running.url}api/v1 · docs ${running.url}docs) — Ctrl-C to stop\n`,
  );
  if (!running.web)
    process.stderr.write(
      "suanli: the web app is not built (web/dist missing): run `npm run build`; serving the API only\n",
    );
  const stop = () => {
    void running.close().then(() => process.exit(EXIT.ok));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await new Promise<never>(() => {});
}

export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the web app and the HTTP API on localhost (what npm start runs)")
    .option("--port <n>", "port (default: $PORT or 8080)")
    .option("--host <addr>", "interface to listen on", "127.0.0.1")
    .action((opts: ServeOptions) => serveNow(opts));
}

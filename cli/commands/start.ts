// `npm start` / `suanli start`: prints the terminal overview, then serves the web app and API (as `suanli serve`).
import type { Command } from "commander";
import { serveNow, type ServeOptions } from "./serve.js";
import { overviewText } from "./overview.js";

export function register(program: Command): void {
  program
    .command("start")
    .description("what npm start runs: the terminal overview, then the web app and API on localhost")
    .option("--port <n>", "port (default: $PORT or 8080)")
    .option("--host <addr>", "interface to listen on", "127.0.0.1")
    .option("--no-overview", "skip the terminal overview")
    .action((opts: ServeOptions & { overview: boolean }) => {
      if (opts.overview) process.stdout.write(overviewText());
      return serveNow(opts);
    });
}

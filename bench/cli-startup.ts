// Bench: CLI start-up — wall time of `suanli --version` and `suanli chips --json` (built CLI), median of runs.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const cli = join(import.meta.dirname, "../dist/cli/main.js");
if (!existsSync(cli)) {
  console.log("CLI start-up: dist/cli/main.js is missing (run npm run build)");
} else {
  for (const args of [
    ["--version"],
    ["chips", "--json"],
    ["classify", "h20", "--date", "2025-05-01", "--json"],
  ]) {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
      times.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`suanli ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    }
    times.sort((a, b) => a - b);
    console.log(
      `suanli ${args.join(" ")}: median ${times[3]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)} ms, 7 runs)`,
    );
  }
}

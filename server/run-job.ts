// Runs a job in a worker thread under a wall-clock budget: past the budget the worker is terminated and the caller
// gets `timeout` (the API answers 503), so a long computation never hangs the server. Workers are reused.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { JobInput, JobName, JobOutput } from "./jobs.js";

export type JobResult<T> =
  { ok: true; value: T } | { ok: false; reason: "timeout" | "busy" | "error"; message: string };

/** Most jobs running at once; further requests get `busy` (503) rather than queueing without bound. */
export const MAX_CONCURRENT_JOBS = 2;

const idle: Worker[] = [];
let running = 0;
let nextId = 1;

function spawn(): Worker {
  const here = import.meta.url;
  let w: Worker;
  if (here.endsWith(".ts")) {
    // From the TypeScript sources (tests, tsx): register tsx's loader in the worker, then load worker.ts.
    const api = createRequire(here).resolve("tsx/cjs/api");
    const entry = fileURLToPath(new URL("./worker.ts", here));
    const boot = `require(${JSON.stringify(api)}).register(); require(${JSON.stringify(entry)});`;
    w = new Worker(boot, { eval: true });
  } else {
    w = new Worker(new URL("./worker.js", here));
  }
  w.unref();
  return w;
}

/** Runs `name(input)` off the main thread within `budgetMs`. */
export function runJob<N extends JobName>(
  name: N,
  input: JobInput<N>,
  budgetMs: number,
): Promise<JobResult<JobOutput<N>>> {
  if (running >= MAX_CONCURRENT_JOBS)
    return Promise.resolve({
      ok: false,
      reason: "busy",
      message: `${running} computations are running; retry shortly`,
    });
  running++;
  const worker = idle.pop() ?? spawn();
  const id = nextId++;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: JobResult<JobOutput<N>>, reuse: boolean) => {
      if (settled) return;
      settled = true;
      running--;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      if (reuse && idle.length < MAX_CONCURRENT_JOBS) idle.push(worker);
      else void worker.terminate();
      resolve(r);
    };
    const onMessage = (m: { id: number; ok: boolean; value?: JobOutput<N>; error?: string }) => {
      if (m.id !== id) return;
      finish(
        m.ok
          ? { ok: true, value: m.value as JobOutput<N> }
          : { ok: false, reason: "error", message: m.error ?? "failed" },
        true,
      );
    };
    const onError = (e: Error) => finish({ ok: false, reason: "error", message: e.message }, false);
    const timer = setTimeout(
      () =>
        finish(
          { ok: false, reason: "timeout", message: `the computation ran past its budget of ${budgetMs} ms` },
          false,
        ),
      budgetMs,
    );
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.postMessage({ id, name, input });
  });
}

/** Terminates idle workers (tests and shutdown). */
export async function stopWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}

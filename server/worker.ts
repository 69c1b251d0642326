// Worker thread entry: runs one named job per message and posts back its result or its error message.
import { parentPort } from "node:worker_threads";
import { JOBS, type JobName } from "./jobs.js";

parentPort?.on("message", (msg: { id: number; name: JobName; input: unknown }) => {
  try {
    const fn = JOBS[msg.name] as (input: unknown) => unknown;
    parentPort?.postMessage({ id: msg.id, ok: true, value: fn(msg.input) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});

// The web app's compute worker: runs one job per message with the bundled library and posts back the result.
import { WEB_JOBS, type WebJob } from "./jobs.js";

self.onmessage = (e: MessageEvent<{ id: number; name: WebJob; input: unknown }>) => {
  const { id, name, input } = e.data;
  try {
    const value = (WEB_JOBS[name] as (i: unknown) => unknown)(input);
    self.postMessage({ id, ok: true, value });
  } catch (err) {
    self.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};

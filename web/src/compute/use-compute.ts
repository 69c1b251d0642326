// useCompute(name, input): runs a job in the inlined compute worker (works offline) and re-renders with its
// result; a newer input cancels the running job (the worker is replaced) and results are cached by input.
import { useEffect, useState } from "react";
import ComputeWorker from "./worker.ts?worker&inline";
import type { WebJob, WebJobInput, WebJobOutput } from "./jobs.js";

export type Computed<T> =
  { state: "running" } | { state: "done"; value: T } | { state: "error"; error: string };

const cache = new Map<string, Computed<unknown>>();
/** One worker per job name, so a plan and a curve run side by side; a newer job of the same name replaces it. */
const lanes = new Map<WebJob, { worker: Worker; busy: { id: number; reject: (e: Error) => void } | null }>();
let nextId = 1;

function run<N extends WebJob>(name: N, input: WebJobInput<N>): Promise<WebJobOutput<N>> {
  let lane = lanes.get(name);
  if (lane?.busy) {
    lane.worker.terminate();
    lane.busy.reject(new Error("cancelled"));
    lane = undefined;
  }
  if (!lane) {
    lane = { worker: new ComputeWorker(), busy: null };
    lanes.set(name, lane);
  }
  const l = lane;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    l.busy = { id, reject };
    l.worker.onmessage = (
      e: MessageEvent<{ id: number; ok: boolean; value?: WebJobOutput<N>; error?: string }>,
    ) => {
      if (e.data.id !== id) return;
      l.busy = null;
      if (e.data.ok) resolve(e.data.value as WebJobOutput<N>);
      else reject(new Error(e.data.error ?? "failed"));
    };
    l.worker.onerror = (e) => {
      l.busy = null;
      lanes.delete(name);
      reject(new Error(e.message || "the compute worker failed"));
    };
    l.worker.postMessage({ id, name, input });
  });
}

/** The job's state for this input; recomputed when the input (compared as JSON) changes. */
export function useCompute<N extends WebJob>(name: N, input: WebJobInput<N>): Computed<WebJobOutput<N>> {
  const key = `${name}:${JSON.stringify(input)}`;
  const [state, setState] = useState<Computed<WebJobOutput<N>>>(
    () => (cache.get(key) as Computed<WebJobOutput<N>> | undefined) ?? { state: "running" },
  );
  useEffect(() => {
    const hit = cache.get(key) as Computed<WebJobOutput<N>> | undefined;
    if (hit) return setState(hit);
    let live = true;
    setState({ state: "running" });
    run(name, input).then(
      (value) => {
        const done: Computed<WebJobOutput<N>> = { state: "done", value };
        cache.set(key, done);
        if (live) setState(done);
      },
      (e: Error) => {
        if (live && e.message !== "cancelled") setState({ state: "error", error: e.message });
      },
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

// A compact, growable log of simulated steps (one typed array per field), so that long runs keep no per-step objects.

/** One simulated step. */
export interface StepRecord {
  t: number;
  end: number;
  /** Requests waiting at the start of the step. */
  queue: number;
  /** Sequences in the step. */
  batch: number;
  /** Fraction of the KV budget in use after the step. */
  kvUsed: number;
  prefillTokens: number;
  /** Output tokens emitted by the end of the step. */
  outputSoFar: number;
  /** Requests completed by the end of the step. */
  completed: number;
}

const FIELDS = ["t", "end", "queue", "batch", "kvUsed", "prefillTokens", "outputSoFar", "completed"] as const;
type Field = (typeof FIELDS)[number];

/** Steps in order; `at(i)` reads one back, `column(f)` gives a field over all steps. */
export class StepLog {
  length = 0;
  private cols: Record<Field, Float64Array>;

  constructor(capacity = 4096) {
    this.cols = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(capacity)])) as Record<
      Field,
      Float64Array
    >;
  }

  push(r: StepRecord): void {
    if (this.length === this.cols.t.length)
      for (const f of FIELDS) {
        const bigger = new Float64Array(this.cols[f].length * 2);
        bigger.set(this.cols[f]);
        this.cols[f] = bigger;
      }
    for (const f of FIELDS) (this.cols[f] as Float64Array)[this.length] = r[f];
    this.length++;
  }

  at(i: number): StepRecord {
    const r = {} as StepRecord;
    for (const f of FIELDS) r[f] = this.cols[f][i] as number;
    return r;
  }

  column(f: Field): Float64Array {
    return this.cols[f].subarray(0, this.length);
  }
}

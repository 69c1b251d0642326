// Step times for the simulator, from the engine's decodeStep and prefillStep only, cached on a grid of batch sizes,
// contexts and token counts (exact for small values, then 2^(1/16) or 2^(1/8) apart, linearly interpolated).
import type { Issue } from "../../issues.js";
import { decodeStep, prefillStep, type ServingConfig, type StepEstimate } from "../inference.js";

/** Grid neighbours of x and the weight of the upper one; exact (weight 0) for integers up to `exactUpTo`. */
export function gridOf(x: number, exactUpTo: number, ratio: number): [number, number, number] {
  if (x <= exactUpTo) {
    const lo = Math.max(1, Math.floor(x));
    return x === lo ? [lo, lo, 0] : [lo, lo + 1, x - lo];
  }
  const k = Math.floor(Math.log(x / exactUpTo) / Math.log(ratio));
  const lo = Math.round(exactUpTo * ratio ** k);
  let hi = Math.round(exactUpTo * ratio ** (k + 1));
  if (hi <= lo) hi = lo + 1;
  return [lo, hi, Math.min(1, Math.max(0, (x - lo) / (hi - lo)))];
}

const B_RATIO = 2 ** (1 / 16);
const CTX_RATIO = 2 ** (1 / 8);
const TOKENS_RATIO = 2 ** (1 / 16);

/** Seconds of a prefill split into its causal attention core and the rest (GEMMs, norms, collectives, overhead). */
interface PrefillSplit {
  attention: number;
  rest: number;
}

function splitOf(e: StepEstimate, servingEfficiency: number): PrefillSplit {
  let core = 0;
  for (const o of e.ops) if (o.name === "attn.core") core += o.time;
  const attention = core / (servingEfficiency > 0 ? servingEfficiency : 1);
  return { attention, rest: Math.max(0, e.time - attention) };
}

/**
 * Cached step times of one serving instance, seconds. A step that decodes B sequences and prefills P prompt tokens
 * costs decodeStep(B) plus the extra time of pushing B + P rather than B tokens through the layers (prefillStep
 * without its attention core), plus each chunk's causal attention over its own and earlier prompt tokens; a
 * prefill-only step costs the layers for P tokens plus the chunks' attention. Work is spread evenly over the
 * attention-DP ranks. A prompt prefilled whole and alone thus costs exactly prefillStep(L).
 */
export class StepCost {
  /** Issues from the engine, if a step could not be timed. */
  issues: Issue[] = [];
  /** Engine calls made (each grid point once). */
  engineCalls = 0;
  private readonly decodeCache = new Map<number, number>();
  private readonly prefillCache = new Map<number, PrefillSplit>();
  private readonly dp: number;

  constructor(private readonly cfg: ServingConfig) {
    this.dp = cfg.parallel.dp;
  }

  private decodeAt(b: number, c: number): number {
    // Contexts stay below 2^26 tokens, so (batch, context) packs into one safe integer.
    const key = b * 67_108_864 + c;
    const hit = this.decodeCache.get(key);
    if (hit !== undefined) return hit;
    this.engineCalls++;
    const r = decodeStep(this.cfg, b, c);
    const t = r.ok ? r.value.time : 0;
    if (!r.ok) this.issues.push(...r.issues);
    this.decodeCache.set(key, t);
    return t;
  }

  /** Seconds of one decode step of `batch` sequences at a mean context of `context` tokens. */
  decode(batch: number, context: number): number {
    const [b0, b1, wb] = gridOf(batch, 64, B_RATIO);
    const [c0, c1, wc] = gridOf(Math.max(1, context), 16, CTX_RATIO);
    const lo = this.decodeAt(b0, c0) * (1 - wc) + this.decodeAt(b0, c1) * wc;
    if (wb === 0) return lo;
    const hi = this.decodeAt(b1, c0) * (1 - wc) + this.decodeAt(b1, c1) * wc;
    return lo * (1 - wb) + hi * wb;
  }

  private prefillAt(n: number): PrefillSplit {
    const hit = this.prefillCache.get(n);
    if (hit !== undefined) return hit;
    this.engineCalls++;
    // One prompt per attention-DP rank: each rank's time for n tokens.
    const r = prefillStep(this.cfg, this.dp, n);
    if (!r.ok) this.issues.push(...r.issues);
    const s = r.ok ? splitOf(r.value, this.cfg.calibration.servingEfficiency) : { attention: 0, rest: 0 };
    this.prefillCache.set(n, s);
    return s;
  }

  private prefill(tokens: number, part: keyof PrefillSplit): number {
    if (tokens <= 0) return 0;
    const [n0, n1, w] = gridOf(tokens, 64, TOKENS_RATIO);
    const a = this.prefillAt(n0)[part];
    return w === 0 ? a : a * (1 - w) + this.prefillAt(n1)[part] * w;
  }

  /** Seconds of one rank's causal attention for prompt tokens [from, to) of one sequence, shared over the ranks. */
  chunkAttention(from: number, to: number): number {
    if (to <= from) return 0;
    return Math.max(0, this.prefill(to, "attention") - this.prefill(from, "attention")) / this.dp;
  }

  /**
   * Seconds of a step: `decodes` sequences at mean context `context`, `prefillTokens` prompt tokens whose attention
   * (sum of chunkAttention) is `attention`.
   */
  step(decodes: number, context: number, prefillTokens: number, attention: number): number {
    const perRank = (n: number) => n / this.dp;
    if (decodes === 0) return this.prefill(perRank(prefillTokens), "rest") + attention;
    const base = this.decode(decodes, context);
    if (prefillTokens <= 0) return base;
    const extra =
      this.prefill(perRank(decodes + prefillTokens), "rest") - this.prefill(perRank(decodes), "rest");
    return base + Math.max(0, extra) + attention;
  }
}

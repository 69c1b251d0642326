// Step times for the simulator, from the engine's decodeStep and prefillStep only, cached on a grid of batch sizes,
// contexts and token counts (exact for small values, then 2^(1/16) or 2^(1/8) apart, linearly interpolated), and
// split by op name into rank-local work and the routed experts every rank shares.
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

/**
 * Seconds of a step split three ways: the causal attention core, the routed experts (`moe.experts.*`, whose work
 * depends on the tokens of every attention-DP rank together), and the rest (projections, dense MLP, norms,
 * collectives, overhead), which each rank does for its own tokens.
 */
interface Split {
  attention: number;
  experts: number;
  rest: number;
}

function splitOf(e: StepEstimate, servingEfficiency: number): Split {
  const eff = servingEfficiency > 0 ? servingEfficiency : 1;
  let core = 0;
  let experts = 0;
  for (const o of e.ops) {
    if (o.name === "attn.core") core += o.time;
    else if (o.name.startsWith("moe.experts")) experts += o.time;
  }
  const attention = core / eff;
  const shared = experts / eff;
  return { attention, experts: shared, rest: Math.max(0, e.time - attention - shared) };
}

const ZERO: Split = { attention: 0, experts: 0, rest: 0 };
const ATTENTION = (s: Split) => s.attention;
const EXPERTS = (s: Split) => s.experts;
const REST = (s: Split) => s.rest;
const LOCAL = (s: Split) => s.rest + s.attention;

/**
 * Cached step times of one serving instance, seconds. On one attention-DP rank (the whole instance when dp = 1), a
 * step that decodes B sequences and prefills P prompt tokens costs decodeStep's rank-local part for B, plus the extra
 * local time of pushing B + P rather than B tokens through the layers, plus each chunk's causal attention over its
 * own and earlier prompt tokens; a prefill-only step costs the local layers for P tokens plus the chunks' attention.
 * The instance's step lasts as long as its busiest rank, plus the routed experts for all ranks' tokens together.
 * A prompt prefilled whole and alone thus costs exactly prefillStep(L), and a decode-only step decodeStep(B).
 */
export class StepCost {
  /** Issues from the engine, if a step could not be timed. */
  issues: Issue[] = [];
  /** Engine calls made (each grid point once). */
  engineCalls = 0;
  private readonly decodeCache = new Map<number, Split>();
  private readonly prefillCache = new Map<number, Split>();
  private readonly dp: number;

  constructor(private readonly cfg: ServingConfig) {
    this.dp = cfg.parallel.dp;
  }

  private remember(r: ReturnType<typeof decodeStep>): Split {
    this.engineCalls++;
    if (!r.ok) {
      this.issues.push(...r.issues);
      return ZERO;
    }
    return splitOf(r.value, this.cfg.calibration.servingEfficiency);
  }

  private decodeAt(b: number, c: number): Split {
    // Contexts stay below 2^26 tokens, so (batch, context) packs into one safe integer.
    const key = b * 67_108_864 + c;
    let s = this.decodeCache.get(key);
    if (s === undefined) this.decodeCache.set(key, (s = this.remember(decodeStep(this.cfg, b, c))));
    return s;
  }

  /** Part of a decode step of `batch` sequences (instance) at a mean context of `context` tokens. */
  private decode(batch: number, context: number, part: (s: Split) => number): number {
    if (batch <= 0) return 0;
    const [b0, b1, wb] = gridOf(batch, 64, B_RATIO);
    const [c0, c1, wc] = gridOf(Math.max(1, context), 16, CTX_RATIO);
    const at = (b: number) => part(this.decodeAt(b, c0)) * (1 - wc) + part(this.decodeAt(b, c1)) * wc;
    return wb === 0 ? at(b0) : at(b0) * (1 - wb) + at(b1) * wb;
  }

  private prefillAt(n: number): Split {
    let s = this.prefillCache.get(n);
    // One prompt of n tokens per attention-DP rank.
    if (s === undefined) this.prefillCache.set(n, (s = this.remember(prefillStep(this.cfg, this.dp, n))));
    return s;
  }

  /** Part of a prefill with `tokens` tokens on every rank. */
  private prefill(tokens: number, part: (s: Split) => number): number {
    if (tokens <= 0) return 0;
    const [n0, n1, w] = gridOf(tokens, 64, TOKENS_RATIO);
    const a = part(this.prefillAt(n0));
    return w === 0 ? a : a * (1 - w) + part(this.prefillAt(n1)) * w;
  }

  /** Seconds of causal attention for prompt tokens [from, to) of one sequence, on its rank. */
  attention(from: number, to: number): number {
    if (to <= from) return 0;
    return Math.max(0, this.prefill(to, ATTENTION) - this.prefill(from, ATTENTION));
  }

  /**
   * Rank-local seconds of a step on one rank that decodes `decodes` sequences at mean context `context` and
   * prefills `prefillTokens` prompt tokens whose attention (sum of `attention`) is `attention`.
   */
  rankLocal(decodes: number, context: number, prefillTokens: number, attention: number): number {
    // The local part of decodeStep for `decodes` per rank: the instance with every rank carrying them.
    const base = this.decode(decodes * this.dp, context, LOCAL);
    if (prefillTokens <= 0) return base;
    const extra = this.prefill(decodes + prefillTokens, REST) - this.prefill(decodes, REST);
    return base + Math.max(0, extra) + attention;
  }

  /** Seconds of the routed experts for the instance's `decodes` sequences and `prefillTokens` prompt tokens. */
  shared(decodes: number, context: number, prefillTokens: number): number {
    const base = this.decode(decodes, context, EXPERTS);
    if (prefillTokens <= 0) return base;
    const extra =
      this.prefill((decodes + prefillTokens) / this.dp, EXPERTS) - this.prefill(decodes / this.dp, EXPERTS);
    return base + Math.max(0, extra);
  }

  /** Seconds of a step in which every rank does the same work (rankLocal + shared for dp times the tokens). */
  rankStep(decodes: number, context: number, prefillTokens: number, attention: number): number {
    return (
      this.rankLocal(decodes, context, prefillTokens, attention) +
      this.shared(decodes * this.dp, context, prefillTokens * this.dp)
    );
  }
}

// layerParamBreakdown: the parts add up to the layer's parameters, and training's per-chip split adds up to them too.
import { describe, expect, it } from "vitest";
import { catalog, importConfig, layerParamBreakdown, layerParams, type Architecture } from "../src/index.js";
import { layerParamsOnChip } from "../src/engine/training/memory.js";

const archs: [string, Architecture][] = catalog.models.flatMap((m) => {
  const r = importConfig(m.configText, { source: `models/${m.id}/config.json` });
  return r.ok ? [[m.id, r.value] as [string, Architecture]] : [];
});

describe("layerParamBreakdown", () => {
  it("covers the catalog's models", () => {
    expect(archs.length).toBeGreaterThan(30);
  });

  it.each(archs)("layerParamBreakdown(%s) parts sum to layerParams, all and active", (_, a) => {
    for (const l of [...a.layers, ...a.mtp.layers]) {
      const b = layerParamBreakdown(l, a.hiddenSize);
      const at = b.attention;
      const m = b.mlp;
      expect(at.headSharded + at.kv + at.latent + at.bias + at.extra).toBe(at.total);
      const common = m.router + m.routerBias + m.shared + m.sharedGate;
      const expert = m.expertEach + m.expertBiasEach;
      expect(m.dense + m.denseBias + m.experts * expert + common).toBe(m.total);
      expect(m.dense + m.denseBias + m.topK * expert + common).toBe(m.active);
      expect(b.total).toBe(layerParams(l, a.hiddenSize));
      expect(b.active).toBe(layerParams(l, a.hiddenSize, true));
    }
  });

  it.each(archs)(
    "layerParamsOnChip(%s, tp 4, ep 2) × chips = the layer's weights less biases and extras",
    (_, a) => {
      const l = a.layers[a.layers.length - 1];
      if (!l) throw new Error("no layers");
      const b = layerParamBreakdown(l, a.hiddenSize);
      const moe = l.mlp.kind === "moe";
      const ep = moe && b.mlp.experts % 2 === 0 ? 2 : 1;
      const onChip = layerParamsOnChip(l, a.hiddenSize, 4, ep);
      // Sharded parts × 4 (and experts × ep), replicated parts (norms, router) once.
      const replicated = b.norms + b.mlp.router;
      const whole = (onChip.dense - replicated) * 4 + replicated + onChip.expert * 4 * ep;
      const counted =
        b.attention.total -
        b.attention.extra +
        b.norms +
        b.mlp.dense +
        b.mlp.shared +
        b.mlp.router +
        b.mlp.experts * b.mlp.expertEach;
      expect(Math.abs(whole - counted)).toBeLessThanOrEqual(1e-6 * counted);
    },
  );
});

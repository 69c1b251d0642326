// lineChartSvg (the scaling-curve plot): axis labels that do not overlap, a y axis just above the data, one marker
// per point and a legend entry per series.
import { describe, expect, it } from "vitest";
import { lineChartSvg } from "../cli/svg.js";

const sizes = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 98304, 131072];
const chart = () =>
  lineChartSvg({
    title: "llama-3.1-70b on h100 <scaling>",
    xLabel: "chips (log scale)",
    yLabel: "MFU (%)",
    logX: true,
    series: [
      { name: "MFU %", points: sizes.map((n, i) => [n, 55 - i]) },
      { name: "tokens/s/chip (rel.)", points: sizes.map((n, i) => [n, 131 - 5 * i]) },
    ],
  });

describe("lineChartSvg", () => {
  it("lineChartSvg(15 cluster sizes to 128k) labels x ticks without overlap (96k skipped next to 64k and 128k)", () => {
    const svg = chart();
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="(\d+)" text-anchor="middle">([^<]+)<\/text>/g)]
      .filter((m) => m[2] === "386")
      .map((m) => ({ x: Number(m[1]), text: m[3] ?? "" }));
    expect(labels[0]?.text).toBe("16");
    expect(labels.at(-1)?.text).toBe("128k");
    expect(labels.map((l) => l.text)).not.toContain("96k");
    for (let i = 1; i < labels.length; i++) {
      const a = labels[i - 1];
      const b = labels[i];
      if (!a || !b) continue;
      expect(b.x - a.x).toBeGreaterThanOrEqual(((a.text.length + b.text.length) * 7) / 2 + 4);
    }
  });

  it("lineChartSvg(max 131) tops the y axis at 150, not 200", () => {
    expect(chart()).toMatch(/text-anchor="end">150<\/text>/);
    expect(chart()).not.toMatch(/>200<\/text>/);
  });

  it("lineChartSvg draws a marker per point, a legend entry per series and escapes text", () => {
    const svg = chart();
    expect(svg.match(/<circle /g)?.length).toBe(2 * sizes.length);
    expect(svg).toContain(">MFU %</text>");
    expect(svg).toContain(">tokens/s/chip (rel.)</text>");
    expect(svg).toContain("&lt;scaling&gt;");
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
  });
});

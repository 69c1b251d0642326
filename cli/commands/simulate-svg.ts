// The simulator's time series as a standalone SVG: a linear time axis with round ticks, one line per quantity
// (cli/svg.ts labels every x value, which suits a few cluster sizes but not hundreds of samples).

export interface TimeSeries {
  name: string;
  points: [number, number][];
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Round tick spacing for a span: 1, 2 or 5 × a power of ten, about `n` ticks. */
function step(span: number, n: number): number {
  if (!(span > 0)) return 1;
  const raw = span / n;
  const p = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((m) => m * p >= raw) ?? 10) * p;
}

/**
 * Renders time series (x in seconds) as an SVG document.
 * @example timeSeriesSvg("run", "requests", [{name: "waiting", points: [[0, 1], [2, 3]]}])
 */
export function timeSeriesSvg(title: string, yLabel: string, series: readonly TimeSeries[]): string {
  const W = 760;
  const H = 420;
  const m = { l: 64, r: 150, t: 40, b: 50 };
  const pts = series.flatMap((s) => s.points);
  const x1 = Math.max(1e-9, ...pts.map((p) => p[0]));
  const dy = step(Math.max(1e-9, ...pts.map((p) => p[1])), 5);
  const y1 = Math.max(dy, Math.ceil(Math.max(...pts.map((p) => p[1])) / dy) * dy);
  const X = (x: number) => m.l + (x / x1) * (W - m.l - m.r);
  const Y = (y: number) => H - m.b - (y / y1) * (H - m.t - m.b);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${(m.l + W - m.r) / 2}" y="22" text-anchor="middle" font-size="15">${esc(title)}</text>`,
  ];
  for (let y = 0; y <= y1 + 1e-9; y += dy) {
    out.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${Y(y)}" y2="${Y(y)}" stroke="#ddd"/>`);
    out.push(`<text x="${m.l - 6}" y="${Y(y) + 4}" text-anchor="end">${Number(y.toPrecision(3))}</text>`);
  }
  const dx = step(x1, 8);
  for (let x = 0; x <= x1 + 1e-9; x += dx)
    out.push(`<text x="${X(x)}" y="${H - m.b + 16}" text-anchor="middle">${Number(x.toPrecision(3))}</text>`);
  out.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="#333"/>`);
  out.push(`<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" stroke="#333"/>`);
  out.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 12}" text-anchor="middle">time (s)</text>`);
  out.push(
    `<text transform="translate(16 ${(m.t + H - m.b) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length] as string;
    const d = s.points.map((p, j) => `${j ? "L" : "M"}${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join(" ");
    out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
    out.push(`<rect x="${W - m.r + 12}" y="${m.t + i * 18}" width="12" height="3" fill="${color}"/>`);
    out.push(`<text x="${W - m.r + 30}" y="${m.t + i * 18 + 5}">${esc(s.name)}</text>`);
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}

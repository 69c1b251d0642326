// The per-op time chart of a step (serving's decode and prefill, training's step): horizontal bars, largest at the
// top, each op labelled with what bounds it.
import type { ChartOption } from "./chart.js";

/** One bar: the op's name, what bounds it (compute / memory / network / latency) and its time in the axis unit. */
export interface OpBar {
  name: string;
  bound: string;
  value: number;
}

/**
 * Bars in the given order (first on top); times rounded to 3 significant digits.
 * Example: `opsBarOption("Decode", bars, { unit: "ms", left: 180, top: 36 })`.
 */
export function opsBarOption(
  title: string,
  bars: readonly OpBar[],
  axis: { unit: string; left: number; top: number },
): ChartOption {
  return {
    title: { text: title, left: "center", textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: axis.left, right: 40, top: axis.top, bottom: 30 },
    xAxis: { type: "value", name: axis.unit },
    yAxis: { type: "category", data: bars.map((o) => `${o.name} (${o.bound})`).reverse() },
    series: [{ type: "bar", data: bars.map((o) => Number(o.value.toPrecision(3))).reverse() }],
  };
}

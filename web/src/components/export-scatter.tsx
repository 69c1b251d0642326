// TPP × performance-density scatter: every chip coloured by its status on the date, with the regions that the
// rules in force (or one chosen rule version) control, drawn from the rules' own criteria.
import type { Classification, Rule } from "../../../src/index.js";
import { fmt } from "../lib/format.js";
import { ruleRegions } from "../lib/rule-regions.js";
import { Chart, type ChartOption } from "./chart.js";

const COLOURS = { controlled: "#b5372b", "not-controlled": "#2e7d32", unknown: "#b26a00" } as const;
const REGION_COLOURS = [
  "rgba(181,55,43,0.10)",
  "rgba(30,90,200,0.10)",
  "rgba(120,60,160,0.10)",
  "rgba(200,140,0,0.12)",
];
const X = [100, 100_000] as const;
const Y = [0.05, 100] as const;

export interface ScatterLabels {
  title: string;
  x: string;
  y: string;
  status: Record<keyof typeof COLOURS, string>;
}

export function exportScatterOption(
  rows: readonly Classification[],
  rules: readonly Rule[],
  names: Map<string, string>,
  l: ScatterLabels,
): ChartOption {
  const regions = rules.flatMap(ruleRegions);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const areas = regions.map((b) => [
    {
      name: `${b.ruleId} ${b.paragraph}${b.also.length ? ` (+ ${b.also.join(", ")})` : ""}`,
      xAxis: b.tppMin ?? X[0],
      yAxis: b.pdMin ?? Y[0],
      itemStyle: { color: REGION_COLOURS[(ruleIndex.get(b.ruleId) ?? 0) % REGION_COLOURS.length] },
      label: { show: false },
    },
    { xAxis: b.tppMax ?? X[1], yAxis: b.pdMax ?? Y[1] },
  ]);
  const lines = [
    ...new Set(regions.flatMap((b) => [b.tppMin, b.tppMax].filter((v): v is number => v !== null))),
  ].map((v) => ({ xAxis: v, label: { formatter: `TPP ${fmt(v)}`, position: "insideEndTop" } }));
  const series = (Object.keys(COLOURS) as (keyof typeof COLOURS)[]).map((status, i) => ({
    name: l.status[status],
    type: "scatter",
    symbolSize: 9,
    itemStyle: { color: COLOURS[status] },
    data: rows
      .filter(
        (r) =>
          r.status === status &&
          r.tpp !== null &&
          r.performanceDensity !== null &&
          r.tpp > 0 &&
          r.performanceDensity > 0,
      )
      .map((r) => ({ value: [r.tpp, r.performanceDensity], name: names.get(r.chip) ?? r.chip })),
    label: {
      show: true,
      position: "right",
      fontSize: 10,
      formatter: (p: { name: string }) => p.name,
      color: "#333",
    },
    labelLayout: { hideOverlap: true },
    ...(i === 0
      ? {
          markArea: { silent: false, data: areas },
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { type: "dashed", color: "#888" },
            data: lines,
          },
        }
      : {}),
  }));
  return {
    title: { text: l.title, left: "center", textStyle: { fontSize: 13 } },
    legend: { top: 32 },
    tooltip: {
      trigger: "item",
      formatter: (p: { name: string; value?: number[]; componentType?: string }) =>
        p.componentType === "markArea" || !p.value
          ? p.name
          : `${p.name}<br/>TPP ${fmt(p.value[0])} · PD ${fmt(p.value[1], 2)}`,
    },
    grid: { left: 60, right: 30, top: 80, bottom: 50 },
    xAxis: { type: "log", name: l.x, nameLocation: "middle", nameGap: 28, min: X[0], max: X[1] },
    yAxis: { type: "log", name: l.y, nameLocation: "middle", nameGap: 40, min: Y[0], max: Y[1] },
    series,
  };
}

export function ExportScatter(props: { option: ChartOption }) {
  return <Chart name="export-scatter" option={props.option} height={460} />;
}

// Charts of a serving plan: bars per chip (tokens/s per chip, chips needed, $/M tokens, energy per token) and the
// Pareto chart of tokens/s per user against tokens/s per chip.
import { useMemo } from "react";
import type { ChipServePlan } from "../../../src/planner/serve-plan.js";
import { useLang } from "../i18n/index.js";
import { sig } from "../lib/format.js";
import { Chart, type ChartOption } from "./chart.js";
import { useChipLabel } from "./serve-table.js";

function bars(title: string, names: string[], values: (number | null)[]): ChartOption {
  return {
    title: { text: title, left: "center", textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis" },
    grid: { left: 60, right: 16, top: 36, bottom: 50 },
    xAxis: {
      type: "category",
      data: names,
      axisLabel: { interval: 0, width: 90, overflow: "break", fontSize: 10 },
    },
    yAxis: { type: "value" },
    series: [
      {
        type: "bar",
        data: values,
        label: {
          show: true,
          position: "top",
          fontSize: 10,
          formatter: (p: { value: number }) => sig(p.value),
        },
      },
    ],
  };
}

export function ServeBars({ plans }: { plans: ChipServePlan[] }) {
  const { t } = useLang();
  const label = useChipLabel();
  const ok = plans.filter((p) => p.feasible);
  const names = ok.map((p) => label(p.chip));
  const key =
    JSON.stringify(
      ok.map((p) => [
        p.chip,
        p.capacityPerChip,
        p.chips,
        p.cost?.perMillionTokens,
        p.cost?.energy?.facilityJPerToken,
      ]),
    ) + names.join();
  const options = useMemo(
    () =>
      [
        [
          "serve-per-chip",
          bars(
            t("serve.chart.perChip"),
            names,
            ok.map((p) => p.capacityPerChip ?? p.outputTokensPerSecondPerChip ?? null),
          ),
        ],
        [
          "serve-chips",
          bars(
            t("serve.chart.chips"),
            names,
            ok.map((p) => p.chips ?? null),
          ),
        ],
        [
          "serve-cost",
          bars(
            t("serve.chart.cost"),
            names,
            ok.map((p) => p.cost?.perMillionTokens ?? null),
          ),
        ],
        [
          "serve-energy",
          bars(
            t("serve.chart.energy"),
            names,
            ok.map((p) => p.cost?.energy?.facilityJPerToken ?? null),
          ),
        ],
      ] as const,
    [key, t],
  );
  return (
    <div className="grid2">
      {options.map(([name, option]) => (
        <div className="card" key={name}>
          <Chart name={name} option={option} height={260} />
        </div>
      ))}
    </div>
  );
}

export function ParetoChart({
  series,
}: {
  series: { chip: string; points: { perUser: number; perChip: number; tpotMs: number }[] }[];
}) {
  const { t } = useLang();
  const label = useChipLabel();
  const option = useMemo<ChartOption>(
    () => ({
      title: { text: t("serve.chart.pareto"), left: "center", textStyle: { fontSize: 13 } },
      tooltip: {
        trigger: "item",
        formatter: (p: { seriesName: string; value: number[] }) =>
          `${p.seriesName}<br/>${t("serve.axis.perUser")}: ${sig(p.value[0])}<br/>${t("serve.axis.perChip")}: ${sig(p.value[1])}`,
      },
      legend: { bottom: 0 },
      grid: { left: 70, right: 30, top: 40, bottom: 70 },
      xAxis: { type: "value", name: t("serve.axis.perUser"), nameLocation: "middle", nameGap: 26 },
      yAxis: { type: "value", name: t("serve.axis.perChip") },
      series: series.map((s) => ({
        name: label(s.chip),
        type: "line",
        symbolSize: 7,
        data: [...s.points]
          .sort((a, b) => a.perUser - b.perUser)
          .map((p) => [Number(p.perUser.toFixed(1)), Math.round(p.perChip)]),
      })),
    }),
    [series, t],
  );
  return <Chart name="serve-pareto" option={option} height={360} />;
}

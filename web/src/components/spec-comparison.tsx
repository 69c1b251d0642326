// Side-by-side specs of chosen chips (dense peaks, memory, power, TPP) as a table and bar charts, with sources.
import { useMemo } from "react";
import { chipMetrics, typicalOf, type Accelerator } from "../../../src/index.js";
import { useLang } from "../i18n/index.js";
import { fmt } from "../lib/format.js";
import { chipName } from "../lib/names.js";
import type { ChartOption } from "./chart.js";
import { ChartCard } from "./chart-card.js";
import { CHIP_SPEC_COLUMNS, ChipSpecCells } from "./chip-spec-cells.js";
import { Heads } from "./heads.js";

function bars(title: string, names: string[], values: (number | null)[], unit: string): ChartOption {
  return {
    title: { text: title, left: "center", textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${fmt(v as number)} ${unit}` },
    grid: { left: 60, right: 20, top: 40, bottom: 60 },
    xAxis: {
      type: "category",
      data: names,
      axisLabel: { interval: 0, width: 100, overflow: "break", rotate: names.length > 6 ? 30 : 0 },
    },
    yAxis: { type: "value", name: unit },
    series: [
      {
        type: "bar",
        data: values,
        label: { show: true, position: "top", formatter: (p: { value: number }) => fmt(p.value) },
      },
    ],
  };
}

export function SpecComparison({ chips }: { chips: Accelerator[] }) {
  const { t, lang } = useLang();
  const names = chips.map((c) => chipName(c, lang));
  const key = names.join("|");
  const compute = useMemo(
    () =>
      bars(
        t("spec.chartCompute"),
        names,
        chips.map((c) => typicalOf(c.peakTflops.bf16) ?? typicalOf(c.peakTflops.fp16)),
        "TFLOPS",
      ),
    [key, t],
  );
  const bandwidth = useMemo(
    () =>
      bars(
        t("spec.chartBandwidth"),
        names,
        chips.map((c) => typicalOf(c.memory.bandwidthGBps)),
        "GB/s",
      ),
    [key, t],
  );
  return (
    <>
      <div className="table-wrap">
        <table data-testid="spec-table">
          <thead>
            <tr>
              <Heads keys={["col.chip", "col.market"]} />
              <Heads num keys={[...CHIP_SPEC_COLUMNS, "col.tpp"]} />
            </tr>
          </thead>
          <tbody>
            {chips.map((c) => {
              const m = chipMetrics(c);
              return (
                <tr key={c.id} data-chip={c.id}>
                  <td>{chipName(c, lang)}</td>
                  <td>{t(`market.${c.market}`)}</td>
                  <ChipSpecCells c={c} />
                  <td className="num" title={m.tpp.formula}>
                    {fmt(m.tpp.value, 0, lang)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="grid2">
        <ChartCard name="spec-compute" option={compute} height={300} />
        <ChartCard name="spec-bandwidth" option={bandwidth} height={300} />
      </div>
    </>
  );
}

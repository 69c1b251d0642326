// The export-control timeline: events on a time axis by kind (click one to move the date there) and as a list
// with figures, linked rules and sources.
import { useMemo } from "react";
import type { TimelineEntry } from "../../../src/index.js";
import { useLang } from "../i18n/index.js";
import { Chart, type ChartOption } from "./chart.js";
import { Heads } from "./heads.js";

const KINDS = [
  "rule",
  "letter",
  "licensing",
  "arrangement",
  "china-measure",
  "company",
  "legislation",
  "product",
] as const;

export function TimelineView({
  events,
  date,
  onPick,
}: {
  events: TimelineEntry[];
  date: string;
  onPick: (d: string) => void;
}) {
  const { t } = useLang();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: "item",
        formatter: (p: { data: { title: string; value: [string, string] } }) =>
          `${p.data.value[0]}<br/>${p.data.title}`,
      },
      grid: { left: 110, right: 30, top: 10, bottom: 30 },
      xAxis: { type: "time" },
      yAxis: { type: "category", data: KINDS.map((k) => t(`timeline.kind.${k}`)) },
      series: [
        {
          type: "scatter",
          symbolSize: 11,
          data: events.map((e) => ({
            value: [e.date, t(`timeline.kind.${e.kind}`)],
            title: e.title,
            date: e.date,
          })),
          markLine: {
            symbol: "none",
            silent: true,
            lineStyle: { color: "#b5372b" },
            label: { formatter: date },
            data: [{ xAxis: date }],
          },
        },
      ],
    }),
    [events, date, t],
  );
  return (
    <>
      <div className="card">
        <Chart
          name="timeline"
          option={option}
          height={260}
          onClick={(d) => {
            const day = (d as { date?: string } | undefined)?.date;
            if (day) onPick(day.length === 7 ? `${day}-01` : day.length === 4 ? `${day}-01-01` : day);
          }}
        />
      </div>
      <div className="table-wrap">
        <table data-testid="timeline-table">
          <thead>
            <tr>
              <Heads
                keys={[
                  "timeline.date",
                  "timeline.event",
                  "timeline.actor",
                  "timeline.figures",
                  "timeline.rules",
                  "timeline.source",
                ]}
              />
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={`${e.date}-${i}`} className={e.date <= date ? "" : "future"}>
                <td>
                  <button
                    className="link"
                    onClick={() => onPick(e.date.length === 10 ? e.date : `${e.date}-01`.slice(0, 10))}
                  >
                    {e.date}
                  </button>
                </td>
                <td className="wrap" title={e.summary}>
                  {e.title}
                </td>
                <td>{e.actor}</td>
                <td className="wrap">{e.figures.join("; ")}</td>
                <td className="wrap">{e.linked.map((r) => r.id).join(", ")}</td>
                <td>
                  {e.citations.map((c, j) => (
                    <a key={j} href={c.url} title={`${c.title} (${c.date})`} target="_blank" rel="noreferrer">
                      [{j + 1}]
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

// A chart in a card, or the "computing" line while its option is not ready yet.
import { useLang } from "../i18n/index.js";
import { Chart, type ChartOption } from "./chart.js";

/** `<Chart>` inside `<div className="card">`; a null `option` shows "computing…" instead. */
export function ChartCard({
  name,
  option,
  height,
}: {
  name: string;
  option: ChartOption | null;
  height?: number;
}) {
  const { t } = useLang();
  return (
    <div className="card">
      {option ? <Chart name={name} option={option} height={height} /> : <p>{t("common.computing")}</p>}
    </div>
  );
}

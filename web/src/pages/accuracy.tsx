// Accuracy page: the engine's predictions of the bundled validation cases (the public ones, or the out-of-sample
// extra set) against the measured figures — summary per kind, signed error per case, and the table — computed here
// in the browser, so users see how far to trust us.
import { useMemo } from "react";
import { useCompute } from "../compute/use-compute.js";
import { Chart, type ChartOption } from "../components/chart.js";
import { SelectInput } from "../components/select-input.js";
import { useLang } from "../i18n/index.js";
import { fmt, pct, sig } from "../lib/format.js";
import { useParam } from "../lib/url-state.js";

export function AccuracyPage() {
  const { t, lang } = useLang();
  const [kind, setKind] = useParam("kind", "all");
  const [cvRaw, setCv] = useParam("cv", "");
  // "source": public cases, leave one source out; "extra": the out-of-sample cases nothing is fitted to.
  const computed = useCompute("validate", {
    cv: cvRaw === "source",
    set: cvRaw === "extra" ? "extra" : "public",
  });
  const report = computed.state === "done" ? computed.value : null;
  const rows = useMemo(
    () => (report?.cases ?? []).filter((c) => kind === "all" || c.kind === kind),
    [report, kind],
  );
  const sorted = useMemo(
    () => [...rows].sort((a, b) => (a.error ?? Infinity) - (b.error ?? Infinity)),
    [rows],
  );
  const option = useMemo<ChartOption>(
    () => ({
      title: { text: t("accuracy.chartTitle"), left: "center", textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 60, right: 20, top: 40, bottom: 40 },
      xAxis: { type: "category", data: sorted.map((c) => c.id), axisLabel: { show: false } },
      yAxis: {
        type: "value",
        name: t("accuracy.axisError"),
        axisLabel: { formatter: (v: number) => `${fmt(v * 100)} %` },
      },
      series: [
        {
          type: "bar",
          data: sorted.map((c) => ({
            value: c.error === null ? 0 : c.error,
            itemStyle: { color: c.error === null ? "#999" : c.withinTolerance ? "#2e7d32" : "#b5372b" },
          })),
          markLine: { symbol: "none", silent: true, data: [{ yAxis: 0 }], lineStyle: { color: "#333" } },
        },
      ],
    }),
    [sorted, t],
  );
  const s = report?.summary;
  const summaries = s
    ? ([
        ["all", s],
        ["training", s.byKind.training],
        ["inference", s.byKind.inference],
      ] as const)
    : [];
  return (
    <section>
      <h2>{t("accuracy.title")}</h2>
      <p className="lede">{t("accuracy.lede")}</p>
      <div className="controls">
        <SelectInput
          label={t("accuracy.kind")}
          testId="accuracy-kind"
          value={kind}
          onChange={setKind}
          options={[
            ["all", t("common.all")],
            ["training", t("accuracy.kind.training")],
            ["inference", t("accuracy.kind.inference")],
          ]}
        />
        <SelectInput
          label={t("accuracy.mode")}
          testId="accuracy-cv"
          value={cvRaw}
          onChange={setCv}
          options={[
            ["", t("accuracy.mode.inSample")],
            ["source", t("accuracy.mode.cv")],
            ["extra", t("accuracy.mode.extra")],
          ]}
        />
      </div>
      {computed.state === "running" && <p data-testid="accuracy-computing">{t("accuracy.computing")}</p>}
      {computed.state === "error" && <p className="problem">{computed.error}</p>}
      {report && (
        <>
          <div className="table-wrap">
            <table data-testid="accuracy-summary">
              <thead>
                <tr>
                  <th>{t("accuracy.kind")}</th>
                  <th className="num">{t("accuracy.cases")}</th>
                  <th className="num">{t("accuracy.median")}</th>
                  <th className="num">{t("accuracy.p90")}</th>
                  <th className="num">{t("accuracy.within")}</th>
                </tr>
              </thead>
              <tbody>
                {summaries.map(([k, v]) => (
                  <tr key={k}>
                    <td>{k === "all" ? t("common.all") : t(`accuracy.kind.${k}`)}</td>
                    <td className="num">{v.count}</td>
                    <td className="num">{pct(v.medianAbsError)}</td>
                    <td className="num">{pct(v.p90AbsError)}</td>
                    <td className="num">{pct(v.withinTolerance, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="card">
            <Chart name="accuracy-errors" option={option} height={300} />
          </div>
          <h3>{t("accuracy.tableTitle", { n: rows.length })}</h3>
          <div className="table-wrap">
            <table data-testid="accuracy-table">
              <thead>
                <tr>
                  <th>{t("accuracy.case")}</th>
                  <th>{t("col.chip")}</th>
                  <th>{t("accuracy.metric")}</th>
                  <th className="num">{t("accuracy.measured")}</th>
                  <th className="num">{t("accuracy.predicted")}</th>
                  <th className="num">{t("accuracy.error")}</th>
                  <th className="num">{t("accuracy.tolerance")}</th>
                  <th>{t("accuracy.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id} data-within={c.withinTolerance ? "1" : "0"}>
                    <td title={c.calibrationProfile}>{c.id}</td>
                    <td>{c.chip}</td>
                    <td>{c.metric ?? "—"}</td>
                    <td className="num">{sig(c.measured, lang)}</td>
                    <td className="num">{sig(c.predicted, lang)}</td>
                    <td
                      className={`num ${c.withinTolerance ? "status-not-controlled" : "status-controlled"}`}
                    >
                      {c.error === null ? "—" : pct(c.error)}
                    </td>
                    <td className="num">{c.tolerance === null ? "—" : `±${pct(c.tolerance, 0)}`}</td>
                    <td className="wrap">{c.reason ?? c.warnings?.join("; ") ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

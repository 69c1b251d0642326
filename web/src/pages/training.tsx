// Training planner: a model, tokens and a deadline (or a cluster size) on several chips → per chip the cluster and
// configuration, MFU, time, chip-hours, energy, cost and export status; the best plan's per-op breakdown; and the
// scaling curve (tokens/s per chip and MFU against cluster size) — computed in the browser's worker.
import { useMemo } from "react";
import { catalog } from "../../../src/index.js";
import { describeConfig } from "../../../src/planner/train-search.js";
import { ChipPicker } from "../components/chip-picker.js";
import { DestinationSelect } from "../components/destination-select.js";
import { Chart, type ChartOption } from "../components/chart.js";
import { ChartCard } from "../components/chart-card.js";
import { opsBarOption } from "../components/ops-chart.js";
import { ModelPicker } from "../components/model-picker.js";
import { NumberInput, positive } from "../components/number-input.js";
import { SelectInput } from "../components/select-input.js";
import { useCompute } from "../compute/use-compute.js";
import { useLang } from "../i18n/index.js";
import { todayIso } from "../lib/dates.js";
import { fmt, pct, sig } from "../lib/format.js";
import { chipName } from "../lib/names.js";
import { resolveChips } from "../lib/seed.js";
import { useListParam, useParam } from "../lib/url-state.js";

const DEFAULT_CHIPS = ["h100-sxm", "h800-sxm", "ascend-910b", "ascend-910c"] as const;
const SIZES = [8, 32, 128, 512, 2048, 8192];
const names = new Map(catalog.accelerators.map((c) => [c.id, c]));

export function TrainingPage() {
  const { t, lang } = useLang();
  const [model, setModel] = useParam("model", "llama-3.1-70b");
  const [ids, setIds] = useListParam("chips", DEFAULT_CHIPS);
  const [tokensB, setTokensB] = useParam("tokensB", "1000");
  const [days, setDays] = useParam("days", "30");
  const [count, setCount] = useParam("count", "");
  const [seq, setSeq] = useParam("seq", "8192");
  const [gbs, setGbs] = useParam("gbs", "512");
  const [precision, setPrecision] = useParam("precision", "bf16");
  const [to, setTo] = useParam("to", "CN");
  const [pick, setPick] = useParam("detail", "");
  const chips = resolveChips(ids).map((c) => c.id);
  const common = {
    model,
    chips,
    seqLen: positive(seq, 8192),
    globalBatch: positive(gbs, 512),
    precision: precision === "fp8" ? ("fp8" as const) : ("bf16" as const),
  };
  const plan = useCompute("trainPlan", {
    ...common,
    tokens: positive(tokensB, 1000) * 1e9,
    ...(count ? { count: Math.round(positive(count, 8)) } : { deadlineDays: positive(days, 30) }),
    to,
    date: todayIso(),
  });
  const curve = useCompute("scaling", { ...common, sizes: SIZES });
  const label = (id: string) => {
    const c = names.get(id);
    return c ? chipName(c, lang) : id;
  };

  const rows = plan.state === "done" ? plan.value.rows : [];
  const detail = rows.find((r) => r.chip === pick && r.best) ?? rows.find((r) => r.best) ?? null;
  const opsOption = useMemo<ChartOption | null>(() => {
    const ops = detail?.best?.ops.slice(0, 14) ?? [];
    if (!detail?.best) return null;
    const bars = ops.map((o) => ({ name: o.name, bound: o.bound, value: o.seconds }));
    return opsBarOption(t("training.opsTitle", { chip: label(detail.chip) }), bars, {
      unit: "s / step",
      left: 170,
      top: 40,
    });
  }, [detail, lang, t]);
  const curveOption = useMemo<ChartOption>(() => {
    const series = curve.state === "done" ? curve.value : [];
    return {
      title: { text: t("training.curveTitle"), left: "center", textStyle: { fontSize: 13 } },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0, type: "scroll" },
      grid: { left: 70, right: 60, top: 70, bottom: 80 },
      xAxis: {
        type: "log",
        name: t("training.axisChips"),
        nameLocation: "middle",
        nameGap: 26,
        min: SIZES[0],
        max: SIZES.at(-1),
      },
      yAxis: [
        { type: "value", name: t("training.axisTokens") },
        {
          type: "value",
          name: "MFU",
          max: 1,
          axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` },
        },
      ],
      series: series.flatMap((s) => [
        {
          name: label(s.chip),
          type: "line",
          data: s.points
            .filter((p) => p.best)
            .map((p) => [p.chips, Math.round(p.best!.tokensPerSecondPerChip)]),
        },
        {
          name: `${label(s.chip)} MFU`,
          type: "line",
          yAxisIndex: 1,
          lineStyle: { type: "dashed" },
          data: s.points.filter((p) => p.best).map((p) => [p.chips, Number(p.best!.mfu.toFixed(3))]),
        },
      ]),
    };
  }, [curve, lang, t]);

  return (
    <section>
      <h2>{t("training.title")}</h2>
      <p className="lede">{t("training.lede")}</p>
      <div className="controls">
        <ModelPicker value={model} onChange={setModel} />
        <NumberInput
          label={t("training.tokensB")}
          testId="tokens"
          value={tokensB}
          onChange={setTokensB}
          step={100}
        />
        <NumberInput label={t("training.deadlineDays")} testId="days" value={days} onChange={setDays} />
        <NumberInput
          label={t("training.count")}
          testId="count"
          value={count}
          onChange={setCount}
          placeholder={t("training.countHint")}
        />
        <NumberInput label={t("training.seqLen")} testId="seq" value={seq} onChange={setSeq} step={1024} />
        <NumberInput label={t("training.globalBatch")} testId="gbs" value={gbs} onChange={setGbs} step={64} />
        <SelectInput
          label={t("training.precision")}
          testId="precision"
          value={precision}
          onChange={setPrecision}
          options={[
            ["bf16", "BF16"],
            ["fp8", "FP8"],
          ]}
        />
        <DestinationSelect value={to} onChange={setTo} />
        <ChipPicker value={ids} onChange={setIds} />
      </div>
      {plan.state === "running" && <p data-testid="training-computing">{t("common.computing")}</p>}
      {plan.state === "error" && <p className="problem">{plan.error}</p>}
      {plan.state === "done" && (
        <div className="table-wrap">
          <table data-testid="training-table">
            <thead>
              <tr>
                <th>{t("col.chip")}</th>
                <th>{t("export.col.status")}</th>
                <th className="num">{t("training.col.chips")}</th>
                <th>{t("training.col.config")}</th>
                <th className="num">MFU</th>
                <th className="num">{t("training.col.tokensPerChip")}</th>
                <th className="num">{t("training.col.days")}</th>
                <th className="num">{t("training.col.chipHours")}</th>
                <th className="num">{t("training.col.energy")}</th>
                <th className="num">{t("training.col.cost")}</th>
                <th>{t("training.col.notes")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.chip}
                  data-chip={r.chip}
                  className={r === detail ? "picked" : ""}
                  onClick={() => setPick(r.chip)}
                >
                  <td>{label(r.chip)}</td>
                  <td className={r.exportStatus ? `status-${r.exportStatus.status}` : ""}>
                    {r.exportStatus ? t(`export.status.${r.exportStatus.status as "controlled"}`) : "—"}
                  </td>
                  <td className="num">{fmt(r.count, 0, lang)}</td>
                  <td>{r.best ? describeConfig(r.best.config) : "—"}</td>
                  <td
                    className="num"
                    title={
                      r.best ? `±${pct(r.best.errorBand.high, 0)} (${r.best.errorBand.basis})` : undefined
                    }
                  >
                    {r.best ? pct(r.best.mfu) : "—"}
                  </td>
                  <td className="num">{r.best ? sig(r.best.tokensPerSecondPerChip, lang) : "—"}</td>
                  <td className="num">{r.time ? fmt(r.time.wallSeconds / 86400, 1, lang) : "—"}</td>
                  <td className="num">{r.time ? sig(r.time.chipHours, lang) : "—"}</td>
                  <td className="num">
                    {r.cost?.energy ? sig(r.cost.energy.facilityKwh / 1000, lang) : "—"}
                  </td>
                  <td className="num" title={r.cost?.reason}>
                    {r.cost?.cost != null ? `${sig(r.cost.cost / 1e6, lang)} M ${r.cost.currency}` : "—"}
                  </td>
                  <td className="wrap">
                    {r.reason ?? (r.meetsDeadline ? "" : t("training.missesDeadline"))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="grid2">
        <ChartCard name="training-ops" option={opsOption} height={380} />
        <div className="card">
          {curve.state === "running" && <p data-testid="curve-computing">{t("common.computing")}</p>}
          <Chart name="training-curve" option={curveOption} height={380} />
        </div>
      </div>
      {detail?.best && (
        <p className="note" data-testid="training-breakdown">
          {t("training.breakdown", {
            chip: label(detail.chip),
            compute: sig(detail.best.breakdown.compute, lang),
            bubble: sig(detail.best.breakdown.bubble, lang),
            comm: sig(
              detail.best.breakdown.tpExposed +
                detail.best.breakdown.cpExposed +
                detail.best.breakdown.epExposed +
                detail.best.breakdown.ppExposed +
                detail.best.breakdown.dpExposed,
              lang,
            ),
            optimizer: sig(detail.best.breakdown.optimizer, lang),
            step: sig(detail.best.stepTime, lang),
            memory: fmt(detail.best.memory.total / 1e9, 1, lang),
            capacity: fmt(detail.best.memory.capacity / 1e9, 0, lang),
          })}
        </p>
      )}
      <p className="note">{t("training.goodputNote")}</p>
    </section>
  );
}

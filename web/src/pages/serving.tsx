// Serving planner: a demand under a latency SLO → for each chip the best layout (parallelism, precision, batch,
// colocated or disaggregated), chips and nodes, cost and energy, export screening, rejected configurations, and the
// chosen layout's decode and prefill steps op by op.
import { useMemo } from "react";
import { catalog } from "../../../src/index.js";
import type { ChartOption } from "../components/chart.js";
import { ChartCard } from "../components/chart-card.js";
import { opsBarOption } from "../components/ops-chart.js";
import { DestinationSelect } from "../components/destination-select.js";
import { ServeBars } from "../components/serve-charts.js";
import { ServeInputs } from "../components/serve-inputs.js";
import { layoutText, planPools, ServeTable, useChipLabel } from "../components/serve-table.js";
import { plainOptions, SelectInput, type SelectOption } from "../components/select-input.js";
import { useCompute } from "../compute/use-compute.js";
import { useLang } from "../i18n/index.js";
import { fmt, sig } from "../lib/format.js";
import { useServeParams } from "../lib/serve-params.js";
import { useParam } from "../lib/url-state.js";

const WIDE = [
  "h20",
  "h100-sxm",
  "h200-sxm",
  "h800-sxm",
  "b200",
  "ascend-910b",
  "ascend-910c",
  "mi300x",
  "gaudi3",
];

/** Lower precisions the plan may use besides the checkpoint's: URL value and label. */
const QUANT: SelectOption[] = [
  ["fp8", "FP8"],
  ["fp8,int8", "FP8, INT8"],
  ["fp8,int8,int4,fp4", "FP8, INT8, INT4, FP4"],
];

/** Speculative decoding / multi-token prediction: URL value (method:mean accepted length) and label. */
const SPEC: SelectOption[] = [
  ["mtp:1.7", "MTP 1.7"],
  ["mtp:1.8", "MTP 1.8"],
  ["mtp:2", "MTP 2.0"],
  ["eagle3:2", "EAGLE-3 2.0"],
];

/** "0.785 USD", or "—" when unknown. */
function money(v: number | null, currency: string, lang: string): string {
  return v === null ? "—" : `${sig(v, lang)} ${currency}`;
}

/** The 14 slowest ops of a step, in ms; the title on two lines (the step, then the layout it runs on). */
function opsOption(title: string, ops: { name: string; time: number; bound: string }[]): ChartOption {
  const top = [...ops].sort((a, b) => b.time - a.time).slice(0, 14);
  const bars = top.map((o) => ({ name: o.name, bound: o.bound, value: o.time * 1e3 }));
  return opsBarOption(title, bars, { unit: "ms", left: 180, top: 56 });
}

export function ServingPage() {
  const { t, lang } = useLang();
  const p = useServeParams(
    WIDE.filter((id) => catalog.accelerators.some((c) => c.id === id || c.aliases.includes(id))),
  );
  const [pick, setPick] = useParam("detail", "");
  const [poolParam, setPool] = useParam("pool", "decode");
  const plan = useCompute("servePlan", p.job);
  const label = useChipLabel();
  const plans = plan.state === "done" ? plan.value.plans : [];
  const chosen = plans.find((x) => x.chip === pick && x.feasible) ?? plans.find((x) => x.feasible) ?? null;
  // A disaggregated plan's breakdown shows the pool picked (decode by default); a colocated plan's, its one layout.
  const pools = chosen ? planPools(chosen) : [];
  const shown = pools.find((x) => x.pool === poolParam) ?? pools.find((x) => x.pool === "decode") ?? pools[0];
  const shownText = shown
    ? shown.pool === "colocated"
      ? layoutText(shown.layout)
      : t("serve.poolLayout", {
          pool: t(`serve.pool.${shown.pool}`),
          layout: layoutText(shown.layout),
          chips: fmt(shown.chips, 0, lang),
        })
    : "";
  const detail = useCompute("serveDetail", {
    model: p.raw.model,
    chip: chosen?.chip ?? "",
    server: chosen?.system ?? null,
    pool: shown?.pool ?? "colocated",
    tpotMs: p.job.tpotMs ?? null,
    ttftMs: p.job.ttftMs ?? null,
    percentile: p.job.percentile,
    layout: shown?.layout ?? {
      count: 1,
      tp: 1,
      ep: 1,
      dp: 1,
      weights: "bf16",
      activations: "bf16",
      kvCache: "bf16",
    },
    batch: chosen?.batch ?? 1,
    inputTokens: p.job.inputTokens,
    outputTokens: p.job.outputTokens,
    speculative: p.job.speculative ?? null,
  });
  const decodeOpt = useMemo(
    () =>
      detail.state === "done" && detail.value.decode && chosen
        ? opsOption(
            t("serve.decodeOps", {
              chip: label(chosen.chip),
              batch: fmt(detail.value.batch ?? 1, 0, lang),
              layout: shownText,
            }),
            detail.value.decode.ops,
          )
        : null,
    [detail, chosen?.chip, shownText, t],
  );
  const prefillOpt = useMemo(
    () =>
      detail.state === "done" && detail.value.prefill && chosen
        ? opsOption(
            t("serve.prefillOps", {
              chip: label(chosen.chip),
              prompts: fmt(detail.value.prompts, 0, lang),
              layout: shownText,
            }),
            detail.value.prefill.ops,
          )
        : null,
    [detail, chosen?.chip, shownText, t],
  );
  return (
    <section>
      <h2>{t("serve.title")}</h2>
      <p className="lede">{t("serve.lede")}</p>
      <div className="controls">
        <ServeInputs p={p} />
        <DestinationSelect value={p.raw.to} onChange={p.set.setTo} />
        <SelectInput
          label={t("serve.restricted")}
          testId="restricted"
          value={p.raw.restricted}
          onChange={p.set.setRestricted}
          options={[
            ["1", t("serve.restricted.include")],
            ["0", t("serve.restricted.exclude")],
          ]}
        />
        <SelectInput
          label={t("serve.quant")}
          testId="quant"
          value={p.raw.quant}
          onChange={p.set.setQuant}
          options={[["", t("serve.quant.none")], ...QUANT]}
        />
        <SelectInput
          label={t("serve.spec")}
          testId="spec"
          value={p.raw.spec}
          onChange={p.set.setSpec}
          options={[["", t("serve.spec.none")], ...SPEC]}
        />
        <SelectInput
          label={t("serve.basis")}
          testId="basis"
          value={p.raw.basis}
          onChange={p.set.setBasis}
          options={[
            ["purchase", t("serve.basis.purchase")],
            ["cloud", t("serve.basis.cloud")],
          ]}
        />
        <SelectInput
          label={t("serve.percentile")}
          testId="percentile"
          value={p.raw.percentile}
          onChange={p.set.setPercentile}
          options={plainOptions(["mean", "p50", "p90", "p99"])}
        />
      </div>
      {plan.state === "running" && <p data-testid="serving-computing">{t("common.computing")}</p>}
      {plan.state === "error" && <p className="problem">{plan.error}</p>}
      {plan.state === "done" && (
        <>
          <p className="answer" data-testid="serving-summary">
            {t("serve.summary", {
              n: plan.value.plans.filter((x) => x.feasible).length,
              total: plan.value.plans.length,
              evaluated: plan.value.configsEvaluated,
            })}
          </p>
          <ServeTable plans={plans} picked={chosen?.chip} onPick={setPick} showRejected />
          <ServeBars plans={plans} />
        </>
      )}
      {chosen && (
        <>
          <h3>{t("serve.detailTitle", { chip: label(chosen.chip) })}</h3>
          <p className="note" data-testid="serving-cost">
            {chosen.cost
              ? t("serve.costLine", {
                  capex:
                    chosen.cost.capex != null
                      ? `${sig(chosen.cost.capex / 1e6, lang)} M ${chosen.cost.currency}`
                      : "—",
                  mw: chosen.cost.facilityMW != null ? sig(chosen.cost.facilityMW, lang) : "—",
                  capexPerM: money(chosen.cost.breakdown.capex, chosen.cost.currency, lang),
                  power: money(chosen.cost.breakdown.electricity, chosen.cost.currency, lang),
                  rental: money(chosen.cost.breakdown.rental, chosen.cost.currency, lang),
                })
              : "—"}
          </p>
          {chosen.mode === "disaggregated" && shown && (
            <div className="controls">
              <SelectInput
                label={t("serve.pool")}
                testId="pool"
                value={shown.pool}
                onChange={setPool}
                options={[
                  ["prefill", t("serve.pool.prefill")],
                  ["decode", t("serve.pool.decode")],
                ]}
              />
            </div>
          )}
          <div className="grid2">
            {shown?.pool !== "prefill" && (
              <ChartCard name="serving-decode-ops" option={decodeOpt} height={400} />
            )}
            {shown?.pool !== "decode" && (
              <ChartCard name="serving-prefill-ops" option={prefillOpt} height={400} />
            )}
          </div>
        </>
      )}
      <p className="note">{t("serve.note")}</p>
    </section>
  );
}

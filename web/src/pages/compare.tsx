// Compare page ("/"): a model and a demand against several chips — tokens/s per chip, chips needed, $/M tokens,
// energy per token and export status, as a table, bars and a Pareto chart. With no query it answers the seed
// question: DeepSeek-R1 served on H20, Ascend 910B, Ascend 910C and H100.
import { catalog } from "../../../src/index.js";
import { DestinationSelect } from "../components/destination-select.js";
import { ParetoChart, ServeBars } from "../components/serve-charts.js";
import { ServeInputs } from "../components/serve-inputs.js";
import { ServeTable, useChipLabel } from "../components/serve-table.js";
import { SpecComparison } from "../components/spec-comparison.js";
import { useCompute } from "../compute/use-compute.js";
import { useLang } from "../i18n/index.js";
import { countryName } from "../lib/countries.js";
import { sig } from "../lib/format.js";
import { resolveChips } from "../lib/seed.js";
import { useServeParams } from "../lib/serve-params.js";

export function ComparePage() {
  const { t, lang } = useLang();
  const p = useServeParams();
  const plan = useCompute("servePlan", p.job);
  const pareto = useCompute("servePareto", p.job);
  const label = useChipLabel();
  const modelName = catalog.models.find((m) => m.id === p.raw.model)?.meta.name ?? p.raw.model;
  const chips = resolveChips(p.raw.ids);
  const feasible = plan.state === "done" ? plan.value.plans.filter((x) => x.feasible) : [];
  const cheapest = [...feasible].sort(
    (a, b) => (a.cost?.perMillionTokens ?? Infinity) - (b.cost?.perMillionTokens ?? Infinity),
  )[0];
  const fewest = [...feasible].sort((a, b) => (a.chips ?? Infinity) - (b.chips ?? Infinity))[0];
  return (
    <section>
      <h2>{t("compare.title")}</h2>
      <p className="answer" data-testid="answer">
        {t("compare.question", {
          model: modelName,
          rate: p.job.rate,
          input: p.job.inputTokens,
          output: p.job.outputTokens,
          tpot: p.job.tpotMs ?? "—",
          chips: chips.map((c) => label(c.id)).join(", "),
        })}{" "}
        {plan.state === "done" && fewest
          ? t("compare.answer", {
              fewest: label(fewest.chip),
              n: fewest.chips ?? "—",
              cheapest: cheapest ? label(cheapest.chip) : "—",
              cost:
                cheapest?.cost?.perMillionTokens != null
                  ? `${sig(cheapest.cost.perMillionTokens, lang)} ${cheapest.cost.currency}`
                  : "—",
              dest: countryName(p.raw.to, lang),
            })
          : plan.state === "running"
            ? t("common.computing")
            : ""}
      </p>
      <div className="controls">
        <ServeInputs p={p} />
        <DestinationSelect value={p.raw.to} onChange={p.set.setTo} />
      </div>
      {plan.state === "error" && <p className="problem">{plan.error}</p>}
      {plan.state === "done" && (
        <>
          <ServeTable plans={plan.value.plans} />
          <p className="note">{t("compare.tableNote")}</p>
          <ServeBars plans={plan.value.plans} />
        </>
      )}
      {plan.state === "running" && <p data-testid="compare-computing">{t("common.computing")}</p>}
      <div className="card">
        {pareto.state === "done" ? <ParetoChart series={pareto.value} /> : <p>{t("common.computing")}</p>}
      </div>
      <h3>{t("compare.specTitle")}</h3>
      <SpecComparison chips={chips} />
    </section>
  );
}

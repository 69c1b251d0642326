// The serving plan per chip: export status, layout, batch, tokens/s per chip, chips and nodes needed, $/M tokens,
// energy per token, latency and error band — infeasible chips with their reason.
import { catalog } from "../../../src/index.js";
import type { ChipServePlan, ServeLayout } from "../../../src/planner/serve-plan.js";
import { useLang } from "../i18n/index.js";
import { fmt, pct, sig } from "../lib/format.js";
import { chipName } from "../lib/names.js";

/** Which pool of a plan: the single colocated one, or one of the disaggregated pair. */
export type ServePool = "colocated" | "prefill" | "decode";

const byId = new Map(catalog.accelerators.map((c) => [c.id, c]));

/** A chip's display name in the UI language. */
export function useChipLabel(): (id: string) => string {
  const { lang } = useLang();
  return (id) => {
    const c = byId.get(id);
    return c ? chipName(c, lang) : id;
  };
}

/** One layout: "32: tp1 ep32 dp32 · fp8/fp8 · kv fp8" (instance size: parallelism · weights/activations · KV cache). */
export function layoutText(l: ServeLayout | undefined): string {
  if (!l) return "—";
  return `${l.count}: tp${l.tp} ep${l.ep} dp${l.dp} · ${l.weights}/${l.activations} · kv ${l.kvCache}`;
}

/** The pools a plan runs: one colocated pool, or the prefill and the decode pool, each with its layout and chips. */
export function planPools(p: ChipServePlan): { pool: ServePool; layout: ServeLayout; chips: number }[] {
  if (p.mode === "disaggregated" && p.prefillLayout && p.decodeLayout)
    return [
      { pool: "prefill", layout: p.prefillLayout, chips: p.prefillChips ?? 0 },
      { pool: "decode", layout: p.decodeLayout, chips: p.decodeChips ?? 0 },
    ];
  return p.layout ? [{ pool: "colocated", layout: p.layout, chips: p.chips ?? 0 }] : [];
}

/** The layout cell: the colocated layout, or one line per pool ("prefill 8: tp1 ep8 dp8 · fp8/fp8 · kv fp8 × 8 chips"). */
function LayoutCell(props: { plan: ChipServePlan }) {
  const { t, lang } = useLang();
  const pools = planPools(props.plan);
  if (pools.length === 0) return <td>—</td>;
  return (
    <td>
      {pools.map((x) => (
        <div key={x.pool} data-pool={x.pool}>
          {x.pool === "colocated"
            ? layoutText(x.layout)
            : t("serve.poolLayout", {
                pool: t(`serve.pool.${x.pool}`),
                layout: layoutText(x.layout),
                chips: fmt(x.chips, 0, lang),
              })}
        </div>
      ))}
    </td>
  );
}

export function ServeTable(props: {
  plans: ChipServePlan[];
  picked?: string;
  onPick?: (chip: string) => void;
  showRejected?: boolean;
}) {
  const { t, lang } = useLang();
  const label = useChipLabel();
  return (
    <div className="table-wrap">
      <table data-testid="serve-table">
        <thead>
          <tr>
            <th>{t("col.chip")}</th>
            <th>{t("export.col.status")}</th>
            <th>{t("serve.col.layout")}</th>
            <th>{t("serve.col.mode")}</th>
            <th className="num">{t("serve.col.batch")}</th>
            <th className="num">{t("serve.col.perChip")}</th>
            <th className="num">{t("serve.col.chips")}</th>
            <th className="num">{t("serve.col.nodes")}</th>
            <th className="num">{t("serve.col.cost")}</th>
            <th className="num">{t("serve.col.energy")}</th>
            <th className="num">{t("serve.col.tpot")}</th>
            <th className="num">{t("serve.col.ttft")}</th>
            <th className="num">{t("serve.col.band")}</th>
            {props.showRejected && <th>{t("serve.col.evaluated")}</th>}
          </tr>
        </thead>
        <tbody>
          {props.plans.map((p) => (
            <tr
              key={p.chip}
              data-chip={p.chip}
              data-feasible={p.feasible ? "1" : "0"}
              className={props.picked === p.chip ? "picked" : ""}
              onClick={() => props.onPick?.(p.chip)}
            >
              <td>{label(p.chip)}</td>
              <td
                className={p.exportStatus ? `status-${p.exportStatus.status}` : ""}
                title={
                  p.exportStatus
                    ? [p.exportStatus.policy, p.exportStatus.decidedBy].filter(Boolean).join(" · ")
                    : undefined
                }
              >
                {p.exportStatus ? t(`export.status.${p.exportStatus.status as "controlled"}`) : "—"}
              </td>
              {p.feasible ? (
                <>
                  <LayoutCell plan={p} />
                  <td>{p.mode ? t(`serve.mode.${p.mode}`) : "—"}</td>
                  {p.mode === "disaggregated" ? (
                    // Each pool runs its own batch: prompts per prefill step, sequences per decode instance at load.
                    <td className="num" title={t("serve.batchPoolsHint")}>
                      {p.pools ? (
                        <>
                          <div data-pool-batch="prefill">
                            {t("serve.pool.prefill")} {fmt(p.pools.prefill.batch, 0, lang)}
                          </div>
                          <div data-pool-batch="decode">
                            {t("serve.pool.decode")} {fmt(p.pools.decode.batch, 0, lang)}
                          </div>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                  ) : (
                    <td className="num">{fmt(p.batch, 0, lang)}</td>
                  )}
                  <td
                    className="num"
                    title={t("serve.deliveredHint", { delivered: sig(p.outputTokensPerSecondPerChip, lang) })}
                  >
                    {sig(p.capacityPerChip ?? p.outputTokensPerSecondPerChip, lang)}
                  </td>
                  <td className="num">{fmt(p.chips, 0, lang)}</td>
                  <td className="num">{fmt(p.nodes, 0, lang)}</td>
                  <td className="num" title={p.cost?.reasons.join("\n") || undefined}>
                    {p.cost?.perMillionTokens != null
                      ? `${sig(p.cost.perMillionTokens, lang)} ${p.cost.currency}`
                      : "—"}
                  </td>
                  <td className="num">{p.cost?.energy ? sig(p.cost.energy.facilityJPerToken, lang) : "—"}</td>
                  <td className="num">{sig(p.tpotMs, lang)}</td>
                  <td className="num">{sig(p.ttftMs, lang)}</td>
                  <td
                    className="num"
                    title={
                      p.errorBand
                        ? `${p.errorBand.status} · ${p.errorBand.profile ?? ""} · ${p.errorBand.cases} cases`
                        : undefined
                    }
                  >
                    {p.errorBand
                      ? `±${pct(p.errorBand.typical, 0)}${p.errorBand.status === "unvalidated" ? " ?" : ""}`
                      : "—"}
                  </td>
                </>
              ) : (
                <td colSpan={11} className="wrap problem">
                  {t("serve.infeasible", { reason: p.reason ?? "" })}
                </td>
              )}
              {props.showRejected && (
                <td
                  className="wrap"
                  title={
                    Object.entries(p.rejected)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join("\n") || undefined
                  }
                >
                  {p.configsEvaluated}
                  {Object.keys(p.rejected).length
                    ? ` (${Object.entries(p.rejected)
                        .map(([k, v]) => `${k} ${v}`)
                        .join(", ")})`
                    : ""}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Catalog page: chips, systems and models, filterable; every number shows its grade and source on hover.
import { useMemo } from "react";
import { catalog, chipMetrics, importConfig, parameterCounts, type Accelerator } from "../../../src/index.js";
import { SourcedCell } from "../components/cell.js";
import { CHIP_SPEC_COLUMNS, ChipSpecCells } from "../components/chip-spec-cells.js";
import { Heads } from "../components/heads.js";
import { plainOptions, SelectInput, type SelectOption } from "../components/select-input.js";
import { useLang } from "../i18n/index.js";
import { fmt } from "../lib/format.js";
import { showNumber, showText } from "../lib/sourced.js";
import { useParam } from "../lib/url-state.js";
import { chipName } from "../lib/names.js";

const VENDORS = [...new Set(catalog.accelerators.map((c) => c.vendor))].sort();
const MARKETS = [...new Set(catalog.accelerators.map((c) => c.market))].sort();

function matches(c: Accelerator, q: string): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  return [c.id, c.name, c.nameZh ?? "", c.vendor, c.family, ...c.aliases].some((x) =>
    x.toLowerCase().includes(s),
  );
}

function ChipsTable({ q, vendor, market }: { q: string; vendor: string; market: string }) {
  const { t, lang } = useLang();
  const rows = useMemo(
    () =>
      catalog.accelerators
        .filter((c) => matches(c, q) && (!vendor || c.vendor === vendor) && (!market || c.market === market))
        .sort((a, b) => a.vendor.localeCompare(b.vendor) || a.name.localeCompare(b.name)),
    [q, vendor, market],
  );
  return (
    <>
      <p className="count" data-testid="catalog-count">
        {t("catalog.showing", { n: rows.length, total: catalog.accelerators.length })}
      </p>
      <div className="table-wrap">
        <table data-testid="chips-table">
          <thead>
            <tr>
              <Heads keys={["col.chip", "col.vendor", "col.market", "col.status", "col.released"]} />
              <Heads num keys={[...CHIP_SPEC_COLUMNS, "col.dieMm2", "col.tpp", "col.density"]} />
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const m = chipMetrics(c);
              const s = c.sources;
              return (
                <tr key={c.id} data-chip={c.id}>
                  <td title={`${c.id}${c.aliases.length ? ` (${c.aliases.join(", ")})` : ""}`}>
                    {chipName(c, lang)}
                  </td>
                  <td>{c.vendor}</td>
                  <td>{t(`market.${c.market}`)}</td>
                  <td>{t(`status.${c.status}`)}</td>
                  <SourcedCell v={showText(c.releaseDate, s)} num={false} />
                  <ChipSpecCells c={c} />
                  <SourcedCell v={showNumber(c.dieAreaMm2, s, 0, lang)} />
                  <td className="num" title={`${m.tpp.grade}: ${m.tpp.formula}`}>
                    {fmt(m.tpp.value, 0, lang)}
                  </td>
                  <td
                    className="num"
                    title={`${m.performanceDensity.grade}: ${m.performanceDensity.formula}`}
                  >
                    {fmt(m.performanceDensity.value, 2, lang)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function SystemsTable({ q }: { q: string }) {
  const { t, lang } = useLang();
  const s = q.trim().toLowerCase();
  const rows = catalog.systems.filter(
    (x) => !s || [x.id, x.name, x.vendor, x.chip, ...x.aliases].some((v) => v.toLowerCase().includes(s)),
  );
  return (
    <div className="table-wrap">
      <table data-testid="systems-table">
        <thead>
          <tr>
            <Heads keys={["col.system", "col.vendor", "col.kind", "col.chip"]} />
            <Heads num keys={["col.chipsPerNode", "col.nodes"]} />
            <Heads keys={["col.scaleUp"]} />
            <Heads num keys={["col.scaleUpGBps", "col.scaleOutGbps", "col.nodePowerW"]} />
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.id}>
              <td title={x.aliases.join(", ") || undefined}>{x.name}</td>
              <td>{x.vendor}</td>
              <td>{t(`kind.${x.kind}`)}</td>
              <td>{x.chip}</td>
              <td className="num">{x.chipsPerNode}</td>
              <td className="num">{x.nodes}</td>
              <td>{`${x.scaleUp.name} × ${x.scaleUp.domainChips}`}</td>
              <SourcedCell v={showNumber(x.scaleUp.perChipPerDirectionGBps, x.sources, 0, lang)} />
              <SourcedCell v={showNumber(x.scaleOut.perChipGbps, x.sources, 0, lang)} />
              <SourcedCell v={showNumber(x.nodePowerW, x.sources, 0, lang)} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Total and active parameters computed from a catalog config's shapes (null when the importer cannot read it). */
const computed = new Map<string, ReturnType<typeof parameterCounts> | null>();
function counted(id: string, configText: string) {
  if (!computed.has(id)) {
    const a = importConfig(configText, { source: `models/${id}/config.json` });
    computed.set(id, a.ok ? parameterCounts(a.value) : null);
  }
  return computed.get(id) ?? null;
}

function ModelsTable({ q }: { q: string }) {
  const { t, lang } = useLang();
  const s = q.trim().toLowerCase();
  const rows = catalog.models.filter(
    (m) =>
      !s ||
      [m.id, m.meta.name, m.meta.organisation, ...m.meta.aliases].some((v) => v.toLowerCase().includes(s)),
  );
  const billions = (v: number | undefined) => (v === undefined ? "—" : fmt(v / 1e9, 1, lang));
  return (
    <div className="table-wrap">
      <table data-testid="models-table">
        <thead>
          <tr>
            <Heads keys={["col.model", "col.organisation", "col.released"]} />
            <Heads num keys={["col.totalB", "col.activeB", "col.computedTotalB", "col.computedActiveB"]} />
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => {
            const p = m.meta.published;
            const src = (k: string) => m.meta.sources[k];
            const title = (c: typeof p.total | undefined) =>
              c
                ? `${c.precision}: "${c.stated}" — ${src(c.source)?.title ?? c.source}${c.locator ? `, ${c.locator}` : ""} ${src(c.source)?.url ?? ""}`
                : undefined;
            return (
              <tr key={m.id}>
                <td title={m.meta.configSource.url}>{m.meta.name}</td>
                <td>{m.meta.organisation}</td>
                <td>{m.meta.releaseDate}</td>
                <td className="num" title={title(p.total)} data-sourced="1">
                  {billions(p.total.value)}
                </td>
                <td className="num" title={title(p.active)}>
                  {billions(p.active?.value)}
                </td>
                <td className="num grade-derived" title={t("catalog.computedHint")}>
                  {billions(counted(m.id, m.configText)?.total)}
                </td>
                <td className="num grade-derived" title={t("catalog.computedHint")}>
                  {billions(counted(m.id, m.configText)?.active)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function CatalogPage() {
  const { t } = useLang();
  const [tab, setTab] = useParam("tab", "chips");
  const [q, setQ] = useParam("q", "");
  const [vendor, setVendor] = useParam("vendor", "");
  const [market, setMarket] = useParam("market", "");
  return (
    <section>
      <h2>{t("catalog.title")}</h2>
      <p className="lede">{t("catalog.lede")}</p>
      <div className="controls">
        <div className="tabs" role="tablist">
          {(["chips", "systems", "models"] as const).map((k) => (
            <button
              key={k}
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? "on" : ""}
              onClick={() => setTab(k)}
            >
              {t(`catalog.tab.${k}`)}
            </button>
          ))}
        </div>
        <label>
          {t("catalog.filter")}
          <input
            data-testid="catalog-filter"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t("catalog.filterHint")}
          />
        </label>
        {tab === "chips" && (
          <>
            <SelectInput
              label={t("col.vendor")}
              testId="catalog-vendor"
              value={vendor}
              onChange={setVendor}
              options={[["", t("common.all")], ...plainOptions(VENDORS)]}
            />
            <SelectInput
              label={t("col.market")}
              testId="catalog-market"
              value={market}
              onChange={setMarket}
              options={[["", t("common.all")], ...MARKETS.map((v): SelectOption => [v, t(`market.${v}`)])]}
            />
          </>
        )}
      </div>
      {tab === "chips" && <ChipsTable q={q} vendor={vendor} market={market} />}
      {tab === "systems" && <SystemsTable q={q} />}
      {tab === "models" && <ModelsTable q={q} />}
      <p className="note">{t("catalog.hoverNote")}</p>
    </section>
  );
}

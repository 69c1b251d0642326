// Export controls page: date slider and destination picker → every chip's classification, the TPP × density chart
// with each rule version's regions, an optional what-if threshold, and the dated timeline.
import { useDeferredValue, useMemo } from "react";
import {
  catalog,
  classify,
  compliantFrontier,
  rulesInForce,
  timeline,
  whatIf,
  whatIfRule,
  type Classification,
  type ExportQuery,
  type FrontierEntry,
  type WhatIfThresholds,
} from "../../../src/index.js";
import { ClassificationTable } from "../components/classification-table.js";
import { DestinationSelect } from "../components/destination-select.js";
import { exportScatterOption, ExportScatter } from "../components/export-scatter.js";
import { NumberInput } from "../components/number-input.js";
import { plainOptions, SelectInput } from "../components/select-input.js";
import { TimelineView } from "../components/timeline-view.js";
import { useLang } from "../i18n/index.js";
import { countryName } from "../lib/countries.js";
import { dayOf, isoOf, todayIso, validDate } from "../lib/dates.js";
import { fmt } from "../lib/format.js";
import { chipName } from "../lib/names.js";
import { useParam } from "../lib/url-state.js";

const FIRST_DAY = "2022-08-01";
const LAST_DAY = [todayIso(), catalog.info.rulesAsOf].sort().at(-1)!;
const LOGIC_RULES = catalog.rules.filter((r) => r.item === "logic" && r.controls.length > 0);
const EVENTS = timeline(catalog);

/** "989 (NVIDIA H100 …)" or "—". */
function frontierText(e: FrontierEntry | undefined, names: Map<string, string>, lang: string): string {
  return e?.chip && e.value !== null ? `${fmt(e.value, 0, lang)} (${names.get(e.chip) ?? e.chip})` : "—";
}

export function ExportControlsPage() {
  const { t, lang } = useLang();
  const [dateRaw, setDate] = useParam("date", LAST_DAY);
  const [dest, setDest] = useParam("to", "CN");
  const [hq, setHq] = useParam("hq", "");
  const [regions, setRegions] = useParam("regions", "in-force");
  const [tppRaw, setTpp] = useParam("wtpp", "");
  const [bwRaw, setBw] = useParam("wbw", "");
  const date = validDate(dateRaw, LAST_DAY);
  const deferredDate = useDeferredValue(date);

  const thresholds = useMemo<WhatIfThresholds>(() => {
    const out: WhatIfThresholds = {};
    if (Number(tppRaw) > 0) out.tpp = Number(tppRaw);
    if (Number(bwRaw) > 0) out.dramBandwidthGBps = Number(bwRaw);
    return out;
  }, [tppRaw, bwRaw]);
  const hasWhatIf = Object.keys(thresholds).length > 0;

  const q = useMemo<ExportQuery>(
    () => ({ date: deferredDate, destination: dest, ...(hq ? { buyerHq: hq } : {}) }),
    [deferredDate, dest, hq],
  );
  const { rows, changed } = useMemo(() => {
    if (!hasWhatIf) return { rows: catalog.accelerators.map((c) => classify(c, q)), changed: 0 };
    const w = whatIf(catalog.accelerators, thresholds, q, catalog);
    return { rows: w.map((r): Classification => r.after_), changed: w.filter((r) => r.changed).length };
  }, [q, thresholds, hasWhatIf]);

  const names = useMemo(() => new Map(catalog.accelerators.map((c) => [c.id, chipName(c, lang)])), [lang]);
  const shownRules = useMemo(() => {
    const base =
      regions === "in-force"
        ? rulesInForce(catalog.rules, deferredDate).filter((r) => r.item === "logic")
        : LOGIC_RULES.filter((r) => r.id === regions);
    return hasWhatIf ? [...base, whatIfRule(thresholds, q)] : base;
  }, [regions, deferredDate, hasWhatIf, thresholds, q]);
  const option = useMemo(
    () =>
      exportScatterOption(rows, shownRules, names, {
        title: t("export.chartTitle", { date: deferredDate, dest: countryName(dest, lang) }),
        x: t("export.axisTpp"),
        y: t("export.axisDensity"),
        status: {
          controlled: t("export.status.controlled"),
          "not-controlled": t("export.status.not-controlled"),
          unknown: t("export.status.unknown"),
        },
      }),
    [rows, shownRules, names, t, deferredDate, dest, lang],
  );
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const frontier = useMemo(() => {
    const status = new Map(rows.map((r) => [r.chip, r.status]));
    return compliantFrontier(catalog.accelerators, (c) => status.get(c.id) ?? "unknown");
  }, [rows]);

  return (
    <section>
      <h2>{t("export.title")}</h2>
      <p className="lede">{t("export.lede", { rulesAsOf: catalog.info.rulesAsOf })}</p>
      <div className="controls">
        <label>
          {t("export.date")}: <strong data-testid="export-date">{date}</strong>
          <input
            type="range"
            data-testid="date-slider"
            min={dayOf(FIRST_DAY)}
            max={dayOf(LAST_DAY)}
            value={dayOf(date)}
            onChange={(e) => setDate(isoOf(Number(e.target.value)))}
          />
        </label>
        <label>
          {t("export.exactDate")}
          <input
            type="date"
            data-testid="date-input"
            value={date}
            min={FIRST_DAY}
            max={LAST_DAY}
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
        </label>
        <DestinationSelect value={dest} onChange={setDest} />
        <DestinationSelect value={hq} onChange={setHq} testId="buyer-hq" label="export.buyerHq" blank />
        <SelectInput
          label={t("export.regions")}
          testId="regions"
          value={regions}
          onChange={setRegions}
          options={[["in-force", t("export.regionsInForce")], ...plainOptions(LOGIC_RULES.map((r) => r.id))]}
        />
        <NumberInput
          label={t("export.whatIfTpp")}
          testId="whatif-tpp"
          value={tppRaw}
          onChange={setTpp}
          step={100}
          placeholder="1600"
        />
        <NumberInput
          label={t("export.whatIfBw")}
          testId="whatif-bw"
          value={bwRaw}
          onChange={setBw}
          step={100}
          placeholder="1000"
        />
      </div>
      <p className="answer" data-testid="export-summary">
        {t("export.summary", {
          date: deferredDate,
          dest: countryName(dest, lang),
          controlled: count("controlled"),
          free: count("not-controlled"),
          unknown: count("unknown"),
        })}
        {hasWhatIf ? ` ${t("export.whatIfChanged", { n: changed })}` : ""}
      </p>
      <p className="note" data-testid="export-frontier">
        {t("export.frontier", {
          bf16: frontierText(frontier[0], names, lang),
          bw: frontierText(frontier[1], names, lang),
          cap: frontierText(frontier[2], names, lang),
        })}
      </p>
      <div className="card">
        <ExportScatter option={option} />
      </div>
      <h3>{t("export.tableTitle")}</h3>
      <ClassificationTable rows={rows} names={names} />
      <h3>{t("export.timelineTitle")}</h3>
      <TimelineView events={EVENTS} date={date} onPick={setDate} />
      <p className="note">{t("app.notAdvice")}</p>
    </section>
  );
}

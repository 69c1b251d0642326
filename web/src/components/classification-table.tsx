// Every chip's classification on the date for the destination: status, ECCN, licence, exception, policy, the rules
// that decided, the reasons with numbers compared, and the next date the answer changes.
import type { Classification } from "../../../src/index.js";
import { useLang } from "../i18n/index.js";
import { fmt } from "../lib/format.js";
import { Heads } from "./heads.js";

export function ClassificationTable({ rows, names }: { rows: Classification[]; names: Map<string, string> }) {
  const { t, lang } = useLang();
  return (
    <div className="table-wrap">
      <table data-testid="classification-table">
        <thead>
          <tr>
            <Heads keys={["col.chip"]} />
            <Heads num keys={["col.tpp", "col.density"]} />
            <Heads
              keys={[
                "export.col.status",
                "export.col.eccn",
                "export.col.licence",
                "export.col.exception",
                "export.col.policy",
                "export.col.decidedBy",
                "export.col.next",
              ]}
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.chip} data-chip={r.chip} data-status={r.status}>
              <td title={r.reasons.join("\n")}>{names.get(r.chip) ?? r.chipName}</td>
              <td className="num" title={r.metrics.tpp.formula}>
                {fmt(r.tpp, 0, lang)}
              </td>
              <td className="num" title={r.metrics.performanceDensity.formula}>
                {fmt(r.performanceDensity, 2, lang)}
              </td>
              <td
                className={`status-${r.status}`}
                title={[
                  ...r.reasons,
                  ...(r.dependsOn.length ? [`depends on: ${r.dependsOn.join(", ")}`] : []),
                ].join("\n")}
              >
                {t(`export.status.${r.status}`)}
              </td>
              <td>{r.eccn ?? "—"}</td>
              <td>{r.licenseRequired ? t("common.yes") : t("common.no")}</td>
              <td>{r.licenseException ?? "—"}</td>
              <td>{r.policy === "none" ? "—" : t(`export.policy.${r.policy}`)}</td>
              <td title={r.decidedBy.join("\n") || undefined}>
                {r.decidedBy[0] ?? "—"}
                {r.decidedBy.length > 1 ? ` +${r.decidedBy.length - 1}` : ""}
              </td>
              <td>{r.next ? `${r.next.date} → ${t(`export.status.${r.next.status}`)}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// A destination picker (ISO country, names in the UI language) bound to the URL.
import type { MessageKey } from "../i18n/en.js";
import { useLang } from "../i18n/index.js";
import { DESTINATIONS, countryName } from "../lib/countries.js";

/** A country select; `label` defaults to "Destination", `blank` adds a first "—" option (value ""). */
export function DestinationSelect({
  value,
  onChange,
  testId = "destination",
  label = "export.destination",
  blank = false,
}: {
  value: string;
  onChange: (v: string) => void;
  testId?: string;
  label?: MessageKey;
  blank?: boolean;
}) {
  const { t, lang } = useLang();
  return (
    <label>
      {t(label)}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {blank && <option value="">—</option>}
        {DESTINATIONS.map((c) => (
          <option key={c} value={c}>
            {countryName(c, lang)} ({c})
          </option>
        ))}
      </select>
    </label>
  );
}

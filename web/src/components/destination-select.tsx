// A destination picker (ISO country, names in the UI language) bound to the URL.
import { useLang } from "../i18n/index.js";
import { DESTINATIONS, countryName } from "../lib/countries.js";

export function DestinationSelect({
  value,
  onChange,
  testId = "destination",
}: {
  value: string;
  onChange: (v: string) => void;
  testId?: string;
}) {
  const { t, lang } = useLang();
  return (
    <label>
      {t("export.destination")}
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        {DESTINATIONS.map((c) => (
          <option key={c} value={c}>
            {countryName(c, lang)} ({c})
          </option>
        ))}
      </select>
    </label>
  );
}

// A destination picker (ISO country, names in the UI language) bound to the URL.
import type { MessageKey } from "../i18n/en.js";
import { useLang } from "../i18n/index.js";
import { DESTINATIONS, countryName } from "../lib/countries.js";
import { SelectInput, type SelectOption } from "./select-input.js";

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
  const countries = DESTINATIONS.map((c): SelectOption => [c, `${countryName(c, lang)} (${c})`]);
  return (
    <SelectInput
      label={t(label)}
      testId={testId}
      value={value}
      onChange={onChange}
      options={blank ? [["", "—"], ...countries] : countries}
    />
  );
}

// A multi-select of catalog chips — the chosen ones as removable tags, and a menu to add one — bound to the URL.
import { useLang } from "../i18n/index.js";
import { chipName } from "../lib/names.js";
import { pickableChips, resolveChips } from "../lib/seed.js";

export function ChipPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t, lang } = useLang();
  const chosen = resolveChips(value);
  const ids = chosen.map((c) => c.id);
  return (
    <div className="chipset" data-testid="chip-picker">
      {chosen.map((c) => (
        <span className="tag" key={c.id}>
          {chipName(c, lang)}
          <button
            aria-label={t("common.remove", { name: c.name })}
            onClick={() => onChange(ids.filter((x) => x !== c.id))}
          >
            ×
          </button>
        </span>
      ))}
      <select
        data-testid="chip-add"
        value=""
        onChange={(e) => e.target.value && onChange([...ids, e.target.value])}
      >
        <option value="">{t("common.addChip")}</option>
        {pickableChips()
          .filter((c) => !ids.includes(c.id))
          .map((c) => (
            <option key={c.id} value={c.id}>
              {chipName(c, lang)}
            </option>
          ))}
      </select>
    </div>
  );
}

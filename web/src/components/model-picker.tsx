// A select of the catalog's models, bound to the URL.
import { catalog } from "../../../src/index.js";
import { useLang } from "../i18n/index.js";

export function ModelPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useLang();
  const models = [...catalog.models].sort((a, b) => a.meta.name.localeCompare(b.meta.name));
  return (
    <label>
      {t("common.model")}
      <select data-testid="model" value={value} onChange={(e) => onChange(e.target.value)}>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.meta.name}
          </option>
        ))}
      </select>
    </label>
  );
}

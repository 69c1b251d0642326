// Compare page ("/"): a model and a demand against several chips. With no query it answers the seed question.
import { ChipPicker } from "../components/chip-picker.js";
import { SpecComparison } from "../components/spec-comparison.js";
import { useLang } from "../i18n/index.js";
import { chipName } from "../lib/names.js";
import { SEED_CHIPS, resolveChips } from "../lib/seed.js";
import { useListParam } from "../lib/url-state.js";

export function ComparePage() {
  const { t, lang } = useLang();
  const [ids, setIds] = useListParam("chips", SEED_CHIPS);
  const chips = resolveChips(ids);
  return (
    <section>
      <h2>{t("compare.title")}</h2>
      <p className="answer" data-testid="answer">
        {t("compare.specAnswer", { chips: chips.map((c) => chipName(c, lang)).join(", ") })}
      </p>
      <div className="controls">
        <ChipPicker value={ids} onChange={setIds} />
      </div>
      <SpecComparison chips={chips} />
    </section>
  );
}

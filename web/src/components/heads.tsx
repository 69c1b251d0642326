// Table header cells from message keys, so a table's columns read as one list.
import type { MessageKey } from "../i18n/en.js";
import { useLang } from "../i18n/index.js";

/** One `<th>` per key, in order; `num` right-aligns them (numeric columns). Example: `<Heads keys={["col.chip"]} />`. */
export function Heads({ keys, num = false }: { keys: readonly MessageKey[]; num?: boolean }) {
  const { t } = useLang();
  return (
    <>
      {keys.map((k) => (
        <th key={k} className={num ? "num" : undefined}>
          {t(k)}
        </th>
      ))}
    </>
  );
}

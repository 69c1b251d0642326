// The demand inputs of a serving question: model, chips, request rate, tokens in and out, latency bounds.
import type { MessageKey } from "../i18n/en.js";
import { useLang } from "../i18n/index.js";
import type { useServeParams } from "../lib/serve-params.js";
import { ChipPicker } from "./chip-picker.js";
import { ModelPicker } from "./model-picker.js";
import { NumberInput } from "./number-input.js";

type ServeParams = ReturnType<typeof useServeParams>;

/** The numeric fields in page order: URL value, its setter, label, test id, step; a bound may be left empty. */
const FIELDS: readonly {
  key: "rate" | "input" | "output" | "tpot" | "ttft";
  set: Exclude<keyof ServeParams["set"], "setIds">;
  label: MessageKey;
  testId: string;
  step: number;
  bound?: true;
}[] = [
  { key: "rate", set: "setRate", label: "serve.rate", testId: "rate", step: 1 },
  { key: "input", set: "setInput", label: "serve.input", testId: "input-tokens", step: 100 },
  { key: "output", set: "setOutput", label: "serve.output", testId: "output-tokens", step: 100 },
  { key: "tpot", set: "setTpot", label: "serve.tpot", testId: "tpot", step: 5, bound: true },
  { key: "ttft", set: "setTtft", label: "serve.ttft", testId: "ttft", step: 100, bound: true },
];

export function ServeInputs({ p }: { p: ServeParams }) {
  const { t } = useLang();
  return (
    <>
      <ModelPicker value={p.raw.model} onChange={p.set.setModel} />
      {FIELDS.map((f) => (
        <NumberInput
          key={f.key}
          label={t(f.label)}
          testId={f.testId}
          value={p.raw[f.key]}
          onChange={p.set[f.set]}
          step={f.step}
          placeholder={f.bound ? t("serve.noBound") : undefined}
        />
      ))}
      <ChipPicker value={p.raw.ids} onChange={p.set.setIds} />
      {p.problems.length > 0 && (
        <p className="problem" data-testid="input-problems">
          {t("serve.inputProblems", { problems: p.problems.join("; ") })}
        </p>
      )}
    </>
  );
}

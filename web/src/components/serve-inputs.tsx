// The demand inputs of a serving question: model, chips, request rate, tokens in and out, latency bounds.
import { useLang } from "../i18n/index.js";
import type { useServeParams } from "../lib/serve-params.js";
import { ChipPicker } from "./chip-picker.js";
import { ModelPicker } from "./model-picker.js";
import { NumberInput } from "./number-input.js";

export function ServeInputs({ p }: { p: ReturnType<typeof useServeParams> }) {
  const { t } = useLang();
  return (
    <>
      <ModelPicker value={p.raw.model} onChange={p.set.setModel} />
      <NumberInput
        label={t("serve.rate")}
        testId="rate"
        value={p.raw.rate}
        onChange={p.set.setRate}
        step={1}
      />
      <NumberInput
        label={t("serve.input")}
        testId="input-tokens"
        value={p.raw.input}
        onChange={p.set.setInput}
        step={100}
      />
      <NumberInput
        label={t("serve.output")}
        testId="output-tokens"
        value={p.raw.output}
        onChange={p.set.setOutput}
        step={100}
      />
      <NumberInput
        label={t("serve.tpot")}
        testId="tpot"
        value={p.raw.tpot}
        onChange={p.set.setTpot}
        step={5}
        placeholder={t("serve.noBound")}
      />
      <NumberInput
        label={t("serve.ttft")}
        testId="ttft"
        value={p.raw.ttft}
        onChange={p.set.setTtft}
        step={100}
        placeholder={t("serve.noBound")}
      />
      <ChipPicker value={p.raw.ids} onChange={p.set.setIds} />
      {p.problems.length > 0 && (
        <p className="problem" data-testid="input-problems">
          {t("serve.inputProblems", { problems: p.problems.join("; ") })}
        </p>
      )}
    </>
  );
}

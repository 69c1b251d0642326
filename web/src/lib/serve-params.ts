// The serving inputs shared by the compare page and the serving planner, read from the URL with defaults.
import { ServingPlanRequest } from "../../../server/api-schemas.js";
import type { ServeInput } from "../compute/jobs.js";
import { positive } from "../components/number-input.js";
import { todayIso } from "./dates.js";
import { resolveChips, SEED_CHIPS, SEED_MODEL } from "./seed.js";
import { useListParam, useParam } from "./url-state.js";

/** Defaults of the seed question: 10 requests/s of 2,000 input and 500 output tokens, TPOT ≤ 50 ms. */
export const SERVE_DEFAULTS = { rate: "10", input: "2000", output: "500", tpot: "50", ttft: "" } as const;

export function useServeParams(defaultChips: readonly string[] = SEED_CHIPS) {
  const [model, setModel] = useParam("model", SEED_MODEL);
  const [ids, setIds] = useListParam("chips", defaultChips);
  const [rate, setRate] = useParam("rate", SERVE_DEFAULTS.rate);
  const [input, setInput] = useParam("in", SERVE_DEFAULTS.input);
  const [output, setOutput] = useParam("out", SERVE_DEFAULTS.output);
  const [tpot, setTpot] = useParam("tpot", SERVE_DEFAULTS.tpot);
  const [ttft, setTtft] = useParam("ttft", SERVE_DEFAULTS.ttft);
  const [to, setTo] = useParam("to", "CN");
  const [restricted, setRestricted] = useParam("restricted", "1");
  const [quant, setQuant] = useParam("quant", "");
  const [basis, setBasis] = useParam("basis", "purchase");
  const [power, setPower] = useParam("mw", "");
  const [percentile, setPercentile] = useParam("pct", "mean");
  // Speculative decoding / MTP: "" = none, else "method:acceptLength" (e.g. "mtp:1.8").
  const [spec, setSpec] = useParam("spec", "");
  const [specMethod, specAccept] = spec.split(":");
  const speculative =
    specMethod && Number(specAccept) >= 1 ? { method: specMethod, acceptLength: Number(specAccept) } : null;
  const chips = resolveChips(ids).map((c) => c.id);
  // The URL's inputs checked with the API's own request schema; a bad field is shown and its default used.
  const parsed = ServingPlanRequest.safeParse({
    model,
    chips,
    rate: Number(rate),
    inputTokens: Number(input),
    outputTokens: Number(output),
    tpotMs: tpot ? Number(tpot) : null,
    ttftMs: ttft ? Number(ttft) : null,
    percentile,
    to,
    date: todayIso(),
    includeRestricted: restricted === "1",
    allowQuant: quant.split(",").filter(Boolean),
    basis,
    powerMW: power ? Number(power) : null,
    speculative,
  });
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  const job: ServeInput = parsed.success
    ? parsed.data
    : {
        model,
        chips,
        rate: positive(rate, 10),
        inputTokens: Math.round(positive(input, 2000)),
        outputTokens: Math.round(positive(output, 500)),
        tpotMs: tpot ? positive(tpot, 50) : null,
        ttftMs: ttft ? positive(ttft, 2000) : null,
        percentile: "mean",
        to,
        date: todayIso(),
        includeRestricted: restricted === "1",
        allowQuant: [],
        basis: basis === "cloud" ? "cloud" : "purchase",
        powerMW: null,
        speculative: null,
      };
  return {
    job,
    problems,
    raw: {
      model,
      ids,
      rate,
      input,
      output,
      tpot,
      ttft,
      to,
      restricted,
      quant,
      basis,
      power,
      percentile,
      spec,
    },
    set: {
      setModel,
      setIds,
      setRate,
      setInput,
      setOutput,
      setTpot,
      setTtft,
      setTo,
      setRestricted,
      setQuant,
      setBasis,
      setPower,
      setPercentile,
      setSpec,
    },
  };
}

// The chip spec columns the catalog and the spec comparison share: dense BF16/FP8/INT8 peaks, memory capacity and
// bandwidth, scale-up bandwidth and TDP, each a sourced cell.
import type { Accelerator } from "../../../src/index.js";
import type { MessageKey } from "../i18n/en.js";
import { useLang } from "../i18n/index.js";
import { showNumber } from "../lib/sourced.js";
import { SourcedCell } from "./cell.js";

/** Header keys of the spec columns, in the order `ChipSpecCells` draws them (all numeric). */
export const CHIP_SPEC_COLUMNS: readonly MessageKey[] = [
  "col.bf16",
  "col.fp8",
  "col.int8",
  "col.memGB",
  "col.bwGBps",
  "col.scaleUpGBps",
  "col.tdpW",
];

/** One chip's spec cells (BF16 falls back to FP16 where a chip has no BF16 peak). */
export function ChipSpecCells({ c }: { c: Accelerator }) {
  const { lang } = useLang();
  const s = c.sources;
  return (
    <>
      <SourcedCell v={showNumber(c.peakTflops.bf16 ?? c.peakTflops.fp16, s, 0, lang)} />
      <SourcedCell v={showNumber(c.peakTflops.fp8, s, 0, lang)} />
      <SourcedCell v={showNumber(c.peakTflops.int8, s, 0, lang)} />
      <SourcedCell v={showNumber(c.memory.capacityGB, s, 0, lang)} />
      <SourcedCell v={showNumber(c.memory.bandwidthGBps, s, 0, lang)} />
      <SourcedCell v={showNumber(c.scaleUp?.perDirectionGBps, s, 0, lang)} />
      <SourcedCell v={showNumber(c.tdpW, s, 0, lang)} />
    </>
  );
}

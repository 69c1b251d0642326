// `suanli overview`: a terminal table of the China-relevant accelerators side by side (compute, memory bandwidth,
// capacity, TPP, market). `npm start` prints it before serving the web app.
import type { Command } from "commander";
import pc from "picocolors";
import { catalog, chipMetrics, typicalOf, type Accelerator } from "../../src/index.js";
import { footer, num, renderTable } from "../output.js";

const RELEVANT = new Set(["china-variant", "domestic-china"]);
const REFERENCE = ["a100-sxm-80gb", "h100-sxm", "h200-sxm", "b200"];

/** The overview table as text. */
export function overviewText(): string {
  const chips = catalog.accelerators.filter(
    (c) => (RELEVANT.has(c.market) && c.status !== "cancelled") || REFERENCE.includes(c.id),
  );
  const bf16 = (c: Accelerator) => typicalOf(c.peakTflops.bf16) ?? typicalOf(c.peakTflops.fp16);
  chips.sort((a, b) => (bf16(b) ?? -1) - (bf16(a) ?? -1));
  return (
    pc.bold("算力 suanli — accelerators that matter in the US–China compute contest\n") +
    renderTable(chips, [
      { key: "name", header: "chip", value: (c) => c.nameZh ?? c.name },
      { key: "market", header: "market", value: (c) => c.market },
      { key: "status", header: "status", value: (c) => c.status },
      { key: "bf16", header: "BF16 TFLOPS", value: (c) => num(bf16(c), 0), align: "right" },
      {
        key: "bw",
        header: "HBM GB/s",
        value: (c) => num(typicalOf(c.memory.bandwidthGBps), 0),
        align: "right",
      },
      { key: "cap", header: "mem GB", value: (c) => num(typicalOf(c.memory.capacityGB), 0), align: "right" },
      { key: "tpp", header: "TPP", value: (c) => num(chipMetrics(c).tpp.value, 0), align: "right" },
    ]) +
    "\n" +
    footer(undefined, [
      "Dense peaks; ranges shown at their typical value. Details: suanli chip <id>. TPP = dense TOPS × bit length.",
    ]) +
    "\n"
  );
}

export function register(program: Command): void {
  program
    .command("overview")
    .description("terminal overview: China-relevant accelerators side by side")
    .action(() => {
      process.stdout.write(overviewText());
    });
}

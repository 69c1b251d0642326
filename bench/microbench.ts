// `npm run bench` section: the engine's op-time model against the GEMM micro-benchmarks measured on a lent H200
// (bench/device/results/h200-2026-11-28.json, bench/device/hopper-microbench.py).
import { join } from "node:path";
import { engineVsGemms, readMicrobench, summarise } from "./device/compare.js";

const file = readMicrobench(join(import.meta.dirname, "device/results/h200-2026-11-28.json"));
const rows = engineVsGemms(file, "h200-sxm");
console.log(
  `engine vs ${file.machine.gpu} GEMMs measured ${file.date} (${rows.length} shapes; ratio = predicted / measured time)`,
);
for (const s of summarise(rows))
  console.log(
    `  ${s.regime.padEnd(36)} ${s.dtype}  n=${String(s.n).padStart(3)}  median ${s.medianRatio.toFixed(2)}  range ${s.minRatio.toFixed(2)}–${s.maxRatio.toFixed(2)}  measured ${s.medianTflops.toFixed(0)} TFLOP/s`,
  );
for (const h of file.results.hbm) console.log(`  HBM ${h.test}: ${h.GBps.toFixed(0)} GB/s`);

#!/usr/bin/env python3
"""Grouped (mixture-of-experts) GEMMs on one Hopper GPU: bf16 torch._grouped_mm and fp8 torch._scaled_grouped_mm
(row-wise scales) at DeepSeek-V3 expert shapes, rows per expert 128 … 4096, timed per call under CUDA-graph replay
(median of replays after warm-up), random inputs. Writes $OUT/hopper-grouped.json; prints a table.
"""
import json, os, sys, time, traceback
import torch

from timing import graph_time  # bench/device/timing.py

OUT = os.environ.get("OUT", ".")
DEV = torch.device("cuda")
res = {"date": time.strftime("%Y-%m-%d"), "torch": torch.__version__, "cuda": torch.version.cuda,
       "gpu": torch.cuda.get_device_name(0), "rows": [], "errors": []}


def graph_ms(fn, calls=4, reps=20):
    return graph_time(fn, calls=calls, reps=reps)


SHAPES = [("deepseek-v3 expert gate+up", 4096, 7168), ("deepseek-v3 expert down", 7168, 2048)]
for label, n, k in SHAPES:
    for groups, rows in [(8, 128), (8, 512), (8, 1024), (8, 2048), (8, 4096), (32, 256), (32, 1024), (64, 512)]:
        total = groups * rows
        offs = torch.arange(rows, total + 1, rows, device=DEV, dtype=torch.int32)
        flops = 2.0 * total * n * k
        for dtype in ("bf16", "fp8"):
            row = {"shape": label, "n": n, "k": k, "groups": groups, "rowsPerGroup": rows, "dtype": dtype}
            try:
                a = torch.randn(total, k, device=DEV, dtype=torch.bfloat16)
                b = torch.randn(groups, n, k, device=DEV, dtype=torch.bfloat16) * 0.02
                if dtype == "bf16":
                    bt = b.transpose(-2, -1)
                    fn = lambda: torch._grouped_mm(a, bt, offs=offs, out_dtype=torch.bfloat16)  # noqa: E731
                else:
                    a8 = a.to(torch.float8_e4m3fn)
                    b8 = b.to(torch.float8_e4m3fn).transpose(-2, -1)
                    sa = torch.ones(total, device=DEV, dtype=torch.float32)
                    sb = torch.ones(groups, n, device=DEV, dtype=torch.float32)
                    fn = lambda: torch._scaled_grouped_mm(a8, b8, sa, sb, offs=offs, out_dtype=torch.bfloat16)  # noqa: E731
                ms = graph_ms(fn)
                row.update(ms=ms, tflops=flops / ms / 1e9)
            except Exception as ex:  # noqa: BLE001
                row["error"] = repr(ex)[:300]
            res["rows"].append(row)
            print(row, flush=True)
            torch.cuda.empty_cache()

with open(os.path.join(OUT, "hopper-grouped.json"), "w") as f:
    json.dump(res, f, indent=1)
sys.exit(0)

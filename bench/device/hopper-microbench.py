#!/usr/bin/env python3
"""Hopper micro-benchmarks for suanli's calibration (run on a lent H200; see bench/device/README.md).

Measures, with CUDA events, medians over repeated runs after warm-up, random (never zero) inputs, and operands
rotated across buffers larger than the L2 cache:
  * HBM: device-to-device copy, read-only reduction, write-only fill (GB/s counting bytes read + written);
  * GEMM: bf16 torch.matmul and fp8 (e4m3, per-tensor scales) torch._scaled_mm over M = 1 … 16384 for weight
    shapes taken from serving models (time, TFLOP/s, bytes moved, achieved GB/s);
  * attention: scaled_dot_product_attention (flash) for causal prefill and for decode (one query token against a
    KV cache), GQA;
  * per-kernel launch overhead, eager and under CUDA-graph replay.
Writes $OUT/hopper-microbench.json and prints a short table. Each section is independent: a failure is recorded
and the rest still run.
"""
import json
import math
import os
import sys
import time
import traceback

import torch

from timing import graph_time, med, time_fn  # noqa: F401  (bench/device/timing.py)

OUT = os.environ.get("OUT", ".")
DEV = torch.device("cuda")
L2_BYTES = 60 * 2**20
results = {"method": {}, "device": {}, "hbm": [], "gemm": [], "attention": [], "launch": [], "errors": []}


def section(name, f):
    t0 = time.time()
    try:
        f()
    except Exception as ex:  # noqa: BLE001 - record and carry on
        results["errors"].append({"section": name, "error": repr(ex), "trace": traceback.format_exc()[-2000:]})
    print(f"[{name}] {time.time() - t0:.1f} s", flush=True)


def device_info():
    p = torch.cuda.get_device_properties(0)
    results["device"] = {
        "name": p.name,
        "multiprocessors": p.multi_processor_count,
        "memoryGiB": round(p.total_memory / 2**30, 1),
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "cublasLt": None,
    }
    results["method"] = {
        "timer": "CUDA events around each call, median of the repeats after warm-up",
        "inputs": "torch.randn (scaled), never zeros; GEMM weights rotated over enough buffers to exceed 3x the 60 MB L2",
        "date": time.strftime("%Y-%m-%d"),
    }


def hbm():
    n = 2 * 2**30  # 2 GiB per buffer
    a = torch.randn(n // 4, device=DEV, dtype=torch.float32)
    b = torch.empty_like(a)
    ms = time_fn(lambda: b.copy_(a), reps=20)
    results["hbm"].append({"test": "copy", "bytes": 2 * n, "ms": ms, "GBps": 2 * n / ms / 1e6})
    ms = time_fn(lambda: a.sum(), reps=20)
    results["hbm"].append({"test": "read (sum)", "bytes": n, "ms": ms, "GBps": n / ms / 1e6})
    ms = time_fn(lambda: b.fill_(1.5), reps=20)
    results["hbm"].append({"test": "write (fill)", "bytes": n, "ms": ms, "GBps": n / ms / 1e6})
    del a, b


# Weight shapes (N out features, K in features) from serving models, per tensor-parallel shard as served.
SHAPES = [
    ("llama3-8b qkv", 6144, 4096),
    ("llama3-8b mlp.up (gate+up)", 28672, 4096),
    ("llama3-8b mlp.down", 4096, 14336),
    ("llama3-70b tp2 mlp.up", 28672, 8192),
    ("llama3-70b tp2 mlp.down", 8192, 14336),
    ("qwen3-8b mlp.up", 24576, 4096),
    ("deepseek-v3 expert up", 4096, 7168),
    ("llama3-405b tp8 mlp.up", 13312, 16384),
]
MS = [1, 2, 4, 8, 16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 4096, 8192, 16384]


def gemm_sweep(dtype_name):
    for label, n, k in SHAPES:
        wbytes_one = n * k * (2 if dtype_name == "bf16" else 1)
        nbuf = max(1, math.ceil(3 * L2_BYTES / wbytes_one))
        if dtype_name == "bf16":
            ws = [(torch.randn(n, k, device=DEV, dtype=torch.bfloat16) * 0.02) for _ in range(nbuf)]
        else:
            ws = [(torch.randn(n, k, device=DEV) * 0.02).to(torch.float8_e4m3fn) for _ in range(nbuf)]
        one = torch.tensor(1.0, device=DEV)
        for m in MS:
            x_bf = torch.randn(m, k, device=DEV, dtype=torch.bfloat16)
            x8 = x_bf.to(torch.float8_e4m3fn) if dtype_name == "fp8" else None
            it = [0]

            if dtype_name == "bf16":

                def run():
                    w = ws[it[0] % nbuf]
                    it[0] += 1
                    return torch.matmul(x_bf, w.t())

            else:

                def run():
                    w = ws[it[0] % nbuf]
                    it[0] += 1
                    return torch._scaled_mm(x8, w.t(), scale_a=one, scale_b=one, out_dtype=torch.bfloat16)

            reps = 40 if m <= 1024 else 15
            ms_eager = time_fn(run, reps=reps, warmup=3)
            ms = graph_time(run, calls=nbuf * max(1, 8 // nbuf), reps=15)
            flops = 2.0 * m * n * k
            el = 2 if dtype_name == "bf16" else 1
            byts = n * k * el + m * k * el + m * n * 2
            results["gemm"].append(
                {
                    "dtype": dtype_name,
                    "shape": label,
                    "m": m,
                    "n": n,
                    "k": k,
                    "ms": ms,
                    "msEager": ms_eager,
                    "tflops": flops / ms / 1e9,
                    "bytes": byts,
                    "GBps": byts / ms / 1e6,
                }
            )
        del ws
        torch.cuda.empty_cache()


def attention():
    import torch.nn.functional as F
    from torch.nn.attention import SDPBackend, sdpa_kernel

    h, d = 32, 128  # multi-head (no GQA) so every backend reads exactly the bytes counted

    def one(entry, fn, reps):
        try:
            with sdpa_kernel([SDPBackend.FLASH_ATTENTION]):
                entry["msEager"] = time_fn(fn, reps=reps)
                entry["ms"] = graph_time(fn, calls=4, reps=reps)
            entry["backend"] = "flash"
        except Exception as ex:  # noqa: BLE001
            entry["error"] = repr(ex)[:300]
        results["attention"].append(entry)
        return entry

    for b, s in [(1, 1024), (1, 4096), (1, 8192), (4, 2048), (16, 512)]:
        q, kk, v = (torch.randn(b, h, s, d, device=DEV, dtype=torch.bfloat16) for _ in range(3))
        e = one({"phase": "prefill", "batch": b, "seq": s, "heads": h, "d": d},
                lambda: F.scaled_dot_product_attention(q, kk, v, is_causal=True), 20)
        if "ms" in e:
            e["tflops"] = 4.0 * b * h * s * s * d / 2 / e["ms"] / 1e9  # causal: half the score matrix
    for b, L in [(1, 4096), (8, 4096), (32, 2048), (64, 4096), (128, 1024), (128, 2048), (16, 16384)]:
        q = torch.randn(b, h, 1, d, device=DEV, dtype=torch.bfloat16)
        kk, v = (torch.randn(b, h, L, d, device=DEV, dtype=torch.bfloat16) for _ in range(2))
        e = one({"phase": "decode", "batch": b, "kvLen": L, "heads": h, "d": d},
                lambda: F.scaled_dot_product_attention(q, kk, v), 30)
        if "ms" in e:
            e["bytes"] = 2 * b * h * L * d * 2
            e["GBps"] = e["bytes"] / e["ms"] / 1e6
        del q, kk, v


def launch():
    x = torch.randn(1024, device=DEV)
    n = 2000

    def eager():
        for _ in range(n):
            x.add_(1e-7)

    ms = time_fn(eager, reps=5, warmup=1)
    results["launch"].append({"mode": "eager (PyTorch, tiny add)", "kernels": n, "usPerKernel": ms * 1000 / n})
    g = torch.cuda.CUDAGraph()
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        for _ in range(3):
            x.add_(1e-7)
    torch.cuda.current_stream().wait_stream(s)
    with torch.cuda.graph(g):
        for _ in range(n):
            x.add_(1e-7)
    ms = time_fn(lambda: g.replay(), reps=10, warmup=2)
    results["launch"].append({"mode": "CUDA graph replay (tiny add)", "kernels": n, "usPerKernel": ms * 1000 / n})


def main():
    t0 = time.time()
    section("device", device_info)
    section("hbm", hbm)
    section("launch", launch)
    section("gemm bf16", lambda: gemm_sweep("bf16"))
    section("gemm fp8", lambda: gemm_sweep("fp8"))
    section("attention", attention)
    results["method"]["seconds"] = round(time.time() - t0, 1)
    with open(os.path.join(OUT, "hopper-microbench.json"), "w") as f:
        json.dump(results, f, indent=1)
    print(json.dumps(results["device"]))
    for h in results["hbm"]:
        print(f"hbm {h['test']:<14} {h['GBps']:8.0f} GB/s")
    for h in results["launch"]:
        print(f"launch {h['mode']:<30} {h['usPerKernel']:6.2f} us")
    for g in results["gemm"]:
        if g["m"] in (1, 16, 64, 128, 256, 512, 1024, 4096, 16384):
            print(f"gemm {g['dtype']} {g['shape']:<28} m={g['m']:<6} {g['ms']:8.4f} ms (eager {g['msEager']:8.4f}) {g['tflops']:7.1f} TF {g['GBps']:6.0f} GB/s")
    for a in results["attention"]:
        print("attn", {k: (round(v, 3) if isinstance(v, float) else v) for k, v in a.items()})
    for e in results["errors"]:
        print("ERROR", e["section"], e["error"])
    print(f"total {time.time() - t0:.1f} s")
    return 0 if not results["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())

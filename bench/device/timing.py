"""Timing helpers shared by the device micro-benchmarks: medians of CUDA-event timings, per-call time from a CUDA
graph replay (no launch gaps)."""
import torch


def med(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else 0.5 * (xs[n // 2 - 1] + xs[n // 2])


def time_fn(fn, reps=30, warmup=5):
    """Median milliseconds of fn() over reps, each timed with its own CUDA events."""
    for _ in range(warmup):
        fn()
    torch.cuda.synchronize()
    ts = []
    for _ in range(reps):
        s = torch.cuda.Event(enable_timing=True)
        e = torch.cuda.Event(enable_timing=True)
        s.record()
        fn()
        e.record()
        e.synchronize()
        ts.append(s.elapsed_time(e))
    return med(ts)


def graph_time(fn, calls, reps=15):
    """Milliseconds per call of fn, captured `calls` times in one CUDA graph and replayed (no launch gaps)."""
    st = torch.cuda.Stream()
    st.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(st):
        for _ in range(2):
            fn()
    torch.cuda.current_stream().wait_stream(st)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        for _ in range(calls):
            fn()
    return time_fn(lambda: g.replay(), reps=reps, warmup=2) / calls

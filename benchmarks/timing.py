"""Paired timing and memory measurement for the benchmark.

Every implementation of one measurement (nonlin, its peers and the
bandwidth floor) runs in each round, one after the other. A burst of load
from elsewhere on the machine then slows all of them in the same round
instead of biasing one. Ratios are taken within a round and then
summarised across rounds, which cancels most of that shared noise.
"""

import gc
import math
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Implementation:
    """One implementation under test: a key such as ``"nonlin"`` and a call with its inputs bound."""

    key: str
    call: Callable[[], object]


def calls_per_batch(call, target_seconds):
    """Return how many calls make a batch of about `target_seconds`, from one timed call.

    A first call warms caches and lazy imports; where it alone lasts the
    target, a batch is one call. Otherwise the count comes from a second,
    single timed call, which is noisy for calls of microseconds but only
    sets the batch length: each round times its batch afresh.
    """
    start = time.perf_counter()
    call()
    if time.perf_counter() - start >= target_seconds:
        return 1
    start = time.perf_counter()
    call()
    elapsed = time.perf_counter() - start
    return max(1, math.ceil(target_seconds / max(elapsed, 1e-9)))


def time_paired(implementations, rounds, target_seconds):
    """Time each implementation in `rounds` rounds; return ``({key: [seconds per call]}, {key: calls per batch})``.

    Each round runs every implementation once, starting at a different one in
    turn, so that no implementation always runs right after the same
    neighbour (which would leave it the neighbour's cache state).
    """
    numbers = {item.key: calls_per_batch(item.call, target_seconds) for item in implementations}
    seconds = {item.key: [] for item in implementations}
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for round_index in range(rounds):
            shift = round_index % len(implementations)
            for item in implementations[shift:] + implementations[:shift]:
                number = numbers[item.key]
                call = item.call
                start = time.perf_counter()
                for _ in range(number):
                    call()
                seconds[item.key].append((time.perf_counter() - start) / number)
    finally:
        if gc_was_enabled:
            gc.enable()
    return seconds, numbers


def ratio_summary(numerator, denominator):
    """Summarise the per-round ratios ``numerator[i] / denominator[i]``: median and quartiles."""
    ratios = np.asarray(numerator) / np.asarray(denominator)
    q1, median, q3 = np.percentile(ratios, [25, 50, 75])
    return {"median": float(median), "q1": float(q1), "q3": float(q3)}


def peak_memory(call):
    """Return ``(peak traced bytes during one call, bytes of its result)``.

    tracemalloc records NumPy's array allocations, because NumPy reports
    its data buffers to it, but not PyTorch's.
    """
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        result = call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, int(getattr(result, "nbytes", 0))

"""Measure what fresh temporaries cost, and what evaluating in blocks saves.

Two measurements, printed as a table, for the benchmark page's account of
why multi-step formulas are slow:

* a chain of k multiplications over 1e6 float64 values, each into a new
  array that stays alive (as the temporaries of a formula do), against the
  same chain written in place into one array;
* each elementwise nonlin function and derivative that evaluates large
  inputs in blocks (``in_blocks`` and ``blockwise`` in
  ``src/nonlin/_validation.py``), timed as shipped and with one block as
  large as the input, on the same input.

Run from the repository root:

    .venv/bin/python benchmarks/temporaries.py [--size N] [--rounds R]
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from nonlin import _validation  # noqa: E402
from nonlin.catalogue import CATALOGUE  # noqa: E402


def _median_seconds(call, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def _paired_ratio(first, second, rounds):
    """Return the median seconds of `first` and `second` and the median of their per-round ratio."""
    pairs = np.array([(_median_seconds(first, 1), _median_seconds(second, 1)) for _ in range(rounds)])
    return float(np.median(pairs[:, 0])), float(np.median(pairs[:, 1])), float(np.median(pairs[:, 1] / pairs[:, 0]))


def chain_fresh(x, k):
    alive = [x]
    for _ in range(k):
        alive.append(alive[-1] * 1.0000001)
    return alive[-1]


def chain_in_place(x, k):
    result = x * 1.0000001
    for _ in range(k - 1):
        np.multiply(result, 1.0000001, out=result)
    return result


def blocked_functions():
    """Yield ``(label, function, arguments)`` for each elementwise function that calls in_blocks or blockwise."""
    for name, entry in CATALOGUE.items():
        if entry.vector_valued:
            continue
        for variant, arguments in {None: {}, **entry.variants}.items():
            label = name if variant is None else f"{name}[{variant}]"
            for function, suffix in ((entry.function, ""), (entry.derivative, "'")):
                if {"in_blocks", "blockwise"} & set(function.__code__.co_names):
                    yield label + suffix, function, arguments


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=1e6, help="number of elements (default 1e6)")
    parser.add_argument("--rounds", type=int, default=7, help="timed calls per variant (default 7)")
    args = parser.parse_args(argv)
    size = int(args.size)
    x = np.random.default_rng(0).normal(0.0, 2.0, size)

    print(f"Chains of k multiplications over {size:.0e} float64 values, ns per element and step")
    print(f"{'k':>3}  {'fresh, kept alive':>18}  {'in place':>9}")
    for k in (2, 4, 8):
        fresh = _median_seconds(lambda: chain_fresh(x, k), args.rounds)
        in_place = _median_seconds(lambda: chain_in_place(x, k), args.rounds)
        print(f"{k:>3}  {fresh / size / k * 1e9:>18.2f}  {in_place / size / k * 1e9:>9.2f}")

    print()
    print(f"Functions evaluated in blocks of {_validation.BLOCK_SIZE} elements, at {size:.0e} elements:")
    print("median ns per element with blocks and without, and the median of the per-round ratio")
    print(f"(the two calls alternate in each of {args.rounds} rounds, so a burst of load affects both)")
    print(f"{'function':<26} {'dtype':<8} {'in blocks':>10} {'whole':>10} {'ratio whole/blocks':>19}")
    shipped = _validation.BLOCK_SIZE
    for label, function, arguments in blocked_functions():
        for dtype in (np.float32, np.float64):
            data = x.astype(dtype)
            namespace = function.__globals__

            def blocked():
                function(data, **arguments)

            def whole():
                # in_blocks is called where its module imported BLOCK_SIZE,
                # and blockwise reads it in _validation, so both are set,
                # for this call only. One block then covers the whole input.
                namespace["BLOCK_SIZE"] = _validation.BLOCK_SIZE = size
                try:
                    function(data, **arguments)
                finally:
                    namespace["BLOCK_SIZE"] = _validation.BLOCK_SIZE = shipped

            blocked_seconds, whole_seconds, ratio = _paired_ratio(blocked, whole, args.rounds)
            print(f"{label:<26} {np.dtype(dtype).name:<8} {blocked_seconds / size * 1e9:>10.2f} "
                  f"{whole_seconds / size * 1e9:>10.2f} {ratio:>19.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

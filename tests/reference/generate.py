"""Generate the mpmath reference values that tests/test_accuracy.py compares nonlin with.

For every `ReferenceCase` of the ``mp_*.py`` modules beside this script and
for float16, float32 and float64, this samples the dtype's whole range:
every binade of both signs (subnormals included), a dense grid on
[-20, 20], each case's special points with their neighbours, the extremes
and +-inf. At each point it stores the correctly rounded value of the
function and of its derivative, and their condition numbers
``|x f'(x) / f(x)|`` and ``|x f''(x) / f'(x)|``, in ``data/<label>.npz``.

Usage (from the repository root)::

    .venv/bin/python tests/reference/generate.py            # every case
    .venv/bin/python tests/reference/generate.py elu gelu   # cases of these activations

Each value is evaluated at a working precision that doubles (from 128 bits)
until two successive results agree to 80 bits, because formulas such as
``x - tanh(x)`` cancel hundreds of digits for tiny x, and then rounded once,
to nearest with ties to even, into the target dtype.
"""

import argparse
import importlib
import multiprocessing
import sys
from pathlib import Path

import mpmath
import numpy as np

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
DTYPES = (np.float16, np.float32, np.float64)
START_BITS = 128
MAX_BITS = 1 << 15
AGREE_BITS = 80
#: Stand-in for +-inf when mpmath returns NaN there (0 * inf in a formula):
#: far beyond any float, so the rounded value is the limit.
HUGE = mpmath.mpf(2) ** (2**16)
SEED = 20261204


def load_cases():
    """Return every ReferenceCase of the mp_*.py modules, keyed by label."""
    # The mp_*.py modules import `cases` either as `reference.cases` or
    # directly, so both folders go on the path.
    for folder in (HERE, HERE.parent):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    cases = {}
    for path in sorted(HERE.glob("mp_*.py")):
        module = importlib.import_module(f"reference.{path.stem}")
        for case in module.CASES:
            if case.label in cases:
                raise RuntimeError(f"reference case {case.label!r} is defined twice")
            cases[case.label] = case
    return cases


def file_name(label):
    """Return the data file name of a case label such as ``elu[alpha=0.5]``."""
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in label)
    return f"{safe}.npz"


def sample(dtype, special_points):
    """Return the sorted, unique sample of `dtype`'s range for one case."""
    info = np.finfo(dtype)
    rng = np.random.default_rng(SEED)
    min_exponent = int(np.log2(info.smallest_subnormal))
    exponents = np.arange(min_exponent, info.maxexp)
    per_binade = {np.float16: 48, np.float32: 3, np.float64: 1}[dtype]
    mantissas = rng.uniform(1, 2, size=(len(exponents), per_binade))
    magnitudes = np.ldexp(mantissas, exponents[:, None]).ravel()
    magnitudes = np.concatenate([magnitudes, np.ldexp(1.0, exponents)])
    dense = np.linspace(-20, 20, {np.float16: 801, np.float32: 1201, np.float64: 1201}[dtype])
    extremes = [0.0, info.smallest_subnormal, info.smallest_normal, info.max, np.inf]

    points = [np.concatenate([magnitudes, -magnitudes]), dense, extremes, np.negative(extremes)]
    with np.errstate(over="ignore"):
        values = np.concatenate(points).astype(dtype)
    for point in special_points:
        value = dtype(point)
        neighbours = [value]
        for direction in (np.inf, -np.inf):
            current = value
            for _ in range(3):
                current = np.nextafter(current, dtype(direction))
                neighbours.append(current)
        values = np.concatenate([values, np.array(neighbours, dtype=dtype)])
    values = values[np.isfinite(values) | np.isinf(values)]
    return np.unique(values)


def evaluate(formula, x, nan_at_infinity=False):
    """Evaluate `formula` at `x` (a Python float) until two precisions agree."""
    if np.isinf(x):
        return mpmath.nan if nan_at_infinity else _evaluate_at_infinity(formula, x)
    bits = START_BITS
    previous = None
    while bits <= MAX_BITS:
        with mpmath.workprec(bits):
            value = formula(mpmath.mpf(x))
        if previous is not None and _agree(previous, value):
            return value
        previous = value
        bits *= 2
    raise RuntimeError(f"no stable value at x={x!r} below {MAX_BITS} bits")


def _evaluate_at_infinity(formula, x):
    with mpmath.workprec(START_BITS):
        try:
            value = formula(mpmath.mpf(x))
        except (ValueError, ZeroDivisionError):
            value = mpmath.nan
        if mpmath.isnan(value):
            value = formula(HUGE if x > 0 else -HUGE)
    return value


def _agree(a, b):
    if mpmath.isnan(a) or mpmath.isnan(b):
        return mpmath.isnan(a) and mpmath.isnan(b)
    if mpmath.isinf(a) or mpmath.isinf(b):
        return a == b
    if a == b:
        return True
    scale = max(abs(a), abs(b))
    return abs(a - b) <= scale * mpmath.mpf(2) ** -AGREE_BITS


def round_to_dtype(value, dtype):
    """Round the mpmath number `value` to nearest (ties to even) in `dtype`, subnormals included."""
    if mpmath.isnan(value):
        return dtype(np.nan)
    if mpmath.isinf(value):
        return dtype(np.inf if value > 0 else -np.inf)
    if value == 0:
        return dtype(0.0)
    info = np.finfo(dtype)
    digits = info.nmant + 1
    min_exponent = info.minexp
    with mpmath.workprec(max(mpmath.mp.prec, 4 * digits)):
        _, exponent = mpmath.frexp(value)
        # value = m * 2**exponent with 0.5 <= |m| < 1, so its leading bit is 2**(exponent - 1).
        ulp_exponent = max(exponent - 1, min_exponent) - (digits - 1)
        scaled = mpmath.ldexp(value, -ulp_exponent)
        integer = mpmath.floor(scaled)
        fraction = scaled - integer
        if fraction > 0.5 or (fraction == 0.5 and int(integer) % 2 == 1):
            integer += 1
        rounded = mpmath.ldexp(integer, ulp_exponent)
        if abs(rounded) > mpmath.mpf(float(info.max)):
            return dtype(np.inf if rounded > 0 else -np.inf)
        return dtype(float(rounded))


def condition_number(x, value, slope):
    """Return ``|x * slope / value|``: 0 where both vanish, inf where only `value` does."""
    if mpmath.isinf(x) or mpmath.isnan(slope) or mpmath.isinf(slope):
        return 0.0 if mpmath.isinf(x) else float("inf")
    numerator = abs(x * slope)
    if numerator == 0:
        return 0.0
    if value == 0:
        return float("inf")
    return float(numerator / abs(value))


def _second_derivative(case, x):
    if case.second_derivative is not None:
        return evaluate(case.second_derivative, x)
    with mpmath.workprec(START_BITS):
        try:
            return mpmath.diff(case.derivative, mpmath.mpf(x))
        except (ValueError, ZeroDivisionError):
            return mpmath.inf


def reference_arrays(case, dtype):
    """Return the arrays stored for one case and one dtype."""
    xs = sample(dtype, case.special_points)
    f = np.empty_like(xs)
    df = np.empty_like(xs)
    f_condition = np.empty(xs.shape, dtype=np.float32)
    df_condition = np.empty(xs.shape, dtype=np.float32)
    for i, x in enumerate(xs.astype(float)):
        value = evaluate(case.function, x, case.nan_at_infinity)
        slope = evaluate(case.derivative, x, case.nan_at_infinity)
        f[i] = round_to_dtype(value, dtype)
        df[i] = round_to_dtype(slope, dtype)
        f_condition[i] = min(condition_number(mpmath.mpf(x), value, slope), 3e38)
        curvature = _second_derivative(case, x) if np.isfinite(x) else mpmath.mpf(0)
        df_condition[i] = min(condition_number(mpmath.mpf(x), slope, curvature), 3e38)
    return xs, f, df, f_condition, df_condition


def generate(label):
    case = load_cases()[label]
    arrays = {}
    for dtype in DTYPES:
        name = np.dtype(dtype).name
        xs, f, df, f_condition, df_condition = reference_arrays(case, dtype)
        arrays[f"x_{name}"] = xs
        arrays[f"f_{name}"] = f
        arrays[f"df_{name}"] = df
        arrays[f"f_condition_{name}"] = f_condition
        arrays[f"df_condition_{name}"] = df_condition
    DATA.mkdir(exist_ok=True)
    np.savez_compressed(DATA / file_name(label), **arrays)
    return label


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="activation names or case labels (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default: 2)")
    args = parser.parse_args(argv)

    cases = load_cases()
    if args.names:
        unknown = [n for n in args.names if n not in cases and not any(c.name == n for c in cases.values())]
        if unknown:
            parser.error(f"no reference case named {', '.join(unknown)}; known: {', '.join(sorted(cases))}")
        labels = [label for label, c in cases.items() if label in args.names or c.name in args.names]
    else:
        labels = list(cases)

    with multiprocessing.Pool(args.jobs) as pool:
        for label in pool.imap_unordered(generate, labels):
            print(f"wrote {DATA / file_name(label)}", flush=True)


if __name__ == "__main__":
    main()

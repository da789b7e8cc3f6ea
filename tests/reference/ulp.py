"""ULP distances and the accuracy bar, shared by the accuracy test and measure_accuracy.py."""

from pathlib import Path

import numpy as np

from reference.generate import DATA, file_name

#: ULP allowed where the problem is well conditioned (condition number <= 1).
BASE_ULP = {"float16": 1, "float32": 4, "float64": 4}

_INTEGER_VIEWS = {"float16": np.int16, "float32": np.int32, "float64": np.int64}


def ordered_integers(values):
    """Map floats to integers whose differences count ULPs (and -0.0 to the same as +0.0)."""
    values = np.asarray(values)
    integer_type = _INTEGER_VIEWS[values.dtype.name]
    bits = values.view(integer_type).astype(np.int64)
    smallest = np.iinfo(integer_type).min
    return np.where(bits < 0, smallest - bits, bits)


def ulp_distance(computed, expected):
    """Return the ULP distance elementwise: 0 where both are NaN, inf where only one is."""
    computed = np.asarray(computed)
    expected = np.asarray(expected, dtype=computed.dtype)
    distance = np.abs(ordered_integers(computed) - ordered_integers(expected)).astype(np.float64)
    computed_nan = np.isnan(computed)
    expected_nan = np.isnan(expected)
    distance[computed_nan != expected_nan] = np.inf
    distance[computed_nan & expected_nan] = 0
    return distance


def tolerance(dtype_name, condition):
    """Return the allowed ULP at each point: the base, plus the condition number where it exceeds 1."""
    condition = np.asarray(condition, dtype=np.float64)
    return BASE_ULP[dtype_name] + np.where(condition > 1, condition, 0)


def load_reference(case):
    """Return the stored arrays of `case`, or None if generate.py has not made them yet."""
    path = Path(DATA) / file_name(case.label)
    if not path.exists():
        return None
    with np.load(path) as data:
        return {key: data[key] for key in data.files}


def compare(case, function, reference, dtype_name, kind):
    """Compare nonlin's `function` with the stored values of one dtype.

    `kind` is ``"f"`` or ``"df"``. Returns ``(x, computed, expected,
    distance, allowed)`` arrays over the sample.
    """
    x = reference[f"x_{dtype_name}"]
    expected = reference[f"{kind}_{dtype_name}"]
    condition = reference[f"{kind}_condition_{dtype_name}"]
    computed = np.asarray(function(x, **case.parameters))
    if computed.dtype != x.dtype:
        raise AssertionError(f"{case.label} returned {computed.dtype} for {x.dtype} input")
    return x, computed, expected, ulp_distance(computed, expected), tolerance(dtype_name, condition)


def summarize(distance, allowed, condition_ok):
    """Return ``(max ULP where well conditioned, worst ratio of distance to allowance)``."""
    well = distance[condition_ok]
    max_ulp = float(well.max()) if well.size else 0.0
    worst_ratio = float(np.max(distance / allowed)) if distance.size else 0.0
    return max_ulp, worst_ratio

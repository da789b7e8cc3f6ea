"""Catalogue entry lists and inputs that span each dtype's whole range, shared by the tests."""

import numpy as np

from nonlin.catalogue import CATALOGUE

FLOAT_DTYPES = (np.float16, np.float32, np.float64)
ELEMENTWISE = sorted(name for name, entry in CATALOGUE.items() if not entry.vector_valued)
VECTOR = sorted(name for name, entry in CATALOGUE.items() if entry.vector_valued)


def extreme_values(dtype):
    """Return inputs from -inf to +inf: extremes, subnormals, zeros, NaN and a wide log-spaced sweep."""
    info = np.finfo(dtype)
    magnitudes = [
        0.0,
        float(info.smallest_subnormal),
        float(info.smallest_normal),
        float(info.eps),
        0.5,
        1.0,
        3.0,
        6.0,
        30.0,
        float(info.max),
        np.inf,
    ]
    # One point in every binade, subnormals included.
    exponents = np.arange(int(np.log2(float(info.smallest_subnormal))), info.maxexp - 1)
    sweep = np.ldexp(1.37, exponents)
    values = np.concatenate([magnitudes, sweep])
    with np.errstate(over="ignore"):
        values = np.concatenate([values, -values, [np.nan]]).astype(dtype)
    return values


def default_arguments(entry):
    """Return the keyword arguments that call `entry` with its catalogue defaults (axis excluded)."""
    return {p.name: p.default for p in entry.parameters if p.name != "axis"}

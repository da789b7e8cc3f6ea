"""Exact mpmath formulas for the shrinkage activations."""

import mpmath

from reference.cases import ReferenceCase


def _zero(x):
    """Second derivative of a piecewise-linear function: 0 away from its kinks."""
    return mpmath.mpf(0)


def _hardshrink_case(threshold, parameters):
    def function(x):
        return x if abs(x) > threshold else mpmath.mpf(0)

    def derivative(x):
        return mpmath.mpf(1) if abs(x) > threshold else mpmath.mpf(0)

    return ReferenceCase(
        "hardshrink",
        function,
        derivative,
        parameters=parameters,
        special_points=(-threshold, threshold),
        second_derivative=_zero,
    )


def _softshrink_case(threshold, parameters):
    def function(x):
        if x > threshold:
            return x - threshold
        if x < -threshold:
            return x + threshold
        return mpmath.mpf(0)

    def derivative(x):
        return mpmath.mpf(1) if abs(x) > threshold else mpmath.mpf(0)

    return ReferenceCase(
        "softshrink",
        function,
        derivative,
        parameters=parameters,
        special_points=(-threshold, threshold),
        second_derivative=_zero,
    )


def _tanhshrink(x):
    return x - mpmath.tanh(x)


def _tanhshrink_second_derivative(x):
    return 2 * mpmath.tanh(x) * mpmath.sech(x) ** 2


CASES = [
    _hardshrink_case(0.5, {}),
    # 0.1 is not a float32: float32(0.1) lies above it, so it is kept, not zeroed.
    _hardshrink_case(0.1, {"threshold": 0.1}),
    _softshrink_case(0.5, {}),
    _softshrink_case(0.1, {"threshold": 0.1}),
    ReferenceCase(
        "tanhshrink",
        _tanhshrink,
        lambda x: mpmath.tanh(x) ** 2,
        # 0 and the switch from the continued fraction to x - tanh(x) at |x| = 2.
        special_points=(0.0, -2.0, 2.0),
        second_derivative=_tanhshrink_second_derivative,
    ),
]

"""Exact mpmath formulas for the other elementwise activations."""

import mpmath

from reference.cases import ReferenceCase


def _zero(x):
    """Derivative of a constant piece: 0 away from any jump."""
    return mpmath.mpf(0)


def _one(x):
    return mpmath.mpf(1)


def _with_bits_for_small(x, formula):
    """Evaluate `formula(x)` with about 2 log2(1/|x|) extra bits when |x| < 1.

    Formulas such as x cos x - sin x cancel about 2 log2(1/|x|) bits, and
    at two low precisions both can cancel to exactly 0, which generate.py
    would accept as two agreeing values.
    """
    if x == 0 or mpmath.isinf(x):
        return formula(x)
    extra = max(0, -2 * int(mpmath.mag(x))) + 64
    with mpmath.extraprec(extra):
        return formula(x)


def _binary_step(x):
    return mpmath.mpf(1) if x >= 0 else mpmath.mpf(0)


def _bent_identity(x):
    return _with_bits_for_small(x, lambda t: (mpmath.sqrt(t * t + 1) - 1) / 2 + t)


def _bent_identity_derivative(x):
    return 1 + x / (2 * mpmath.sqrt(x * x + 1))


def _bent_identity_second_derivative(x):
    return 1 / (2 * (x * x + 1) ** (mpmath.mpf(3) / 2))


def _gaussian(x):
    return mpmath.exp(-x * x)


def _gaussian_derivative(x):
    return -2 * x * mpmath.exp(-x * x)


def _gaussian_second_derivative(x):
    return (4 * x * x - 2) * mpmath.exp(-x * x)


def _minus_sin(x):
    return -mpmath.sin(x)


def _sinc(x):
    if x == 0:
        return mpmath.mpf(1)
    return mpmath.sin(x) / x


def _sinc_derivative(x):
    if x == 0:
        return mpmath.mpf(0)
    return _with_bits_for_small(x, lambda t: (t * mpmath.cos(t) - mpmath.sin(t)) / (t * t))


def _sinc_second_derivative(x):
    if x == 0:
        return -mpmath.mpf(1) / 3
    return _with_bits_for_small(
        x, lambda t: ((2 - t * t) * mpmath.sin(t) - 2 * t * mpmath.cos(t)) / (t * t * t)
    )


CASES = [
    ReferenceCase("identity", lambda x: x, _one, special_points=(0.0,), second_derivative=_zero),
    # The jump at 0, where the value is 1 and the derivative is stated as 0.
    ReferenceCase("binary_step", _binary_step, _zero, special_points=(0.0,), second_derivative=_zero),
    ReferenceCase(
        "bent_identity",
        _bent_identity,
        _bent_identity_derivative,
        special_points=(0.0,),
        second_derivative=_bent_identity_second_derivative,
    ),
    # The extrema of the derivative at +-1/sqrt(2), and x*x = 512, where the
    # float64 code switches to its scaled form for results near underflow.
    ReferenceCase(
        "gaussian",
        _gaussian,
        _gaussian_derivative,
        special_points=(0.0, -0.7071067811865476, 0.7071067811865476, -22.627416997969522, 22.627416997969522),
        second_derivative=_gaussian_second_derivative,
    ),
    ReferenceCase(
        "sinusoid",
        mpmath.sin,
        mpmath.cos,
        special_points=(0.0, -3.141592653589793, 3.141592653589793),
        second_derivative=_minus_sin,
        nan_at_infinity=True,
    ),
    # x = +-1.5 is where the derivative switches from its Taylor series to
    # the closed form; +-pi is the first zero.
    ReferenceCase(
        "sinc",
        _sinc,
        _sinc_derivative,
        special_points=(0.0, -1.5, 1.5, -3.141592653589793, 3.141592653589793),
        second_derivative=_sinc_second_derivative,
    ),
    # Overflow thresholds ln(max) of float16, float32 and float64, and the
    # float64 underflow threshold.
    ReferenceCase(
        "exponential",
        mpmath.exp,
        mpmath.exp,
        special_points=(0.0, 11.089866488461016, 88.72283905206835, 709.782712893384, -745.1332191019412),
        second_derivative=mpmath.exp,
    ),
]

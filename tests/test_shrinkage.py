"""Tests of the shrinkage activations: pinned values, thresholds, tiny inputs and derivatives."""

import inspect
import math

import mpmath
import numpy as np
import pytest

import nonlin

_SHRINKS = ("hardshrink", "softshrink")


def _ulp_distance(computed, expected):
    """Return how many representable numbers of the dtype lie between two finite floats of it."""
    integer_type = {np.dtype(np.float32): np.int32, np.dtype(np.float64): np.int64}[computed.dtype]
    values = np.array([computed, expected], dtype=computed.dtype).view(integer_type).astype(np.int64)
    smallest = np.iinfo(integer_type).min
    ordered = np.where(values < 0, smallest - values, values)
    return abs(int(ordered[0]) - int(ordered[1]))


def _exact(formula, x, dtype, bits=300):
    """Return `formula` evaluated with mpmath at `bits` bits, rounded to `dtype`."""
    with mpmath.workprec(bits):
        return dtype(float(formula(mpmath.mpf(float(x)))))


def _tanhshrink_exact(x, dtype):
    # x - tanh(x) cancels about 3 * |log2(x)| bits for tiny x, so the precision grows with them.
    bits = 200 + 3 * max(0, -math.frexp(float(x))[1])
    return _exact(lambda t: t - mpmath.tanh(t), x, dtype, bits)


# hardshrink and softshrink


@pytest.mark.parametrize("name", _SHRINKS)
def test_shrink_default_threshold_is_one_half(name):
    for function in (getattr(nonlin, name), getattr(nonlin, f"{name}_derivative")):
        assert inspect.signature(function).parameters["threshold"].default == 0.5


def test_hardshrink_pinned_values():
    x = [-np.inf, -1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, np.inf]
    expected = [-np.inf, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.75, np.inf]
    np.testing.assert_array_equal(nonlin.hardshrink(x), expected)


def test_hardshrink_custom_threshold():
    x = [-3.0, -2.0, 1.0, 2.5]
    np.testing.assert_array_equal(nonlin.hardshrink(x, threshold=2.0), [-3.0, 0.0, 0.0, 2.5])


def test_hardshrink_zero_threshold_keeps_nonzero():
    x = [-1e-300, 0.0, 5e-324]
    np.testing.assert_array_equal(nonlin.hardshrink(x, threshold=0.0), x)


def test_hardshrink_inexact_float32_threshold():
    # float32(0.1) lies above 0.1, so it is beyond the threshold and kept.
    x = np.float32(0.1)
    assert float(x) > 0.1
    assert nonlin.hardshrink(x, threshold=0.1) == x
    assert nonlin.hardshrink_derivative(x, threshold=0.1) == 1


def test_softshrink_pinned_values():
    x = [-np.inf, -2.0, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, np.inf]
    expected = [-np.inf, -1.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.25, np.inf]
    np.testing.assert_array_equal(nonlin.softshrink(x), expected)


def test_softshrink_matches_sign_form():
    rng = np.random.default_rng(0)
    x = rng.uniform(-3, 3, 1000)
    for threshold in (0.0, 0.5, 1.7):
        expected = np.sign(x) * np.maximum(np.abs(x) - threshold, 0)
        np.testing.assert_array_equal(nonlin.softshrink(x, threshold=threshold), expected)


def test_softshrink_inexact_float32_threshold():
    # The result is x - 0.1 rounded once, not x - float32(0.1), which is 0.
    x = np.float32(0.1)
    result = nonlin.softshrink(x, threshold=0.1)
    assert result.dtype == np.float32
    assert result == np.float32(float(x) - 0.1)
    assert result > 0


def test_softshrink_zero_keeps_positive_sign():
    result = nonlin.softshrink([-0.3, 0.3])
    np.testing.assert_array_equal(np.signbit(result), [False, False])


def test_hardshrink_zero_keeps_positive_sign():
    for dtype in (np.float32, np.float64):
        result = nonlin.hardshrink(np.array([-0.3, -0.0, 0.0, 0.3, -0.5], dtype=dtype))
        np.testing.assert_array_equal(result, [0.0, 0.0, 0.0, 0.0, 0.0])
        np.testing.assert_array_equal(np.signbit(result), [False] * 5)


@pytest.mark.parametrize("name", _SHRINKS)
def test_shrink_derivative_kinks(name):
    derivative = getattr(nonlin, f"{name}_derivative")
    np.testing.assert_array_equal(derivative([-0.5, 0.5]), [0.0, 0.0])
    outside = [np.nextafter(-0.5, -1.0), np.nextafter(0.5, 1.0)]
    np.testing.assert_array_equal(derivative(outside), [1.0, 1.0])
    np.testing.assert_array_equal(derivative([-2.0, 2.0], threshold=2.0), [0.0, 0.0])


@pytest.mark.parametrize("name", _SHRINKS)
@pytest.mark.parametrize("suffix", ["", "_derivative"])
def test_shrink_negative_threshold_rejected(name, suffix):
    function = getattr(nonlin, name + suffix)
    with pytest.raises(ValueError, match=r"threshold=-0\.5 is out of range: threshold must be >= 0"):
        function(1.0, threshold=-0.5)


@pytest.mark.parametrize("name", _SHRINKS)
def test_shrink_infinite_threshold_names_value(name):
    with pytest.raises(ValueError, match="threshold=inf"):
        getattr(nonlin, name)(1.0, threshold=math.inf)


# tanhshrink


def test_tanhshrink_small_input_accuracy():
    # x - tanh(x) = x^3/3 - 2 x^5/15 + ...; the subtraction would cancel every digit here.
    for x in (0.5, 1e-3, 1e-8, 1e-30, 1e-100):
        expected = _tanhshrink_exact(x, np.float64)
        assert _ulp_distance(nonlin.tanhshrink(np.float64(x)), expected) <= 2
        assert _ulp_distance(nonlin.tanhshrink(np.float64(-x)), -expected) <= 2


def test_tanhshrink_subnormal_results():
    for dtype, x in ((np.float64, 1e-105), (np.float64, 2e-107), (np.float32, 1e-14), (np.float32, 3e-15)):
        x = dtype(x)
        expected = _tanhshrink_exact(x, dtype)
        assert 0 < expected < np.finfo(dtype).smallest_normal
        assert _ulp_distance(nonlin.tanhshrink(x), expected) <= 1


def test_tanhshrink_float32_small_input():
    for x in (np.float32(1e-3), np.float32(0.3), np.float32(1.9)):
        result = nonlin.tanhshrink(x)
        assert result.dtype == np.float32
        assert _ulp_distance(result, _tanhshrink_exact(x, np.float32)) <= 2


def test_tanhshrink_tails():
    x = np.array([-np.inf, -1e300, -30.0, 30.0, 1e300, np.inf])
    np.testing.assert_array_equal(nonlin.tanhshrink(x), [-np.inf, -1e300, -29.0, 29.0, 1e300, np.inf])


def test_tanhshrink_float64_tails_accuracy():
    # From |x| = 2 on, float64 uses (|x| - 1) + 2e/(1 + e) with e = exp(-2|x|).
    x = np.linspace(2, 40, 501)
    for value in np.concatenate([x, -x]):
        assert _ulp_distance(nonlin.tanhshrink(np.float64(value)), _tanhshrink_exact(value, np.float64)) <= 1


def test_tanhshrink_keeps_sign_of_zero():
    for dtype in (np.float32, np.float64):
        result = nonlin.tanhshrink(np.array([-0.0, 0.0], dtype=dtype))
        np.testing.assert_array_equal(np.signbit(result), [True, False])


def test_tanhshrink_increasing_across_switch():
    # The continued fraction is used below |x| = 2 and x - tanh(x) from there on.
    x = np.array([np.nextafter(2.0, 0.0), 2.0, np.nextafter(2.0, 3.0)])
    result = nonlin.tanhshrink(x)
    assert np.all(np.diff(result) > 0)
    for value, point in zip(result, x):
        assert _ulp_distance(value, _tanhshrink_exact(point, np.float64)) <= 2


def test_tanhshrink_derivative_small_input():
    # tanh(x)^2, about x^2, keeps its relative accuracy where 1 - (1 - tanh^2) would not.
    for x in (1e-8, 1e-100):
        expected = _exact(lambda t: mpmath.tanh(t) ** 2, x, np.float64)
        assert _ulp_distance(nonlin.tanhshrink_derivative(np.float64(x)), expected) <= 3
    np.testing.assert_array_equal(nonlin.tanhshrink_derivative([-np.inf, 0.0, 30.0]), [1.0, 0.0, 1.0])


# Finite-difference checks of every derivative, away from kinks.

_FINITE_DIFFERENCE_CASES = [
    ("hardshrink", {}, [-2.0, -0.6, -0.3, 0.0, 0.4, 0.7]),
    ("hardshrink", {"threshold": 0.1}, [-2.0, -0.05, 0.2]),
    ("softshrink", {}, [-2.0, -0.6, -0.3, 0.0, 0.4, 0.7]),
    ("softshrink", {"threshold": 0.1}, [-2.0, -0.05, 0.2]),
    ("tanhshrink", {}, [-5.0, -1.0, -0.1, 0.0, 0.3, 1.99, 2.5]),
]


@pytest.mark.parametrize(("name", "parameters", "points"), _FINITE_DIFFERENCE_CASES)
def test_derivative_matches_finite_difference(name, parameters, points):
    function = getattr(nonlin, name)
    derivative = getattr(nonlin, f"{name}_derivative")
    x = np.array(points)
    step = 1e-6 * np.maximum(1, np.abs(x))
    difference = (function(x + step, **parameters) - function(x - step, **parameters)) / (2 * step)
    np.testing.assert_allclose(derivative(x, **parameters), difference, rtol=1e-6, atol=1e-9)

"""Tests of the other elementwise activations: pinned values, tails, jumps and cancellation-prone regimes.

The generic rules (dtypes, warnings, NaN, lists) and the ULP bar over each
dtype's range are checked for every catalogue entry elsewhere. These tests
pin the conventions and the regimes where a textbook formula goes wrong.
"""

import math
import warnings

import mpmath
import numpy as np
import pytest

import nonlin
from reference.generate import round_to_dtype
from reference.ulp import ulp_distance


def _exact(formula, x, dtype=np.float64, bits=3000):
    """Return `formula` at each float `x` in mpmath, correctly rounded to `dtype`.

    3000 bits cover the cancellation of x cos x - sin x down to the
    smallest float64 subnormal.
    """
    with mpmath.workprec(bits):
        return np.array([round_to_dtype(formula(mpmath.mpf(float(v))), dtype) for v in np.ravel(x)], dtype=dtype)


def _assert_within_ulp(computed, expected, ulps):
    distance = ulp_distance(np.asarray(computed), np.asarray(expected))
    worst = int(np.argmax(distance))
    assert distance.max() <= ulps, (
        f"{distance.max():g} ULP off at index {worst}: got {computed[worst]!r}, expected {expected[worst]!r}"
    )


# identity


def test_identity_keeps_exact_bits():
    x = np.array([-0.0, 5e-324, -np.inf, 1.7976931348623157e308])
    result = nonlin.identity(x)
    np.testing.assert_array_equal(result.view(np.int64), x.view(np.int64))


def test_identity_result_is_a_copy():
    x = np.array([1.0, 2.0])
    result = nonlin.identity(x)
    result[0] = 7.0
    assert x[0] == 1.0


def test_identity_derivative_at_infinity():
    np.testing.assert_array_equal(nonlin.identity_derivative([-np.inf, 0.0, np.inf]), [1.0, 1.0, 1.0])


def test_identity_derivative_keeps_nan():
    for dtype in (np.float32, np.float64):
        result = nonlin.identity_derivative(np.array([np.nan, -0.0, 5e-324], dtype=dtype))
        np.testing.assert_array_equal(result, [np.nan, 1.0, 1.0])


# binary_step


def test_binary_step_one_at_zero():
    for dtype in (np.float16, np.float32, np.float64):
        zeros = np.array([0.0, -0.0], dtype=dtype)
        np.testing.assert_array_equal(nonlin.binary_step(zeros), [1.0, 1.0])
        below = np.array([-np.finfo(dtype).smallest_subnormal], dtype=dtype)
        assert nonlin.binary_step(below)[0] == 0.0


def test_binary_step_derivative_at_jump():
    x = np.array([0.0, -0.0, np.nextafter(0.0, 1.0), np.nextafter(0.0, -1.0), -np.inf, np.inf])
    np.testing.assert_array_equal(nonlin.binary_step_derivative(x), np.zeros(6))


def test_binary_step_infinities():
    np.testing.assert_array_equal(nonlin.binary_step([-np.inf, np.inf]), [0.0, 1.0])


# bent_identity


def _bent_identity(t):
    return (mpmath.sqrt(t * t + 1) - 1) / 2 + t


def test_bent_identity_near_zero():
    # (sqrt(x^2 + 1) - 1) / 2 is x^2/4 here, which the textbook form
    # loses entirely in float64.
    x = np.array([1e-5, -3e-7, 2e-8, 1e-150, -5e-324])
    _assert_within_ulp(nonlin.bent_identity(x), _exact(_bent_identity, x), 1)
    textbook = (np.sqrt(x * x + 1) - 1) / 2 + x
    assert nonlin.bent_identity(1e-5) != textbook[0]


def test_bent_identity_large_inputs():
    x = np.array([1e154, 1e200, 1e300, -1e300, -np.finfo(np.float64).max])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = nonlin.bent_identity(x)
    _assert_within_ulp(result, _exact(_bent_identity, x), 2)


def test_bent_identity_float64_mid_range():
    # sqrt(x*x + 1) from the clipped input has three roundings.
    x = np.logspace(-3, 150, 400)
    x = np.concatenate([x, -x])
    _assert_within_ulp(nonlin.bent_identity(x), _exact(_bent_identity, x, bits=1200), 2)
    slope = _exact(lambda t: 1 + t / (2 * mpmath.sqrt(t * t + 1)), x, bits=1200)
    _assert_within_ulp(nonlin.bent_identity_derivative(x), slope, 1)


def test_bent_identity_overflow_threshold():
    big = np.finfo(np.float64).max
    # f(x) is about 1.5 x: finite up to x = max / 1.5, inf above.
    assert np.isfinite(nonlin.bent_identity(big / 1.5 * (1 - 1e-15)))
    assert nonlin.bent_identity(big) == np.inf
    assert nonlin.bent_identity(np.float32(3e38)) == np.inf
    assert nonlin.bent_identity(np.inf) == np.inf
    assert nonlin.bent_identity(-np.inf) == -np.inf


def test_bent_identity_derivative_limits():
    result = nonlin.bent_identity_derivative([-np.inf, -1e300, 0.0, 1e300, np.inf])
    np.testing.assert_array_equal(result, [0.5, 0.5, 1.0, 1.5, 1.5])


def test_bent_identity_derivative_float32():
    x = np.linspace(-50, 50, 1001).astype(np.float32)
    expected = _exact(lambda t: 1 + t / (2 * mpmath.sqrt(t * t + 1)), x, np.float32, bits=200)
    _assert_within_ulp(nonlin.bent_identity_derivative(x), expected, 1)


# gaussian


def test_gaussian_subnormal_tail_float64():
    # exp(-x*x) near underflow: rounding x*x first costs up to x*x/2 ULP,
    # and 2x times a subnormal exp multiplies its rounding error by 2x.
    x = np.linspace(25.0, 27.3, 2001)
    expected = _exact(lambda t: mpmath.exp(-t * t), x, bits=200)
    _assert_within_ulp(nonlin.gaussian(x), expected, 2)
    slope = _exact(lambda t: -2 * t * mpmath.exp(-t * t), x, bits=200)
    _assert_within_ulp(nonlin.gaussian_derivative(x), slope, 2)

    naive = np.exp(-x * x)
    assert ulp_distance(naive, expected).max() > 50


def test_gaussian_subnormal_tail_float32():
    x = np.linspace(9.0, 10.3, 1001).astype(np.float32)
    expected = _exact(lambda t: mpmath.exp(-t * t), x, np.float32, bits=200)
    _assert_within_ulp(nonlin.gaussian(x), expected, 1)
    slope = _exact(lambda t: -2 * t * mpmath.exp(-t * t), x, np.float32, bits=200)
    _assert_within_ulp(nonlin.gaussian_derivative(x), slope, 1)


def test_gaussian_zero_beyond_underflow():
    x = np.array([27.5, 40.0, 1e154, 1e300, np.inf])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(nonlin.gaussian(x), np.zeros(5))
        np.testing.assert_array_equal(nonlin.gaussian(-x), np.zeros(5))
        np.testing.assert_array_equal(nonlin.gaussian_derivative(x), np.zeros(5))


def test_gaussian_symmetry_is_exact():
    x = np.random.default_rng(2).uniform(0, 28, 1000)
    np.testing.assert_array_equal(nonlin.gaussian(-x), nonlin.gaussian(x))
    np.testing.assert_array_equal(nonlin.gaussian_derivative(-x), -nonlin.gaussian_derivative(x))


def test_gaussian_derivative_extremum():
    # The slope is steepest at x = -+1/sqrt(2), where it is +-sqrt(2/e).
    peak = nonlin.gaussian_derivative(-1 / math.sqrt(2))
    assert abs(peak - math.sqrt(2 / math.e)) <= 2e-16
    assert nonlin.gaussian(0.0) == 1.0


# sinusoid


def test_sinusoid_nan_at_infinity():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isnan(nonlin.sinusoid(np.inf))
        assert np.isnan(nonlin.sinusoid_derivative(-np.inf))


def test_sinusoid_float32_correctly_rounded():
    x = np.random.default_rng(4).uniform(-100, 100, 2000).astype(np.float32)
    expected = _exact(mpmath.sin, x, np.float32, bits=200)
    _assert_within_ulp(nonlin.sinusoid(x), expected, 1)
    expected_cos = _exact(mpmath.cos, x, np.float32, bits=200)
    _assert_within_ulp(nonlin.sinusoid_derivative(x), expected_cos, 1)


def test_sinusoid_huge_arguments():
    x = np.array([1e22, 1e300, -7.3e151])
    _assert_within_ulp(nonlin.sinusoid(x), _exact(mpmath.sin, x, bits=1200), 1)


# sinc


def _sinc(t):
    return mpmath.mpf(1) if t == 0 else mpmath.sin(t) / t


def _sinc_derivative(t):
    return mpmath.mpf(0) if t == 0 else (t * mpmath.cos(t) - mpmath.sin(t)) / (t * t)


def test_sinc_is_unnormalised():
    assert nonlin.sinc(0.0) == 1.0
    assert nonlin.sinc(-0.0) == 1.0
    assert abs(nonlin.sinc(np.pi)) < 1e-16
    x = np.linspace(-5, 5, 101)
    np.testing.assert_allclose(nonlin.sinc(np.pi * x), np.sinc(x), rtol=1e-14, atol=1e-16)


def test_sinc_limit_at_infinity_is_zero():
    np.testing.assert_array_equal(nonlin.sinc([-np.inf, np.inf]), [0.0, 0.0])
    np.testing.assert_array_equal(nonlin.sinc_derivative([-np.inf, np.inf]), [0.0, 0.0])


def test_sinc_derivative_infinities_give_positive_zero():
    for dtype in (np.float32, np.float64):
        result = nonlin.sinc_derivative(np.array([-np.inf, np.inf], dtype=dtype))
        np.testing.assert_array_equal(result, [0.0, 0.0])
        np.testing.assert_array_equal(np.signbit(result), [False, False])


def test_sinc_near_zero_and_large():
    x = np.array([1e-300, 5e-324, 1e-8, 1e-4, 0.3, 1e5, 1e15, 1e300])
    _assert_within_ulp(nonlin.sinc(x), _exact(_sinc, x), 2)


def test_sinc_derivative_near_zero():
    # x cos x - sin x is -x^3/3 for small x: the textbook quotient returns
    # 0 or noise here.
    x = np.array([5e-324, 1e-300, 1e-20, 1e-8, 1e-5, 1e-3, 0.1, -0.7, 1.4999])
    _assert_within_ulp(nonlin.sinc_derivative(x), _exact(_sinc_derivative, x), 2)
    with np.errstate(under="ignore"):
        textbook = (x[3] * np.cos(x[3]) - np.sin(x[3])) / (x[3] * x[3])
    assert textbook == 0.0


def test_sinc_derivative_at_series_switch():
    # The series is used below |x| = 1.5 and the closed form above.
    x = np.array([np.nextafter(1.5, 0), 1.5, np.nextafter(1.5, 2), -1.5])
    _assert_within_ulp(nonlin.sinc_derivative(x), _exact(_sinc_derivative, x), 2)


def test_sinc_derivative_at_zero_is_zero():
    assert nonlin.sinc_derivative(0.0) == 0.0


def test_sinc_minimum_above_catalogue_bound():
    from nonlin.catalogue import CATALOGUE

    x = np.linspace(4.40, 4.60, 20001)
    assert nonlin.sinc(x).min() >= CATALOGUE["sinc"].output_range.low


# exponential


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64], ids=lambda d: np.dtype(d).name)
def test_exponential_overflow_threshold(dtype):
    info = np.finfo(dtype)
    with mpmath.workprec(200):
        # The largest x whose exp rounds to a finite value: exp(x) < max + ulp/2.
        ulp_of_max = mpmath.ldexp(1, info.maxexp - 1 - info.nmant)
        limit = mpmath.log(mpmath.mpf(float(info.max)) + ulp_of_max / 2)
    last_finite = dtype(float(limit))
    if mpmath.mpf(float(last_finite)) >= limit:
        last_finite = np.nextafter(last_finite, dtype(0))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isfinite(nonlin.exponential(last_finite))
        assert nonlin.exponential(np.nextafter(last_finite, dtype(np.inf))) == np.inf
        assert nonlin.exponential(dtype(np.inf)) == np.inf
        assert nonlin.exponential_derivative(info.max) == np.inf


def test_exponential_subnormal_results():
    x = np.array([-708.5, -720.0, -740.0, -745.0, -745.2, -np.inf])
    _assert_within_ulp(nonlin.exponential(x), _exact(mpmath.exp, x, bits=200), 1)


def test_exponential_float32_correctly_rounded():
    x = np.random.default_rng(6).uniform(-103, 88, 2000).astype(np.float32)
    _assert_within_ulp(nonlin.exponential(x), _exact(mpmath.exp, x, np.float32, bits=200), 1)

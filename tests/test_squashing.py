"""Tests of the squashing activations: pinned values, tails, kinks, parameters and derivatives."""

import inspect
import math

import mpmath
import numpy as np
import pytest

import nonlin
from nonlin._validation import BLOCK_SIZE
from reference.generate import round_to_dtype
from reference.ulp import ulp_distance


def _ulp_distance(computed, expected):
    """Return how many representable numbers of the dtype lie between two finite floats of it."""
    integer_type = {np.dtype(np.float32): np.int32, np.dtype(np.float64): np.int64}[computed.dtype]
    values = np.array([computed, expected], dtype=computed.dtype).view(integer_type).astype(np.int64)
    smallest = np.iinfo(integer_type).min
    ordered = np.where(values < 0, smallest - values, values)
    return abs(int(ordered[0]) - int(ordered[1]))


def _exact(formula, x, dtype):
    """Return `formula` evaluated with mpmath at 300 bits, rounded to `dtype`."""
    with mpmath.workprec(300):
        return dtype(float(formula(mpmath.mpf(float(x)))))


def _exact_array(formula, x, dtype):
    """Return `formula` at each element of `x` with mpmath at 300 bits, correctly rounded to `dtype`."""
    with mpmath.workprec(300):
        return np.array([round_to_dtype(formula(mpmath.mpf(float(v))), dtype) for v in x], dtype=dtype)


def _max_ulp_distance(computed, expected):
    return ulp_distance(np.asarray(computed), np.asarray(expected)).max()


def _float32_sample(seed, log_span):
    """Return float32 inputs: uniform on [-30, 30], then log-uniform magnitudes up to e**log_span, both signs."""
    rng = np.random.default_rng(seed)
    magnitude = np.exp(rng.uniform(-log_span, log_span, 1000))
    return np.concatenate([rng.uniform(-30, 30, 1000), magnitude, -magnitude]).astype(np.float32)


# log_sigmoid


def test_log_sigmoid_pinned_float64_values():
    x = np.array([-np.inf, -1e300, -1000.0, 0.0, 800.0, np.inf])
    expected = np.array([-np.inf, -1e300, -1000.0, -math.log(2), 0.0, 0.0])
    np.testing.assert_array_equal(nonlin.log_sigmoid(x), expected)


def test_log_sigmoid_right_tail_accuracy():
    # log(sigmoid(x)) = -log1p(exp(-x)), which is -exp(-x) to full precision here.
    for x in (40.0, 200.0, 700.0):
        expected = _exact(lambda t: -mpmath.log1p(mpmath.exp(-t)), x, np.float64)
        assert _ulp_distance(nonlin.log_sigmoid(np.float64(x)), expected) <= 2


def test_log_sigmoid_right_tail_subnormal_float32():
    x = np.float32(100.0)
    expected = _exact(lambda t: -mpmath.log1p(mpmath.exp(-t)), x, np.float32)
    assert expected != 0
    assert nonlin.log_sigmoid(x) == expected


def test_log_sigmoid_left_tail_is_identity():
    x = np.array([-50.0, -1e10, -np.finfo(np.float64).max])
    np.testing.assert_array_equal(nonlin.log_sigmoid(x), x)


def test_log_sigmoid_float32_dense_grid():
    # float32 sums log1p(exp(-|x|)) from a series in float64 after a float32 exp.
    x = np.linspace(-5, 20, 2001).astype(np.float32)
    expected = _exact_array(lambda t: -mpmath.log1p(mpmath.exp(-t)), x, np.float32)
    assert _max_ulp_distance(nonlin.log_sigmoid(x), expected) <= 2


def test_log_sigmoid_derivative_matches_sigmoid():
    x = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(nonlin.log_sigmoid_derivative(x), nonlin.sigmoid(-x), rtol=1e-15)


def test_log_sigmoid_derivative_both_tails():
    # Right tail: sigmoid(-x) = exp(-x) / (1 + exp(-x)) keeps its relative accuracy.
    for x in (40.0, 700.0):
        expected = _exact(lambda t: 1 / (1 + mpmath.exp(t)), x, np.float64)
        assert _ulp_distance(nonlin.log_sigmoid_derivative(np.float64(x)), expected) <= 2
    # Subnormal result and underflow to 0.
    assert nonlin.log_sigmoid_derivative(740.0) == _exact(lambda t: 1 / (1 + mpmath.exp(t)), 740.0, np.float64)
    assert nonlin.log_sigmoid_derivative(np.inf) == 0
    # Left tail: 1 - exp(x) rounds to 1.
    np.testing.assert_array_equal(nonlin.log_sigmoid_derivative([-40.0, -1e300, -np.inf]), [1.0, 1.0, 1.0])


# hard_sigmoid


def test_hard_sigmoid_default_slope_is_one_sixth():
    assert inspect.signature(nonlin.hard_sigmoid).parameters["slope"].default == 1 / 6
    assert inspect.signature(nonlin.hard_sigmoid_derivative).parameters["slope"].default == 1 / 6
    assert nonlin.hard_sigmoid_derivative(0.0) == 1 / 6


def test_hard_sigmoid_default_matches_relu6_form():
    # PyTorch, JAX and Keras 3 compute min(max(x + 3, 0), 6) / 6.
    rng = np.random.default_rng(0)
    x = np.concatenate([rng.uniform(-5, 5, 1000), [-3.0, -1.5, 0.0, 1.5, 3.0]])
    expected = np.minimum(np.maximum(x + 3, 0), 6) / 6
    np.testing.assert_array_equal(nonlin.hard_sigmoid(x), expected)


def test_hard_sigmoid_pinned_default_values():
    x = [-np.inf, -4.0, -3.0, -1.5, 0.0, 1.5, 3.0, 4.0, np.inf]
    np.testing.assert_array_equal(nonlin.hard_sigmoid(x), [0, 0, 0, 0.25, 0.5, 0.75, 1, 1, 1])


def test_hard_sigmoid_keras2_slope():
    # Keras 2: clip(0.2 x + 0.5, 0, 1), kinks at +-2.5.
    x = np.array([-3.0, -2.5, -1.0, 0.0, 1.0, 2.5, 3.0])
    expected = np.clip(0.2 * x + 0.5, 0, 1)
    np.testing.assert_allclose(nonlin.hard_sigmoid(x, slope=0.2), expected, rtol=1e-15, atol=1e-16)


def test_hard_sigmoid_exact_near_lower_kink():
    # x + 3 is exact there, so the result is the correctly rounded (x + 3) / 6.
    x = np.nextafter(-3.0, 0.0)
    assert nonlin.hard_sigmoid(x) == (x + 3) / 6
    assert nonlin.hard_sigmoid(x) > 0


def test_hard_sigmoid_derivative_kinks():
    np.testing.assert_array_equal(nonlin.hard_sigmoid_derivative([-3.0, 3.0]), [0.0, 0.0])
    inside = [np.nextafter(-3.0, 0.0), np.nextafter(3.0, 0.0)]
    np.testing.assert_array_equal(nonlin.hard_sigmoid_derivative(inside), [1 / 6, 1 / 6])
    np.testing.assert_array_equal(nonlin.hard_sigmoid_derivative([-2.5, 2.5], slope=0.2), [0.0, 0.0])


@pytest.mark.parametrize("slope", [0.0, -0.2, math.inf, math.nan])
def test_hard_sigmoid_invalid_slope_names_value(slope):
    with pytest.raises(ValueError, match=f"slope={slope!r}"):
        nonlin.hard_sigmoid(1.0, slope=slope)
    with pytest.raises(ValueError, match=f"slope={slope!r}"):
        nonlin.hard_sigmoid_derivative(1.0, slope=slope)


def test_hard_sigmoid_tiny_slope_rejected():
    with pytest.raises(ValueError, match=r"slope=1e-320 is too small"):
        nonlin.hard_sigmoid(1.0, slope=1e-320)


def test_hard_sigmoid_huge_slope_float32_rejected():
    with pytest.raises(ValueError, match=r"slope=1e\+39 overflows float32"):
        nonlin.hard_sigmoid_derivative(np.float32(0.0), slope=1e39)


def test_hard_sigmoid_small_slope_float32():
    # The kinks at +-1/(2 slope) are beyond float32's range; every float32 input lies between them.
    x = np.array([-1e38, 0.0, 1e38], dtype=np.float32)
    result = nonlin.hard_sigmoid(x, slope=1e-40)
    assert result.dtype == np.float32
    np.testing.assert_allclose(result, 0.5 + 1e-40 * x.astype(np.float64), rtol=1e-7)


# sparse_sigmoid


def test_sparse_sigmoid_pinned_values():
    x = [-np.inf, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, np.inf]
    np.testing.assert_array_equal(nonlin.sparse_sigmoid(x), [0, 0, 0, 0.25, 0.5, 0.75, 1, 1, 1])


def test_sparse_sigmoid_exact_near_lower_kink():
    for dtype in (np.float32, np.float64):
        x = np.nextafter(dtype(-1), dtype(0))
        eps = np.finfo(dtype).epsneg
        assert nonlin.sparse_sigmoid(x) == dtype(eps / 2)


def test_sparse_sigmoid_derivative_kinks():
    np.testing.assert_array_equal(nonlin.sparse_sigmoid_derivative([-1.0, 1.0]), [0.0, 0.0])
    inside = [np.nextafter(-1.0, 0.0), np.nextafter(1.0, 0.0)]
    np.testing.assert_array_equal(nonlin.sparse_sigmoid_derivative(inside), [0.5, 0.5])


# hard_tanh


def test_hard_tanh_pinned_default_values():
    x = [-np.inf, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, np.inf]
    np.testing.assert_array_equal(nonlin.hard_tanh(x), [-1, -1, -1, -0.5, 0, 0.5, 1, 1, 1])


def test_hard_tanh_custom_bounds():
    x = [-5.0, -0.7, 0.0, 1.5, 2.0, 9.0]
    expected = [-0.7, -0.7, 0.0, 1.5, 2.0, 2.0]
    np.testing.assert_array_equal(nonlin.hard_tanh(x, min_value=-0.7, max_value=2.0), expected)


def test_hard_tanh_equal_bounds_are_constant():
    result = nonlin.hard_tanh([-3.0, 0.5, 3.0], min_value=0.5, max_value=0.5)
    np.testing.assert_array_equal(result, [0.5, 0.5, 0.5])
    derivative = nonlin.hard_tanh_derivative([-3.0, 0.5, 3.0], min_value=0.5, max_value=0.5)
    np.testing.assert_array_equal(derivative, [0.0, 0.0, 0.0])


def test_hard_tanh_swapped_bounds_rejected():
    for function in (nonlin.hard_tanh, nonlin.hard_tanh_derivative):
        with pytest.raises(ValueError, match=r"min_value=2\.0 is greater than max_value=1\.0"):
            function(0.0, min_value=2.0, max_value=1.0)


@pytest.mark.parametrize("name", ["min_value", "max_value"])
def test_hard_tanh_infinite_bound_names_value(name):
    with pytest.raises(ValueError, match=f"{name}=inf"):
        nonlin.hard_tanh(0.0, **{name: math.inf})


def test_hard_tanh_derivative_kinks():
    np.testing.assert_array_equal(nonlin.hard_tanh_derivative([-1.0, 1.0]), [0.0, 0.0])
    inside = [np.nextafter(-1.0, 0.0), np.nextafter(1.0, 0.0)]
    np.testing.assert_array_equal(nonlin.hard_tanh_derivative(inside), [1.0, 1.0])


def test_hard_tanh_inexact_float32_bound():
    # float32(-0.7) lies above -0.7, so it is strictly inside the interval.
    x = np.float32(-0.7)
    assert float(x) > -0.7
    assert nonlin.hard_tanh_derivative(x, min_value=-0.7, max_value=2.0) == 1
    assert nonlin.hard_tanh(x, min_value=-0.7, max_value=2.0) == x


# softsign


def test_softsign_pinned_values():
    largest = np.finfo(np.float64).max
    x = [-np.inf, -largest, -3.0, 0.0, 1.0, largest, np.inf]
    np.testing.assert_array_equal(nonlin.softsign(x), [-1, -1, -0.75, 0, 0.5, 1, 1])


def test_softsign_derivative_huge_input():
    x = np.array([1e200, np.finfo(np.float64).max, np.inf])
    np.testing.assert_array_equal(nonlin.softsign_derivative(x), [0.0, 0.0, 0.0])
    x = np.float64(1e150)
    assert _ulp_distance(nonlin.softsign_derivative(x), _exact(lambda t: 1 / (1 + t) ** 2, x, np.float64)) <= 2


def test_softsign_derivative_around_square_limit():
    # From u = 1 + |x| = 2**511 on, u is scaled by 2**-600 so that u*u stays
    # finite. The results there are subnormal, and 0 beyond 2**537.
    x = 2.0**511 * np.array([0.5, 0.999, 1.0, 1.001, 2.0, 2.0**20, 2.0**26, 2.0**27])
    x = np.concatenate([x, -x])
    expected = _exact_array(lambda t: 1 / (1 + abs(t)) ** 2, x, np.float64)
    assert _max_ulp_distance(nonlin.softsign_derivative(x), expected) <= 1


def test_softsign_derivative_float32_within_one_ulp():
    x = _float32_sample(11, 80)
    expected = _exact_array(lambda t: 1 / (1 + abs(t)) ** 2, x, np.float32)
    assert _max_ulp_distance(nonlin.softsign_derivative(x), expected) <= 1


def test_softsign_derivative_continuous_at_zero():
    x = [-1e-300, 0.0, 1e-300]
    np.testing.assert_array_equal(nonlin.softsign_derivative(x), [1.0, 1.0, 1.0])


# arctan


def test_arctan_infinities():
    np.testing.assert_array_equal(nonlin.arctan([-np.inf, np.inf]), [-np.pi / 2, np.pi / 2])


def test_arctan_derivative_huge_input():
    for dtype, x in ((np.float32, 1e19), (np.float32, 3e38), (np.float64, 1e154), (np.float64, 1e200)):
        x = dtype(x)
        expected = _exact(lambda t: 1 / (1 + t * t), x, dtype)
        result = nonlin.arctan_derivative(x)
        assert result.dtype == dtype
        assert _ulp_distance(result, expected) <= 2


def test_arctan_derivative_around_square_limit():
    # From |x| = 2**511 on, |x| is scaled by 2**-600 so that x*x stays finite.
    x = 2.0**511 * np.array([0.5, 0.999, 1.0, 1.001, 2.0, 2.0**20, 2.0**26, 2.0**27])
    x = np.concatenate([x, -x])
    expected = _exact_array(lambda t: 1 / (1 + t * t), x, np.float64)
    assert _max_ulp_distance(nonlin.arctan_derivative(x), expected) <= 1


def test_arctan_derivative_float32_within_one_ulp():
    x = _float32_sample(12, 80)
    expected = _exact_array(lambda t: 1 / (1 + t * t), x, np.float32)
    assert _max_ulp_distance(nonlin.arctan_derivative(x), expected) <= 1


# isru


def test_isru_derivative_float32_within_one_ulp():
    x = _float32_sample(13, 60)
    for alpha in (1.0, 0.1):
        expected = _exact_array(lambda t: (1 + alpha * t * t) ** mpmath.mpf(-1.5), x, np.float32)
        assert _max_ulp_distance(nonlin.isru_derivative(x, alpha=alpha), expected) <= 1


def test_isru_huge_input_reaches_limit():
    largest = np.finfo(np.float64).max
    x = np.array([-np.inf, -largest, -1e300, 1e200, largest, np.inf])
    np.testing.assert_array_equal(nonlin.isru(x), [-1, -1, -1, 1, 1, 1])
    np.testing.assert_array_equal(nonlin.isru(x, alpha=0.25), [-2, -2, -2, 2, 2, 2])
    np.testing.assert_array_equal(nonlin.isru_derivative(x), np.zeros(6))


def test_isru_float32_huge_input():
    x = np.array([1e19, 3e38], dtype=np.float32)
    np.testing.assert_array_equal(nonlin.isru(x), np.array([1, 1], dtype=np.float32))
    expected = _exact(lambda t: (1 + t * t) ** (-mpmath.mpf(3) / 2), x[0], np.float32)
    assert nonlin.isru_derivative(x[0]) == expected


def test_isru_tiny_alpha_float32():
    # alpha x^2 = 1e10 here, beyond float32's exponent range in both factors.
    x = np.float32(1e30)
    expected = _exact(lambda t: t / mpmath.sqrt(1 + mpmath.mpf(1e-50) * t * t), x, np.float32)
    assert nonlin.isru(x, alpha=1e-50) == expected


def test_isru_limit_beyond_float16_is_inf():
    # 1/sqrt(1e-300) = 1e150 rounds to inf in float16, without an overflow warning.
    x = np.array([-np.inf, 60000.0, np.inf], dtype=np.float16)
    result = nonlin.isru(x, alpha=1e-300)
    np.testing.assert_array_equal(result, np.array([-np.inf, 60000.0, np.inf], dtype=np.float16))


def test_isru_pinned_values():
    np.testing.assert_allclose(nonlin.isru([-1.0, 0.0, 1.0, 2.0]), [-(0.5**0.5), 0, 0.5**0.5, 2 / 5**0.5], rtol=1e-15)
    np.testing.assert_allclose(nonlin.isru_derivative([0.0, 1.0]), [1.0, 2**-1.5], rtol=1e-15)


@pytest.mark.parametrize("alpha", [0.0, -1.0, math.inf, math.nan])
def test_isru_invalid_alpha_names_value(alpha):
    for function in (nonlin.isru, nonlin.isru_derivative):
        with pytest.raises(ValueError, match=f"alpha={alpha!r}"):
            function(1.0, alpha=alpha)


# Finite-difference checks of every derivative, away from kinks.

_FINITE_DIFFERENCE_CASES = [
    ("sigmoid", {}, [-20.0, -2.0, -0.3, 0.0, 0.7, 5.0, 20.0]),
    ("tanh", {}, [-5.0, -0.5, 0.0, 0.2, 3.0]),
    ("log_sigmoid", {}, [-30.0, -2.0, 0.0, 1.5, 30.0]),
    ("hard_sigmoid", {}, [-5.0, -2.0, 0.0, 2.9, 4.0]),
    ("hard_sigmoid", {"slope": 0.2}, [-3.0, -2.0, 0.0, 2.4, 3.0]),
    ("sparse_sigmoid", {}, [-2.0, -0.9, 0.0, 0.9, 2.0]),
    ("hard_tanh", {}, [-2.0, -0.5, 0.0, 0.5, 2.0]),
    ("hard_tanh", {"min_value": -0.7, "max_value": 2.0}, [-1.0, -0.6, 1.9, 2.1]),
    ("softsign", {}, [-10.0, -0.5, 0.0, 0.5, 10.0]),
    ("arctan", {}, [-10.0, -1.0, 0.0, 0.3, 100.0]),
    ("isru", {}, [-10.0, -1.0, 0.0, 0.3, 100.0]),
    ("isru", {"alpha": 0.1}, [-10.0, -1.0, 0.0, 0.3, 100.0]),
]


@pytest.mark.parametrize(("name", "parameters", "points"), _FINITE_DIFFERENCE_CASES)
def test_derivative_matches_finite_difference(name, parameters, points):
    function = getattr(nonlin, name)
    derivative = getattr(nonlin, f"{name}_derivative")
    x = np.array(points)
    step = 1e-6 * np.maximum(1, np.abs(x))
    difference = (function(x + step, **parameters) - function(x - step, **parameters)) / (2 * step)
    np.testing.assert_allclose(derivative(x, **parameters), difference, rtol=1e-6, atol=1e-9)


# Evaluation in blocks


_BLOCKWISE_CASES = [
    ("sigmoid", np.float32),
    ("sigmoid_derivative", np.float64),
    ("log_sigmoid", np.float32),
    ("softsign_derivative", np.float64),
    ("arctan_derivative", np.float64),
    ("isru", np.float32),
]


@pytest.mark.parametrize(("name", "dtype"), _BLOCKWISE_CASES)
def test_blockwise_independent_of_block_boundaries(name, dtype):
    # Longer than several blocks, strided, and compared with calls on short
    # slices, each of which fits in one block.
    function = getattr(nonlin, name)
    values = np.random.default_rng(14).normal(0, 5, 2 * (3 * BLOCK_SIZE + 17)).astype(dtype)
    x = values[::2]
    expected = np.concatenate([function(x[start : start + 1000]) for start in range(0, x.size, 1000)])
    np.testing.assert_array_equal(function(x), expected)

    strided_out = np.empty(2 * x.size, dtype)[::2]
    assert function(x, out=strided_out) is strided_out
    np.testing.assert_array_equal(strided_out, expected)

    contiguous = x.copy()
    assert function(contiguous, out=contiguous) is contiguous
    np.testing.assert_array_equal(contiguous, expected)

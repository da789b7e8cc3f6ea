"""Values, conventions and parameter checks of the smooth rectifiers.

The generic tests (dtypes, warnings, NaN, catalogue properties) and the
accuracy test over each dtype's whole range cover every activation. The
tests here pin the documented cases: tails that must not underflow early,
inputs that overflow naive formulas, kink values, parameter errors and the
GELU forms.
"""

import math
import re

import mpmath
import numpy as np
import pytest

import nonlin
from nonlin import _smooth
from nonlin.catalogue import CATALOGUE
from reference import mp_smooth
from reference.generate import round_to_dtype


def correctly_rounded(reference, x, dtype, **parameters):
    """Return the mpmath `reference` at each x, rounded once to `dtype`."""
    with mpmath.workprec(200):
        values = [reference(mpmath.mpf(float(v))) for v in np.atleast_1d(x)]
    return np.array([round_to_dtype(value, dtype) for value in values], dtype=dtype)


def assert_within_ulp(actual, expected, ulp):
    np.testing.assert_array_max_ulp(np.asarray(actual), np.asarray(expected), maxulp=ulp)


def assert_near_zero_crossing(derivative, reference, second_derivative, root, **parameters):
    """Check `derivative` beside its zero `root` against the accuracy bar: 4 ULP + the condition number.

    The float64 neighbours of the root carry a condition number near
    1e16, so the bar allows a large ULP error there. It still rules out a
    wrong sign and any loss of the relative accuracy that the input allows.
    """
    x = np.array([np.nextafter(root, -np.inf), root, np.nextafter(root, np.inf), root - 1e-9, root + 1e-9])
    result = derivative(x, **parameters)
    expected = correctly_rounded(reference, x, np.float64)
    np.testing.assert_array_equal(np.sign(result), np.sign(expected))
    with mpmath.workprec(200):
        condition = [
            float(abs(mpmath.mpf(float(v)) * second_derivative(mpmath.mpf(float(v))) / reference(mpmath.mpf(float(v)))))
            for v in x
        ]
    distance = np.abs(result - expected) / np.spacing(np.abs(expected))
    allowed = 4 + np.array(condition)
    assert (distance <= allowed).all(), f"ULP errors {distance} exceed {allowed}"


# GELU


def test_gelu_default_is_exact_form():
    x = np.array([-2.0, -1.0, 0.5, 1.0, 3.0])
    np.testing.assert_array_equal(nonlin.gelu(x), nonlin.gelu(x, approximate="none"))
    np.testing.assert_array_equal(nonlin.gelu_derivative(x), nonlin.gelu_derivative(x, approximate="none"))
    assert nonlin.gelu(1.0) == pytest.approx(0.8413447460685429, rel=1e-15)
    assert nonlin.gelu(1.0, approximate="tanh") == pytest.approx(0.8411919906082768, rel=1e-15)


def test_gelu_tanh_variant_matches_textbook_formula():
    x = np.linspace(-3, 3, 61)
    u = math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)
    textbook = 0.5 * x * (1 + np.tanh(u))
    np.testing.assert_allclose(nonlin.gelu(x, approximate="tanh"), textbook, rtol=1e-13, atol=1e-16)


def test_gelu_catalogue_variant_selects_tanh_form():
    entry = CATALOGUE["gelu"]
    x = np.array([-1.5, 0.25, 2.0])
    variant = entry.variants["tanh"]
    np.testing.assert_array_equal(entry.function(x, **variant), nonlin.gelu(x, approximate="tanh"))
    np.testing.assert_array_equal(entry.derivative(x, **variant), nonlin.gelu_derivative(x, approximate="tanh"))


@pytest.mark.parametrize("approximate", ["erf", "TANH", "", None, 1, True, False])
def test_gelu_invalid_approximate_raises(approximate):
    for function in (nonlin.gelu, nonlin.gelu_derivative):
        with pytest.raises(ValueError, match=re.escape(f"approximate={approximate!r}")) as error:
            function([0.5], approximate=approximate)
        assert "'none'" in str(error.value)
        assert "'tanh'" in str(error.value)


def test_gelu_invalid_approximate_bool_explains_jax():
    with pytest.raises(ValueError, match="JAX's approximate=True is 'tanh'"):
        nonlin.gelu(0.5, approximate=True)


def test_gelu_float32_tail_reaches_subnormals():
    x = np.array([-6.0, -6.5, -8.0, -10.0, -12.0, -13.0, -14.0], dtype=np.float32)
    result = nonlin.gelu(x)
    assert (result < 0).all(), f"gelu underflowed early: {result}"
    assert abs(result[-1]) < np.finfo(np.float32).smallest_normal
    assert_within_ulp(result, correctly_rounded(mp_smooth._gelu, x, np.float32), 1)


def test_gelu_float64_tail_reaches_subnormals():
    x = np.array([-20.0, -30.0, -37.0, -38.0])
    result = nonlin.gelu(x)
    assert (result < 0).all()
    assert_within_ulp(result, correctly_rounded(mp_smooth._gelu, x, np.float64), 2)


def test_gelu_derivative_float32_tail_reaches_subnormals():
    x = np.array([-6.0, -10.0, -13.0, -14.0], dtype=np.float32)
    result = nonlin.gelu_derivative(x)
    assert (result < 0).all()
    assert_within_ulp(result, correctly_rounded(mp_smooth._gelu_derivative, x, np.float32), 1)


def test_gelu_derivative_near_zero_crossing():
    assert_near_zero_crossing(
        nonlin.gelu_derivative,
        mp_smooth._gelu_derivative,
        mp_smooth._gelu_second_derivative,
        mp_smooth.GELU_DERIVATIVE_ZERO,
    )


def test_gelu_limits_at_infinity():
    x = np.array([-np.inf, np.inf])
    np.testing.assert_array_equal(nonlin.gelu(x), [0.0, np.inf])
    np.testing.assert_array_equal(nonlin.gelu_derivative(x), [0.0, 1.0])
    np.testing.assert_array_equal(nonlin.gelu(x, approximate="tanh"), [0.0, np.inf])
    np.testing.assert_array_equal(nonlin.gelu_derivative(x, approximate="tanh"), [0.0, 1.0])


def test_gelu_tanh_float32_tail_has_no_cancellation():
    x = np.array([-4.0, -6.0, -8.0, -10.0], dtype=np.float32)
    result = nonlin.gelu(x, approximate="tanh")
    assert (result < 0).all(), f"1 + tanh(u) cancelled: {result}"
    assert_within_ulp(result, correctly_rounded(mp_smooth._tanh_gelu, x, np.float32), 1)


def test_gelu_tanh_huge_input_no_overflow():
    x = np.array([1e200, -1e200, np.finfo(np.float64).max])
    np.testing.assert_array_equal(nonlin.gelu(x, approximate="tanh"), [1e200, 0.0, np.finfo(np.float64).max])
    np.testing.assert_array_equal(nonlin.gelu_derivative(x, approximate="tanh"), [1.0, 0.0, 1.0])


def test_gelu_tanh_derivative_near_zero_crossing():
    assert_near_zero_crossing(
        nonlin.gelu_derivative,
        mp_smooth._tanh_gelu_derivative,
        mp_smooth._tanh_gelu_second_derivative,
        mp_smooth.TANH_GELU_DERIVATIVE_ZERO,
        approximate="tanh",
    )


def test_normal_table_is_double_double_accurate():
    table = _smooth._normal_table()
    with mpmath.workprec(200):
        for k, (hi, lo) in enumerate(zip(table["upper_hi"], table["upper_lo"])):
            y = mpmath.mpf(k) / 8
            exact = mpmath.erfc(y / mpmath.sqrt(2)) / 2
            assert abs(mpmath.mpf(hi) + mpmath.mpf(lo) - exact) <= exact * mpmath.mpf(2) ** -100, f"row {k}"
        for k, (hi, lo) in enumerate(zip(table["density_hi"], table["density_lo"])):
            exact = mpmath.npdf(mpmath.mpf(k) / 8)
            assert abs(mpmath.mpf(hi) + mpmath.mpf(lo) - exact) <= exact * mpmath.mpf(2) ** -100, f"row {k}"


# SiLU and swish


def test_swish_is_silu_alias():
    assert nonlin.swish is nonlin.silu
    assert nonlin.swish_derivative is nonlin.silu_derivative


def test_silu_float32_tail_reaches_subnormals():
    x = np.array([-20.0, -50.0, -100.0], dtype=np.float32)
    result = nonlin.silu(x)
    assert (result < 0).all()
    assert_within_ulp(result, correctly_rounded(mp_smooth._silu, x, np.float32), 1)


def test_silu_derivative_near_zero_crossing():
    assert_near_zero_crossing(
        nonlin.silu_derivative,
        mp_smooth._silu_derivative,
        mp_smooth._silu_second_derivative,
        mp_smooth.SILU_DERIVATIVE_ZERO,
    )


# Mish


def test_mish_float32_extremes():
    result = nonlin.mish(np.array([np.inf, -np.inf, -100.0], dtype=np.float32))
    assert result[0] == np.inf
    assert result[1] == 0
    assert result[2] != 0
    assert abs(result[2]) < np.finfo(np.float32).smallest_normal
    assert result[2] == pytest.approx(-3.72e-42, rel=1e-2)
    expected = correctly_rounded(mp_smooth._mish, np.float32(-100.0), np.float32)
    assert_within_ulp(result[2:], expected, 1)


def test_mish_derivative_tails():
    x = np.array([-700.0, -100.0, -20.0, 20.0, 40.0])
    result = nonlin.mish_derivative(x)
    assert_within_ulp(result, correctly_rounded(mp_smooth._mish_derivative, x, np.float64), 2)
    x32 = np.array([-100.0, -30.0], dtype=np.float32)
    result32 = nonlin.mish_derivative(x32)
    assert (result32 < 0).all()
    assert_within_ulp(result32, correctly_rounded(mp_smooth._mish_derivative, x32, np.float32), 1)


def test_mish_derivative_near_zero_crossing():
    assert_near_zero_crossing(
        nonlin.mish_derivative,
        mp_smooth._mish_derivative,
        mp_smooth._mish_second_derivative,
        mp_smooth.MISH_DERIVATIVE_ZERO,
    )


# Softplus


def test_softplus_float32_tail_and_linear_side():
    x = np.array([-20.0, 20.0, 100.0, 1e10], dtype=np.float32)
    expected = np.array([2.0611537e-09, 20.0, 100.0, 1e10], dtype=np.float32)
    assert_within_ulp(nonlin.softplus(x), expected, 1)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_softplus_huge_beta_no_overflow(dtype):
    x = np.array([0.5, -1.0, 2.0], dtype=dtype)
    np.testing.assert_array_equal(nonlin.softplus(x, beta=1e30), np.array([0.5, 0.0, 2.0], dtype=dtype))
    np.testing.assert_array_equal(nonlin.softplus_derivative(x, beta=1e30), np.array([1.0, 0.0, 1.0], dtype=dtype))


def test_softplus_tiny_beta_tail_stays_normal():
    # exp(beta x) = exp(-1000) underflows, but exp(beta x) / beta = 1e300 e^-1000 is normal.
    result = nonlin.softplus(-1e303, beta=1e-300)
    with mpmath.workprec(200):
        exact = mpmath.log1p(mpmath.exp(mpmath.mpf(-1000))) / mpmath.mpf(1e-300)
    assert result == pytest.approx(float(exact), rel=1e-12)


@pytest.mark.parametrize("beta", [0.0, -1.0, math.inf, math.nan])
def test_softplus_invalid_beta_raises(beta):
    for function in (nonlin.softplus, nonlin.softplus_derivative):
        with pytest.raises(ValueError, match=re.escape(f"beta={beta!r}")):
            function([1.0], beta=beta)


def test_softplus_beta_overflowing_float32_raises():
    with pytest.raises(ValueError, match="overflows float32"):
        nonlin.softplus(np.float32(1.0), beta=1e39)


def test_softplus_has_no_threshold_parameter():
    with pytest.raises(TypeError, match="threshold"):
        nonlin.softplus([1.0], threshold=20)


@pytest.mark.parametrize("beta", [0.5, 1.0, 2.0])
def test_softplus_derivative_is_sigmoid_of_beta_x(beta):
    x = np.linspace(-40, 40, 161)
    assert_within_ulp(nonlin.softplus_derivative(x, beta=beta), nonlin.sigmoid(beta * x), 2)


# Squareplus


def test_squareplus_negative_tail_has_no_cancellation():
    x = np.array([-1e10, -1e100, -1e200])
    np.testing.assert_allclose(nonlin.squareplus(x), [1e-10, 1e-100, 1e-200], rtol=1e-15)
    np.testing.assert_allclose(nonlin.squareplus(x, b=1.0), [0.25e-10, 0.25e-100, 0.25e-200], rtol=1e-15)


def test_squareplus_huge_input_no_overflow():
    largest = np.finfo(np.float64).max
    x = np.array([largest, -largest, 1e300])
    np.testing.assert_array_equal(nonlin.squareplus(x)[[0, 2]], [largest, 1e300])
    assert nonlin.squareplus(x)[1] == pytest.approx(1 / largest, rel=1e-15)
    np.testing.assert_array_equal(nonlin.squareplus_derivative(x), [1.0, 0.0, 1.0])


def test_squareplus_derivative_float64_tail():
    # b / (4 x^2) is subnormal here although x^2 overflows.
    result = nonlin.squareplus_derivative(-1e155)
    assert result == pytest.approx(1e-310, rel=1e-10)


def test_squareplus_b_zero_is_relu():
    x = np.array([-2.0, -0.0, 0.0, 3.0])
    np.testing.assert_array_equal(nonlin.squareplus(x, b=0.0), [0.0, 0.0, 0.0, 3.0])
    np.testing.assert_array_equal(nonlin.squareplus_derivative(x, b=0.0), [0.0, 0.5, 0.5, 1.0])


@pytest.mark.parametrize("b", [-1.0, math.inf, math.nan])
def test_squareplus_invalid_b_raises(b):
    for function in (nonlin.squareplus, nonlin.squareplus_derivative):
        with pytest.raises(ValueError, match=re.escape(f"b={b!r}")):
            function([1.0], b=b)


# Sparse plus


def test_sparse_plus_pieces():
    x = np.array([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0])
    np.testing.assert_array_equal(nonlin.sparse_plus(x), [0.0, 0.0, 0.0625, 0.25, 0.5625, 1.0, 2.0])
    np.testing.assert_array_equal(nonlin.sparse_plus_derivative(x), [0.0, 0.0, 0.25, 0.5, 0.75, 1.0, 1.0])


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_sparse_plus_derivative_continuous_at_joins(dtype):
    joins = np.array([-1.0, 1.0], dtype=dtype)
    np.testing.assert_array_equal(nonlin.sparse_plus_derivative(joins), np.array([0.0, 1.0], dtype=dtype))
    inside = np.array([np.nextafter(dtype(-1), dtype(0)), np.nextafter(dtype(1), dtype(0))])
    np.testing.assert_allclose(nonlin.sparse_plus_derivative(inside), [0.0, 1.0], atol=float(np.finfo(dtype).eps))


# Hard swish


def test_hard_silu_is_hard_swish_alias():
    assert nonlin.hard_silu is nonlin.hard_swish
    assert nonlin.hard_silu_derivative is nonlin.hard_swish_derivative


def test_hard_swish_pieces():
    x = np.array([-4.0, -3.0, -1.5, 0.0, 1.0, 3.0, 4.0])
    np.testing.assert_allclose(nonlin.hard_swish(x), [0.0, 0.0, -0.375, 0.0, 2 / 3, 3.0, 4.0], rtol=1e-16)
    assert not np.signbit(nonlin.hard_swish(x[:2])).any(), "hard_swish should return +0.0 where it is flat"


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_hard_swish_derivative_kinks_take_flat_side(dtype):
    kinks = np.array([-3.0, 3.0], dtype=dtype)
    np.testing.assert_array_equal(nonlin.hard_swish_derivative(kinks), np.array([0.0, 1.0], dtype=dtype))
    assert [kink.derivative for kink in CATALOGUE["hard_swish"].kinks] == [0.0, 1.0]


def test_hard_swish_derivative_inner_side_near_kinks():
    x = np.array([np.nextafter(-3.0, 0.0), -1.5, np.nextafter(3.0, 0.0)])
    np.testing.assert_allclose(nonlin.hard_swish_derivative(x), [-0.5, 0.0, 1.5], atol=1e-15)


# Derivatives against central differences

FINITE_DIFFERENCE_CASES = [
    ("gelu", {}),
    ("gelu", {"approximate": "tanh"}),
    ("silu", {}),
    ("mish", {}),
    ("softplus", {}),
    ("softplus", {"beta": 2.0}),
    ("softplus", {"beta": 0.5}),
    ("squareplus", {}),
    ("squareplus", {"b": 1.0}),
    ("sparse_plus", {}),
    ("hard_swish", {}),
]


@pytest.mark.parametrize(("name", "parameters"), FINITE_DIFFERENCE_CASES, ids=lambda value: str(value))
def test_derivative_matches_central_difference(name, parameters):
    function = getattr(nonlin, name)
    derivative = getattr(nonlin, f"{name}_derivative")
    # Points off the kinks of hard_swish (+-3) and the joins of sparse_plus (+-1).
    x = np.linspace(-7.9, 7.9, 80)
    step = 1e-6
    difference = (function(x + step, **parameters) - function(x - step, **parameters)) / (2 * step)
    np.testing.assert_allclose(derivative(x, **parameters), difference, rtol=1e-7, atol=1e-9)

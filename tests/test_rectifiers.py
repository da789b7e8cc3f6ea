"""Rectifiers: kink conventions, parameter checks and the regimes each formula guards.

The catalogue-wide tests (dtypes, warnings, NaN, lists, stated properties)
and the mpmath accuracy test already cover every rectifier. These tests pin
what is particular to each one.
"""

import math
import warnings

import numpy as np
import pytest

import nonlin

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def no_warnings(function, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return function(*args, **kwargs)


# ReLU6


def test_relu6_values_and_saturation():
    x = np.array([-np.inf, -1.0, 0.0, 2.5, 6.0, 1e300, np.inf])
    np.testing.assert_array_equal(nonlin.relu6(x), [0.0, 0.0, 0.0, 2.5, 6.0, 6.0, 6.0])


def test_relu6_kink_derivatives_are_zero():
    # PyTorch (hardtanh backward), JAX (jax.nn.relu6) and TensorFlow all give 0 at both kinks.
    assert nonlin.relu6_derivative(0.0) == 0.0
    assert nonlin.relu6_derivative(6.0) == 0.0


def test_relu6_derivative_inside_and_outside():
    x = np.array([-1.0, np.nextafter(0.0, 1.0), 3.0, np.nextafter(6.0, 0.0), 7.0])
    np.testing.assert_array_equal(nonlin.relu6_derivative(x), [0.0, 1.0, 1.0, 1.0, 0.0])


# Leaky ReLU


def test_leaky_relu_zero_slope_at_negative_infinity():
    # 0 * -inf would be NaN with a RuntimeWarning; the limit is 0.
    assert no_warnings(nonlin.leaky_relu, -np.inf, negative_slope=0.0) == 0.0


def test_leaky_relu_steep_slope_overflows_to_inf():
    x = np.array([-np.finfo(np.float32).max], dtype=np.float32)
    result = no_warnings(nonlin.leaky_relu, x, negative_slope=2.0)
    assert result[0] == -np.inf


def test_leaky_relu_steep_slope_float16_overflows_to_inf():
    x = np.array([-60000.0], dtype=np.float16)
    result = no_warnings(nonlin.leaky_relu, x, negative_slope=2.0)
    assert result.dtype == np.float16
    assert result[0] == -np.inf


def test_leaky_relu_kink_derivative_is_slope():
    assert nonlin.leaky_relu_derivative(0.0, negative_slope=0.2) == 0.2


# PReLU


def test_prelu_scalar_weight_matches_leaky_relu():
    x = np.linspace(-3, 3, 13)
    np.testing.assert_array_equal(nonlin.prelu(x, 0.2), nonlin.leaky_relu(x, negative_slope=0.2))
    np.testing.assert_array_equal(nonlin.prelu_derivative(x, 0.2), nonlin.leaky_relu_derivative(x, negative_slope=0.2))


def test_prelu_default_weight_is_pytorch_init():
    assert nonlin.prelu(-1.0) == -0.25


def test_prelu_weight_per_channel():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 3, 4, 5))
    weight = np.array([0.1, 0.5, 2.0]).reshape(3, 1, 1)

    result = nonlin.prelu(x, weight)
    derivative = nonlin.prelu_derivative(x, weight)

    assert result.shape == x.shape
    for channel, slope in enumerate([0.1, 0.5, 2.0]):
        plane = x[:, channel]
        np.testing.assert_array_equal(result[:, channel], np.where(plane > 0, plane, slope * plane))
        np.testing.assert_array_equal(derivative[:, channel], np.where(plane > 0, 1.0, slope))


def test_prelu_weight_per_channel_float32_keeps_dtype():
    x = -np.ones((2, 3, 1, 1), dtype=np.float32)
    weight = np.array([0.1, 0.2, 0.3]).reshape(3, 1, 1)
    result = nonlin.prelu(x, weight)
    assert result.dtype == np.float32
    np.testing.assert_array_equal(result[0, :, 0, 0], -np.array([0.1, 0.2, 0.3], dtype=np.float32))


def test_prelu_weight_not_broadcastable_rejected():
    x = np.ones((2, 3, 4, 5))
    with pytest.raises(ValueError, match=r"shape \(3,\) does not broadcast to x of shape \(2, 3, 4, 5\).*\(C, 1, 1\)"):
        nonlin.prelu(x, np.ones(3))


def test_prelu_weight_enlarging_x_rejected():
    with pytest.raises(ValueError, match=r"shape \(2, 3\) does not broadcast to x of shape \(3,\)"):
        nonlin.prelu(np.ones(3), np.ones((2, 3)))


def test_prelu_weight_nan_rejected():
    weight = np.array([0.1, np.nan, 0.3]).reshape(3, 1, 1)
    with pytest.raises(ValueError, match=r"weight\[1, 0, 0\]=nan is invalid"):
        nonlin.prelu(np.ones((1, 3, 2, 2)), weight)


def test_prelu_scalar_weight_infinite_rejected():
    with pytest.raises(ValueError, match=r"weight=inf is invalid"):
        nonlin.prelu_derivative([1.0], np.inf)


def test_prelu_weight_overflowing_float32_rejected():
    with pytest.raises(ValueError, match=r"weight=1e\+39 overflows float32"):
        nonlin.prelu(np.ones(2, dtype=np.float32), 1e39)


@pytest.mark.parametrize("weight", [True, 1 + 1j, "0.25"], ids=["bool", "complex", "string"])
def test_prelu_weight_not_real_rejected(weight):
    with pytest.raises(TypeError, match="weight has dtype"):
        nonlin.prelu([1.0], weight)


def test_prelu_integer_weight_accepted():
    assert nonlin.prelu(-2.0, 1) == -2.0


def test_prelu_zero_weight_at_negative_infinity():
    assert no_warnings(nonlin.prelu, -np.inf, 0.0) == 0.0


def test_prelu_kink_derivative_is_weight():
    # PyTorch: input > 0 ? grad : weight * grad; Keras (two ReLUs) gives 0 instead.
    assert nonlin.prelu_derivative(0.0, 0.3) == 0.3


# RReLU


def test_rrelu_eval_uses_mean_slope():
    x = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_array_equal(nonlin.rrelu(x), nonlin.leaky_relu(x, negative_slope=11 / 48))
    np.testing.assert_array_equal(nonlin.rrelu(x, lower=0.1, upper=0.3), [-0.4, 0.0, 3.0])


def test_rrelu_eval_kink_derivative_is_mean_slope():
    assert nonlin.rrelu_derivative(0.0) == 11 / 48


def test_rrelu_eval_ignores_rng():
    x = np.array([-1.0, 1.0])
    np.testing.assert_array_equal(nonlin.rrelu(x, rng=np.random.default_rng(0)), nonlin.rrelu(x))


def test_rrelu_eval_returns_no_slopes():
    _, slopes = nonlin.rrelu([-1.0], return_slopes=True)
    assert slopes is None


def test_rrelu_training_reproducible_with_seed():
    x = np.linspace(-5, 5, 101)
    first = nonlin.rrelu(x, training=True, rng=np.random.default_rng(42))
    second = nonlin.rrelu(x, training=True, rng=np.random.default_rng(42))
    other = nonlin.rrelu(x, training=True, rng=np.random.default_rng(43))
    np.testing.assert_array_equal(first, second)
    assert not np.array_equal(first, other)


def test_rrelu_training_slopes_within_bounds():
    x = -np.ones(10_000)
    out, slopes = nonlin.rrelu(x, lower=0.2, upper=0.25, training=True, rng=np.random.default_rng(7), return_slopes=True)
    assert slopes.shape == x.shape
    assert slopes.dtype == np.float64
    assert slopes.min() >= 0.2
    assert slopes.max() <= 0.25
    np.testing.assert_array_equal(out, -slopes)
    # One slope per element: they are not all equal.
    assert np.unique(slopes).size > 9000


def test_rrelu_training_positive_inputs_pass_through():
    x = np.array([0.5, 1.0, 1e300])
    np.testing.assert_array_equal(nonlin.rrelu(x, training=True, rng=np.random.default_rng(0)), x)


def test_rrelu_training_equal_bounds_is_leaky_relu():
    x = np.linspace(-3, 3, 7)
    result = nonlin.rrelu(x, lower=0.3, upper=0.3, training=True, rng=np.random.default_rng(0))
    np.testing.assert_array_equal(result, nonlin.leaky_relu(x, negative_slope=0.3))


def test_rrelu_training_float32_uses_rounded_slopes():
    x = np.array([-1.0, -3.0], dtype=np.float32)
    out, slopes = nonlin.rrelu(x, training=True, rng=np.random.default_rng(3), return_slopes=True)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, x * slopes.astype(np.float32))


def test_rrelu_training_without_generator_rejected():
    with pytest.raises(TypeError, match=r"rng=np\.random\.default_rng\(seed\)"):
        nonlin.rrelu([-1.0], training=True)


def test_rrelu_training_integer_seed_rejected():
    with pytest.raises(TypeError, match=r"rng of type int.*default_rng\(seed\)"):
        nonlin.rrelu([-1.0], training=True, rng=0)


def test_rrelu_training_flag_not_bool_rejected():
    with pytest.raises(TypeError, match="training must be True or False"):
        nonlin.rrelu([-1.0], 0.1, 0.3, np.random.default_rng(0))


def test_rrelu_training_derivative_from_slopes():
    x = np.array([-2.0, 0.0, 3.0, -0.5])
    _, slopes = nonlin.rrelu(x, training=True, rng=np.random.default_rng(5), return_slopes=True)
    derivative = nonlin.rrelu_derivative(x, training=True, slopes=slopes)
    np.testing.assert_array_equal(derivative, [slopes[0], slopes[1], 1.0, slopes[3]])


def test_rrelu_training_derivative_from_same_seed():
    x = np.linspace(-2, 2, 9)
    _, slopes = nonlin.rrelu(x, training=True, rng=np.random.default_rng(11), return_slopes=True)
    from_rng = nonlin.rrelu_derivative(x, training=True, rng=np.random.default_rng(11))
    from_slopes = nonlin.rrelu_derivative(x, training=True, slopes=slopes)
    np.testing.assert_array_equal(from_rng, from_slopes)


def test_rrelu_training_derivative_needs_slopes_or_rng():
    with pytest.raises(TypeError, match=r"pass slopes=.*or rng="):
        nonlin.rrelu_derivative([-1.0], training=True)


def test_rrelu_training_derivative_slopes_and_rng_rejected():
    with pytest.raises(ValueError, match="not both"):
        nonlin.rrelu_derivative([-1.0], training=True, slopes=[0.2], rng=np.random.default_rng(0))


def test_rrelu_eval_derivative_slopes_rejected():
    with pytest.raises(ValueError, match="training=False"):
        nonlin.rrelu_derivative([-1.0], slopes=[0.2])


def test_rrelu_slopes_outside_bounds_rejected():
    with pytest.raises(ValueError, match=r"slopes\[1\]=0\.5 is out of range.*\[0\.125, 0\.333333\]"):
        nonlin.rrelu_derivative([-1.0, -2.0], training=True, slopes=[0.2, 0.5])


def test_rrelu_slopes_wrong_shape_rejected():
    with pytest.raises(ValueError, match=r"slopes of shape \(3,\) does not broadcast"):
        nonlin.rrelu_derivative([-1.0, -2.0], training=True, slopes=[0.2, 0.2, 0.2])


def test_rrelu_upper_below_lower_rejected():
    with pytest.raises(ValueError, match=r"upper=0\.1 is out of range: upper must be >= 0\.2"):
        nonlin.rrelu([-1.0], lower=0.2, upper=0.1)


@pytest.mark.parametrize("lower", [-0.1, math.nan, math.inf])
def test_rrelu_lower_invalid_rejected(lower):
    with pytest.raises(ValueError, match=f"lower={lower!r}"):
        nonlin.rrelu_derivative([-1.0], lower=lower)


# Threshold


def test_threshold_replaces_at_and_below():
    x = np.array([-np.inf, -1.0, 0.1, 0.5, np.inf])
    np.testing.assert_array_equal(nonlin.threshold(x, 0.1, 20.0), [20.0, 20.0, 20.0, 0.5, np.inf])


def test_threshold_defaults_give_relu():
    x = np.linspace(-2, 2, 9)
    np.testing.assert_array_equal(nonlin.threshold(x), nonlin.relu(x))
    np.testing.assert_array_equal(nonlin.threshold_derivative(x), nonlin.relu_derivative(x))


def test_threshold_kink_derivative_is_zero():
    # PyTorch's threshold_backward passes no gradient where x <= threshold.
    assert nonlin.threshold_derivative(0.1, 0.1, 20.0) == 0.0
    assert nonlin.threshold_derivative(np.nextafter(0.1, 1.0), 0.1, 20.0) == 1.0


def test_threshold_float32_compares_with_exact_threshold():
    # float32(0.1) is 0.100000001490116..., above the double 0.1, so it is kept.
    below = np.nextafter(np.float32(0.1), np.float32(0))
    x = np.array([below, np.float32(0.1)], dtype=np.float32)
    np.testing.assert_array_equal(nonlin.threshold(x, 0.1, 20.0), [20.0, np.float32(0.1)])
    np.testing.assert_array_equal(nonlin.threshold_derivative(x, 0.1, 20.0), [0.0, 1.0])


def test_threshold_value_nan_rejected():
    with pytest.raises(ValueError, match=r"value=nan is invalid"):
        nonlin.threshold([1.0], 0.0, math.nan)


def test_threshold_value_overflowing_float16_rejected():
    with pytest.raises(ValueError, match=r"value=100000\.0 overflows float16"):
        nonlin.threshold(np.ones(2, dtype=np.float16), 0.0, 1e5)


# CELU


def test_celu_alpha_zero_rejected():
    with pytest.raises(ValueError, match=r"alpha=0\.0 is out of range: alpha must be > 0"):
        nonlin.celu([1.0], alpha=0.0)


@pytest.mark.parametrize("alpha", [-1.0, math.inf, math.nan])
def test_celu_alpha_invalid_rejected(alpha):
    with pytest.raises(ValueError, match=f"alpha={alpha!r}"):
        nonlin.celu_derivative([1.0], alpha=alpha)


def test_celu_alpha_underflowing_float32_rejected():
    with pytest.raises(ValueError, match=r"alpha=1e-50 underflows to 0 in float32"):
        nonlin.celu(np.ones(2, dtype=np.float32), alpha=1e-50)


def test_celu_alpha_one_is_elu():
    x = np.linspace(-5, 5, 41)
    np.testing.assert_array_equal(nonlin.celu(x), nonlin.elu(x))
    np.testing.assert_array_equal(nonlin.celu_derivative(x), nonlin.elu_derivative(x))


@pytest.mark.parametrize("alpha", [0.25, 1.0, 4.0])
def test_celu_derivative_continuous_at_zero(alpha):
    assert nonlin.celu_derivative(0.0, alpha=alpha) == 1.0
    assert nonlin.celu_derivative(-1e-12, alpha=alpha) == pytest.approx(1.0, abs=1e-11)


def test_celu_saturates_at_minus_alpha():
    assert nonlin.celu(-1e300, alpha=2.5) == -2.5
    assert nonlin.celu(-np.inf, alpha=2.5) == -2.5
    assert nonlin.celu_derivative(-np.inf, alpha=2.5) == 0.0


def test_celu_small_alpha_large_input_no_overflow():
    # -1e300 / 1e-10 overflows; the function clips the input first.
    assert no_warnings(nonlin.celu, -1e300, alpha=1e-10) == -1e-10
    assert no_warnings(nonlin.celu_derivative, -1e300, alpha=1e-10) == 0.0


def test_celu_large_alpha_tiny_input_keeps_precision():
    # x / alpha is subnormal here; celu(x) = x to within a fraction of an ULP.
    x = -3.0e-300
    assert nonlin.celu(x, alpha=1e10) == x


# SELU


def test_selu_minus_one_float64_exact():
    assert nonlin.selu(-1.0) == -1.1113307378125628


def test_selu_positive_side_is_scale():
    assert nonlin.selu(1.0) == SELU_SCALE
    assert nonlin.selu_derivative(1.0) == SELU_SCALE


def test_selu_kink_derivative_is_scale_times_alpha():
    # PyTorch and JAX take the left derivative scale * alpha; TensorFlow gives scale.
    assert nonlin.selu_derivative(0.0) == 1.7580993408473768
    assert nonlin.selu_derivative(0.0) == pytest.approx(SELU_SCALE * SELU_ALPHA, rel=1e-16)


def test_selu_saturates_at_minus_scale_alpha():
    assert nonlin.selu(-np.inf) == -1.7580993408473768
    assert nonlin.selu_derivative(-np.inf) == 0.0


def test_selu_largest_input_overflows_to_inf():
    assert no_warnings(nonlin.selu, np.finfo(np.float64).max) == np.inf
    # float16 is computed in float32, where 1.0507 * 65504 is finite; it overflows only in the final rounding.
    assert no_warnings(nonlin.selu, np.float16(65504.0)) == np.inf


# ISRLU


def test_isrlu_large_negative_saturates():
    x = np.array([-1e20, -1e160, -1e300, -np.finfo(np.float64).max, -np.inf])
    np.testing.assert_array_equal(no_warnings(nonlin.isrlu, x), -1.0)
    np.testing.assert_array_equal(no_warnings(nonlin.isrlu, x, alpha=4.0), -0.5)


def test_isrlu_large_negative_float32_saturates():
    x = np.array([-1e19, -1e30, -np.finfo(np.float32).max], dtype=np.float32)
    np.testing.assert_array_equal(no_warnings(nonlin.isrlu, x), np.float32(-1.0))


def test_isrlu_derivative_large_negative_underflows_to_zero():
    x = np.array([-1e160, -1e300, -np.inf])
    np.testing.assert_array_equal(no_warnings(nonlin.isrlu_derivative, x), 0.0)


def test_isrlu_moderate_values_match_formula():
    x = np.array([-50.0, -3.0, -1.0, -0.25])
    for alpha in (0.5, 1.0, 3.0):
        expected = x / np.sqrt(1 + alpha * x * x)
        np.testing.assert_allclose(nonlin.isrlu(x, alpha=alpha), expected, rtol=1e-15)
        np.testing.assert_allclose(nonlin.isrlu_derivative(x, alpha=alpha), (1 + alpha * x * x) ** -1.5, rtol=1e-15)


def test_isrlu_tiny_negative_is_identity():
    x = np.array([-1e-300, -5e-324, -1e-9])
    np.testing.assert_array_equal(nonlin.isrlu(x), x)


def test_isrlu_no_kink_at_zero():
    assert nonlin.isrlu_derivative(0.0) == 1.0
    assert nonlin.isrlu_derivative(-1e-9) == 1.0


def test_isrlu_alpha_zero_rejected():
    with pytest.raises(ValueError, match=r"alpha=0\.0 is out of range: alpha must be > 0"):
        nonlin.isrlu([1.0], alpha=0.0)


# Derivatives against central finite differences, away from the kinks.

FINITE_DIFFERENCE_CASES = [
    ("relu6", {}, [-1.5, 0.5, 3.0, 5.5, 7.0]),
    ("leaky_relu", {"negative_slope": 0.2}, [-2.0, -0.3, 0.4, 5.0]),
    ("prelu", {"weight": 0.3}, [-2.0, -0.3, 0.4, 5.0]),
    ("rrelu", {"lower": 0.1, "upper": 0.3}, [-2.0, -0.3, 0.4, 5.0]),
    ("threshold", {"threshold": 0.1, "value": 20.0}, [-1.0, 0.05, 0.2, 4.0]),
    ("elu", {"alpha": 0.5}, [-4.0, -0.5, 0.5, 3.0]),
    ("celu", {"alpha": 2.0}, [-6.0, -1.0, -0.01, 0.5, 3.0]),
    ("selu", {}, [-4.0, -0.5, 0.5, 3.0]),
    ("isrlu", {"alpha": 3.0}, [-20.0, -1.0, -0.1, 0.5, 3.0]),
]


@pytest.mark.parametrize(
    ("name", "parameters", "points"),
    FINITE_DIFFERENCE_CASES,
    ids=[case[0] for case in FINITE_DIFFERENCE_CASES],
)
def test_derivative_matches_finite_difference(name, parameters, points):
    function = getattr(nonlin, name)
    derivative = getattr(nonlin, f"{name}_derivative")
    x = np.array(points)
    step = 1e-6 * np.maximum(1.0, np.abs(x))
    estimate = (function(x + step, **parameters) - function(x - step, **parameters)) / (2 * step)
    np.testing.assert_allclose(derivative(x, **parameters), estimate, rtol=1e-7, atol=1e-9)


def test_rrelu_training_derivative_matches_finite_difference():
    x = np.array([-2.0, -0.3, 0.4, 5.0])
    _, slopes = nonlin.rrelu(x, training=True, rng=np.random.default_rng(2), return_slopes=True)
    step = 1e-6 * np.maximum(1.0, np.abs(x))
    # With the slopes fixed, rrelu is x or slope * x; differentiate that.
    upper = np.where(x + step > 0, x + step, slopes * (x + step))
    lower = np.where(x - step > 0, x - step, slopes * (x - step))
    estimate = (upper - lower) / (2 * step)
    np.testing.assert_allclose(nonlin.rrelu_derivative(x, training=True, slopes=slopes), estimate, rtol=1e-7)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_threshold_keeps_negative_zero_value(dtype):
    # value = -0.0 equals the threshold 0.0, which selects the fast
    # maximum path; the replaced entries must still carry the sign of -0.0.
    result = nonlin.threshold(np.array([-1.0, 0.0, 2.0], dtype=dtype), threshold=0.0, value=-0.0)
    np.testing.assert_array_equal(np.signbit(result), [True, True, False])
    np.testing.assert_array_equal(result, [0.0, 0.0, 2.0])


# Branch-free forms: each must match the selection it replaced, zeros and NaN included.


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("size", [3, 1001])
def test_relu_family_turns_negative_zero_positive(dtype, size):
    # A long input takes NumPy's SIMD loops, a short one the scalar loops.
    x = np.full(size, -0.0, dtype=dtype)
    x[1] = np.nan
    for result in (nonlin.relu(x), nonlin.relu6(x), nonlin.threshold(x), nonlin.leaky_relu(x, negative_slope=0.0)):
        assert not np.signbit(result[0])
        assert not np.signbit(result[-1])
        assert np.isnan(result[1])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_threshold_selection_keeps_special_values(dtype):
    x = np.array([np.nan, -np.inf, np.inf, -0.0, 0.0, -2.0, 3.0], dtype=dtype)
    result = nonlin.threshold(x, threshold=-1.0, value=5.0)
    np.testing.assert_array_equal(result, [np.nan, 5.0, np.inf, 0.0, 0.0, 5.0, 3.0])
    np.testing.assert_array_equal(np.signbit(result[3:5]), [True, False])
    replaced = nonlin.threshold(x, threshold=1.0, value=-0.0)
    np.testing.assert_array_equal(np.signbit(replaced[1:6]), [True, False, True, True, True])


def test_threshold_float32_limits_beyond_range():
    x = np.array([-np.inf, -3e38, 0.0, 3e38, np.inf], dtype=np.float32)
    np.testing.assert_array_equal(nonlin.threshold(x, 1e39, 7.0), [7.0, 7.0, 7.0, 7.0, np.inf])
    np.testing.assert_array_equal(nonlin.threshold_derivative(x, 1e39, 7.0), [0.0, 0.0, 0.0, 0.0, 1.0])
    np.testing.assert_array_equal(nonlin.threshold(x, -1e39, 7.0), np.where(np.isneginf(x), np.float32(7.0), x))


@pytest.mark.parametrize("slope", [0.0, -0.0, 0.3, 1.0, 2.5, -0.3])
def test_leaky_relu_derivative_every_slope(slope):
    x = np.array([np.nan, -np.inf, -1.0, -0.0, 0.0, 1e-300, np.inf])
    result = nonlin.leaky_relu_derivative(x, negative_slope=slope)
    expected = [np.nan, slope, slope, slope, slope, 1.0, 1.0]
    np.testing.assert_array_equal(result, expected)
    np.testing.assert_array_equal(np.signbit(result[1:5]), np.signbit(np.array(expected[1:5])))


@pytest.mark.parametrize("alpha", [0.5, 1.0, 2.0])
def test_elu_derivative_is_exact_product(alpha):
    x = np.array([np.nan, -np.inf, -3.0, -1e-300, -0.0, 0.0, 2.0])
    expected = np.array([np.nan, 0.0, alpha * np.exp(-3.0), alpha * np.exp(-1e-300), alpha, alpha, 1.0])
    np.testing.assert_array_equal(nonlin.elu_derivative(x, alpha=alpha), expected)


def test_selu_derivative_is_exact_product():
    x = np.array([np.nan, -np.inf, -3.0, 0.0, 2.0])
    scale_alpha = 1.7580993408473768
    expected = [np.nan, 0.0, scale_alpha * np.exp(-3.0), scale_alpha, SELU_SCALE]
    np.testing.assert_array_equal(nonlin.selu_derivative(x), expected)


@pytest.mark.parametrize("function", [nonlin.celu, nonlin.selu])
def test_signed_zeros_pass_through_sum_of_sides(function):
    result = function(np.array([-0.0, 0.0, np.nan]))
    np.testing.assert_array_equal(np.signbit(result[:2]), [function is nonlin.celu, False])
    assert np.isnan(result[2])


def test_celu_tiny_quotient_returns_x():
    # x / alpha is below eps: celu(x) is x to within a fraction of an ULP.
    x = np.array([-1e-20, -3e-300, -5e-324, 1.0])
    np.testing.assert_array_equal(nonlin.celu(x, alpha=1e10), x)


@pytest.mark.parametrize("alpha", [0.5, 1.0, 3.0])
def test_isrlu_derivative_float32_within_bar(alpha):
    # float32 takes a reciprocal, a square root and a division in place of
    # np.power; compare with float64 over the range up to the far form.
    rng = np.random.default_rng(3)
    x = -np.ldexp(rng.uniform(0.5, 1.0, 20000), rng.integers(-30, 62, 20000)).astype(np.float32)
    x64 = x.astype(np.float64)
    expected = ((1 + alpha * x64 * x64) ** -1.5).astype(np.float32)
    condition = 3 * alpha * x64 * x64 / (1 + alpha * x64 * x64)
    result = nonlin.isrlu_derivative(x, alpha=alpha)
    distance = np.abs(result.view(np.int32).astype(np.int64) - expected.view(np.int32).astype(np.int64))
    assert (distance <= 4 + condition).all(), x[np.argmax(distance - condition)]


@pytest.mark.parametrize("name", ["threshold", "celu", "elu", "selu", "isrlu", "leaky_relu"])
def test_scalar_input_with_parameters(name):
    # Non-default parameters take other branch-free paths than the
    # catalogue-wide scalar test, which uses the defaults.
    parameters = {
        "threshold": {"threshold": 0.1, "value": 20.0},
        "celu": {"alpha": 2.0},
        "elu": {"alpha": 2.0},
        "selu": {},
        "isrlu": {"alpha": 3.0},
        "leaky_relu": {"negative_slope": 2.0},
    }[name]
    for suffix in ("", "_derivative"):
        function = getattr(nonlin, name + suffix)
        for value in (-0.5, 0.05, np.float32(-3.0), np.nan):
            scalar = function(value, **parameters)
            element = function(np.array([value]), **parameters)[0]
            assert type(scalar) is type(element)
            np.testing.assert_array_equal(scalar, element)


def test_isrlu_tiny_alpha_float32_matches_float64():
    # 1 / sqrt(alpha) overflows float32 here, so the far form runs in float64.
    x = np.array([-1e20, -1e30, -3.0, 0.0, 2.0], dtype=np.float32)
    for function in (nonlin.isrlu, nonlin.isrlu_derivative):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            result = function(x, alpha=1e-80)
        expected = function(x.astype(np.float64), alpha=1e-80).astype(np.float32)
        np.testing.assert_array_equal(result, expected)

"""Tests of the vector-valued activations: softmax, log_softmax, softmin, sparsemax and glu.

Values are compared with exact mpmath formulas on random vectors. The bar
is the project's: at most 4 ULP from the correctly rounded result, plus
one ULP per unit of the componentwise condition number
``kappa_i = sum_j |x_j dF_i/dx_j| / |F_i|``. Sparsemax subtracts a
threshold, so near the edge of its support an output can be far smaller
than the rounding error of the threshold. Because its outputs are
probabilities, at most 1, it may also be off by 2 eps absolute.
"""

import warnings

import mpmath
import numpy as np
import pytest

import nonlin
from reference.generate import round_to_dtype
from reference.ulp import ulp_distance

NAMES = ("softmax", "log_softmax", "softmin", "sparsemax", "glu")
#: The activations whose output has the shape of the input.
SAME_SHAPE = ("softmax", "log_softmax", "softmin", "sparsemax")
DTYPES = (np.float32, np.float64)
#: Working precision of the references. log_softmax of the largest entry
#: is about -exp(-d) for a gap d up to 700, so it needs d / ln 2 bits
#: beyond the 53 kept.
REFERENCE_BITS = 1400


def _parts(name):
    return tuple(getattr(nonlin, f"{name}{suffix}") for suffix in ("", "_jacobian", "_jvp", "_vjp"))


def _output_length(name, n):
    return n // 2 if name == "glu" else n


# Exact references: each returns (values, jacobian) for one vector, as
# lists of mpmath numbers, from the textbook formulas.


def _mp_softmax(x):
    e = [mpmath.exp(v) for v in x]
    total = mpmath.fsum(e)
    s = [v / total for v in e]
    jacobian = [[s[i] * ((i == j) - s[j]) for j in range(len(x))] for i in range(len(x))]
    return s, jacobian


def _mp_log_softmax(x):
    s, _ = _mp_softmax(x)
    log_total = mpmath.log(mpmath.fsum(mpmath.exp(v) for v in x))
    jacobian = [[(i == j) - s[j] for j in range(len(x))] for i in range(len(x))]
    return [v - log_total for v in x], jacobian


def _mp_softmin(x):
    s, jacobian = _mp_softmax([-v for v in x])
    return s, [[-v for v in row] for row in jacobian]


def _mp_sparsemax(x):
    # The threshold tau solves sum(max(x - tau, 0)) = 1: with the k largest
    # entries in the support, tau = (their sum - 1) / k, and k is the size
    # whose tau lies between the k-th and the (k+1)-th largest entry.
    ordered = sorted(x, reverse=True)
    n = len(x)
    for k in range(1, n + 1):
        tau = (mpmath.fsum(ordered[:k]) - 1) / k
        if ordered[k - 1] > tau and (k == n or ordered[k] <= tau):
            break
    p = [max(v - tau, mpmath.mpf(0)) for v in x]
    support = [1 if v > 0 else 0 for v in p]
    size = sum(support)
    jacobian = [[support[i] * (i == j) - mpmath.mpf(support[i] * support[j]) / size for j in range(n)] for i in range(n)]
    return p, jacobian


def _mp_glu(x):
    half = len(x) // 2
    a, b = x[:half], x[half:]
    gate = [1 / (1 + mpmath.exp(-v)) for v in b]
    jacobian = [[mpmath.mpf(0)] * len(x) for _ in range(half)]
    for i in range(half):
        jacobian[i][i] = gate[i]
        jacobian[i][half + i] = a[i] * gate[i] * (1 - gate[i])
    return [a[i] * gate[i] for i in range(half)], jacobian


REFERENCES = {
    "softmax": _mp_softmax,
    "log_softmax": _mp_log_softmax,
    "softmin": _mp_softmin,
    "sparsemax": _mp_sparsemax,
    "glu": _mp_glu,
}


def _random_vectors(dtype, seed):
    """Return random vectors with lengths 2 to 32 and scales from 0.1 to 300."""
    rng = np.random.default_rng(seed)
    vectors = []
    for n in (2, 4, 10, 32):
        for scale in (0.1, 1.0, 30.0, 300.0):
            for _ in range(3):
                vectors.append((rng.normal(size=n) * scale).astype(dtype))
    return vectors


def _exact_check(name, x):
    """Return ``(distance, allowed, absolute_error)`` arrays of one vector against mpmath."""
    computed = getattr(nonlin, name)(x)
    dtype = x.dtype.type
    with mpmath.workprec(REFERENCE_BITS):
        exact_x = [mpmath.mpf(float(v)) for v in x]
        values, jacobian = REFERENCES[name](exact_x)
        expected = np.array([round_to_dtype(v, dtype) for v in values], dtype=dtype)
        condition = []
        for value, row in zip(values, jacobian):
            spread = mpmath.fsum(abs(xj * dj) for xj, dj in zip(exact_x, row))
            condition.append(float(spread / abs(value)) if value != 0 else 0.0)
        absolute = np.array([float(abs(mpmath.mpf(float(c)) - v)) for c, v in zip(computed, values)])
    allowed = 4 + np.array(condition)
    return ulp_distance(computed, expected), allowed, absolute


# accuracy against mpmath


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", NAMES)
def test_values_match_mpmath(name, dtype):
    failures = []
    for x in _random_vectors(dtype, seed=7):
        distance, allowed, absolute = _exact_check(name, x)
        outside = distance > allowed
        if name == "sparsemax":
            outside &= absolute > 2 * np.finfo(dtype).eps
        if outside.any():
            i = int(np.argmax(distance / allowed))
            failures.append(f"x={x.tolist()}: entry {i} is {distance[i]:g} ULP off, allowed {allowed[i]:.3g}")
    assert not failures, "\n".join(failures[:5])


@pytest.mark.parametrize("name", ("softmax", "log_softmax", "softmin"))
def test_wide_gaps_within_4_ulp(name):
    # Gaps of hundreds between the entries: exp(x - max) would turn the
    # rounding of x - max into hundreds of ULP without its error term.
    rng = np.random.default_rng(11)
    for _ in range(20):
        x = rng.uniform(-700, 700, size=6)
        distance, _, _ = _exact_check(name, x)
        # The condition number is in the hundreds here, but the exact
        # difference x - max keeps every entry within the bare 4 ULP.
        assert (distance <= 4).all(), f"{name}({x.tolist()}) is {distance.max():g} ULP off"


def test_log_softmax_dominant_entry():
    # The largest entry's log-probability is -log1p(exp(-40)) = -exp(-40)
    # to double precision; log(sum) would round it to 0.
    result = nonlin.log_softmax([0.0, 40.0])
    with mpmath.workprec(200):
        expected = float(-mpmath.log1p(mpmath.exp(-40)))
    assert result[1] == expected
    assert result[0] == -40.0


def test_log_softmax_beyond_softmax_underflow():
    result = nonlin.log_softmax([0.0, 1000.0, -1000.0])
    np.testing.assert_array_equal(result, [-1000.0, 0.0, -2000.0])
    assert nonlin.softmax([0.0, 1000.0, -1000.0])[2] == 0.0


def test_softmin_is_softmax_of_negation():
    x = np.random.default_rng(3).normal(size=(4, 7))
    np.testing.assert_array_equal(nonlin.softmin(x), nonlin.softmax(-x))
    np.testing.assert_array_equal(nonlin.softmin_jacobian(x), -nonlin.softmax_jacobian(-x))


def test_sparsemax_known_projection():
    np.testing.assert_allclose(nonlin.sparsemax([1.0, 1.3, 1.1]), [0.2, 0.5, 0.3], rtol=0, atol=1e-15)
    np.testing.assert_array_equal(nonlin.sparsemax([0.0, 0.5, 3.0]), [0.0, 0.0, 1.0])
    np.testing.assert_array_equal(nonlin.sparsemax([2.0, 2.0]), [0.5, 0.5])


def test_sparsemax_huge_offsets():
    rng = np.random.default_rng(5)
    for offset in (0.0, 1e10, -1e300, 1e300):
        x = offset + rng.normal(size=(20, 9))
        p = nonlin.sparsemax(x)
        assert (p >= 0).all()
        np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=0, atol=1e-14)


def test_sparsemax_entry_on_threshold():
    # x = [1, 0]: tau = 0, so the second entry sits exactly on the threshold.
    np.testing.assert_array_equal(nonlin.sparsemax([1.0, 0.0]), [1.0, 0.0])
    np.testing.assert_array_equal(nonlin.sparsemax_jacobian([1.0, 0.0]), [[0.0, 0.0], [0.0, 0.0]])


def test_glu_value_and_gate_halves():
    x = np.array([1.0, -2.0, 3.0, 0.0, 40.0, -1.0])
    with mpmath.workprec(200):
        expected = [float(a / (1 + mpmath.exp(-b))) for a, b in ((1.0, 0.0), (-2.0, 40.0), (3.0, -1.0))]
    np.testing.assert_array_equal(nonlin.glu(x), expected)


def test_glu_odd_length_raises():
    with pytest.raises(ValueError, match="length 5 is odd"):
        nonlin.glu(np.zeros(5))
    with pytest.raises(ValueError, match="length 3 is odd"):
        nonlin.glu_jacobian(np.zeros((2, 3)), axis=1)


def test_glu_infinite_value_underflowing_gate():
    # sigmoid(-800) rounds to 0 but is positive, so inf * sigmoid(-800) is inf;
    # with b = -inf the gate is exactly 0 and inf * 0 has no limit.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = nonlin.glu([np.inf, -np.inf, np.inf, -800.0, 5.0, -np.inf])
    assert result[0] == np.inf
    assert result[1] == -np.inf
    assert np.isnan(result[2])


# derivatives: Jacobian against finite differences and the products


def _finite_difference_jacobian(function, x, step=1e-6):
    """Return the central-difference Jacobian (n_out, n_in) of a 1-d float64 vector."""
    columns = []
    for j in range(x.size):
        e = np.zeros_like(x)
        e[j] = step
        columns.append((function(x + e) - function(x - e)) / (2 * step))
    return np.stack(columns, axis=-1)


@pytest.mark.parametrize("name", NAMES)
def test_jacobian_matches_finite_differences(name):
    function, jacobian, _, _ = _parts(name)
    rng = np.random.default_rng(17)
    for n in (2, 4, 8):
        for _ in range(5):
            x = rng.normal(size=n) * 2
            expected = _finite_difference_jacobian(function, x)
            np.testing.assert_allclose(jacobian(x), expected, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", NAMES)
def test_jacobian_matches_mpmath(name, dtype):
    _, jacobian, _, _ = _parts(name)
    eps = np.finfo(dtype).eps
    for x in _random_vectors(dtype, seed=23)[::3]:
        with mpmath.workprec(REFERENCE_BITS):
            _, exact = REFERENCES[name]([mpmath.mpf(float(v)) for v in x])
            expected = np.array([[float(v) for v in row] for row in exact])
        # Entries are probabilities' products or sigmoid slopes times a:
        # compare relative to the largest entry of each row.
        scale = np.maximum(np.abs(expected).max(axis=-1, keepdims=True), np.finfo(dtype).tiny)
        np.testing.assert_array_less(np.abs(jacobian(x) - expected) / scale, 8 * eps)


@pytest.mark.parametrize("name", NAMES)
def test_products_match_jacobian(name):
    _, jacobian, jvp, vjp = _parts(name)
    rng = np.random.default_rng(29)
    for n in (2, 6, 12):
        x = rng.normal(size=(3, n)) * 3
        v = rng.normal(size=(3, n))
        u = rng.normal(size=(3, _output_length(name, n)))
        matrix = jacobian(x)
        np.testing.assert_allclose(jvp(x, v), np.einsum("...ij,...j->...i", matrix, v), rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(vjp(x, u), np.einsum("...i,...ij->...j", u, matrix), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", NAMES)
def test_jacobian_shape_is_out_by_in(name):
    _, jacobian, _, _ = _parts(name)
    x = np.zeros((2, 3, 4))
    assert jacobian(x).shape == (2, 3, _output_length(name, 4), 4)
    assert jacobian(x, axis=0).shape == (3, 4, _output_length(name, 2), 2)


def test_log_softmax_jacobian_dominant_diagonal():
    # 1 - s for the dominant entry is the sum of the others, exp(-40) here.
    result = nonlin.log_softmax_jacobian([0.0, 40.0])
    with mpmath.workprec(200):
        others = float(1 / (1 + mpmath.exp(40)))
    assert result[1, 1] == others
    assert result[0, 0] == 1 - others


def test_sparsemax_jvp_on_support():
    x = np.array([1.0, 1.2, -3.0])
    np.testing.assert_array_equal(nonlin.sparsemax_jvp(x, [1.0, 0.0, 5.0]), [0.5, -0.5, 0.0])
    np.testing.assert_array_equal(nonlin.sparsemax_vjp(x, [1.0, 0.0, 5.0]), [0.5, -0.5, 0.0])


# axis handling


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("shape", [(4, 3), (4, 3, 2)])
def test_axis_zero_matches_last_axis(name, shape):
    function, jacobian, jvp, vjp = _parts(name)
    rng = np.random.default_rng(31)
    x = rng.normal(size=shape)
    moved = np.moveaxis(x, 0, -1)
    np.testing.assert_array_equal(function(x, axis=0), np.moveaxis(function(moved), -1, 0))
    np.testing.assert_array_equal(jacobian(x, axis=0), jacobian(moved))

    v = rng.normal(size=shape)
    np.testing.assert_array_equal(jvp(x, v, axis=0), np.moveaxis(jvp(moved, np.moveaxis(v, 0, -1)), -1, 0))
    out_shape = function(x, axis=0).shape
    u = rng.normal(size=out_shape)
    np.testing.assert_array_equal(vjp(x, u, axis=0), np.moveaxis(vjp(moved, np.moveaxis(u, 0, -1)), -1, 0))


@pytest.mark.parametrize("name", SAME_SHAPE)
def test_outputs_sum_along_axis(name):
    x = np.random.default_rng(37).normal(size=(3, 4, 5))
    expected_total = 0.0 if name == "log_softmax" else 1.0
    for axis in (0, 1, 2, -1):
        result = getattr(nonlin, name)(x, axis=axis)
        if name == "log_softmax":
            result = np.exp(result)
            expected_total = 1.0
        np.testing.assert_allclose(result.sum(axis=axis), expected_total, rtol=1e-14)


@pytest.mark.parametrize("name", NAMES)
def test_axis_out_of_range_raises(name):
    function, jacobian, jvp, vjp = _parts(name)
    x = np.zeros((2, 4))
    for call in (lambda: function(x, axis=2), lambda: jacobian(x, axis=-3)):
        with pytest.raises(ValueError, match="out of range"):
            call()


# dtypes, special rows, empty axes and bad input


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64], ids=lambda d: np.dtype(d).name)
def test_dtype_preserved(name, dtype):
    function, jacobian, jvp, vjp = _parts(name)
    x = np.linspace(-2, 2, 8).reshape(2, 4).astype(dtype)
    result = function(x)
    assert result.dtype == dtype
    assert jacobian(x).dtype == dtype
    assert jvp(x, np.ones_like(x)).dtype == dtype
    assert vjp(x, np.ones_like(result)).dtype == dtype


@pytest.mark.parametrize("name", NAMES)
def test_integer_input_gives_float64(name):
    function, jacobian, jvp, vjp = _parts(name)
    x = np.array([[1, 2, 3, 4], [0, -1, 5, 2]])
    assert function(x).dtype == np.float64
    assert jacobian(x).dtype == np.float64
    np.testing.assert_array_equal(function(x), function(x.astype(np.float64)))


@pytest.mark.parametrize("name", NAMES)
def test_zero_dimensional_input_rejected(name):
    function, jacobian, jvp, vjp = _parts(name)
    for call in (lambda: function(1.0), lambda: jacobian(1.0), lambda: jvp(1.0, 1.0), lambda: vjp(1.0, 1.0)):
        with pytest.raises(ValueError, match="0-d"):
            call()


@pytest.mark.parametrize("name", NAMES)
def test_tangent_of_wrong_shape_rejected(name):
    _, _, jvp, vjp = _parts(name)
    x = np.zeros((2, 4))
    with pytest.raises(ValueError, match=r"tangent has shape \(3,\)"):
        jvp(x, np.zeros(3))
    with pytest.raises(ValueError, match=r"cotangent has shape \(3,\)"):
        vjp(x, np.zeros(3))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("shape", [(0,), (3, 0), (0, 4)])
def test_empty_input_gives_empty_results(name, shape):
    function, jacobian, jvp, vjp = _parts(name)
    x = np.zeros(shape)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = function(x)
        matrix = jacobian(x)
        forward = jvp(x, x)
        backward = vjp(x, np.zeros(result.shape))
    n = shape[-1]
    assert result.shape == shape[:-1] + (_output_length(name, n),)
    assert matrix.shape == shape[:-1] + (_output_length(name, n), n)
    assert forward.shape == result.shape
    assert backward.shape == shape


@pytest.mark.parametrize("name", ("softmax", "log_softmax", "sparsemax"))
def test_negative_infinity_row_is_nan(name):
    function, jacobian, _, vjp = _parts(name)
    x = np.array([[-np.inf, -np.inf, -np.inf], [0.0, 1.0, 2.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = function(x)
        matrix = jacobian(x)
        backward = vjp(x, np.ones_like(x))
    assert np.isnan(result[0]).all()
    assert np.isnan(matrix[0]).all()
    assert np.isnan(backward[0]).all()
    assert np.isfinite(result[1]).all()
    assert np.isfinite(matrix[1]).all()


def test_softmin_positive_infinity_row():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = nonlin.softmin([[np.inf, np.inf], [np.inf, 0.0]])
    assert np.isnan(result[0]).all()
    np.testing.assert_array_equal(result[1], [0.0, 1.0])


@pytest.mark.parametrize("name", ("softmax", "sparsemax"))
def test_positive_infinities_share_probability(name):
    result = getattr(nonlin, name)([np.inf, 0.0, np.inf, -np.inf, 1e308])
    np.testing.assert_array_equal(result, [0.5, 0.0, 0.5, 0.0, 0.0])


def test_log_softmax_positive_infinities():
    # Three +inf entries share the probability: each gets -log(3), to 1 ULP.
    result = nonlin.log_softmax([np.inf, 0.0, np.inf, np.inf, -np.inf])
    np.testing.assert_array_equal(result[[1, 4]], [-np.inf, -np.inf])
    shared = result[[0, 2, 3]]
    assert (ulp_distance(shared, np.full(3, -np.log(3.0))) <= 1).all(), shared


def test_negative_infinity_entry_zero():
    np.testing.assert_array_equal(nonlin.softmax([-np.inf, 0.0]), [0.0, 1.0])
    np.testing.assert_array_equal(nonlin.log_softmax([-np.inf, 0.0]), [-np.inf, 0.0])
    np.testing.assert_array_equal(nonlin.sparsemax([-np.inf, 0.0]), [0.0, 1.0])
    np.testing.assert_array_equal(nonlin.softmin([np.inf, 0.0]), [0.0, 1.0])


@pytest.mark.parametrize("name", SAME_SHAPE)
def test_nan_spoils_only_its_row(name):
    function, jacobian, _, _ = _parts(name)
    x = np.array([[np.nan, 0.0, 1.0], [0.0, 1.0, 2.0]])
    result = function(x)
    assert np.isnan(result[0]).all()
    assert np.isfinite(result[1]).all()
    assert np.isnan(jacobian(x)[0]).all()


def test_glu_nan_spoils_only_its_pair():
    result = nonlin.glu([np.nan, 1.0, 0.0, 0.0])
    assert np.isnan(result[0])
    assert result[1] == 0.5


@pytest.mark.parametrize("name", SAME_SHAPE)
def test_opposite_extremes_without_warning(name):
    # x - max is below -max here: it overflows to -inf, the correct limit.
    big = np.finfo(np.float64).max
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = getattr(nonlin, name)([-big, big])
    if name == "log_softmax":
        np.testing.assert_array_equal(result, [-np.inf, 0.0])
    elif name == "softmin":
        np.testing.assert_array_equal(result, [1.0, 0.0])
    else:
        np.testing.assert_array_equal(result, [0.0, 1.0])


@pytest.mark.parametrize("name", NAMES)
def test_input_left_unchanged(name):
    function, jacobian, jvp, vjp = _parts(name)
    x = np.array([[3.0, -1.0, np.inf, 0.5]])
    before = x.copy()
    function(x)
    jacobian(x)
    jvp(x, x)
    np.testing.assert_array_equal(x, before)


# the direct and the fallback paths


@pytest.mark.parametrize("name", ("softmax", "log_softmax", "softmin"))
def test_direct_and_shifted_paths_agree(name):
    # Inputs within +-700 are exponentiated without the shift by the
    # maximum; adding 650 moves some of them beyond 700, onto the shifted
    # path. Both are shift invariant, so they agree to the bar. Quarters
    # keep the shifted inputs exact.
    x = np.random.default_rng(41).integers(-240, 241, size=(50, 8)) / 4
    function = getattr(nonlin, name)
    direct, shifted = function(x), function(x + 650.0 * (1 if name != "softmin" else -1))
    assert (ulp_distance(direct, shifted) <= 8).all()


@pytest.mark.parametrize("name", ("softmax", "log_softmax", "softmin", "sparsemax"))
def test_float32_long_rows_match_float64(name):
    # Rows of 1000 as in a classifier's output layer: float32 results
    # are computed in float64 and rounded once.
    x = (np.random.default_rng(43).normal(size=(20, 1000)) * 2).astype(np.float32)
    function = getattr(nonlin, name)
    expected = function(x.astype(np.float64)).astype(np.float32)
    assert (ulp_distance(function(x), expected) <= 1).all()


def test_log_softmax_dominant_entry_float32():
    x = np.array([0.0, 20.0], dtype=np.float32)
    with mpmath.workprec(200):
        expected = float(-mpmath.log1p(mpmath.exp(-20)))
    assert nonlin.log_softmax(x)[1] == np.float32(expected)


def test_sparsemax_gathered_support_matches_mpmath():
    # Entries spread over tens of units leave only a few within 2 of the
    # maximum, which are gathered and sorted apart from the rest.
    rng = np.random.default_rng(47)
    for _ in range(4):
        x = rng.normal(size=120) * 8
        distance, allowed, absolute = _exact_check("sparsemax", x)
        assert ((distance <= allowed) | (absolute <= 2 * np.finfo(np.float64).eps)).all()


def test_glu_float32_gate_below_limit_uses_float64():
    # sigmoid(-90) is subnormal in float32, so a * sigmoid(b) computed in
    # float32 would lose most digits of this normal result.
    x = np.array([1e30, -90.0], dtype=np.float32)
    expected = np.float32(1e30 * float(mpmath.exp(-90) / (1 + mpmath.exp(-90))))
    assert ulp_distance(nonlin.glu(x), np.array([expected]))[0] <= 1


def test_glu_float32_within_bar():
    rng = np.random.default_rng(53)
    n = 20000
    a = (rng.normal(size=n) * 10.0 ** rng.uniform(-20, 20, n)).astype(np.float32)
    b = rng.uniform(-80, 80, n).astype(np.float32)
    u = rng.normal(size=n).astype(np.float32)
    x = np.stack([a, b], axis=-1)
    a64, b64, u64 = a.astype(np.float64), b.astype(np.float64), u.astype(np.float64)
    gate = 1 / (1 + np.exp(-b64))
    slope = np.exp(-np.abs(b64)) / (1 + np.exp(-np.abs(b64))) ** 2
    gate_condition = 1 + np.abs(b64) * (1 - gate)
    slope_condition = 2 + np.abs(b64 * (1 - 2 * gate))
    value = nonlin.glu(x)[:, 0]
    backward = nonlin.glu_vjp(x, u[:, None])
    assert (ulp_distance(value, (a64 * gate).astype(np.float32)) <= 4 + gate_condition).all()
    assert (ulp_distance(backward[:, 0], (u64 * gate).astype(np.float32)) <= 4 + gate_condition).all()
    assert (ulp_distance(backward[:, 1], (u64 * a64 * slope).astype(np.float32)) <= 4 + slope_condition).all()


@pytest.mark.parametrize("name", NAMES)
def test_products_with_broadcast_vector_keep_shape(name):
    # A tangent or cotangent of one row broadcasts over the others; the
    # products have the shape of x (of glu's output for the cotangent).
    _, _, jvp, vjp = _parts(name)
    x = np.random.default_rng(59).normal(size=(4, 4))
    for axis in (0, 1):
        out_shape = getattr(nonlin, name)(x, axis=axis).shape
        tangent = np.arange(4.0)
        assert jvp(x, tangent, axis=axis).shape == out_shape
        assert vjp(x, np.ones(out_shape[-1]), axis=axis).shape == x.shape

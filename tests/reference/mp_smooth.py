"""mpmath references of the smooth rectifiers: GELU, SiLU, Mish, softplus, squareplus, sparse plus, hard swish.

Each formula is exact. Where the textbook form cancels at any fixed
precision (1 + tanh(u) for very negative u, x + sqrt(x^2 + b) for very
negative x), an algebraically identical form is used instead. generate.py
doubles the precision only until two results agree, and two results that
both cancelled to 0 agree. At +-inf each function returns its limit.
"""

import mpmath

from reference.cases import ReferenceCase


def _limit_at_infinity(x, negative, positive):
    """Return `negative` or `positive` at -inf or +inf, and None for finite x."""
    if mpmath.isinf(x):
        return negative if x < 0 else positive
    return None


def _sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


# GELU, exact: x Phi(x).


def _normal_cdf(x):
    """Return Phi(x) = erfc(-x / sqrt 2) / 2."""
    if abs(x) < 1e100:
        return mpmath.erfc(-x / mpmath.sqrt(2)) / 2
    # mpmath's erfc overflows in its own series test for arguments near
    # 1e154 and beyond, so the tail uses the equal upper incomplete gamma
    # function, erfc(z) = Gamma(1/2, z^2) / sqrt(pi).
    tail = mpmath.gammainc(mpmath.mpf(1) / 2, x * x / 2) / (2 * mpmath.sqrt(mpmath.pi))
    return tail if x < 0 else 1 - tail


def _gelu(x):
    limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.inf)
    if limit is not None:
        return limit
    return x * _normal_cdf(x)


def _gelu_derivative(x):
    limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.mpf(1))
    if limit is not None:
        return limit
    return _normal_cdf(x) + x * mpmath.npdf(x)


def _gelu_second_derivative(x):
    return mpmath.npdf(x) * (2 - x * x)


# GELU, tanh form: x sigmoid(v) with v = 2 sqrt(2/pi) (x + 0.044715 x^3),
# which equals x (1 + tanh(v/2)) / 2 without its cancellation.

def _extra_bits(x):
    """Return the bits by which exp(v), |v| ~ |x|^3, needs more precision than the result.

    exp(v) has relative error |v| times that of v, so v is computed with
    log2 |v| extra bits; otherwise generate.py would double the precision
    up to about 8000 bits at x = 1e308 before two results agree.
    """
    return 3 * max(0, int(mpmath.log(abs(x) + 1, 2))) + 16


def _tanh_gelu_terms(x):
    """Return ``(s, 1 - s, v', v'')`` for v = 2 sqrt(2/pi) (x + 0.044715 x^3) and s = sigmoid(v)."""
    with mpmath.extraprec(_extra_bits(x)):
        # mpf("0.044715") is rounded to the working precision, so it is
        # rebuilt from the decimal string at each precision.
        cubic = mpmath.mpf("0.044715")
        slope = 2 * mpmath.sqrt(2 / mpmath.pi)
        v = slope * (x + cubic * x**3)
        terms = (_sigmoid(v), _sigmoid(-v), slope * (1 + 3 * cubic * x**2), slope * 6 * cubic * x)
    return tuple(+term for term in terms)


def _tanh_gelu(x):
    limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.inf)
    if limit is not None:
        return limit
    s, _, _, _ = _tanh_gelu_terms(x)
    return x * s


def _tanh_gelu_derivative(x):
    limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.mpf(1))
    if limit is not None:
        return limit
    s, complement, slope, _ = _tanh_gelu_terms(x)
    return s + x * s * complement * slope


def _tanh_gelu_second_derivative(x):
    s, complement, slope, curvature = _tanh_gelu_terms(x)
    spread = s * complement
    return 2 * spread * slope + x * (spread * (complement - s) * slope**2 + spread * curvature)


# SiLU: x sigmoid(x).


def _silu(x):
    limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.inf)
    if limit is not None:
        return limit
    return x * _sigmoid(x)


def _silu_derivative(x):
    limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.mpf(1))
    if limit is not None:
        return limit
    return _sigmoid(x) * (1 + x * _sigmoid(-x))


def _silu_second_derivative(x):
    s, complement = _sigmoid(x), _sigmoid(-x)
    return s * complement * (2 + x * (complement - s))


# Mish: x tanh(softplus(x)).


def _softplus_one(x):
    return mpmath.log1p(mpmath.exp(x))


def _mish(x):
    limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.inf)
    if limit is not None:
        return limit
    return x * mpmath.tanh(_softplus_one(x))


def _mish_derivative(x):
    limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.mpf(1))
    if limit is not None:
        return limit
    s = _softplus_one(x)
    return mpmath.tanh(s) + x * _sigmoid(x) * mpmath.sech(s) ** 2


def _mish_second_derivative(x):
    s = _softplus_one(x)
    t, sech2, sig = mpmath.tanh(s), mpmath.sech(s) ** 2, _sigmoid(x)
    first = sech2 * sig
    second = -2 * sech2 * t * sig**2 + sech2 * sig * _sigmoid(-x)
    return 2 * first + x * second


# Softplus: log(1 + exp(beta x)) / beta.


def _softplus_case(beta):
    beta_mp = mpmath.mpf(beta)

    def function(x):
        limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.inf)
        if limit is not None:
            return limit
        return mpmath.log1p(mpmath.exp(beta_mp * x)) / beta_mp

    def derivative(x):
        limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.mpf(1))
        if limit is not None:
            return limit
        return _sigmoid(beta_mp * x)

    def second_derivative(x):
        return beta_mp * _sigmoid(beta_mp * x) * _sigmoid(-beta_mp * x)

    parameters = {} if beta == 1.0 else {"beta": beta}
    return ReferenceCase(
        "softplus",
        function,
        derivative,
        parameters=parameters,
        special_points=(0.0,),
        second_derivative=second_derivative,
    )


# Squareplus: (x + sqrt(x^2 + b)) / 2, as b / (2 (sqrt(x^2 + b) - x)) for x < 0.


def _squareplus_case(b):
    b_mp = mpmath.mpf(b)

    def function(x):
        limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.inf)
        if limit is not None:
            return limit
        root = mpmath.sqrt(x * x + b_mp)
        return (x + root) / 2 if x >= 0 else b_mp / (2 * (root - x))

    def derivative(x):
        limit = _limit_at_infinity(x, mpmath.mpf(0), mpmath.mpf(1))
        if limit is not None:
            return limit
        root = mpmath.sqrt(x * x + b_mp)
        return (1 + x / root) / 2 if x >= 0 else b_mp / (2 * root * (root - x))

    def second_derivative(x):
        return b_mp / (2 * (x * x + b_mp) ** mpmath.mpf(1.5))

    parameters = {} if b == 4.0 else {"b": b}
    return ReferenceCase(
        "squareplus",
        function,
        derivative,
        parameters=parameters,
        special_points=(0.0,),
        second_derivative=second_derivative,
    )


# Sparse plus and hard swish: piecewise polynomials, with the kink values
# that nonlin documents.


def _sparse_plus(x):
    if x <= -1:
        return mpmath.mpf(0)
    if x >= 1:
        return x
    return (x + 1) ** 2 / 4


def _sparse_plus_derivative(x):
    if x <= -1:
        return mpmath.mpf(0)
    if x >= 1:
        return mpmath.mpf(1)
    return (x + 1) / 2


def _sparse_plus_second_derivative(x):
    return mpmath.mpf(0.5) if -1 < x < 1 else mpmath.mpf(0)


def _hard_swish(x):
    if x <= -3:
        return mpmath.mpf(0)
    if x >= 3:
        return x
    return x * (x + 3) / 6


def _hard_swish_derivative(x):
    if x <= -3:
        return mpmath.mpf(0)
    if x >= 3:
        return mpmath.mpf(1)
    return (2 * x + 3) / 6


def _hard_swish_second_derivative(x):
    return mpmath.mpf(1) / 3 if -3 < x < 3 else mpmath.mpf(0)


#: Zeros of the derivatives (minima of the functions), to 17 digits.
GELU_DERIVATIVE_ZERO = -0.75179152469356446
TANH_GELU_DERIVATIVE_ZERO = -0.75246142207101626
SILU_DERIVATIVE_ZERO = -1.2784645427610738
MISH_DERIVATIVE_ZERO = -1.1924312145154952

CASES = [
    ReferenceCase(
        "gelu",
        _gelu,
        _gelu_derivative,
        special_points=(0.0, GELU_DERIVATIVE_ZERO),
        second_derivative=_gelu_second_derivative,
    ),
    ReferenceCase(
        "gelu",
        _tanh_gelu,
        _tanh_gelu_derivative,
        parameters={"approximate": "tanh"},
        special_points=(0.0, TANH_GELU_DERIVATIVE_ZERO),
        second_derivative=_tanh_gelu_second_derivative,
    ),
    ReferenceCase(
        "silu",
        _silu,
        _silu_derivative,
        special_points=(0.0, SILU_DERIVATIVE_ZERO),
        second_derivative=_silu_second_derivative,
    ),
    ReferenceCase(
        "mish",
        _mish,
        _mish_derivative,
        special_points=(0.0, MISH_DERIVATIVE_ZERO),
        second_derivative=_mish_second_derivative,
    ),
    _softplus_case(1.0),
    _softplus_case(2.0),
    _softplus_case(0.5),
    _squareplus_case(4.0),
    _squareplus_case(1.0),
    ReferenceCase(
        "sparse_plus",
        _sparse_plus,
        _sparse_plus_derivative,
        special_points=(-1.0, 1.0),
        second_derivative=_sparse_plus_second_derivative,
    ),
    ReferenceCase(
        "hard_swish",
        _hard_swish,
        _hard_swish_derivative,
        special_points=(-3.0, -1.5, 0.0, 3.0),
        second_derivative=_hard_swish_second_derivative,
    ),
]

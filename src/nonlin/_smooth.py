"""Smooth rectifiers: activations that pass large positive inputs through and damp negative ones.

Every function here computes in float64 and rounds once at the end. float16
and float32 results come from plain float64 formulas, whose few float64 ULP
of error vanish in that rounding. Computing in float32 would not do, because
the negative tails reach values that float32 can only store as subnormals
(``gelu(-14)`` is about 1e-43), and float32 arithmetic on factors that small
loses every digit. float64 results use error-free transformations
(double-double sums and products) wherever a single rounding of an
intermediate value would break the accuracy bar, for example in the argument
of the tanh form of GELU and near the zero of the GELU derivative. Those
paths evaluate each branch only on the elements that take it.
"""

import functools
import math
import sys
from decimal import Decimal, localcontext

import numpy as np
from scipy import special

from nonlin._squashing import _logistic_block, _logistic_from_exp
from nonlin._validation import (
    BLOCK_SIZE,
    as_float_array,
    check_parameter,
    direct_out,
    finish,
    in_blocks,
    propagate_nan,
)

__all__ = [
    "gelu",
    "gelu_derivative",
    "hard_silu",
    "hard_silu_derivative",
    "hard_swish",
    "hard_swish_derivative",
    "mish",
    "mish_derivative",
    "silu",
    "silu_derivative",
    "softplus",
    "softplus_derivative",
    "sparse_plus",
    "sparse_plus_derivative",
    "squareplus",
    "squareplus_derivative",
    "swish",
    "swish_derivative",
]

#: Enough digits of pi for every constant below to be exact in double-double.
_PI = Decimal("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899")

#: Beyond this |x|, exp(-|x|) is 0 in float64, so the exponential formulas
#: have reached their limits; clipping there keeps inf * 0 out of them.
_EXP_LIMIT = 800.0


def _split_decimal(value):
    """Return ``(hi, lo)``: `value` as a double-double, hi + lo with |lo| <= ulp(hi) / 2."""
    hi = float(value)
    return hi, float(value - Decimal(hi))


def _tanh_gelu_constants():
    with localcontext() as context:
        context.prec = 60
        slope = 2 * (2 / _PI).sqrt()
        cubic = Decimal("0.044715")
        return _split_decimal(slope), _split_decimal(cubic), _split_decimal(3 * cubic)


#: 2 sqrt(2/pi), 0.044715 and 3 * 0.044715 as double-doubles: the tanh form
#: of GELU is x * sigmoid(v) with v = 2 sqrt(2/pi) (x + 0.044715 x^3).
_TANH_GELU_SLOPE, _TANH_GELU_CUBIC, _TANH_GELU_CUBIC_SLOPE = _tanh_gelu_constants()

_INV_SQRT_2PI = float(1 / (2 * _PI).sqrt())
_SQRT_HALF_PI = float((_PI / 2).sqrt())
_INV_SQRT_2 = float(1 / Decimal(2).sqrt())


# Error-free transformations: Knuth's TwoSum and Dekker's TwoProduct with
# Veltkamp's split. NumPy never fuses a multiply and an add, so they are
# exact for finite inputs below about 1e300.


def _split(a):
    scaled = 134217729.0 * a  # 2**27 + 1
    hi = scaled - (scaled - a)
    return hi, a - hi


def _two_product(a, b):
    """Return ``(p, e)`` with p = fl(a * b) and p + e = a * b exactly."""
    product = a * b
    a_hi, a_lo = _split(a)
    b_hi, b_lo = _split(b)
    error = ((a_hi * b_hi - product) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo
    return product, error


def _two_sum(a, b):
    """Return ``(s, e)`` with s = fl(a + b) and s + e = a + b exactly."""
    total = a + b
    b_virtual = total - a
    error = (a - (total - b_virtual)) + (b - b_virtual)
    return total, error


def _dd_multiply(a, a_error, b, b_error):
    """Return the product of the double-doubles a + a_error and b + b_error, as ``(hi, lo)``."""
    product, error = _two_product(a, b)
    return product, error + (a * b_error + a_error * b)


def _dd_divide(a, a_error, b, b_error):
    """Return the quotient of the double-doubles a + a_error and b + b_error, as ``(hi, lo)``."""
    quotient = a / b
    product, product_error = _two_product(quotient, b)
    remainder = ((a - product) - product_error) + (a_error - quotient * b_error)
    return quotient, remainder / b


def _working_array(x):
    """Return `x` (already a float array) as float64 with NaN replaced by 0.

    Callers restore the NaNs with `propagate_nan`; replacing them first
    keeps NaN out of the integer conversions and comparisons below.
    """
    x = x.astype(np.float64, copy=False)
    return np.where(np.isnan(x), 0.0, x)


def _finish(result, x, dtype, out=None):
    """Restore the NaNs of `x` in the float64 `result` and round it once to `dtype`, into `out` if given."""
    return finish(propagate_nan(np.asarray(result, dtype=np.float64), x), dtype, out)


def _select(condition, x, when_true, when_false):
    """Return when_true(x) where `condition` is true and when_false(x) elsewhere.

    Each function sees only its own elements (as a 1-d array), so the
    costly double-double branches are not evaluated and then discarded.
    """
    out = np.empty_like(x)
    out[condition] = when_true(x[condition])
    inverse = ~condition
    out[inverse] = when_false(x[inverse])
    return out


# ---------------------------------------------------------------------------
# GELU
# ---------------------------------------------------------------------------

#: The exact GELU in float64 uses a table of the normal distribution at
#: y_k = k / 8 for 0 <= y_k <= 6 and a Taylor expansion around the nearest y_k.
_TABLE_STEPS_PER_UNIT = 8
_TABLE_END = 6.0
#: Terms of the Taylor expansions: with |y - y_k| <= 1/16 and y_k <= 6 the
#: first omitted term is below 2^-64 of the first.
_SERIES_TERMS = 16
#: Beyond this |x| the Gaussian exp(-x^2/2) is 0 in float64.
_GAUSS_LIMIT = 40.0


@functools.cache
def _normal_table():
    """Return the table of the standard normal distribution, as a dict of float64 arrays.

    Each quantity q is stored as a double-double ``q_hi + q_lo``, computed
    from the Taylor series Q(y) = 1/2 - phi(y) * sum y^(2n+1) / (2n+1)!!
    in 60-digit decimal arithmetic, once, on first use. Columns:
    ``upper`` = Q(y) = P(Z > y), ``lower`` = 1 - Q(y), ``density`` =
    phi(y), ``slope_negative`` = Q(y) - y phi(y) (the GELU derivative at
    -y) and ``slope_positive`` = 1 - Q(y) + y phi(y) (at +y).

    ``integral`` and ``shift`` contain, one row per term, the Taylor
    coefficients of (1/phi(y_k)) times the integral of phi from y_k to
    y_k + d, divided by d, and of (phi(y_k + d)/phi(y_k) - 1)/d.
    """
    names = ("upper", "lower", "slope_negative", "slope_positive", "density")
    rows = []
    with localcontext() as context:
        context.prec = 60
        sqrt_2pi = (2 * _PI).sqrt()
        tolerance = Decimal(10) ** -58
        for k in range(int(_TABLE_END * _TABLE_STEPS_PER_UNIT) + 1):
            y = Decimal(k) / _TABLE_STEPS_PER_UNIT
            density = (-(y * y) / 2).exp() / sqrt_2pi
            term = total = y
            n = 0
            while term > tolerance * total:
                n += 1
                term = term * y * y / (2 * n + 1)
                total += term
            upper = Decimal(1) / 2 - density * total
            slope_negative = upper - y * density
            values = (upper, 1 - upper, slope_negative, 1 - slope_negative, density)
            rows.append([part for value in values for part in _split_decimal(value)])
    columns = np.array(rows).T
    table = {}
    for i, name in enumerate(names):
        table[f"{name}_hi"] = columns[2 * i]
        table[f"{name}_lo"] = columns[2 * i + 1]

    # exp(-y_k s - s^2/2) = sum a_n s^n with a_0 = 1, a_1 = -y_k and
    # a_(n+1) = -(y_k a_n + a_(n-1)) / (n + 1), the Hermite recurrence.
    # Only the first two terms of each series carry full weight, and their
    # coefficients (1 and -y_k, or -y_k / 2) are exact in float64.
    nodes = np.arange(columns.shape[1]) / _TABLE_STEPS_PER_UNIT
    coefficients = [np.ones_like(nodes), -nodes]
    for n in range(1, _SERIES_TERMS + 1):
        coefficients.append(-(nodes * coefficients[n] + coefficients[n - 1]) / (n + 1))
    table["integral"] = np.array([coefficients[n] / (n + 1) for n in range(_SERIES_TERMS)])
    table["shift"] = np.array(coefficients[1 : _SERIES_TERMS + 1])
    return table


def _horner(coefficients, row, d):
    """Return sum_n coefficients[n][row] * d^n by Horner's rule."""
    total = coefficients[-1][row]
    for column in coefficients[-2::-1]:
        total = total * d + column[row]
    return total


def _normal_series(y, with_shift):
    """Return ``(table, row, d, integral, shift)`` for the expansion of the table around y_k, 0 <= y <= 6.

    `row` indexes the nearest node y_k and d = y - y_k (exact). Then
    Q(y) = Q(y_k) - phi(y_k) * integral, and phi(y) / phi(y_k) = 1 + shift
    (`shift` is None unless `with_shift`).
    """
    table = _normal_table()
    row = np.rint(y * _TABLE_STEPS_PER_UNIT).astype(np.intp)
    d = y - row / _TABLE_STEPS_PER_UNIT
    integral = d * _horner(table["integral"], row, d)
    shift = d * _horner(table["shift"], row, d) if with_shift else None
    return table, row, d, integral, shift


def _normal_tail(y):
    """Return ``(mills, scale, gauss)``, with phi(y) = scale * gauss and Q(y) = mills * phi(y).

    `gauss` = exp(-p/2) is the factor that may be subnormal and `scale`
    is the rest, so a caller multiplies the normal-range factors first and
    `gauss` last, rounding once into the subnormals. y^2 = p + e is split
    exactly, because rounding y^2 would cost y^2 ULP of float64. Accurate
    to a few float64 ULP: enough beyond y = 6, where the GELU is
    ill-conditioned, and for float32 and float16 results everywhere.
    """
    y = np.minimum(y, _GAUSS_LIMIT)
    square, square_error = _two_product(y, y)
    gauss = np.exp(-0.5 * square)
    scale = (1 - 0.5 * square_error) * _INV_SQRT_2PI
    mills = _SQRT_HALF_PI * special.erfcx(y * _INV_SQRT_2)
    return mills, scale, gauss


def _exact_gelu_from_table(x):
    y = np.abs(x)
    table, row, _, integral, _ = _normal_series(y, with_shift=False)
    density = table["density_hi"][row]
    upper = table["upper_hi"][row] + (table["upper_lo"][row] - density * integral)
    lower = table["lower_hi"][row] + (table["lower_lo"][row] + density * integral)
    return x * np.where(x < 0, upper, lower)


def _exact_gelu_from_erfcx(x):
    mills, scale, gauss = _normal_tail(np.abs(x))
    capped = np.minimum(np.abs(x), _GAUSS_LIMIT)
    return np.where(x < 0, (-capped * mills * scale) * gauss, x * (1 - mills * scale * gauss))


def _exact_gelu_derivative_from_table(x):
    y = np.abs(x)
    table, row, d, integral, shift = _normal_series(y, with_shift=True)
    # With E = phi(y) / phi(y_k): Phi(-y) - y phi(y) = G_k - phi(y_k) U and
    # Phi(y) + y phi(y) = H_k + phi(y_k) U, where U = integral + y E - y_k
    # = integral + d + y (E - 1).
    u = (integral + d) + y * shift
    density_hi = table["density_hi"][row]
    density_lo = table["density_lo"][row]
    # Near the zero of the derivative (x = -0.7518) G_k and phi U cancel,
    # so phi U is formed exactly and G_k - phi U rounds once.
    product, product_error = _two_product(density_hi, u)
    negative = (table["slope_negative_hi"][row] - product) + (
        table["slope_negative_lo"][row] - product_error - density_lo * u
    )
    positive = table["slope_positive_hi"][row] + (table["slope_positive_lo"][row] + density_hi * u)
    return np.where(x < 0, negative, positive)


def _exact_gelu_derivative_from_erfcx(x):
    mills, scale, gauss = _normal_tail(np.abs(x))
    capped = np.minimum(np.abs(x), _GAUSS_LIMIT)
    return np.where(x < 0, ((mills - capped) * scale) * gauss, 1 + ((capped - mills) * scale) * gauss)


def _exact_gelu_derivative_narrow(x):
    """Return Phi(x) + x phi(x) in float64 for float32 or float16 `x`.

    The square of such an x is exact in float64, so phi(x) has only the
    error of exp, and scipy's ndtr is accurate to a few float64 ULP. The
    two terms cancel only near the derivative's zero (x = -0.7518), where
    a float32 input is at least 3e-8 away from it; float64 then keeps the
    result within a fraction of a float32 ULP. Beyond |x| = 40 the terms
    are exactly 0 or 1, so x is clipped there, which also turns inf * 0
    into 0 * 0. NaN passes through.
    """
    wide = np.clip(x, -_GAUSS_LIMIT, _GAUSS_LIMIT, out=np.empty(x.shape, np.float64))
    density = np.multiply(wide, wide, out=np.empty_like(wide))
    density *= -0.5
    np.exp(density, out=density)
    density *= _INV_SQRT_2PI
    density *= wide
    density += special.ndtr(wide, out=wide)
    return density


def _exact_gelu(x, precise):
    if not precise:
        return _exact_gelu_from_erfcx(x)
    return _select(np.abs(x) <= _TABLE_END, x, _exact_gelu_from_table, _exact_gelu_from_erfcx)


def _exact_gelu_derivative(x, precise):
    if not precise:
        return _exact_gelu_derivative_from_erfcx(x)
    return _select(
        np.abs(x) <= _TABLE_END, x, _exact_gelu_derivative_from_table, _exact_gelu_derivative_from_erfcx
    )


def _sigmoid_product_slope(e, head, head_error):
    """Return e (head + e) / (1 + e)^2, rounded once, for e = exp(v) with v <= 0.

    This is the derivative of x sigmoid(v(x)) where v < 0, with
    head + head_error = 1 + x v'(x) as a double-double. The bracket
    cancels near the zero of the derivative, and evaluated in plain
    float64 the whole ratio costs up to 5 ULP.
    """
    bracket, bracket_error = _two_sum(head, e)
    numerator, numerator_error = _dd_multiply(e, 0.0, bracket, bracket_error + head_error)
    base, base_error = _two_sum(1.0, e)
    denominator, denominator_error = _dd_multiply(base, base_error, base, base_error)
    quotient, quotient_error = _dd_divide(numerator, numerator_error, denominator, denominator_error)
    return quotient + quotient_error


def _tanh_gelu_argument(x, cubic):
    """Return ``(v, v_error)``, the double-double 2 sqrt(2/pi) x (1 + c x^2) for |x| <= 30.

    `cubic` is the double-double c: 0.044715 gives the argument of the
    sigmoid, 3 * 0.044715 gives x times its derivative. A rounded argument
    would cost |v| ULP in exp(v), more than the accuracy bar allows.
    """
    square, square_error = _two_product(x, x)
    cubic_hi, cubic_lo = cubic
    scaled, scaled_error = _two_product(cubic_hi, square)
    scaled_error = scaled_error + (cubic_hi * square_error + cubic_lo * square)
    inner, inner_error = _two_sum(1.0, scaled)
    inner_error = inner_error + scaled_error
    outer, outer_error = _two_product(x, inner)
    outer_error = outer_error + x * inner_error
    slope_hi, slope_lo = _TANH_GELU_SLOPE
    value, value_error = _two_product(slope_hi, outer)
    value_error = value_error + (slope_hi * outer_error + slope_lo * outer)
    return value, value_error


#: Beyond |x| = 30 the tanh form's sigmoid is exactly 0 or 1 in float64.
_TANH_GELU_LIMIT = 30.0


def _tanh_gelu_exponential(x, precise):
    """Return ``(capped, e)`` with `capped` = x clipped to +-30 and e = exp(-|v|), v the sigmoid argument."""
    capped = np.clip(x, -_TANH_GELU_LIMIT, _TANH_GELU_LIMIT)
    if not precise:
        cubic = _TANH_GELU_CUBIC[0]
        return capped, np.exp(-np.abs(_TANH_GELU_SLOPE[0] * capped * (1 + cubic * capped * capped)))
    v, v_error = _tanh_gelu_argument(capped, _TANH_GELU_CUBIC)
    exponent_error = np.where(v < 0, v_error, -v_error)
    e = np.exp(-np.abs(v))
    return capped, e + e * exponent_error


def _tanh_gelu(x, precise):
    capped, e = _tanh_gelu_exponential(x, precise)
    if not precise:
        return np.where(x > 0, x, capped) * np.where(x < 0, e, 1.0) / (1 + e)
    # x e / (1 + e) for x < 0 and x / (1 + e) for x >= 0, rounded once.
    product, product_error = _two_product(capped, e)
    numerator = np.where(x < 0, product, capped)
    numerator_error = np.where(x < 0, product_error, 0.0)
    base, base_error = _two_sum(1.0, e)
    quotient, quotient_error = _dd_divide(numerator, numerator_error, base, base_error)
    return np.where(x > _TANH_GELU_LIMIT, x, quotient + quotient_error)


def _tanh_gelu_derivative(x, precise):
    # f' = s + x s (1 - s) v' with s = sigmoid(v). For x < 0, s = e / (1 + e)
    # and f' = e (1 + e + x v') / (1 + e)^2, whose bracket cancels near the
    # zero of f' (x = -0.7525). For x >= 0, e = exp(-v) and every term is
    # positive.
    if not precise:
        capped, e = _tanh_gelu_exponential(x, precise)
        slope = _TANH_GELU_SLOPE[0] * capped * (1 + _TANH_GELU_CUBIC_SLOPE[0] * capped * capped)
        negative = e * (1 + e + slope)
        positive = 1 + e + e * slope
        return np.where(x < 0, negative, positive) / ((1 + e) * (1 + e))

    def negative(x):
        capped, e = _tanh_gelu_exponential(x, precise)
        slope, slope_error = _tanh_gelu_argument(capped, _TANH_GELU_CUBIC_SLOPE)
        head, head_error = _two_sum(1.0, slope)
        return _sigmoid_product_slope(e, head, head_error + slope_error)

    def positive(x):
        capped, e = _tanh_gelu_exponential(x, precise)
        slope, slope_error = _tanh_gelu_argument(capped, _TANH_GELU_CUBIC_SLOPE)
        return (1 + e + e * (slope + slope_error)) / ((1 + e) * (1 + e))

    return _select(x < 0, x, negative, positive)


_GELU_FORMS = ("none", "tanh")


def _check_approximate(approximate):
    if isinstance(approximate, str) and approximate in _GELU_FORMS:
        return approximate
    hint = ""
    if isinstance(approximate, (bool, np.bool_)):
        hint = " (JAX's approximate=True is 'tanh' and approximate=False is 'none')"
    raise ValueError(
        f"approximate={approximate!r} is invalid: use 'none' for the exact GELU "
        f"or 'tanh' for the tanh approximation{hint}."
    )


def gelu(x, approximate="none", *, out=None):
    r"""Compute the Gaussian error linear unit elementwise.

    .. math::

        \operatorname{gelu}(x) = x\,\Phi(x) = \frac{x}{2}\operatorname{erfc}\!\left(-\frac{x}{\sqrt 2}\right)

    where :math:`\Phi` is the standard normal distribution function. With
    ``approximate="tanh"`` it computes the approximation of Hendrycks and
    Gimpel instead:

    .. math::

        \operatorname{gelu}_{\tanh}(x) = \frac{x}{2}\left(1 + \tanh\!\left(\sqrt{2/\pi}\,
        (x + 0.044715\,x^3)\right)\right)

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    approximate : {"none", "tanh"}, default "none"
        ``"none"`` computes the exact GELU, ``"tanh"`` the tanh
        approximation. The names and the default are PyTorch's
        (``torch.nn.functional.gelu``). ``keras.activations.gelu`` also
        defaults to the exact form (``approximate=False``), while
        ``jax.nn.gelu`` and ``keras.ops.gelu`` default to the tanh form
        (``approximate=True``).
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The GELU of `x`, in :math:`[-0.169971\ldots, \infty)` for the exact form.

    Raises
    ------
    ValueError
        If `approximate` is not ``"none"`` or ``"tanh"``.

    See Also
    --------
    gelu_derivative : The derivative :math:`\Phi(x) + x\,\varphi(x)`.
    silu : The same shape with the logistic instead of the normal distribution.

    Notes
    -----
    The exact form is the default because it is the function Hendrycks and
    Gimpel define, and nonlin computes it as accurately as the
    approximation. The two differ by up to 4.7e-4, near :math:`x = \pm 2.7`.

    :math:`\tfrac{1}{2}(1 + \operatorname{erf}(x/\sqrt 2))` cancels in the
    negative tail (in float32 it is 0 below :math:`x = -5.55`, where the
    exact GELU is still :math:`-7.9 \cdot 10^{-8}`). nonlin expands
    :math:`\Phi` around the nearest of a table of double-double values for
    :math:`|x| \le 6` and uses :func:`scipy.special.erfcx` with an exact
    split of :math:`x^2` beyond, so the result keeps its relative accuracy
    down to the subnormals (about :math:`x = -14` in float32 and
    :math:`x = -38.5` in float64).

    The tanh form is computed as :math:`x\,\sigma(v)`, with
    :math:`v = 2\sqrt{2/\pi}\,(x + 0.044715\,x^3)` formed in double-double
    arithmetic and :math:`\sigma` the logistic sigmoid evaluated without
    cancellation, because :math:`1 + \tanh(u)` cancels for negative
    :math:`u` and :math:`x^3` overflows above :math:`|x| = 5.6 \cdot 10^{102}`.

    Examples
    --------
    >>> import nonlin
    >>> import numpy as np
    >>> nonlin.gelu([-1.0, 0.0, 1.0])
    array([-0.15865525,  0.        ,  0.84134475])
    >>> nonlin.gelu([-1.0, 0.0, 1.0], approximate="tanh")
    array([-0.15880801,  0.        ,  0.84119199])
    >>> nonlin.gelu(np.float32(-10.0))
    np.float32(-7.619853e-23)
    """
    form = _check_approximate(approximate)
    x, dtype = as_float_array(x)
    if x.size > BLOCK_SIZE:
        return in_blocks(gelu, x, dtype, out, approximate=approximate)
    precise = dtype == np.float64
    if form == "none" and not precise:
        # For a float16 or float32 result, x * ndtr(x) in float64 rounded
        # once is enough, because scipy's ndtr keeps its relative accuracy
        # in the negative tail (it uses erfc there). Below -40 both ndtr and
        # the float32 GELU are 0. Raising x to -40 keeps -inf * 0 result, and
        # NaN passes through.
        work = np.maximum(x.astype(np.float64), -_GAUSS_LIMIT)
        return finish(work * special.ndtr(work), dtype, out)
    work = _working_array(x)
    result = _tanh_gelu(work, precise) if form == "tanh" else _exact_gelu(work, precise)
    return _finish(result, x, dtype, out)


def gelu_derivative(x, approximate="none", *, out=None):
    r"""Compute the derivative of the Gaussian error linear unit elementwise.

    .. math::

        \operatorname{gelu}'(x) = \Phi(x) + x\,\varphi(x),
        \qquad \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}

    With ``approximate="tanh"``, the derivative of the tanh form
    :math:`x\,\sigma(v)`, :math:`v = 2\sqrt{2/\pi}\,(x + 0.044715\,x^3)`:

    .. math::

        \operatorname{gelu}_{\tanh}'(x) = \sigma(v) + x\,\sigma(v)\,\bigl(1 - \sigma(v)\bigr)\,
        2\sqrt{2/\pi}\,(1 + 0.134145\,x^2)

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    approximate : {"none", "tanh"}, default "none"
        ``"none"`` for the exact GELU, ``"tanh"`` for the tanh approximation.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The derivative at `x`, in :math:`[-0.128904\ldots, 1.128904\ldots]` for the exact form.

    Raises
    ------
    ValueError
        If `approximate` is not ``"none"`` or ``"tanh"``.

    See Also
    --------
    gelu : The function itself.

    Notes
    -----
    The derivative is negative below its zero at :math:`x = -0.75179`
    (:math:`-0.75246` for the tanh form), where its two terms cancel;
    nonlin forms them in double-double arithmetic so that the result keeps
    its relative accuracy there. In the negative tail the derivative is
    :math:`x\,\varphi(x)` to leading order and follows it into the
    subnormals.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.gelu_derivative([-1.0, 0.0, 1.0])
    array([-0.08331547,  0.5       ,  1.08331547])
    """
    form = _check_approximate(approximate)
    x, dtype = as_float_array(x)
    if x.size > BLOCK_SIZE:
        return in_blocks(gelu_derivative, x, dtype, out, approximate=approximate)
    precise = dtype == np.float64
    if form == "none" and not precise:
        return finish(_exact_gelu_derivative_narrow(x), dtype, out)
    work = _working_array(x)
    if form == "tanh":
        result = _tanh_gelu_derivative(work, precise)
    else:
        result = _exact_gelu_derivative(work, precise)
    return _finish(result, x, dtype, out)


# ---------------------------------------------------------------------------
# SiLU (swish)
# ---------------------------------------------------------------------------


def silu(x, *, out=None):
    r"""Compute the sigmoid linear unit (swish) elementwise.

    .. math::

        \operatorname{silu}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The SiLU of `x`, in :math:`[-0.278464\ldots, \infty)`.

    See Also
    --------
    silu_derivative : The derivative :math:`\sigma(x)\,(1 + x\,(1 - \sigma(x)))`.
    hard_swish : A piecewise-quadratic approximation.
    gelu : The same shape with the normal distribution function.

    Notes
    -----
    ``swish`` is the same function. The swish of Ramachandran et al. has a
    slope parameter, :math:`x\,\sigma(\beta x) = \operatorname{silu}(\beta x)/\beta`;
    nonlin, like PyTorch (``torch.nn.SiLU``), JAX (``jax.nn.swish``) and
    Keras (``keras.activations.silu``), offers the case :math:`\beta = 1`.

    Only :math:`e^{-|x|}` is computed, so nothing overflows, and the
    negative tail :math:`x e^{x} / (1 + e^{x})` keeps its relative
    accuracy into the subnormals.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.silu([-1000.0, -1.0, 0.0, 2.0])
    array([-0.        , -0.26894142,  0.        ,  1.76159416])
    """
    x, dtype = as_float_array(x)
    if x.size > BLOCK_SIZE:
        return in_blocks(silu, x, dtype, out)
    wide = x.astype(np.float64, copy=False)
    # Explicit buffers keep 0-d results arrays, which the in-place steps need.
    spare = np.empty_like(wide)
    sigmoid = _logistic_block(wide, spare, np.empty_like(wide))
    # x is capped at -_EXP_LIMIT, where the sigmoid is already 0, so that
    # -inf gives -0.0 instead of -inf * 0 = NaN. NaN passes through.
    factor = np.maximum(wide, -_EXP_LIMIT, out=spare)
    return finish(np.multiply(factor, sigmoid, out=direct_out(out, wide, dtype)), dtype, out)


def _silu_slope_narrow(x):
    """Return the SiLU slope in float64 for float32 or float16 `x`.

    The slope is (e + x e + e^2) / (1 + e)^2 for x < 0 and
    (e + x e + 1) / (1 + e)^2 for x >= 0, with e = exp(-|x|). As
    e^2 <= 1, max(e^2, x >= 0) gives the last term without a select. The
    sum cancels only near the zero at x = -1.2785, where a float32 input
    is at least 6e-8 away from it and float64 rounding stays far below a
    float32 ULP. NaN passes through; +-inf are clipped to +-800, where
    e is 0.
    """
    wide = np.clip(x, -_EXP_LIMIT, _EXP_LIMIT, out=np.empty(x.shape, np.float64))
    e = np.abs(wide, out=np.empty_like(wide))
    np.negative(e, out=e)
    np.exp(e, out=e)
    numerator = np.multiply(wide, e, out=np.empty_like(wide))
    numerator += e
    last = np.greater_equal(wide, 0, out=wide)
    np.maximum(np.square(e), last, out=last)
    numerator += last
    e += 1
    np.square(e, out=e)
    numerator /= e
    return numerator


def silu_derivative(x, *, out=None):
    r"""Compute the derivative of the sigmoid linear unit (swish) elementwise.

    .. math::

        \operatorname{silu}'(x) = \sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr)
        = \frac{1 + e^{-x} + x\,e^{-x}}{(1 + e^{-x})^2}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The derivative at `x`, in :math:`[-0.099839\ldots, 1.099839\ldots]`.

    See Also
    --------
    silu : The function itself.

    Notes
    -----
    For :math:`x < 0` nonlin computes :math:`e^{x}(1 + x + e^{x})/(1 + e^{x})^2`
    in double-double arithmetic, rounding once. The factor
    :math:`1 + x + e^{x}` cancels near the zero of the derivative at
    :math:`x = -1.27846`, but only the rounding of :math:`e^{x}` is
    amplified; the textbook :math:`1 + x(1 - \sigma)` loses more digits
    there.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.silu_derivative([-1.0, 0.0, 1.0])
    array([0.07232949, 0.5       , 0.92767051])
    """
    x, dtype = as_float_array(x)
    if x.size > BLOCK_SIZE:
        return in_blocks(silu_derivative, x, dtype, out)
    if dtype != np.float64:
        return finish(_silu_slope_narrow(x), dtype, out)
    work = np.clip(_working_array(x), -_EXP_LIMIT, _EXP_LIMIT)
    result = _select(work < 0, work, _silu_slope_negative, _silu_slope_positive)
    return _finish(result, x, dtype, out)


def _silu_slope_negative(x):
    e = np.exp(x)
    head, head_error = _two_sum(1.0, x)
    return _sigmoid_product_slope(e, head, head_error)


def _silu_slope_positive(x):
    e = np.exp(-x)
    return (1 + e + x * e) / ((1 + e) * (1 + e))


swish = silu
swish_derivative = silu_derivative


# ---------------------------------------------------------------------------
# Mish
# ---------------------------------------------------------------------------


def _mish_factor(x):
    """Return tanh(softplus(x)) for float64 `x` clipped to +-800, without overflow or cancellation."""
    e = np.exp(-np.abs(x))
    # x <= 0, e = e^x: tanh(log(1 + e)) = n / (n + 2) with n = e (e + 2).
    n = e * (e + 2)
    negative = n / (n + 2)
    # x > 0, e = e^-x: the same ratio divided through by e^(2x).
    positive = (1 + 2 * e) / (1 + 2 * e * (1 + e))
    return np.where(x <= 0, negative, positive)


def _mish_negative(x):
    """Return mish(x) for float64 -800 <= x <= 0, rounded once: x n / (n + 2), n = e^x (e^x + 2)."""
    e = np.exp(x)
    shifted, shifted_error = _two_sum(e, 2.0)
    n, n_error = _dd_multiply(e, 0.0, shifted, shifted_error)
    total, total_error = _two_sum(n, 2.0)
    factor, factor_error = _dd_divide(n, n_error, total, total_error + n_error)
    product, product_error = _dd_multiply(x, 0.0, factor, factor_error)
    return product + product_error


def _mish_positive(x):
    """Return mish(x) for float64 0 < x <= 800, rounded once: x (1 + 2u) / (1 + 2u (1 + u)), u = e^-x."""
    u = np.exp(-x)
    # 2u is exact.
    numerator, numerator_error = _two_sum(1.0, 2 * u)
    growth, growth_error = _two_sum(1.0, u)
    product, product_error = _dd_multiply(2 * u, 0.0, growth, growth_error)
    denominator, denominator_error = _two_sum(1.0, product)
    factor, factor_error = _dd_divide(numerator, numerator_error, denominator, denominator_error + product_error)
    result, result_error = _dd_multiply(x, 0.0, factor, factor_error)
    return result + result_error


def _mish_slope_negative(x):
    """Return the Mish derivative e omega / delta^2 for float64 x <= 0, with e = e^x.

    Evaluated in plain float64 the polynomials omega and delta^2 cost up to
    5 ULP, so they are summed as double-doubles and divided once.
    """
    e = np.exp(x)
    square, square_error = _two_product(e, e)
    linear, linear_error = _two_product(e, 4 * x + 6)
    cubic, cubic_error = _two_product(square, 4 + e)
    # 4 (1 + x) and 4 x + 6 are exact near the zero of the derivative.
    partial, partial_error = _two_sum(4 * (1 + x), linear)
    omega, omega_error = _two_sum(partial, cubic)
    omega_error = omega_error + (partial_error + linear_error + cubic_error + square_error * (4 + e))
    numerator, numerator_error = _dd_multiply(e, 0.0, omega, omega_error)

    # delta = 2 + 2 e + e^2
    tail, tail_error = _two_sum(2 * e, square)
    delta, delta_error = _two_sum(2.0, tail)
    delta_error = delta_error + (tail_error + square_error)
    delta_square, delta_square_error = _dd_multiply(delta, delta_error, delta, delta_error)
    quotient, quotient_error = _dd_divide(numerator, numerator_error, delta_square, delta_square_error)
    return quotient + quotient_error


def _mish_slope_positive(x, u=None):
    """Return the Mish derivative for x > 0, with u = e^-x (computed if not given).

    With t = tanh(softplus(x)) and s = sigmoid(x), mish' = t + x s (1 - t^2)
    = 1 - (1 - t) (1 - x s (1 + t)), where 1 - t = 2 u^2 / (1 + 2u + 2u^2)
    is computed without cancellation and the product is at most 0.4.
    """
    if u is None:
        u = np.exp(-x)
    denominator = 1 + 2 * u * (1 + u)
    factor = (1 + 2 * u) / denominator
    complement = 2 * u * u / denominator
    sigmoid = 1 / (1 + u)
    return 1 - complement * (1 - x * sigmoid * (1 + factor))


def mish(x, *, out=None):
    r"""Compute the Mish activation elementwise.

    .. math::

        \operatorname{mish}(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr)
        = x \tanh\bigl(\ln(1 + e^{x})\bigr)

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The Mish of `x`, in :math:`[-0.308843\ldots, \infty)`.

    See Also
    --------
    mish_derivative : The derivative.
    silu : A close relative, :math:`x\,\sigma(x)`.

    Notes
    -----
    nonlin uses :math:`\tanh(\ln(1 + e^{x})) = n / (n + 2)` with
    :math:`n = e^{x}(e^{x} + 2)`, rewritten in :math:`e^{-x}` for
    :math:`x > 0`, instead of composing ``tanh`` and ``log1p(exp(x))``:
    the composition overflows for large :math:`x` and, in float32, loses
    the negative tail, where Mish is :math:`x e^{x}` to leading order
    (``mish(float32(-100))`` is the subnormal :math:`-3.72 \cdot 10^{-42}`).

    Examples
    --------
    >>> import nonlin
    >>> import numpy as np
    >>> nonlin.mish([-1.0, 0.0, 1.0])
    array([-0.30340146,  0.        ,  0.86509839])
    >>> nonlin.mish(np.array([-100.0, np.inf], dtype=np.float32))
    array([-3.72e-42,       inf], dtype=float32)
    """
    x, dtype = as_float_array(x)
    if x.size > BLOCK_SIZE:
        return in_blocks(mish, x, dtype, out)
    work = _working_array(x)
    capped = np.clip(work, -_EXP_LIMIT, _EXP_LIMIT)
    if dtype == np.float64:
        result = _select(capped <= 0, capped, _mish_negative, _mish_positive)
    else:
        result = capped * _mish_factor(capped)
    # Beyond +-800 the factor is exactly 0 or 1, and x may be infinite.
    result = np.where(work > _EXP_LIMIT, work, result)
    return _finish(result, x, dtype, out)


def mish_derivative(x, *, out=None):
    r"""Compute the derivative of the Mish activation elementwise.

    .. math::

        \operatorname{mish}'(x) = \tanh(s) + x\,\sigma(x)\operatorname{sech}^2(s)
        = \frac{e^{x}\,\omega}{\delta^2},
        \qquad s = \operatorname{softplus}(x)

    with :math:`\omega = 4(x + 1) + e^{x}(4x + 6) + 4e^{2x} + e^{3x}` and
    :math:`\delta = e^{2x} + 2e^{x} + 2`.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The derivative at `x`, in :math:`[-0.112526\ldots, 1.088498\ldots]`.

    See Also
    --------
    mish : The function itself.

    Notes
    -----
    For :math:`x \le 0` nonlin sums :math:`\omega` and :math:`\delta^2` in
    double-double arithmetic and divides once, because in plain float64
    these polynomials cost up to 5 ULP, and :math:`\omega` cancels near the
    zero of the derivative (:math:`x = -1.19243`). For :math:`x > 0` it
    computes :math:`1 - (1 - t)(1 - x\,\sigma(x)(1 + t))` with
    :math:`t = \tanh(s)` and :math:`1 - t = 2e^{-2x}/(1 + 2e^{-x} + 2e^{-2x})`,
    so nothing overflows or cancels.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.mish_derivative([-1.0, 0.0, 1.0])
    array([0.05921676, 0.6       , 1.04903622])
    """
    x, dtype = as_float_array(x)
    if x.size > BLOCK_SIZE:
        return in_blocks(mish_derivative, x, dtype, out)
    work = np.clip(_working_array(x), -_EXP_LIMIT, _EXP_LIMIT)
    if dtype == np.float64:
        result = _select(work <= 0, work, _mish_slope_negative, _mish_slope_positive)
    else:
        e = np.exp(-np.abs(work))
        # x <= 0, e = e^x: e omega / delta^2 in plain float64.
        omega = (4 * (1 + work) + e * (4 * work + 6)) + e * e * (4 + e)
        delta = e * (e + 2) + 2
        negative = e * omega / (delta * delta)
        result = np.where(work <= 0, negative, _mish_slope_positive(work, e))
    return _finish(result, x, dtype, out)


# ---------------------------------------------------------------------------
# Softplus
# ---------------------------------------------------------------------------


def _log1p_unit(e):
    """Return log(1 + e) for 0 <= e <= 1, overwriting `e`.

    NumPy's log1p runs one element at a time, at about 2.5 times the cost
    of log. With u = fl(1 + e), the rounding error c = e - (u - 1) is
    exact (u - 1 is exact for u in [1, 2]), and
    log(1 + e) = log(u) + log(1 + c / u), where log(1 + c / u) = c / u
    to within (c / u)^2 / 2 < 2^-107. The result is log's error plus one
    rounding; where 1 + e rounds to 1, it is c = e exactly.
    """
    u = np.add(e, 1, out=np.empty_like(e))
    c = np.subtract(u, 1, out=np.empty_like(u))
    np.subtract(e, c, out=c)
    c /= u
    np.log(u, out=e)
    e += c
    return e


def _check_beta(beta, dtype):
    return check_parameter(beta, "beta", low=0, low_inclusive=False, dtype=dtype)


def _softplus_exponent(x, beta):
    """Return ``(beta |x|, exp(-beta |x|))`` without overflow of beta * x, as two fresh arrays.

    |x| is capped where the exponential is already 0 in float64, even
    after the division by a small beta that the softplus tail applies.
    """
    limit = _EXP_LIMIT + max(0.0, -math.log(beta))
    # With beta below limit / 1.8e308 no float reaches the cap.
    cap = limit / beta if beta > limit / sys.float_info.max else math.inf
    # Explicit out= keeps 0-d results arrays, which the in-place steps need.
    exponent = np.abs(x, out=np.empty_like(x))
    np.minimum(exponent, cap, out=exponent)
    exponent *= beta
    e = np.negative(exponent, out=np.empty_like(exponent))
    return exponent, np.exp(e, out=e)


def softplus(x, beta=1.0, *, out=None):
    r"""Compute the softplus elementwise.

    .. math::

        \operatorname{softplus}(x) = \frac{1}{\beta}\ln\bigl(1 + e^{\beta x}\bigr)
        = \max(x, 0) + \frac{1}{\beta}\ln\bigl(1 + e^{-\beta |x|}\bigr)

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    beta : float, default 1.0
        The sharpness :math:`\beta`; must be finite and > 0. Large values
        approach :math:`\max(x, 0)`. PyTorch and nonlin default to 1; JAX
        and Keras have no `beta`.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The softplus of `x`, in :math:`(0, \infty)`. A finite result can
        underflow to 0 in the negative tail or overflow to inf when
        :math:`\ln(2)/\beta` exceeds the largest float.

    Raises
    ------
    ValueError
        If `beta` is not a finite number > 0, or overflows the dtype of `x`.

    See Also
    --------
    softplus_derivative : The derivative, :math:`\sigma(\beta x)`.
    squareplus : An algebraic function of the same shape.

    Notes
    -----
    The second form never computes :math:`e^{\beta x}` for positive
    :math:`x`, and :math:`\beta |x|` is capped where the exponential is 0
    anyway, so nothing overflows even for ``beta=1e30``.

    PyTorch's ``softplus(x, beta, threshold=20)`` returns :math:`x` where
    :math:`\beta x > 20`, an error of up to :math:`2 \cdot 10^{-9}`
    (absolute) that float64 resolves. nonlin has no `threshold`, because
    the stable form needs no cut-off.

    Examples
    --------
    >>> import nonlin
    >>> import numpy as np
    >>> nonlin.softplus(np.array([-20, 0, 20, 1e10], dtype=np.float32))
    array([2.0611537e-09, 6.9314718e-01, 2.0000000e+01, 1.0000000e+10],
          dtype=float32)
    >>> nonlin.softplus([0.5, -1.0, 2.0], beta=1e30)
    array([0.5, 0. , 2. ])
    """
    x, dtype = as_float_array(x)
    beta = _check_beta(beta, dtype)
    if x.size > BLOCK_SIZE:
        return in_blocks(softplus, x, dtype, out, beta=beta)
    work = x.astype(np.float64, copy=False)
    exponent, e = _softplus_exponent(work, beta)
    tail = _log1p_unit(e)
    # softplus(0) = ln(2) / beta exceeds the largest float64 when beta is
    # below about 4e-309, and inf is then the correctly rounded result.
    with np.errstate(over="ignore"):
        if beta != 1:
            tail /= beta
        result = np.maximum(work, 0, out=None if beta < 1 else exponent)
        result += tail
    if beta < 1:
        # Where e is subnormal the tail e / beta can still be normal, so
        # there it is computed as the single exponential exp(-exponent - ln beta).
        shifted = np.exp(-(np.maximum(exponent, 700.0) + np.log(beta)))
        result = np.where((exponent > 700) & (work < 0), shifted, result)
    return _finish(result, x, dtype, out)


def softplus_derivative(x, beta=1.0, *, out=None):
    r"""Compute the derivative of the softplus elementwise.

    .. math::

        \operatorname{softplus}'(x) = \sigma(\beta x) = \frac{1}{1 + e^{-\beta x}}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    beta : float, default 1.0
        The sharpness :math:`\beta`; must be finite and > 0.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        :math:`\sigma(\beta x)`, in :math:`[0, 1]`.

    Raises
    ------
    ValueError
        If `beta` is not a finite number > 0, or overflows the dtype of `x`.

    See Also
    --------
    softplus : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softplus_derivative([-1.0, 0.0, 1.0], beta=2.0)
    array([0.11920292, 0.5       , 0.88079708])
    """
    x, dtype = as_float_array(x)
    beta = _check_beta(beta, dtype)
    if x.size > BLOCK_SIZE:
        return in_blocks(softplus_derivative, x, dtype, out, beta=beta)
    wide = x.astype(np.float64, copy=False)
    _, e = _softplus_exponent(wide, beta)
    sigmoid = _logistic_from_exp(wide, e, np.empty_like(e))
    return finish(sigmoid, dtype, out)


# ---------------------------------------------------------------------------
# Squareplus
# ---------------------------------------------------------------------------

#: Above this |x|, sqrt(x^2 + b) rounds to |x| for every finite b.
_SQUAREPLUS_HUGE = 2.0**1000
#: Below this |x| (and for b below its square) x^2 + b and the split
#: products of the double-double square root stay finite.
_SQUAREPLUS_MODERATE = 2.0**500


def _squareplus_extreme(x, b, with_slope=True):
    """Return ``(value, slope)`` for any x, with sqrt(x^2 + b) from hypot (up to 3 float64 ULP).

    Used for float32 and float16 results, and for float64 where x^2 + b
    would overflow the double-double evaluation.
    """
    root = np.hypot(x, np.sqrt(b))
    magnitude = np.abs(x)
    # x >= 0: (x + root) / 2, halving first where x + root could overflow.
    ahead = np.maximum(x, 0)
    positive = np.where(ahead > 1, 0.5 * ahead + 0.5 * root, 0.5 * (np.minimum(ahead, 1.0) + root))
    # x < 0: the conjugate b / (2 (root - x)) instead of the cancelling sum,
    # and b / (4 |x|) once root rounds to |x| (where 2 (root - x) would
    # overflow). The minimum and maximum keep the unused branch finite.
    moderate = np.minimum(magnitude, _SQUAREPLUS_HUGE)
    denominator = 2 * (np.minimum(root, 2 * _SQUAREPLUS_HUGE) + moderate)
    denominator = np.where(x < 0, denominator, 1.0)
    huge = (0.25 * b) / np.maximum(magnitude, _SQUAREPLUS_HUGE)
    negative = np.where(magnitude < _SQUAREPLUS_HUGE, b / denominator, huge)
    value = np.where(x < 0, negative, positive)
    if not with_slope:
        return value, None

    usable = (root > 0) & np.isfinite(root)
    safe_root = np.where(usable, root, 1.0)
    # x = +inf gives 1 and x = 0 with b = 0 gives 1/2.
    ratio = np.where(usable, x / safe_root, np.where(x > 0, 1.0, 0.0))
    slope = np.where(x < 0, np.where(usable, value / safe_root, 0.0), 0.5 * (1 + ratio))
    return value, slope


def _squareplus_direct_applies(x, b, with_slope):
    """Tell whether `_squareplus_direct` is accurate for `x` and `b`.

    For float32 and float16 values (computed in float64) the square is
    exact and every b > 0 works. For float64 the square is rounded once,
    which the error bound of `_squareplus_direct` allows for the value
    (not the slope), as long as b neither overflows nor underflows the
    sum: between 2^-900 and 2^1000. Everything else takes the double-double
    evaluation.
    """
    if x.dtype != np.float64:
        return b > 0
    return not with_slope and 2.0**-900 <= b <= 2.0**1000


def _squareplus_direct(x, b, with_slope=True):
    """Return ``(value, slope)`` in float64 for squareplus, with one rounding in the square.

    With s = (|x| + root) / 2, which cannot cancel, the value is s for
    x >= 0 and b / (4 s) for x < 0 (the conjugate form), and the slope is
    value / root on both sides. For float32 and float16 input the square
    is exact in float64 and the result is within a few float64 ULP, far
    below a float32 ULP. For float64 input, in units of u = 2^-53 of
    relative error: the rounded square and sum give 2u under the root,
    the root 2u, s 3u and the value 3u (x >= 0) or 4u (x < 0), at most
    4 ULP. The slope could reach 7u, beyond the bar, so the float64 slope
    keeps the double-double evaluation.

    The side is chosen without a data-dependent branch: with sign = +-1,
    max(sign * s, sign * t) * sign is max(s, t) or min(s, t), and
    b / (4 s) <= sqrt(b) / 2 <= s. NaN passes through every step, and
    three buffers are reused throughout, since each fresh one costs about
    as much as an arithmetic pass.
    """
    shape = np.shape(x)
    wide = np.asarray(x, dtype=np.float64).reshape(-1)
    if wide is x or np.shares_memory(wide, x):
        wide = wide.copy()
    # Clipping at 2^500 changes only +-inf from float32 or float16, whose
    # slope would be inf / inf; float64 inputs arrive within it.
    np.clip(wide, -(2.0**500), 2.0**500, out=wide)
    root = np.multiply(wide, wide)
    root += b
    np.sqrt(root, out=root)
    value = np.abs(wide)
    value += root
    value *= 0.5
    sign = np.copysign(1.0, wide, out=wide)
    conjugate = np.divide(0.25 * b, value, out=None if with_slope else root)
    value *= sign
    conjugate *= sign
    np.maximum(value, conjugate, out=value)
    value *= sign
    slope = np.divide(value, root, out=conjugate) if with_slope else None
    if x.dtype == np.float64:
        # Beyond 2^500 (and at +-inf) the square overflows; those few
        # elements take the hypot-based evaluation instead.
        far = np.abs(np.reshape(x, -1)) > 2.0**500
        if far.any():
            far_value, far_slope = _squareplus_extreme(np.reshape(x, -1)[far], b, with_slope)
            value[far] = far_value
            if with_slope:
                slope[far] = far_slope
    if not with_slope:
        return value.reshape(shape), None
    return value.reshape(shape), slope.reshape(shape)


def _squareplus_moderate(x, b, with_slope=True):
    """Return ``(value, slope)`` for |x| <= 2^500 and b <= 2^1000, each rounded once.

    sqrt(x^2 + b) is formed as a double-double (one Newton step on the
    exact x^2 + b), because its rounding would enter the derivative twice.
    """
    square, square_error = _two_product(x, x)
    total, total_error = _two_sum(square, b)
    root = np.sqrt(total)
    # x = 0 with b = 0 is the only zero root; it takes the x >= 0 branch.
    safe_root = np.where(root > 0, root, 1.0)
    residual, residual_error = _two_product(root, root)
    root_error = ((total - residual) - residual_error + (total_error + square_error)) / (2 * safe_root)

    # x >= 0: value (x + root) / 2 and slope (1 + x / root) / 2.
    ahead, ahead_error = _two_sum(x, root)
    positive_value = 0.5 * (ahead + (ahead_error + root_error))

    # x < 0: value b / (2 (root - x)) and slope value / root.
    behind, behind_error = _two_sum(root, np.abs(x))
    behind = np.where(x < 0, behind, 1.0)
    value, value_error = _dd_divide(b, 0.0, 2 * behind, 2 * (behind_error + root_error))
    negative = x < 0
    if not with_slope:
        return np.where(negative, value + value_error, positive_value), None

    ratio, ratio_error = _dd_divide(x, 0.0, safe_root, root_error)
    one, one_error = _two_sum(1.0, ratio)
    positive_slope = 0.5 * (one + (one_error + ratio_error))
    slope, slope_error = _dd_divide(value, value_error, safe_root, root_error)
    return (
        np.where(negative, value + value_error, positive_value),
        np.where(negative, slope + slope_error, positive_slope),
    )


def _squareplus_parts(x, b, precise, with_slope):
    """Return ``(value, slope)`` of squareplus at float64 `x`, without overflow or cancellation.

    Float32 and float16 results need no double-double square root. `slope`
    is None unless `with_slope`, so squareplus itself skips its cost.
    """
    if not precise or b > _SQUAREPLUS_MODERATE**2:
        return _squareplus_extreme(x, b, with_slope)
    moderate = np.abs(x) <= _SQUAREPLUS_MODERATE
    if moderate.all():
        return _squareplus_moderate(x, b, with_slope)
    # Each path runs only on its own elements, so the common moderate inputs
    # do not also pay for the extreme path.
    value = np.empty_like(x)
    slope = np.empty_like(x) if with_slope else None
    for mask, part in ((moderate, _squareplus_moderate), (~moderate, _squareplus_extreme)):
        part_value, part_slope = part(x[mask], b, with_slope)
        value[mask] = part_value
        if with_slope:
            slope[mask] = part_slope
    return value, slope


def squareplus(x, b=4.0, *, out=None):
    r"""Compute the squareplus elementwise.

    .. math::

        \operatorname{squareplus}(x) = \frac{x + \sqrt{x^2 + b}}{2}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    b : float, default 4.0
        The curvature :math:`b`; must be finite and >= 0. The default is
        Barron's and JAX's (``jax.nn.squareplus``); ``b = 0`` gives
        :math:`\max(x, 0)`.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The squareplus of `x`, in :math:`(0, \infty)` for :math:`b > 0`.

    Raises
    ------
    ValueError
        If `b` is not a finite number >= 0, or overflows the dtype of `x`.

    See Also
    --------
    squareplus_derivative : The derivative.
    softplus : The transcendental function of the same shape.

    Notes
    -----
    For :math:`x < 0` the sum cancels (it is 0 for :math:`x = -10^{9}` in
    float64), so nonlin uses the conjugate form
    :math:`b / (2(\sqrt{x^2 + b} - x))`. Both forms are computed for
    :math:`|x| \le 2^{500}` from :math:`\sqrt{x^2 + b}` in float64 (the
    square of a float32 value is exact there; for float64 the error stays
    within 4 ULP), and with :func:`numpy.hypot` beyond, so :math:`x^2`
    never overflows. The side is picked without a branch per element.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.squareplus([-1e10, 0.0, 1.0])
    array([1.00000000e-10, 1.00000000e+00, 1.61803399e+00])
    """
    x, dtype = as_float_array(x)
    b = check_parameter(b, "b", low=0, dtype=dtype)
    if x.size > BLOCK_SIZE:
        return in_blocks(squareplus, x, dtype, out, b=b)
    if _squareplus_direct_applies(x, b, with_slope=False):
        value, _ = _squareplus_direct(x, b, with_slope=False)
        return finish(value, dtype, out)
    work = _working_array(x)
    result, _ = _squareplus_parts(work, b, dtype == np.float64, with_slope=False)
    return _finish(result, x, dtype, out)


def squareplus_derivative(x, b=4.0, *, out=None):
    r"""Compute the derivative of the squareplus elementwise.

    .. math::

        \operatorname{squareplus}'(x) = \frac{1}{2}\left(1 + \frac{x}{\sqrt{x^2 + b}}\right)
        = \frac{\operatorname{squareplus}(x)}{\sqrt{x^2 + b}}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    b : float, default 4.0
        The curvature :math:`b`; must be finite and >= 0.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The derivative at `x`, in :math:`(0, 1)` for :math:`b > 0`.

    Raises
    ------
    ValueError
        If `b` is not a finite number >= 0, or overflows the dtype of `x`.

    See Also
    --------
    squareplus : The function itself.

    Notes
    -----
    For :math:`x < 0` the derivative is computed as
    :math:`\operatorname{squareplus}(x) / \sqrt{x^2 + b}`, which neither
    cancels nor overflows. With ``b = 0`` the function is
    :math:`\max(x, 0)` with a kink at 0, where nonlin returns 1/2, the
    value of the formula's limit as :math:`b \to 0`; ``relu_derivative``
    returns 0 there.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.squareplus_derivative([-1.0, 0.0, 1.0], b=1.0)
    array([0.14644661, 0.5       , 0.85355339])
    """
    x, dtype = as_float_array(x)
    b = check_parameter(b, "b", low=0, dtype=dtype)
    if x.size > BLOCK_SIZE:
        return in_blocks(squareplus_derivative, x, dtype, out, b=b)
    if _squareplus_direct_applies(x, b, with_slope=True):
        _, slope = _squareplus_direct(x, b, with_slope=True)
        return finish(slope, dtype, out)
    work = _working_array(x)
    _, result = _squareplus_parts(work, b, dtype == np.float64, with_slope=True)
    return _finish(result, x, dtype, out)


# ---------------------------------------------------------------------------
# Sparse plus
# ---------------------------------------------------------------------------


def sparse_plus(x, *, out=None):
    r"""Compute the sparse plus elementwise.

    .. math::

        \mathrm{sparse\_plus}(x) = \begin{cases}
            0 & x \le -1 \\
            \tfrac{1}{4}(x + 1)^2 & -1 < x < 1 \\
            x & x \ge 1
        \end{cases}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The sparse plus of `x`, in :math:`[0, \infty)`.

    See Also
    --------
    sparse_plus_derivative : The derivative, a clipped ramp.
    softplus : The smooth function it imitates with exact zeros.

    Notes
    -----
    This is ``jax.nn.sparse_plus`` and ``keras.activations.sparse_plus``:
    a convex, non-decreasing, once continuously differentiable function
    that is exactly 0 below -1. Its pieces join with equal values and
    slopes at :math:`x = \pm 1`, so it has no kink; only the second
    derivative jumps there.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sparse_plus([-2.0, -1.0, 0.0, 1.0, 2.0])
    array([0.  , 0.  , 0.25, 1.  , 2.  ])
    """
    x, dtype = as_float_array(x)
    # (clip(x, -1, 1) + 1)^2 / 4 is 0 below -1, the quadratic in between
    # and 1 above 1, and it is >= x everywhere, since (x + 1)^2 / 4 - x =
    # (x - 1)^2 / 4. So max(quadratic, x) is the function with no select;
    # float64 keeps the quadratic's rounding far below a float32 ULP, and
    # in float64 a tie near x = 1 costs at most one rounding. NaN passes
    # through the clip and the max.
    wide = x.astype(np.float64, copy=False)
    quadratic = np.clip(wide, -1.0, 1.0, out=np.empty_like(wide))
    quadratic += 1
    np.square(quadratic, out=quadratic)
    quadratic *= 0.25
    return finish(np.maximum(quadratic, wide, out=quadratic), dtype, out)


def sparse_plus_derivative(x, *, out=None):
    r"""Compute the derivative of the sparse plus elementwise.

    .. math::

        \mathrm{sparse\_plus}'(x) = \begin{cases}
            0 & x \le -1 \\
            \tfrac{1}{2}(x + 1) & -1 < x < 1 \\
            1 & x \ge 1
        \end{cases}

    The derivative is continuous: both pieces give 0 at :math:`x = -1` and
    1 at :math:`x = 1`, which is what nonlin returns there.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The derivative at `x`, in :math:`[0, 1]`.

    See Also
    --------
    sparse_plus : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sparse_plus_derivative([-2.0, -1.0, 0.0, 1.0, 2.0])
    array([0. , 0. , 0.5, 1. , 1. ])
    """
    x, dtype = as_float_array(x)
    # clip(x, -1, 1) + 1 is exact near -1 and rounds once elsewhere, and
    # halving is exact, so the result is correctly rounded in x's own
    # dtype. NaN passes through the clip.
    one = x.dtype.type(1)
    result = np.clip(x, -one, one, out=np.empty_like(x))
    result += one
    result *= x.dtype.type(0.5)
    return finish(result, dtype, out)


# ---------------------------------------------------------------------------
# Hard swish
# ---------------------------------------------------------------------------


def hard_swish(x, *, out=None):
    r"""Compute the hard swish (hard SiLU) elementwise.

    .. math::

        \mathrm{hard\_swish}(x) = x\,\frac{\mathrm{relu6}(x + 3)}{6}
        = \begin{cases}
            0 & x \le -3 \\
            x (x + 3) / 6 & -3 < x < 3 \\
            x & x \ge 3
        \end{cases}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The hard swish of `x`, in :math:`[-0.375, \infty)`; +0.0 wherever
        the function is identically 0.

    See Also
    --------
    hard_swish_derivative : The derivative, with kinks at -3 and 3.
    silu : The smooth function it approximates.

    Notes
    -----
    ``hard_silu`` is the same function, under the name JAX and Keras use
    (``jax.nn.hard_silu``, ``keras.activations.hard_silu``); PyTorch calls
    it ``torch.nn.Hardswish``.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.hard_swish([-4.0, -1.5, 0.0, 1.0, 3.0])
    array([ 0.        , -0.375     ,  0.        ,  0.66666667,  3.        ])
    """
    x, dtype = as_float_array(x)
    # max(x, -3) * clip(x + 3, -0.0, 6) / 6 is x (x + 3) / 6 on (-3, 3), x
    # above 3 and +0 below -3 with no mask, in x's dtype. It rounds at most
    # three times (x + 3 is exact near -3), within 2 ULP. The lower bound
    # -0.0 gives +0 = -3 * -0.0 on the flat side, because np.maximum
    # returns its second operand for equal inputs, even at x = -3 where
    # x + 3 = +0. NaN passes through the arithmetic.
    # np.clip with bounds of x's dtype stays on NumPy's SIMD path, which
    # np.maximum and np.minimum with a scalar miss. The first clamp keeps
    # np.maximum, because np.clip does not follow its signed-zero rule.
    low, six, inf = x.dtype.type(-3), x.dtype.type(6), x.dtype.type(np.inf)
    factor = np.add(x, 3, out=np.empty_like(x))
    np.maximum(factor, -0.0, out=factor)
    np.clip(factor, -inf, six, out=factor)
    factor /= six
    factor *= np.clip(x, low, inf)
    return finish(factor, dtype, out)


def hard_swish_derivative(x, *, out=None):
    r"""Compute the derivative of the hard swish (hard SiLU) elementwise.

    .. math::

        \mathrm{hard\_swish}'(x) = \begin{cases}
            0 & x \le -3 \\
            (2x + 3) / 6 & -3 < x < 3 \\
            1 & x \ge 3
        \end{cases}

    At the kinks nonlin returns the value of the flat side: **0** at
    :math:`x = -3` (the one-sided derivatives are 0 and -1/2) and **1** at
    :math:`x = 3` (they are 3/2 and 1). JAX gives the same, because its
    ``relu6`` has gradient 0 at both ends, and so does Keras on its JAX
    and TensorFlow backends (TensorFlow's ``relu6`` gradient is 0 there
    too). PyTorch's ``Hardswish`` returns the inner side's values, -1/2
    and 3/2, and Keras on the PyTorch backend follows it.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The derivative at `x`, in :math:`[-1/2, 3/2)`.

    See Also
    --------
    hard_swish : The function itself.

    Notes
    -----
    The middle piece is computed as :math:`(2x + 3)/6`, which is exact up
    to one rounding near its zero at :math:`x = -1.5`; PyTorch's
    :math:`x/3 + 1/2` cancels there.

    Examples
    --------
    >>> import nonlin
    >>> import numpy as np
    >>> nonlin.hard_swish_derivative(np.array([-3.0, -1.5, 0.0, 3.0], dtype=np.float32))
    array([0. , 0. , 0.5, 1. ], dtype=float32)
    """
    x, dtype = as_float_array(x)
    # inside * ramp + above selects the ramp, 0 or 1 exactly, with 0/1 masks
    # instead of np.where: 0 * ramp is +-0 (ramp is finite after the clip)
    # and adding 0 or 1 gives +0 or 1 on the flat sides. NaN gives a NaN
    # ramp and passes through. In x's dtype, 2x + 3 is exact near its zero,
    # so the ramp rounds once.
    ramp = np.clip(x, -3, 3, out=np.empty_like(x))
    ramp *= 2
    ramp += 3
    ramp /= 6
    ramp *= np.asarray((x > -3) & (x < 3)).astype(x.dtype)
    ramp += np.asarray(x >= 3).astype(x.dtype)
    return finish(ramp, dtype, out)


hard_silu = hard_swish
hard_silu_derivative = hard_swish_derivative

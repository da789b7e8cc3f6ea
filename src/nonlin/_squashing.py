"""Squashing activations: bounded, S-shaped functions and their derivatives."""

import math

import numpy as np

from nonlin._validation import (
    as_float_array,
    blockwise,
    check_parameter,
    direct_out,
    finish,
    indicator,
    output_array,
    propagate_nan,
)

__all__ = [
    "arctan",
    "arctan_derivative",
    "hard_sigmoid",
    "hard_sigmoid_derivative",
    "hard_tanh",
    "hard_tanh_derivative",
    "isru",
    "isru_derivative",
    "log_sigmoid",
    "log_sigmoid_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "softsign",
    "softsign_derivative",
    "sparse_sigmoid",
    "sparse_sigmoid_derivative",
    "tanh",
    "tanh_derivative",
]

_LARGEST = np.finfo(np.float64).max



def _exp_minus_magnitude(x, out):
    """Write ``exp(-|x|)``, which lies in [0, 1] and so cannot overflow, into `out`."""
    np.abs(x, out=out)
    np.negative(out, out=out)
    return np.exp(out, out=out)


def _logistic_block(x, e, numerator, *, of_negative=False):
    """Write the logistic sigmoid of a block of `x` (of -x if `of_negative`) into `numerator`."""
    _exp_minus_magnitude(x, e)
    return _logistic_from_exp(x, e, numerator, of_negative=of_negative)


def _logistic_from_exp(x, e, numerator, *, of_negative=False):
    """Turn ``e = exp(-c |x|)`` into the sigmoid of ``c x`` (of ``-c x`` if `of_negative`), written into `numerator`.

    Afterwards `e` contains 1 + e, so a caller may reuse it as a buffer.
    """
    # The numerator is 1 for x >= 0 and e <= 1 below, so max(e, mask) picks
    # it without np.where, and NaN passes through np.maximum.
    if of_negative:
        np.less_equal(x, 0, out=numerator)
    else:
        np.greater_equal(x, 0, out=numerator)
    np.maximum(e, numerator, out=numerator)
    e += 1
    return np.divide(numerator, e, out=numerator)


def _logistic(x, dtype, out, *, of_negative=False):
    """Return the logistic sigmoid of `x` (of -x if `of_negative`), computed in the dtype of `x`."""
    def block(x, e, numerator):
        return _logistic_block(x, e, numerator, of_negative=of_negative)

    return blockwise(block, x, dtype, out, scratch=2, working=x.dtype)


def sigmoid(x, *, out=None):
    r"""Compute the logistic sigmoid elementwise.

    .. math::

        \sigma(x) = \frac{1}{1 + e^{-x}}

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
        :math:`\sigma(x)`, in :math:`[0, 1]`; a scalar for scalar input.

    See Also
    --------
    sigmoid_derivative : The derivative :math:`\sigma(x)\,(1 - \sigma(x))`.
    tanh : The same S-shape, zero-centred: :math:`\tanh(x) = 2\sigma(2x) - 1`.
    log_sigmoid : :math:`\log \sigma(x)`, accurate where :math:`\sigma` underflows.

    Notes
    -----
    Only :math:`e^{-|x|} \in (0, 1]` is ever computed, as
    :math:`1 / (1 + e^{-x})` for :math:`x \ge 0` and
    :math:`e^{x} / (1 + e^{x})` for :math:`x < 0`, so nothing overflows and
    the tiny values of the negative tail keep their relative accuracy.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sigmoid([-1234.1, 0.0, 1234.1])
    array([0. , 0.5, 1. ])
    """
    x, dtype = as_float_array(x)
    return _logistic(x, dtype, out)


def sigmoid_derivative(x, *, out=None):
    r"""Compute the derivative of the logistic sigmoid elementwise.

    .. math::

        \sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)
                   = \frac{e^{-|x|}}{\bigl(1 + e^{-|x|}\bigr)^2}

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
        :math:`\sigma'(x)`, in :math:`[0, 1/4]`.

    See Also
    --------
    sigmoid : The function itself.

    Notes
    -----
    The product :math:`\sigma(1 - \sigma)` loses every digit in the tails,
    where :math:`1 - \sigma` cancels (it returns 0 at :math:`x = 40` in
    float64); the symmetric form in :math:`e^{-|x|}` stays accurate to the
    smallest subnormal.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sigmoid_derivative([0.0, 40.0])
    array([2.50000000e-01, 4.24835426e-18])
    """
    x, dtype = as_float_array(x)
    return blockwise(_sigmoid_derivative_block, x, dtype, out, scratch=2, working=x.dtype)


def _sigmoid_derivative_block(x, denominator, e):
    _exp_minus_magnitude(x, e)
    np.add(e, 1, out=denominator)
    denominator *= denominator
    return np.divide(e, denominator, out=e)


def log_sigmoid(x, *, out=None):
    r"""Compute the logarithm of the logistic sigmoid elementwise.

    .. math::

        \log \sigma(x) = -\log\bigl(1 + e^{-x}\bigr)
                       = \min(x, 0) - \log\bigl(1 + e^{-|x|}\bigr)

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
        :math:`\log \sigma(x)`, in :math:`(-\infty, 0]`: -inf at -inf, and
        0 where :math:`e^{-x}` is below the dtype's smallest subnormal.

    See Also
    --------
    log_sigmoid_derivative : The derivative :math:`\sigma(-x)`.
    sigmoid : The function whose logarithm this is.

    Notes
    -----
    ``np.log(sigmoid(x))`` returns -inf (with a warning) once
    :math:`\sigma(x)` underflows, near :math:`x = -745` in float64, and the
    first form overflows :math:`e^{-x}` below :math:`x = -709.8`. The second
    form exponentiates only :math:`-|x| \le 0` and adds two terms of the
    same sign, so nothing overflows or cancels: for :math:`x \ll 0` the
    result is :math:`x` itself, and for :math:`x \gg 0` it is
    :math:`-e^{-x}` to full relative accuracy. For float32 input,
    :math:`e^{-|x|}` is computed in float32, and
    :math:`\log(1 + e) = 2 \operatorname{artanh}(e / (2 + e))` is summed in
    float64 from the series of artanh, because NumPy's float32 ``log1p``
    takes several times as long as its ``exp``. PyTorch
    (``logsigmoid``), JAX and Keras 3 (``log_sigmoid``) compute the same
    function.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.log_sigmoid([-1000.0, 0.0, 40.0])
    array([-1.00000000e+03, -6.93147181e-01, -4.24835426e-18])
    """
    x, dtype = as_float_array(x)
    if x.dtype == np.float32:
        return blockwise(_log_sigmoid_float32_block, x, dtype, out, scratch=3)
    result = np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))
    return finish(result, dtype, out)


#: Coefficients 1/(2k + 1) of atanh(z)/z in powers of z**2. For z <= 1/3
#: the first term left out, z**18/19, is below 2**-33 of the sum.
_ATANH_SERIES = tuple(1 / (2 * k + 1) for k in range(9))


def _log_sigmoid_float32_block(x, z, square, result):
    # NumPy's float32 log1p takes several times as long as its float32 exp.
    # e = exp(-|x|) is taken in float32, within about 2 ULP, and log1p(e)
    # passes that error on damped by e/((1 + e) log1p(e)) <= 1. The
    # logarithm log1p(e) = 2 atanh(z), with z = e/(2 + e) in [0, 1/3], is
    # summed in float64 from its series, so the final rounding to float32
    # adds the only other error.
    e = np.abs(x, out=result, dtype=np.float64)
    np.negative(e, out=e)
    np.exp(e, out=e, dtype=np.float32)
    np.add(e, 2, out=z)
    np.divide(e, z, out=z)
    np.multiply(z, z, out=square)
    result.fill(_ATANH_SERIES[-1])
    for coefficient in _ATANH_SERIES[-2::-1]:
        result *= square
        result += coefficient
    result *= z
    result += result
    np.minimum(x, 0, out=z, dtype=np.float64)
    return np.subtract(z, result, out=result)


def log_sigmoid_derivative(x, *, out=None):
    r"""Compute the derivative of the log-sigmoid elementwise.

    .. math::

        \frac{d}{dx} \log \sigma(x) = \sigma(-x) = \frac{1}{1 + e^{x}}

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
        :math:`\sigma(-x)`, in :math:`[0, 1]`.

    See Also
    --------
    log_sigmoid : The function itself.

    Notes
    -----
    Computed as the logistic sigmoid of :math:`-x`, which exponentiates
    only :math:`-|x|`: the right tail :math:`e^{-x}` keeps its relative
    accuracy down to the subnormals, where :math:`1 - \sigma(x)` would
    cancel to 0.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.log_sigmoid_derivative([-40.0, 0.0, 40.0])
    array([1.00000000e+00, 5.00000000e-01, 4.24835426e-18])
    """
    x, dtype = as_float_array(x)
    return _logistic(x, dtype, out, of_negative=True)


def tanh(x, *, out=None):
    r"""Compute the hyperbolic tangent elementwise.

    .. math::

        \tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}

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
        :math:`\tanh(x)`, in :math:`[-1, 1]`.

    See Also
    --------
    tanh_derivative : The derivative :math:`1 - \tanh^2(x)`.
    sigmoid : The same S-shape on :math:`(0, 1)`.
    hard_tanh : A piecewise-linear version.

    Notes
    -----
    This is :func:`numpy.tanh`, which is accurate to about 1 ULP; it is
    here so that the catalogue pairs it with its derivative.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.tanh([-1000.0, 0.0, 0.5])
    array([-1.        ,  0.        ,  0.46211716])
    """
    x, dtype = as_float_array(x)
    return finish(np.tanh(x, out=direct_out(out, x, dtype)), dtype, out)


def tanh_derivative(x, *, out=None):
    r"""Compute the derivative of the hyperbolic tangent elementwise.

    .. math::

        \tanh'(x) = 1 - \tanh^2(x) = \frac{4 e^{-2|x|}}{\bigl(1 + e^{-2|x|}\bigr)^2}

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
        :math:`\tanh'(x)`, in :math:`[0, 1]`.

    See Also
    --------
    tanh : The function itself.

    Notes
    -----
    :math:`1 - \tanh^2(x)` cancels to 0 once :math:`\tanh(x)` rounds to 1
    (near :math:`|x| = 19` in float64); the form in :math:`e^{-2|x|}` keeps
    full relative accuracy down to the subnormals.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.tanh_derivative([0.0, 20.0])
    array([1.0000000e+00, 1.6993417e-17])
    """
    x, dtype = as_float_array(x)
    # exp(-|x|) squared rather than exp(-2|x|), because 2|x| overflows near the dtype's max.
    e = np.exp(-np.abs(x))
    e = e * e
    return finish(4 * e / ((1 + e) * (1 + e)), dtype, out)


def _comparison_limit(limit, x):
    """Return the float `limit` as a scalar to compare `x` with, exactly.

    A limit that the dtype of `x` represents exactly is returned in that dtype,
    so the comparison runs without converting `x`. Any other limit stays
    float64, which makes NumPy compare in float64, exact for every float32
    input.
    """
    # A limit beyond the dtype's range converts to inf, which differs from
    # it, so the overflow only selects the float64 comparison.
    with np.errstate(over="ignore"):
        converted = x.dtype.type(limit)
    # float() first, because NEP 50 would compare a Python float in float32.
    if float(converted) == float(limit):
        return converted
    return np.float64(limit)


def _hard_sigmoid_kink(slope):
    """Return the kink position 1/(2 slope) for a checked slope > 0, or raise if 1/slope overflows."""
    if not math.isfinite(1 / slope):
        raise ValueError(
            f"slope={slope!r} is too small: the kinks at +-1/(2*slope) are beyond the "
            f"float64 range, so use slope >= {1 / np.finfo(np.float64).max:.3g}."
        )
    return 0.5 / slope


def hard_sigmoid(x, slope=1 / 6, *, out=None):
    r"""Compute the hard sigmoid, a piecewise-linear sigmoid, elementwise.

    .. math::

        \mathrm{hard\_sigmoid}(x) = \min\bigl(\max(s x + \tfrac{1}{2},\ 0),\ 1\bigr)

    where :math:`s` is `slope`. The kinks are at :math:`x = \pm 1/(2s)`.
    The default :math:`s = 1/6` is :math:`\mathrm{relu6}(x + 3) / 6`,
    with kinks at :math:`\pm 3`.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    slope : float, default 1/6
        The slope :math:`s` between the kinks; must be finite and > 0.
        PyTorch (``hardsigmoid``), JAX and Keras 3 (``hard_sigmoid``) use
        1/6. Keras 2 and ``tf.keras.backend.hard_sigmoid`` use
        :math:`0.2 x + 0.5`, which is ``slope=0.2`` (kinks at :math:`\pm 2.5`).
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The hard sigmoid of `x`, in :math:`[0, 1]`.

    Raises
    ------
    ValueError
        If `slope` is not a finite number > 0, overflows the dtype of `x`,
        or is so small (below about 5.6e-309) that the kinks overflow float64.

    See Also
    --------
    hard_sigmoid_derivative : The derivative, `slope` between the kinks and 0 outside.
    sigmoid : The smooth function this approximates (whose slope at 0 is 1/4).
    sparse_sigmoid : The same shape with slope 1/2 and kinks at :math:`\pm 1`.

    Notes
    -----
    The value is computed as :math:`(\min(\max(x, -c), c) + c) / (2c)` with
    :math:`c = 1/(2s)`. For the default slope :math:`c = 3` exactly, so this
    is PyTorch's ``min(max(x + 3, 0), 6) / 6``. Near the lower kink
    :math:`x + c` is exact, where :math:`s x + 1/2` would cancel. The sum
    and the quotient are computed in float64 for every dtype and rounded
    once, because in float32 :math:`c` overflows for slopes below about
    3e-39 and turns subnormal above about 4e37. (float32 input is clipped
    in float32 where float32 represents :math:`c`, which is exact.)

    Examples
    --------
    >>> import nonlin
    >>> nonlin.hard_sigmoid([-4.0, -1.5, 0.0, 3.0])
    array([0.  , 0.25, 0.5 , 1.  ])
    >>> nonlin.hard_sigmoid([-2.5, 1.0], slope=0.2)
    array([0. , 0.7])
    """
    x, dtype = as_float_array(x)
    slope = check_parameter(slope, "slope", low=0, low_inclusive=False, dtype=dtype)
    kink = _hard_sigmoid_kink(slope)
    if x.dtype == np.float64:
        result = np.clip(x, -kink, kink, out=output_array(out, x, dtype))
        result += kink
        result /= 2 * kink
        return finish(result, dtype, out)

    # float32 input is clipped in float32 where float32 represents the kink,
    # and in float64 otherwise, exactly either way. The sum and the quotient
    # are computed in float64, and the division rounds once into float32.
    bound = _comparison_limit(kink, x)
    if bound.dtype == np.float64:
        numerator = np.clip(x, -bound, bound, out=np.empty(x.shape))
        numerator += kink
        return finish(np.divide(numerator, 2 * kink, out=output_array(out, x, dtype)), dtype, out)
    clipped = np.clip(x, -bound, bound, out=output_array(out, x, dtype))
    numerator = np.add(clipped, kink, dtype=np.float64)
    return finish(np.divide(numerator, 2 * kink, out=clipped), dtype, out)


def hard_sigmoid_derivative(x, slope=1 / 6, *, out=None):
    r"""Compute the derivative of the hard sigmoid elementwise.

    .. math::

        \mathrm{hard\_sigmoid}'(x) =
            \begin{cases} s & |x| < 1/(2s) \\ 0 & |x| \ge 1/(2s) \end{cases}

    At the kinks :math:`x = \pm 1/(2s)` (:math:`\pm 3` by default) the
    derivative is **0**, the one-sided derivative from the flat side, as in
    PyTorch, JAX (whose ``relu6`` has a gradient of 0 at 0 and 6) and
    Keras 3. Keras 2 clips :math:`0.2 x + 0.5` with ``tf.clip_by_value``,
    whose gradient passes at the clip values, so it returns 0.2 there.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    slope : float, default 1/6
        The slope :math:`s` between the kinks; must be finite and > 0.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        `slope` strictly between the kinks, 0 elsewhere; NaN stays NaN.

    Raises
    ------
    ValueError
        If `slope` is not a finite number > 0, overflows the dtype of `x`,
        or is so small (below about 5.6e-309) that the kinks overflow float64.

    See Also
    --------
    hard_sigmoid : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.hard_sigmoid_derivative([-3.0, 0.0, 3.0])
    array([0.        , 0.16666667, 0.        ])
    >>> nonlin.hard_sigmoid_derivative([-2.0, 1.0], slope=0.25)
    array([0.  , 0.25])
    """
    x, dtype = as_float_array(x)
    slope = check_parameter(slope, "slope", low=0, low_inclusive=False, dtype=dtype)
    kink = _comparison_limit(_hard_sigmoid_kink(slope), x)
    # The 0/1 mask times the slope is exact, and in x's dtype the slope is
    # rounded once, as rounding the float64 result would.
    result = indicator(np.abs(x) < kink, x, direct_out(out, x, dtype))
    result *= x.dtype.type(slope)
    return finish(result, dtype, out)


def sparse_sigmoid(x, *, out=None):
    r"""Compute the sparse sigmoid elementwise.

    .. math::

        \mathrm{sparse\_sigmoid}(x) =
            \begin{cases} 0 & x \le -1 \\ (x + 1)/2 & -1 < x < 1 \\ 1 & x \ge 1 \end{cases}

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
        The sparse sigmoid of `x`, in :math:`[0, 1]`: exactly 0 or 1
        outside :math:`(-1, 1)`.

    See Also
    --------
    sparse_sigmoid_derivative : The derivative, 1/2 between the kinks and 0 outside.
    hard_sigmoid : The same shape with a configurable slope.

    Notes
    -----
    This is ``jax.nn.sparse_sigmoid`` and ``keras.ops.sparse_sigmoid``, the
    derivative of the sparse plus function (Blondel, Martins and Niculae,
    2020). Computing :math:`(\min(\max(x, -1), 1) + 1) / 2` rounds once,
    in the addition, and :math:`x + 1` is exact near the lower kink, so the
    result is correctly rounded.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sparse_sigmoid([-2.0, -0.5, 0.0, 1.0])
    array([0.  , 0.25, 0.5 , 1.  ])
    """
    x, dtype = as_float_array(x)
    result = (np.clip(x, -1, 1) + 1) * x.dtype.type(0.5)
    return finish(result, dtype, out)


def sparse_sigmoid_derivative(x, *, out=None):
    r"""Compute the derivative of the sparse sigmoid elementwise.

    .. math::

        \mathrm{sparse\_sigmoid}'(x) =
            \begin{cases} 1/2 & |x| < 1 \\ 0 & |x| \ge 1 \end{cases}

    At the kinks :math:`x = \pm 1` the derivative is **0**, the one-sided
    derivative from the flat side, as Keras 3 with the TensorFlow backend
    returns (it selects the constants 0 and 1 with ``tf.where`` there). JAX
    computes ``0.5 * jnp.clip(x + 1, 0, 2)``, and the derivative rules of
    the maximum and minimum inside ``jnp.clip`` split a tie evenly between
    their two arguments, so ``jax.grad`` returns 1/4 at :math:`\pm 1`.

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
        1/2 where :math:`|x| < 1`, 0 elsewhere; NaN stays NaN.

    See Also
    --------
    sparse_sigmoid : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sparse_sigmoid_derivative([-1.0, 0.0, 1.0, 2.0])
    array([0. , 0.5, 0. , 0. ])
    """
    x, dtype = as_float_array(x)
    result = indicator(np.abs(x) < 1, x, direct_out(out, x, dtype))
    result *= x.dtype.type(0.5)
    return finish(result, dtype, out)


def _check_hard_tanh_bounds(min_value, max_value, dtype):
    """Return the checked bounds of hard_tanh as floats, or raise ValueError naming both."""
    low = check_parameter(min_value, "min_value", dtype=dtype)
    high = check_parameter(max_value, "max_value", dtype=dtype)
    if low > high:
        raise ValueError(
            f"min_value={min_value!r} is greater than max_value={max_value!r}: "
            "pass bounds with min_value <= max_value."
        )
    return low, high


def hard_tanh(x, min_value=-1.0, max_value=1.0, *, out=None):
    r"""Compute the hard hyperbolic tangent, a clip to an interval, elementwise.

    .. math::

        \mathrm{hard\_tanh}(x) = \min\bigl(\max(x, a),\ b\bigr)

    where :math:`a` is `min_value` and :math:`b` is `max_value`.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    min_value : float, default -1.0
        The lower bound :math:`a`; any finite value <= `max_value`.
        PyTorch's ``hardtanh`` calls it ``min_val``; JAX and Keras 3 fix
        the bounds at :math:`\pm 1`.
    max_value : float, default 1.0
        The upper bound :math:`b`; any finite value >= `min_value`.
        PyTorch calls it ``max_val``.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        `x` clipped to :math:`[a, b]`; NaN stays NaN.

    Raises
    ------
    ValueError
        If a bound is not finite or overflows the dtype of `x`, or if
        `min_value` is greater than `max_value`.

    See Also
    --------
    hard_tanh_derivative : The derivative, 1 between the bounds and 0 outside.
    tanh : The smooth function this approximates.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.hard_tanh([-3.0, -0.5, 0.0, 2.0])
    array([-1. , -0.5,  0. ,  1. ])
    >>> nonlin.hard_tanh([-3.0, 0.25, 5.0], min_value=0.0, max_value=4.0)
    array([0.  , 0.25, 4.  ])
    """
    x, dtype = as_float_array(x)
    low, high = _check_hard_tanh_bounds(min_value, max_value, dtype)
    result = np.clip(x, x.dtype.type(low), x.dtype.type(high), out=direct_out(out, x, dtype))
    return finish(result, dtype, out)


def hard_tanh_derivative(x, min_value=-1.0, max_value=1.0, *, out=None):
    r"""Compute the derivative of the hard hyperbolic tangent elementwise.

    .. math::

        \mathrm{hard\_tanh}'(x) =
            \begin{cases} 1 & a < x < b \\ 0 & x \le a \text{ or } x \ge b \end{cases}

    At the kinks :math:`x = a` and :math:`x = b` the derivative is **0**,
    the one-sided derivative from the flat side, as PyTorch's ``hardtanh``
    returns. JAX's ``hard_tanh`` (which selects :math:`x` on the closed
    interval :math:`[-1, 1]`) and Keras 3 with the TensorFlow backend
    (``tf.clip_by_value``, whose gradient passes at the clip values)
    return 1 there.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    min_value : float, default -1.0
        The lower bound :math:`a`; any finite value <= `max_value`.
    max_value : float, default 1.0
        The upper bound :math:`b`; any finite value >= `min_value`.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        1 strictly between the bounds, 0 elsewhere; NaN stays NaN.

    Raises
    ------
    ValueError
        If a bound is not finite or overflows the dtype of `x`, or if
        `min_value` is greater than `max_value`.

    See Also
    --------
    hard_tanh : The function itself.

    Notes
    -----
    The input is compared with the bounds as given, in float64, so a bound
    that float32 cannot represent still splits the float32 inputs exactly.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.hard_tanh_derivative([-1.0, 0.0, 1.0, 2.0])
    array([0., 1., 0., 0.])
    """
    x, dtype = as_float_array(x)
    low, high = _check_hard_tanh_bounds(min_value, max_value, dtype)
    inside = (x > _comparison_limit(low, x)) & (x < _comparison_limit(high, x))
    return finish(indicator(inside, x, direct_out(out, x, dtype)), dtype, out)


def softsign(x, *, out=None):
    r"""Compute the softsign elementwise.

    .. math::

        \operatorname{softsign}(x) = \frac{x}{1 + |x|}

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
        The softsign of `x`, in :math:`[-1, 1]`: :math:`\pm 1` at
        :math:`\pm\infty`.

    See Also
    --------
    softsign_derivative : The derivative :math:`1 / (1 + |x|)^2`.
    tanh : The exponential-tailed function softsign approximates.

    Notes
    -----
    The input is first clipped to the largest finite value of its dtype,
    which changes no finite input but turns :math:`\infty / \infty` (NaN)
    at infinity into the limit 1. PyTorch (``softsign``), JAX
    (``soft_sign``) and Keras 3 (``softsign``) compute the same function.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softsign([-3.0, 0.0, 1.0, float("inf")])
    array([-0.75,  0.  ,  0.5 ,  1.  ])
    """
    x, dtype = as_float_array(x)
    largest = np.finfo(x.dtype).max
    finite = np.clip(x, -largest, largest)
    return finish(finite / (1 + np.abs(finite)), dtype, out)


def softsign_derivative(x, *, out=None):
    r"""Compute the derivative of the softsign elementwise.

    .. math::

        \operatorname{softsign}'(x) = \frac{1}{(1 + |x|)^2}

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
        The derivative, in :math:`[0, 1]`; 1 at :math:`x = 0`, where the
        derivative is continuous (softsign is :math:`C^1`, and only its
        second derivative jumps there).

    See Also
    --------
    softsign : The function itself.

    Notes
    -----
    The rounding error of :math:`u = 1 + |x|` doubles in the square and
    alone costs up to 2 ULP, so it is recovered exactly (Fast2Sum) as
    :math:`\delta = (1 + |x|) - u` and applied as the first-order correction
    :math:`(1 + |x|)^{-2} \approx u^{-2}\,(1 - 2\delta/u)`. From
    :math:`u = 2^{511}` on, where :math:`u^2` would overflow, :math:`u` is
    scaled by :math:`2^{-600}` and the square of the scale taken out again
    by two exact products, the second rounding once into the subnormals.
    float32 input is computed in float64, where :math:`1 + |x|` rounds by
    at most :math:`2^{-53}` and :math:`u^2` cannot overflow, so it needs no
    correction.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softsign_derivative([-3.0, 0.0, 1.0])
    array([0.0625, 1.    , 0.25  ])
    """
    x, dtype = as_float_array(x)
    if x.dtype == np.float32:
        return blockwise(_softsign_derivative_float32_block, x, dtype, out)
    return blockwise(_softsign_derivative_block, x, dtype, out, scratch=4)


def _softsign_derivative_float32_block(x, denominator):
    # In float64, 1 + |x| has at most one rounding of relative size 2**-53
    # (none for |x| >= 2**-29), and its square cannot overflow, so the
    # result rounds correctly to float32 almost always.
    np.abs(x, out=denominator, dtype=np.float64)
    denominator += 1
    denominator *= denominator
    return np.divide(1, denominator, out=denominator)


#: Below this power of 2, u*u cannot overflow float64.
_SQUARE_LIMIT = 2.0**511
#: Scale for u >= _SQUARE_LIMIT: (u * 2**-600)**2 stays finite and its
#: reciprocal normal. Of the two products with 2**-600 that take the scale
#: out again, the first is exact and the second rounds once into the
#: subnormals (both give 0 where 1/u**2 is far below the smallest subnormal).
_SQUARE_SCALE = 2.0**-600


def _softsign_derivative_block(x, error, denominator, work, square):
    # The largest finite value replaces inf, so the error term below
    # never computes inf - inf.
    magnitude = np.abs(x, out=error)
    np.minimum(magnitude, _LARGEST, out=magnitude)
    np.add(magnitude, 1, out=denominator)
    np.maximum(magnitude, 1, out=work)
    np.subtract(denominator, work, out=work)
    np.minimum(magnitude, 1, out=error)
    error -= work

    # 1/u**2, with u scaled by 2**-600 where u*u would overflow: the 0/1
    # mask of u < 2**511 and its maximum with 2**-600 give the scale 1 or
    # 2**-600 without a branch.
    scale = np.less(denominator, _SQUARE_LIMIT, out=work)
    np.maximum(scale, _SQUARE_SCALE, out=scale)
    np.multiply(denominator, scale, out=square)
    square *= square
    np.divide(1, square, out=square)
    square *= scale
    square *= scale

    # First-order correction for the rounding error of u: u**-2 (1 - 2 error/u).
    np.divide(1, denominator, out=denominator)
    error *= 2
    error *= square
    error *= denominator
    return np.subtract(square, error, out=square)


def arctan(x, *, out=None):
    r"""Compute the inverse tangent elementwise.

    .. math::

        \operatorname{arctan}(x) = \tan^{-1}(x)

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
        :math:`\arctan(x)`, in :math:`(-\pi/2, \pi/2)`; at :math:`\pm\infty`
        the result is :math:`\pm\pi/2` rounded to the dtype.

    See Also
    --------
    arctan_derivative : The derivative :math:`1 / (1 + x^2)`.
    softsign : Another squashing function with algebraic tails.

    Notes
    -----
    This is :func:`numpy.arctan`; it is here so that the catalogue pairs it
    with its derivative. PyTorch, JAX and Keras offer it only as a math
    function, not as a named activation.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.arctan([0.0, 1.0, float("inf")])
    array([0.        , 0.78539816, 1.57079633])
    """
    x, dtype = as_float_array(x)
    return finish(np.arctan(x, out=direct_out(out, x, dtype)), dtype, out)


def arctan_derivative(x, *, out=None):
    r"""Compute the derivative of the inverse tangent elementwise.

    .. math::

        \operatorname{arctan}'(x) = \frac{1}{1 + x^2}

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
        The derivative, in :math:`[0, 1]`.

    See Also
    --------
    arctan : The function itself.

    Notes
    -----
    :math:`x^2` overflows for :math:`|x|` beyond the square root of the
    dtype's maximum (about 1.8e19 in float32). float32 input is computed
    in float64, where its square is exact and finite, and rounded once.
    In float64, from :math:`|x| = 2^{511}` on, :math:`1 + x^2` equals
    :math:`x^2`, so :math:`|x|` is scaled there by :math:`2^{-600}` and the
    square of the scale taken out again by two exact products, of which
    the second rounds once into the subnormals.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.arctan_derivative([0.0, 1.0, 1e150])
    array([1.e+000, 5.e-001, 1.e-300])
    """
    x, dtype = as_float_array(x)
    if x.dtype == np.float32:
        return blockwise(_arctan_derivative_float32_block, x, dtype, out)
    return blockwise(_arctan_derivative_block, x, dtype, out, scratch=3)


def _arctan_derivative_float32_block(x, denominator):
    # The square of a float32 is exact and finite in float64, so only the
    # sum and the quotient round, far below float32's rounding.
    np.multiply(x, x, out=denominator, dtype=np.float64)
    denominator += 1
    return np.divide(1, denominator, out=denominator)


def _arctan_derivative_block(x, inside, scale, magnitude):
    # From |x| = 2**511 on, 1 + x*x equals x*x in float64, but x*x
    # overflows. There |x| is scaled by 2**-600, whose square is taken out
    # again by two exact products (the second rounds once into the
    # subnormals). With the 0/1 mask m of |x| < 2**511, the scale is
    # max(m, 2**-600) and the denominator (|x| scale)**2 + m, so no
    # branch is needed, and below 2**511 the steps are those of 1/(1 + x*x).
    np.abs(x, out=magnitude)
    np.less(magnitude, _SQUARE_LIMIT, out=inside)
    np.maximum(inside, _SQUARE_SCALE, out=scale)
    magnitude *= scale
    magnitude *= magnitude
    magnitude += inside
    np.divide(1, magnitude, out=magnitude)
    magnitude *= scale
    magnitude *= scale
    return magnitude


def _isru_base(x, alpha, clipped, base):
    """Write `x` clipped so nothing overflows into `clipped`, and ``1 + alpha clipped^2`` into `base`, in float64.

    Beyond ``|x| = 2**400 / sqrt(alpha)`` the term alpha x^2 exceeds 2**800,
    so isru(x) equals its limit 1/sqrt(alpha) and isru'(x) underflows to 0
    in float64; clipping there changes no result but keeps alpha x^2 finite.
    Multiplying (alpha * w) * w rather than alpha * (w * w) keeps the product
    finite even for a subnormal alpha.
    """
    bound = 2.0**400 / math.sqrt(alpha)
    np.clip(x, -bound, bound, out=clipped, dtype=np.float64)
    np.multiply(clipped, alpha, out=base)
    base *= clipped
    base += 1
    return base


def isru(x, alpha=1.0, *, out=None):
    r"""Compute the inverse square root unit elementwise.

    .. math::

        \operatorname{isru}(x) = \frac{x}{\sqrt{1 + \alpha x^2}}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    alpha : float, default 1.0
        The scale :math:`\alpha` of the quadratic term; must be finite and
        > 0. The range is :math:`(-1/\sqrt{\alpha}, 1/\sqrt{\alpha})`.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The ISRU of `x`, in :math:`[-1/\sqrt{\alpha}, 1/\sqrt{\alpha}]`.

    Raises
    ------
    ValueError
        If `alpha` is not a finite number > 0.

    See Also
    --------
    isru_derivative : The derivative :math:`(1 + \alpha x^2)^{-3/2}`.
    tanh : The function ISRU was proposed to replace.

    Notes
    -----
    :math:`x^2` overflows for :math:`|x|` beyond the square root of the
    dtype's maximum; the input is clipped to a bound where
    :math:`\alpha x^2 > 2^{800}` and the result already equals its limit
    :math:`\pm 1/\sqrt{\alpha}`, so nothing overflows. Every dtype is
    computed in float64 and rounded once, because :math:`\alpha x^2`
    spans far more than float32's exponent range (for example
    :math:`\alpha = 10^{-50}` with :math:`x = 10^{30}`). PyTorch, JAX and
    Keras have no ISRU.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.isru([-1e300, 0.0, 1.0])
    array([-1.        ,  0.        ,  0.70710678])
    >>> nonlin.isru([1e300], alpha=0.25)
    array([2.])
    """
    x, dtype = as_float_array(x)
    alpha = check_parameter(alpha, "alpha", low=0, low_inclusive=False)

    def block(x, clipped, base):
        _isru_base(x, alpha, clipped, base)
        np.sqrt(base, out=base)
        return np.divide(clipped, base, out=base)

    # For a tiny alpha the limit 1/sqrt(alpha) can exceed float16 or float32,
    # and the rounding gives inf, as blockwise allows.
    return blockwise(block, x, dtype, out, scratch=2)


def isru_derivative(x, alpha=1.0, *, out=None):
    r"""Compute the derivative of the inverse square root unit elementwise.

    .. math::

        \operatorname{isru}'(x) = \bigl(1 + \alpha x^2\bigr)^{-3/2}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    alpha : float, default 1.0
        The scale :math:`\alpha` of the quadratic term; must be finite and > 0.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The derivative, in :math:`[0, 1]`.

    Raises
    ------
    ValueError
        If `alpha` is not a finite number > 0.

    See Also
    --------
    isru : The function itself.

    Notes
    -----
    One call to :func:`numpy.power` with exponent -3/2, rather than cubing
    :math:`1/\sqrt{1 + \alpha x^2}`, keeps the rounding error to about 3 ULP
    of float64. float32 input, computed in float64 too, uses the faster
    :math:`(1/\sqrt{b})/b` with :math:`b = 1 + \alpha x^2`, whose few
    float64 ULP are far below float32's rounding. The input is clipped as
    in :func:`isru`, where the result has underflowed to 0.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.isru_derivative([0.0, 1.0, 1e300])
    array([1.        , 0.35355339, 0.        ])
    """
    x, dtype = as_float_array(x)
    alpha = check_parameter(alpha, "alpha", low=0, low_inclusive=False)

    def block(x, clipped, base):
        _isru_base(x, alpha, clipped, base)
        return np.power(base, -1.5, out=base)

    def float32_block(x, clipped, base):
        # (1/sqrt(b))/b is several times faster than np.power, and its few
        # ULP of float64 vanish in the rounding to float32. For float64
        # input it measured up to 4 ULP, so float64 keeps np.power.
        _isru_base(x, alpha, clipped, base)
        np.sqrt(base, out=clipped)
        np.divide(1, clipped, out=clipped)
        return np.divide(clipped, base, out=clipped)

    return blockwise(float32_block if x.dtype == np.float32 else block, x, dtype, out, scratch=2)

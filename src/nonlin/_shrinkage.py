"""Shrinkage activations: functions that pull small inputs to (or towards) zero."""

import numpy as np

from nonlin._validation import as_float_array, blockwise, check_parameter, finish, output_array

__all__ = [
    "hardshrink",
    "hardshrink_derivative",
    "softshrink",
    "softshrink_derivative",
    "tanhshrink",
    "tanhshrink_derivative",
]


def _check_threshold(threshold, dtype):
    """Return `threshold` as a float64 scalar after checking that it is finite and >= 0."""
    return np.float64(check_parameter(threshold, "threshold", low=0, dtype=dtype))


def _in_dtype_if_exact(threshold, x):
    """Return the float64 `threshold` in the dtype of `x` if that dtype represents it exactly.

    Comparing or subtracting in the dtype of `x` then gives the same
    results as in float64 without converting `x`; otherwise the float64
    threshold is returned.
    """
    converted = x.dtype.type(threshold)
    if float(converted) == float(threshold):
        return converted
    return threshold


def _outside(x, threshold, out, dtype):
    """Return 1 where |x| > threshold and 0 elsewhere, NaN for NaN, into `out` where it can take the result."""
    # The comparison writes 0.0 and 1.0 straight into the result, where
    # |x| was, so no temporary is needed. It is false for NaN, so NaN is
    # found first (out may be x) and restored.
    nan = np.isnan(x)
    result = np.abs(x, out=output_array(out, x, dtype))
    np.greater(result, threshold, out=result)
    if nan.any():
        np.copyto(result, np.nan, where=nan)
    return result


def hardshrink(x, threshold=0.5, *, out=None):
    r"""Compute the hard shrinkage elementwise.

    .. math::

        \operatorname{hardshrink}(x) =
            \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}

    where :math:`\lambda` is `threshold`.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    threshold : float, default 0.5
        The threshold :math:`\lambda`; must be finite and >= 0. PyTorch's
        ``hardshrink`` calls it ``lambd``; Keras 3's ``hard_shrink`` calls
        it ``threshold``. Both default to 0.5.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        `x` where :math:`|x| > \lambda`, 0 elsewhere; NaN stays NaN.

    Raises
    ------
    ValueError
        If `threshold` is not a finite number >= 0, or overflows the dtype of `x`.

    See Also
    --------
    hardshrink_derivative : The derivative, 1 outside the threshold and 0 inside.
    softshrink : The continuous version, which also shifts the kept values.

    Notes
    -----
    The input is compared with `threshold` as given, in float64, so a
    threshold that float32 cannot represent still splits the float32
    inputs exactly. The function jumps at :math:`\pm\lambda`, where it
    returns 0 (the value from inside), as PyTorch and Keras 3 do.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.hardshrink([-1.0, -0.5, 0.25, 0.75])
    array([-1.  ,  0.  ,  0.  ,  0.75])
    """
    x, dtype = as_float_array(x)
    threshold = _in_dtype_if_exact(_check_threshold(threshold, dtype), x)
    # x times the 0/1 mask of |x| > threshold is exact: x where kept, and a
    # zero elsewhere, which for negative x is -0.0 until adding +0.0 makes
    # it +0.0 (kept values are nonzero, so the addition leaves them
    # unchanged). Infinities are always kept, so inf * 0 never occurs, and
    # NaN, never kept, stays NaN. The mask is written into the result as
    # 0.0 and 1.0, so no temporary is needed, but x must stay unwritten.
    keep = np.abs(x, out=output_array(out, x, dtype, alias_ok=False))
    np.greater(keep, threshold, out=keep)
    result = np.multiply(x, keep, out=keep)
    result += x.dtype.type(0)
    return finish(result, dtype, out)


def hardshrink_derivative(x, threshold=0.5, *, out=None):
    r"""Compute the derivative of the hard shrinkage elementwise.

    .. math::

        \operatorname{hardshrink}'(x) =
            \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}

    At the jumps :math:`x = \pm\lambda` the derivative is **0**, the
    derivative from inside, as PyTorch's ``hardshrink`` and Keras 3's
    ``hard_shrink`` (TensorFlow backend) return.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    threshold : float, default 0.5
        The threshold :math:`\lambda`; must be finite and >= 0.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        1 where :math:`|x| > \lambda`, 0 elsewhere; NaN stays NaN.

    Raises
    ------
    ValueError
        If `threshold` is not a finite number >= 0, or overflows the dtype of `x`.

    See Also
    --------
    hardshrink : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.hardshrink_derivative([-1.0, -0.5, 0.25, 0.75])
    array([1., 0., 0., 1.])
    """
    x, dtype = as_float_array(x)
    threshold = _in_dtype_if_exact(_check_threshold(threshold, dtype), x)
    return finish(_outside(x, threshold, out, dtype), dtype, out)


def softshrink(x, threshold=0.5, *, out=None):
    r"""Compute the soft shrinkage (soft thresholding) elementwise.

    .. math::

        \operatorname{softshrink}(x) = \operatorname{sign}(x)\,\max(|x| - \lambda, 0)
            = \begin{cases} x - \lambda & x > \lambda \\ 0 & |x| \le \lambda \\
                            x + \lambda & x < -\lambda \end{cases}

    where :math:`\lambda` is `threshold`.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    threshold : float, default 0.5
        The threshold :math:`\lambda`; must be finite and >= 0. PyTorch's
        ``softshrink`` calls it ``lambd``; Keras 3's ``soft_shrink`` calls
        it ``threshold``. Both default to 0.5.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The soft shrinkage of `x`; NaN stays NaN.

    Raises
    ------
    ValueError
        If `threshold` is not a finite number >= 0, or overflows the dtype of `x`.

    See Also
    --------
    softshrink_derivative : The derivative, 1 outside the threshold and 0 inside.
    hardshrink : Keeps the values beyond the threshold unshifted.

    Notes
    -----
    Computed as :math:`x - \min(\max(x, -\lambda), \lambda)`, in the
    dtype of `x` when it represents :math:`\lambda` exactly and otherwise in
    float64 and rounded once. So :math:`x - \lambda` is correctly rounded
    even for a threshold that float32 cannot represent, where subtracting
    the rounded threshold would lose every digit of a result near 0.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softshrink([-2.0, -0.5, 0.25, 0.75])
    array([-1.5 ,  0.  ,  0.  ,  0.25])
    """
    x, dtype = as_float_array(x)
    threshold = _in_dtype_if_exact(_check_threshold(threshold, dtype), x)
    # When the dtype of x represents the threshold, one subtraction in that
    # dtype is correctly rounded. For other thresholds, the float64
    # threshold makes NumPy clip and subtract in float64, and the
    # subtraction rounds once into the result.
    if threshold.dtype == x.dtype:
        clipped = np.clip(x, -threshold, threshold, out=output_array(out, x, dtype, alias_ok=False))
        result = np.subtract(x, clipped, out=clipped)
    else:
        clipped = np.clip(x, -threshold, threshold, out=np.empty(x.shape))
        result = np.subtract(x, clipped, out=output_array(out, x, dtype))
    return finish(result, dtype, out)


def softshrink_derivative(x, threshold=0.5, *, out=None):
    r"""Compute the derivative of the soft shrinkage elementwise.

    .. math::

        \operatorname{softshrink}'(x) =
            \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}

    At the kinks :math:`x = \pm\lambda` the derivative is **0**, the
    one-sided derivative from inside, as PyTorch's ``softshrink`` and
    Keras 3's ``soft_shrink`` (TensorFlow backend) return.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    threshold : float, default 0.5
        The threshold :math:`\lambda`; must be finite and >= 0.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        1 where :math:`|x| > \lambda`, 0 elsewhere; NaN stays NaN.

    Raises
    ------
    ValueError
        If `threshold` is not a finite number >= 0, or overflows the dtype of `x`.

    See Also
    --------
    softshrink : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softshrink_derivative([-2.0, -0.5, 0.25, 0.75])
    array([1., 0., 0., 1.])
    """
    x, dtype = as_float_array(x)
    threshold = _in_dtype_if_exact(_check_threshold(threshold, dtype), x)
    return finish(_outside(x, threshold, out, dtype), dtype, out)


#: Below this |x| tanhshrink uses the continued fraction, because
#: x - tanh(x) cancels more than a bit or two there.
_TANHSHRINK_SWITCH = 2.0

#: Depth of the continued fraction at which its truncation error for
#: |x| <= 2 is below 2**-30 (float32) and 2**-60 (float64).
_TANHSHRINK_DEPTH = {np.dtype(np.float32): 7, np.dtype(np.float64): 12}


def _tanhshrink_continued_fraction(clipped, square, tail, near):
    r"""Write x - tanh(x) of the block `clipped` (with |x| <= 2) into `near`, without cancellation.

    Lambert's continued fraction
    :math:`\tanh x = x / (1 + x^2 / (3 + x^2 / (5 + \dots)))` gives
    :math:`x - \tanh x = x \cdot x^2 / (3 + x^2 + x^2 / t_2)` with
    :math:`t_k = 2k + 1 + x^2 / t_{k+1}`. Every term is positive, so nothing
    cancels, and the result keeps its relative accuracy down to the
    subnormals, where it is about :math:`x^3 / 3`. `square` and `tail` are
    scratch arrays of the same length.
    """
    depth = _TANHSHRINK_DEPTH[clipped.dtype]
    np.multiply(clipped, clipped, out=square)
    np.divide(square, clipped.dtype.type(2 * depth + 1), out=tail)
    tail += 2 * depth - 1
    for k in range(depth - 2, 1, -1):
        np.divide(square, tail, out=tail)
        tail += 2 * k + 1
    np.divide(square, tail, out=tail)
    np.add(square, 3, out=near)
    near += tail
    np.divide(square, near, out=near)
    return np.multiply(near, clipped, out=near)


def _tanhshrink_tail(x, magnitude, work, far):
    """Write x - tanh(x) into `far` where |x| >= 2, and a finite stand-in where |x| < 2.

    At x = -0 the value is negative or -0, so that the zero it adds to the
    blend in _tanhshrink_block keeps the sign of -0. `magnitude` and
    `work` are scratch arrays of the same length.
    """
    if x.dtype == np.float32:
        # -(tanh(x) - x) is x - tanh(x) exactly, and -0 rather than +0 at x = -0.
        np.tanh(x, out=far)
        np.subtract(far, x, out=far)
        return np.negative(far, out=far)
    # In float64, |x| - tanh|x| = (|x| - 1) + 2e/(1 + e) with e = exp(-2|x|),
    # because np.tanh takes more than twice as long as np.exp. For |x| >= 2,
    # |x| - 1 is exact (below 2**53, and rounded once above) and the second
    # term below 0.04, so the sum is within about 0.6 ULP. |x| < 2 is moved
    # out to 2, and exp(-|x|) is squared, as 2|x| could overflow.
    np.abs(x, out=magnitude)
    np.maximum(magnitude, _TANHSHRINK_SWITCH, out=magnitude)
    np.negative(magnitude, out=far)
    np.exp(far, out=far)
    far *= far
    np.add(far, 1, out=work)
    far += far
    far /= work
    np.subtract(magnitude, 1, out=work)
    far += work
    return np.copysign(far, x, out=far)


def _tanhshrink_block(x, clipped, tail, near, far):
    np.clip(x, -_TANHSHRINK_SWITCH, _TANHSHRINK_SWITCH, out=clipped)
    _tanhshrink_continued_fraction(clipped, far, tail, near)

    _tanhshrink_tail(x, clipped, tail, far)

    # Blend without a data-dependent branch: with the 0/1 mask m of
    # |x| < 2, near*m + far*(1 - m) is exact. One product is the chosen
    # value and the other a zero, because near is finite and far is
    # infinite only where m = 0. NaN gives m = 0 and stays NaN.
    inside = np.abs(x, out=clipped)
    np.less(inside, _TANHSHRINK_SWITCH, out=inside)
    near *= inside
    np.subtract(1, inside, out=inside)
    far *= inside
    far += near
    return far


def tanhshrink(x, *, out=None):
    r"""Compute the tanh shrinkage elementwise.

    .. math::

        \operatorname{tanhshrink}(x) = x - \tanh(x)

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
        :math:`x - \tanh(x)`, about :math:`x^3/3` near 0 and
        :math:`x \mp 1` in the tails; NaN stays NaN.

    See Also
    --------
    tanhshrink_derivative : The derivative :math:`\tanh^2(x)`.
    tanh : The function subtracted from the identity.

    Notes
    -----
    PyTorch (``tanhshrink``) and Keras 3 (``tanh_shrink``) compute
    ``x - tanh(x)``, which cancels for small :math:`|x|`: it loses about
    :math:`\log_2(3/x^2)` bits, and in float64 it returns 0 instead of
    :math:`x^3/3` for :math:`|x|` below about :math:`10^{-8}`. For :math:`|x| < 2` this uses
    Lambert's continued fraction of tanh, rearranged so that every term is
    positive, and keeps full relative accuracy into the subnormals; from
    :math:`|x| = 2` on, :math:`x - \tanh(x)` cancels less than one bit. In
    float64 that part is computed as
    :math:`\operatorname{sign}(x)\,\bigl(|x| - 1 + 2e/(1 + e)\bigr)` with
    :math:`e = e^{-2|x|}`, because NumPy's float64 tanh takes more than
    twice as long as its exp.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.tanhshrink([-3.0, 1e-8, 0.5])
    array([-2.00494525e+00,  3.33333333e-25,  3.78828427e-02])
    """
    x, dtype = as_float_array(x)
    return blockwise(_tanhshrink_block, x, dtype, out, scratch=4, working=x.dtype)


def tanhshrink_derivative(x, *, out=None):
    r"""Compute the derivative of the tanh shrinkage elementwise.

    .. math::

        \operatorname{tanhshrink}'(x) = 1 - \tanh'(x) = \tanh^2(x)

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
        :math:`\tanh^2(x)`, in :math:`[0, 1]`.

    See Also
    --------
    tanhshrink : The function itself.

    Notes
    -----
    The form :math:`1 - (1 - \tanh^2 x)` that automatic differentiation of
    ``x - tanh(x)`` builds cancels for small :math:`|x|`; squaring
    :math:`\tanh(x)` keeps full relative accuracy, about :math:`x^2` near 0.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.tanhshrink_derivative([0.0, 1e-8, 20.0])
    array([0.e+00, 1.e-16, 1.e+00])
    """
    x, dtype = as_float_array(x)
    t = np.tanh(x)
    return finish(t * t, dtype, out)

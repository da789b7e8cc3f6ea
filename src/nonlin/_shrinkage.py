"""Shrinkage activations: functions that pull small inputs to (or towards) zero."""

import numpy as np

from nonlin._validation import as_float_array, check_parameter, finish, indicator

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


def hardshrink(x, threshold=0.5):
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
    # Selecting on |x| <= threshold keeps NaN, for which the test is false.
    out = np.where(np.abs(x) <= threshold, x.dtype.type(0), x)
    return finish(out, dtype)


def hardshrink_derivative(x, threshold=0.5):
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
    return finish(indicator(np.abs(x) > threshold, x), dtype)


def softshrink(x, threshold=0.5):
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
    # dtype is correctly rounded, so x is converted only for other thresholds.
    wide = x.astype(np.result_type(x, threshold))
    out = np.clip(wide, -threshold, threshold, out=np.empty_like(wide))
    np.subtract(wide, out, out=out)
    return finish(out, dtype)


def softshrink_derivative(x, threshold=0.5):
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
    return finish(indicator(np.abs(x) > threshold, x), dtype)


#: Below this |x| tanhshrink uses the continued fraction, because
#: x - tanh(x) cancels more than a bit or two there.
_TANHSHRINK_SWITCH = 2.0

#: Depth of the continued fraction at which its truncation error for
#: |x| <= 2 is below 2**-30 (float32) and 2**-60 (float64).
_TANHSHRINK_DEPTH = {np.dtype(np.float32): 7, np.dtype(np.float64): 12}


def _tanhshrink_continued_fraction(x):
    r"""Return x - tanh(x) for the float array `x` with |x| <= 2, without cancellation.

    Lambert's continued fraction
    :math:`\tanh x = x / (1 + x^2 / (3 + x^2 / (5 + \dots)))` gives
    :math:`x - \tanh x = x \cdot x^2 / (3 + x^2 + x^2 / t_2)` with
    :math:`t_k = 2k + 1 + x^2 / t_{k+1}`. Every term is positive, so nothing
    cancels, and the result keeps its relative accuracy down to the
    subnormals, where it is about :math:`x^3 / 3`.
    """
    depth = _TANHSHRINK_DEPTH[x.dtype]
    square = x * x
    tail = x.dtype.type(2 * depth + 1)
    for k in range(depth - 1, 1, -1):
        tail = (2 * k + 1) + square / tail
    return x * (square / (3 + square + square / tail))


def tanhshrink(x):
    r"""Compute the tanh shrinkage elementwise.

    .. math::

        \operatorname{tanhshrink}(x) = x - \tanh(x)

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

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
    :math:`|x| = 2` on, :math:`x - \tanh(x)` cancels less than one bit.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.tanhshrink([-3.0, 1e-8, 0.5])
    array([-2.00494525e+00,  3.33333333e-25,  3.78828427e-02])
    """
    x, dtype = as_float_array(x)
    near = _tanhshrink_continued_fraction(np.clip(x, -_TANHSHRINK_SWITCH, _TANHSHRINK_SWITCH))
    far = x - np.tanh(x)
    out = np.where(np.abs(x) < _TANHSHRINK_SWITCH, near, far)
    return finish(out, dtype)


def tanhshrink_derivative(x):
    r"""Compute the derivative of the tanh shrinkage elementwise.

    .. math::

        \operatorname{tanhshrink}'(x) = 1 - \tanh'(x) = \tanh^2(x)

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

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
    return finish(t * t, dtype)

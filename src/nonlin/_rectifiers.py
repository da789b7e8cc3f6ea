"""Rectifiers: piecewise activations that pass positive inputs through."""

import numpy as np

from nonlin._validation import as_float_array, check_parameter, finish, propagate_nan

__all__ = [
    "elu",
    "elu_derivative",
    "leaky_relu",
    "leaky_relu_derivative",
    "relu",
    "relu_derivative",
]


def relu(x):
    r"""Compute the rectified linear unit elementwise.

    .. math::

        \operatorname{relu}(x) = \max(x, 0)

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        :math:`\max(x, 0)`; NaN stays NaN.

    See Also
    --------
    relu_derivative : The derivative, a step with value 0 at the kink.
    leaky_relu : A small slope instead of 0 for negative input.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    x, dtype = as_float_array(x)
    return finish(np.maximum(x, 0), dtype)


def relu_derivative(x):
    r"""Compute the derivative of the rectified linear unit elementwise.

    .. math::

        \operatorname{relu}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}

    At the kink :math:`x = 0` the derivative is **0**, the one-sided
    derivative from the left, as in PyTorch, JAX and TensorFlow.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        1 where :math:`x > 0`, 0 elsewhere; NaN stays NaN.

    See Also
    --------
    relu : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.relu_derivative([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """
    x, dtype = as_float_array(x)
    return finish(np.heaviside(x, 0), dtype)


def leaky_relu(x, negative_slope=0.01):
    r"""Compute the leaky rectified linear unit elementwise.

    .. math::

        \operatorname{leaky\_relu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}

    where :math:`a` is `negative_slope`.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    negative_slope : float, default 0.01
        The slope :math:`a` for negative input; any finite value. PyTorch,
        JAX and Keras 3 default to 0.01; TensorFlow's ``tf.nn.leaky_relu``
        and Keras 2's ``LeakyReLU`` default to 0.2 and 0.3.

    Returns
    -------
    ndarray or scalar
        The leaky ReLU of `x`.

    Raises
    ------
    ValueError
        If `negative_slope` is not finite, or overflows the dtype of `x`.

    See Also
    --------
    leaky_relu_derivative : The derivative, 1 or `negative_slope`.
    relu : The case ``negative_slope=0``.

    Examples
    --------
    >>> import nonlin
    >>> import numpy as np
    >>> nonlin.leaky_relu(np.array([-2, -0.5, 0, 1.5], dtype=np.float32), negative_slope=2.0)
    array([-4. , -1. ,  0. ,  1.5], dtype=float32)
    """
    x, dtype = as_float_array(x)
    slope = x.dtype.type(check_parameter(negative_slope, "negative_slope", dtype=dtype))
    out = np.where(x > 0, x, slope * x)
    return finish(propagate_nan(out, x), dtype)


def leaky_relu_derivative(x, negative_slope=0.01):
    r"""Compute the derivative of the leaky rectified linear unit elementwise.

    .. math::

        \operatorname{leaky\_relu}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}

    At the kink :math:`x = 0` the derivative is **a** (`negative_slope`),
    the one-sided derivative from the left, as in PyTorch and consistent with
    :func:`relu_derivative`; JAX returns 1 there.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    negative_slope : float, default 0.01
        The slope :math:`a` for negative input; any finite value.

    Returns
    -------
    ndarray or scalar
        1 where :math:`x > 0`, `negative_slope` elsewhere; NaN stays NaN.

    Raises
    ------
    ValueError
        If `negative_slope` is not finite, or overflows the dtype of `x`.

    See Also
    --------
    leaky_relu : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.leaky_relu_derivative([-1.0, 0.0, 1.0])
    array([0.01, 0.01, 1.  ])
    """
    x, dtype = as_float_array(x)
    slope = x.dtype.type(check_parameter(negative_slope, "negative_slope", dtype=dtype))
    out = np.where(x > 0, x.dtype.type(1), slope)
    return finish(propagate_nan(out, x), dtype)


def elu(x, alpha=1.0):
    r"""Compute the exponential linear unit elementwise.

    .. math::

        \operatorname{elu}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    alpha : float, default 1.0
        The negative saturation value :math:`-\alpha`; must be finite and
        > 0, as in Clevert et al. (2016).

    Returns
    -------
    ndarray or scalar
        The ELU of `x`, in :math:`(-\alpha, \infty)`.

    Raises
    ------
    ValueError
        If `alpha` is not a finite number > 0.

    See Also
    --------
    elu_derivative : The derivative, 1 or :math:`\alpha e^{x}`.

    Notes
    -----
    The negative side uses :func:`numpy.expm1`, because :math:`e^{x} - 1`
    cancels for small :math:`|x|` (it returns 0 for ``-1e-8`` in float32).

    Examples
    --------
    >>> import nonlin
    >>> nonlin.elu([-1000.0, -1.0, 0.0, 2.0])
    array([-1.        , -0.63212056,  0.        ,  2.        ])
    """
    x, dtype = as_float_array(x)
    alpha = x.dtype.type(check_parameter(alpha, "alpha", low=0, low_inclusive=False, dtype=dtype))
    negative = alpha * np.expm1(np.minimum(x, 0))
    out = np.where(x > 0, x, negative)
    return finish(propagate_nan(out, x), dtype)


def elu_derivative(x, alpha=1.0):
    r"""Compute the derivative of the exponential linear unit elementwise.

    .. math::

        \operatorname{elu}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}

    At the kink :math:`x = 0` the derivative is :math:`\alpha`, the
    one-sided derivative from the left, as in PyTorch and JAX. With the
    default :math:`\alpha = 1` both sides agree and there is no kink.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    alpha : float, default 1.0
        The negative saturation value; must be finite and > 0.

    Returns
    -------
    ndarray or scalar
        The derivative of the ELU at `x`, in :math:`(0, \max(1, \alpha)]`.

    Raises
    ------
    ValueError
        If `alpha` is not a finite number > 0.

    See Also
    --------
    elu : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.elu_derivative([-1.0, 0.0, 1.0], alpha=0.5)
    array([0.18393972, 0.5       , 1.        ])
    """
    x, dtype = as_float_array(x)
    alpha = x.dtype.type(check_parameter(alpha, "alpha", low=0, low_inclusive=False, dtype=dtype))
    negative = alpha * np.exp(np.minimum(x, 0))
    out = np.where(x > 0, x.dtype.type(1), negative)
    return finish(propagate_nan(out, x), dtype)

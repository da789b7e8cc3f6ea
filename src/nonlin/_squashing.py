"""Squashing activations: bounded, S-shaped functions and their derivatives."""

import numpy as np

from nonlin._validation import as_float_array, finish

__all__ = [
    "sigmoid",
    "sigmoid_derivative",
    "tanh",
    "tanh_derivative",
]


def sigmoid(x):
    r"""Compute the logistic sigmoid elementwise.

    .. math::

        \sigma(x) = \frac{1}{1 + e^{-x}}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        :math:`\sigma(x)`, in :math:`[0, 1]`; a scalar for scalar input.

    See Also
    --------
    sigmoid_derivative : The derivative :math:`\sigma(x)\,(1 - \sigma(x))`.
    tanh : The same S-shape, zero-centred: :math:`\tanh(x) = 2\sigma(2x) - 1`.

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
    e = np.exp(-np.abs(x))
    numerator = np.where(x >= 0, 1, e)
    return finish(numerator / (1 + e), dtype)


def sigmoid_derivative(x):
    r"""Compute the derivative of the logistic sigmoid elementwise.

    .. math::

        \sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)
                   = \frac{e^{-|x|}}{\bigl(1 + e^{-|x|}\bigr)^2}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

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
    e = np.exp(-np.abs(x))
    return finish(e / ((1 + e) * (1 + e)), dtype)


def tanh(x):
    r"""Compute the hyperbolic tangent elementwise.

    .. math::

        \tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        :math:`\tanh(x)`, in :math:`[-1, 1]`.

    See Also
    --------
    tanh_derivative : The derivative :math:`1 - \tanh^2(x)`.
    sigmoid : The same S-shape on :math:`(0, 1)`.

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
    return finish(np.tanh(x), dtype)


def tanh_derivative(x):
    r"""Compute the derivative of the hyperbolic tangent elementwise.

    .. math::

        \tanh'(x) = 1 - \tanh^2(x) = \frac{4 e^{-2|x|}}{\bigl(1 + e^{-2|x|}\bigr)^2}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

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
    array([1.00000000e+00, 1.69934170e-17])
    """
    x, dtype = as_float_array(x)
    # exp(-|x|) squared rather than exp(-2|x|), because 2|x| overflows near the dtype's max.
    e = np.exp(-np.abs(x))
    e = e * e
    return finish(4 * e / ((1 + e) * (1 + e)), dtype)

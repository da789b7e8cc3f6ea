"""Vector-valued activations: each output element depends on a whole axis of the input."""

import numpy as np

from nonlin._validation import as_float_array, check_axis, finish

__all__ = [
    "softmax",
    "softmax_jacobian",
    "softmax_jvp",
    "softmax_vjp",
]


def _softmax_parts(x, axis):
    """Return ``(s, complement)``: softmax along `axis` and ``1 - s`` without cancellation.

    `x` is already a float array and `axis` non-negative. Subtracting the
    maximum keeps every exponent at most 0, so nothing overflows. A row
    with +inf shares all probability equally among its +inf entries (the
    limit of softmax), and a row of only -inf has no limit and is NaN.
    """
    if x.shape[axis] == 0:
        return np.empty_like(x), np.empty_like(x)

    top = np.max(x, axis=axis, keepdims=True)
    finite_top = np.isfinite(top)
    shift = np.where(finite_top, top, 0)
    # Only a slice holding NaN can overflow here (its maximum is NaN, so it
    # is not shifted), and that slice is NaN whatever the overflow gives.
    with np.errstate(over="ignore"):
        e = np.exp(x - shift)
    # Rows whose maximum is +inf: only the +inf entries carry weight.
    e = np.where(top == np.inf, (x == np.inf).astype(x.dtype), e)
    total = np.sum(e, axis=axis, keepdims=True)

    # A row of only -inf sums to 0, and 0/0 is the NaN we document.
    with np.errstate(invalid="ignore", divide="ignore"):
        s = e / total
        # 1 - s cancels where one entry dominates; for the entry holding
        # the maximum, sum the other entries instead.
        is_top = np.cumsum(e == np.max(e, axis=axis, keepdims=True), axis=axis) == 1
        is_top &= e == np.max(e, axis=axis, keepdims=True)
        others = np.sum(np.where(is_top, 0, e), axis=axis, keepdims=True)
        complement = np.where(is_top, others, total - e) / total
    return s, complement


def softmax(x, axis=-1):
    r"""Compute the softmax along one axis.

    .. math::

        \operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}
                                    = \frac{e^{x_i - m}}{\sum_j e^{x_j - m}},
        \qquad m = \max_j x_j

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d. float16, float32 and float64 keep
        their dtype; integer and bool input is computed in float64.
    axis : int, default -1
        The axis along which the outputs sum to 1.

    Returns
    -------
    ndarray
        Probabilities with the shape of `x`, summing to 1 along `axis`.

    Raises
    ------
    ValueError
        If `x` is 0-d or `axis` is out of range.

    See Also
    --------
    softmax_jacobian : The Jacobian matrix along `axis`.
    softmax_jvp : The Jacobian-vector product, without building the matrix.
    softmax_vjp : The vector-Jacobian product, without building the matrix.
    sigmoid : The two-class case: ``softmax([x, 0])[0] == sigmoid(x)``.

    Notes
    -----
    Subtracting the maximum :math:`m` leaves the result unchanged and keeps
    every exponent at most 0, so nothing overflows. Along an axis with
    +inf entries, those entries share the probability equally (the limit
    of softmax) and the others get 0. **A slice of only -inf has no limit
    and returns NaN**, without a warning; other slices are unaffected. An
    axis of length 0 gives an empty result.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softmax([[1, 2, 3], [2, 4, 5]])
    array([[0.09003057, 0.24472847, 0.66524096],
           [0.03511903, 0.25949646, 0.70538451]])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    s, _ = _softmax_parts(x, axis)
    return finish(s, dtype)


def softmax_jacobian(x, axis=-1):
    r"""Compute the Jacobian matrix of the softmax along one axis.

    .. math::

        J_{ij} = \frac{\partial s_i}{\partial x_j} = s_i\,(\delta_{ij} - s_j),
        \qquad s = \operatorname{softmax}(x)

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d.
    axis : int, default -1
        The axis along which the softmax is taken.

    Returns
    -------
    ndarray
        Shape ``(..., n, n)``: the other axes of `x` in order, then the
        output index :math:`i` and the input index :math:`j`, where
        :math:`n` is the length of `axis`. The matrix is symmetric.

    See Also
    --------
    softmax : The function itself.
    softmax_jvp : The product with a vector, in :math:`O(n)` memory.

    Notes
    -----
    The diagonal :math:`s_i (1 - s_i)` is computed with :math:`1 - s_i` as
    the sum of the other probabilities, because the subtraction cancels
    when one entry holds almost all the probability.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softmax_jacobian([0.0, 0.0])
    array([[ 0.25, -0.25],
           [-0.25,  0.25]])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    s, complement = _softmax_parts(np.moveaxis(x, axis, -1), x.ndim - 1)
    jacobian = -s[..., :, None] * s[..., None, :]
    diagonal = np.einsum("...ii->...i", jacobian)
    diagonal[...] = s * complement
    return finish(jacobian, dtype)


def softmax_jvp(x, tangent, axis=-1):
    r"""Compute the Jacobian-vector product of the softmax without building the Jacobian.

    .. math::

        (J v)_i = s_i \Bigl(v_i - \sum_j s_j v_j\Bigr)

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d.
    tangent : array_like
        The vector :math:`v`, with the shape of `x` (or broadcastable to it).
    axis : int, default -1
        The axis along which the softmax is taken.

    Returns
    -------
    ndarray
        :math:`J v`, with the shape of `x`.

    See Also
    --------
    softmax_jacobian : The full matrix.
    softmax_vjp : The same product from the left; equal, because :math:`J` is symmetric.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softmax_jvp([0.0, 0.0], [1.0, 0.0])
    array([ 0.25, -0.25])
    """
    x, dtype = as_float_array(x)
    tangent, tangent_dtype = as_float_array(tangent, name="tangent")
    axis = check_axis(axis, x.ndim)
    s, _ = _softmax_parts(x, axis)
    mean = np.sum(s * tangent, axis=axis, keepdims=True)
    return finish(s * (tangent - mean), np.result_type(dtype, tangent_dtype))


def softmax_vjp(x, cotangent, axis=-1):
    r"""Compute the vector-Jacobian product of the softmax without building the Jacobian.

    .. math::

        (u^\top J)_j = s_j \Bigl(u_j - \sum_i u_i s_i\Bigr)

    This is the gradient that backpropagation passes through a softmax
    layer, given the gradient `cotangent` of the loss with respect to its
    output.

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d.
    cotangent : array_like
        The vector :math:`u`, with the shape of `x` (or broadcastable to it).
    axis : int, default -1
        The axis along which the softmax is taken.

    Returns
    -------
    ndarray
        :math:`u^\top J`, with the shape of `x`.

    See Also
    --------
    softmax_jacobian : The full matrix.
    softmax_jvp : The product from the right.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softmax_vjp([0.0, 0.0], [1.0, 0.0])
    array([ 0.25, -0.25])
    """
    return softmax_jvp(x, cotangent, axis=axis)

"""Vector-valued activations: each output element depends on a whole axis of the input.

Every activation ``f(x, axis=-1)`` here comes with ``f_jacobian``, whose
result has shape ``(..., n_out, n_in)``: the other axes of `x` in order,
then the output and the input index along `axis`. ``f_jvp`` and ``f_vjp``
compute the products with a vector and never build that matrix.
"""

import numpy as np

from nonlin._squashing import sigmoid, sigmoid_derivative
from nonlin._validation import as_float_array, check_axis, finish

__all__ = [
    "glu",
    "glu_jacobian",
    "glu_jvp",
    "glu_vjp",
    "log_softmax",
    "log_softmax_jacobian",
    "log_softmax_jvp",
    "log_softmax_vjp",
    "softmax",
    "softmax_jacobian",
    "softmax_jvp",
    "softmax_vjp",
    "softmin",
    "softmin_jacobian",
    "softmin_jvp",
    "softmin_vjp",
    "sparsemax",
    "sparsemax_jacobian",
    "sparsemax_jvp",
    "sparsemax_vjp",
]


# --- shared helpers -----------------------------------------------------------


def _as_working_array(x):
    """Return ``(array, dtype)`` as `as_float_array` does, with float32 computed in float64.

    In float32 arithmetic the rounding of ``x - max`` and NumPy's float32
    ``exp`` (up to about 2 ULP off) would put the result near or beyond a
    4 ULP error bound. In float64 the float32 result comes out almost
    always correctly rounded, at twice the memory.
    """
    x, dtype = as_float_array(x)
    if x.dtype == np.float32:
        x = x.astype(np.float64)
    return x, dtype


def _as_vector(vector, shape, name):
    """Convert a tangent or cotangent and check that it broadcasts to `shape`."""
    vector, dtype = as_float_array(vector, name=name)
    try:
        broadcast = np.broadcast_shapes(vector.shape, shape)
    except ValueError:
        broadcast = None
    if broadcast != tuple(shape):
        raise ValueError(
            f"{name} has shape {vector.shape}, which does not broadcast to {tuple(shape)}: "
            f"pass a {name} of shape {tuple(shape)}."
        )
    return vector, dtype


def _round(result, dtype):
    """Round `result` to `dtype` via `finish`, without an overflow warning.

    float16 and float32 results are computed in a wider dtype, and a value
    beyond the range of `dtype` (in float16, log_softmax of -60000 next to
    60000 is -120000) rounds to ±inf, which is the correctly rounded result.
    """
    with np.errstate(over="ignore"):
        result = np.asarray(result).astype(dtype, copy=False)
    return finish(result, dtype)


def _product_context():
    """Return the error state of the Jacobian products.

    An infinite tangent meets ``0 * inf`` or ``inf - inf``, which have no
    value; their NaN is the result, so NumPy's warning is silenced.
    """
    return np.errstate(invalid="ignore")


def _shift_by_max(x, axis, precise=True):
    """Return ``(z, error)`` with ``z + error == x - max`` exactly along `axis`.

    `x` is a float array with a nonempty `axis`. `error` is the rounding
    error of the subtraction (Knuth's TwoSum), because exp(z) alone would
    turn it into a relative error of up to about |z|/2 ULP. Without
    `precise`, `error` is None: for a float16 or float32 result computed
    in float64 that relative error stays below 2**-43 for every z whose
    exponential is not 0, far below one ULP of the result. In a
    slice whose maximum is +inf, the +inf entries get 0 and all others
    -inf, because they are infinitely far below (the limit), and a slice
    whose maximum is -inf or NaN gets NaN, so that its result is NaN.
    Everywhere ``z <= 0`` or NaN, so ``exp(z)`` cannot overflow.
    """
    top = np.max(x, axis=axis, keepdims=True)
    # Only slices whose maximum is +-inf or NaN need the selections below,
    # so the common all-finite case skips them.
    all_finite = bool(np.isfinite(top).all())
    shift = top if all_finite else np.where(np.isfinite(top), top, 0).astype(x.dtype, copy=False)
    # x - max overflows to -inf only where the true difference is below
    # -max, and -inf is then the correctly rounded value; the error terms of
    # infinite differences are inf - inf, replaced by 0 below.
    with np.errstate(over="ignore", invalid="ignore"):
        z = x - shift
        error = None
        if precise:
            back = z - x
            error = (x - (z - back)) + (-shift - back)
    if precise and not np.isfinite(error).all():
        error = np.where(np.isfinite(error), error, 0).astype(x.dtype, copy=False)
    if not all_finite:
        z = np.where(top == np.inf, np.where(x == np.inf, 0.0, -np.inf), z)
        z = np.where(np.isnan(top) | (top == -np.inf), np.nan, z).astype(x.dtype, copy=False)
    return z, error


def _exp_shifted(z, error):
    """Return ``exp(z + error)`` for a tiny `error` as ``exp(z) (1 + error)``, overwriting `z`.

    With `error` None, return ``exp(z)``.
    """
    e = np.exp(z, out=z)
    if error is not None:
        e += e * error
    return e


def _first_maximum(z, axis):
    """Return a mask of the first entry along `axis` where ``z == 0``, the shifted maximum."""
    at_top = z == 0
    return at_top & (np.cumsum(at_top, axis=axis) == 1)


#: Largest |x| that the softmax family exponentiates without subtracting the
#: maximum first. e^x is then a normal float64 number, because the normal
#: range ends at e^-708.4 and the finite range at e^709.8. So each exp(x) is
#: as accurate as exp(x - max), and the shift with its error term, four
#: array passes, is saved.
_DIRECT_LIMIT = 700.0


def _within_direct_limit(x):
    """Return True if `x` is nonempty and all of it lies in [-700, 700]; NaN and inf fail."""
    return x.size > 0 and bool(np.min(x) >= -_DIRECT_LIMIT) and bool(np.max(x) <= _DIRECT_LIMIT)


def _direct_exponentials(x, axis, negate=False):
    """Return ``(e, total)``: ``exp(x)`` (``exp(-x)`` with `negate`) in float64 and its sums along `axis`.

    Returns None where the shift by the maximum is needed instead: for
    inputs outside [-700, 700], and where a sum overflows, which takes a
    slice of more than 17,000 entries near 700. float32 input is converted
    inside the first ufunc, without a separate pass.
    """
    if not _within_direct_limit(x):
        return None
    if negate:
        e = np.negative(x, dtype=np.float64)
        np.exp(e, out=e)
    else:
        e = np.exp(x, dtype=np.float64)
    total = np.sum(e, axis=axis, keepdims=True)
    if not np.isfinite(total).all():
        return None
    return e, total


def _float32_target(array, dtype):
    """Return a new float32 array for the last step of a float32 result computed in float64, else None.

    Writing that step straight into a float32 array rounds once, as the
    conversion would, and saves its pass. With None the step writes into
    `array`; float16 results then go through `_round`, which silences the
    overflow of values beyond the float16 range.
    """
    if array.dtype == dtype or dtype != np.float32:
        return None
    return np.empty(array.shape, dtype)


def _softmax_float(x, axis, negate, precise, reciprocal_sign=1.0):
    """Return the softmax of float array `x` (of ``-x`` with `negate`) along `axis`, in float64 for float32 input.

    With ``reciprocal_sign=-1.0`` the result is negated, exactly, at no
    extra cost: dividing by ``-total`` rounds to the negated quotient.
    """
    direct = _direct_exponentials(x, axis, negate)
    if direct is not None:
        e, total = direct
        if reciprocal_sign < 0:
            np.negative(total, out=total)
        return np.divide(e, total, out=e)
    working = x.astype(np.float64) if x.dtype == np.float32 else x
    s, _ = _softmax_parts(-working if negate else working, axis, precise)
    if reciprocal_sign < 0:
        np.negative(s, out=s)
    return s


def _softmax_result(x, axis, dtype, negate=False):
    """Return softmax (softmin with `negate`) of the float array `x` along `axis`, rounded to `dtype`."""
    direct = _direct_exponentials(x, axis, negate)
    if direct is not None:
        e, total = direct
        target = _float32_target(e, dtype)
        return _round(np.divide(e, total, out=e if target is None else target), dtype)
    return _round(_softmax_float(x, axis, negate, dtype == np.float64), dtype)


def _softmax_product(x, vector, axis, dtype, negate=False):
    """Return the Jacobian-vector product of softmax (softmin with `negate`), rounded to `dtype`.

    The Jacobian is symmetric, so this is also the vector-Jacobian
    product: ``s * (v - sum(s * v))``, negated for softmin. Softmin
    computes with ``-s`` throughout, which negates the sum and the
    product exactly, signed zeros included.
    """
    sign = -1.0 if negate else 1.0
    s = _softmax_float(x, axis, negate, dtype == np.float64, sign)
    with _product_context():
        product = np.multiply(s, vector)
        mean = np.sum(product, axis=axis, keepdims=True)
        if negate:
            # mean is -sum(s * v) here, so adding it subtracts the sum.
            difference = np.add(vector, mean, out=product)
        else:
            difference = np.subtract(vector, mean, out=product)
        target = _float32_target(difference, dtype)
        result = np.multiply(s, difference, out=difference if target is None else target)
    return _round(result, dtype)


# --- softmax and softmin ------------------------------------------------------


def _softmax_parts(x, axis, precise=True, with_complement=False):
    """Return ``(s, complement)``: softmax along `axis` and ``1 - s`` without cancellation.

    `x` is already a float array and `axis` non-negative. Subtracting the
    maximum keeps every exponent at most 0, so nothing overflows. A row
    with +inf shares all probability equally among its +inf entries (the
    limit of softmax), and a row of only -inf has no limit and is NaN.
    `precise` is as for `_shift_by_max`. `complement` is None unless
    `with_complement`, because only the Jacobians use it.
    """
    if x.shape[axis] == 0:
        return np.empty_like(x), np.empty_like(x)

    z, error = _shift_by_max(x, axis, precise)
    is_top = _first_maximum(z, axis) if with_complement else None
    e = _exp_shifted(z, error)
    total = np.sum(e, axis=axis, keepdims=True)

    # Each total is at least 1, the term of the maximum, or NaN for a slice
    # whose maximum is -inf or NaN, so the divisions cannot warn.
    if not with_complement:
        return np.divide(e, total, out=e), None
    s = e / total
    # 1 - s cancels where one entry dominates; for the entry holding
    # the maximum, sum the other entries instead.
    others = np.sum(np.where(is_top, 0, e), axis=axis, keepdims=True)
    complement = np.where(is_top, others, total - e) / total
    return s, complement


def _softmax_jacobian_last(s, complement):
    """Return ``diag(s) - s s^T`` over the last axis, with the diagonal ``s (1 - s)`` from `complement`."""
    jacobian = -s[..., :, None] * s[..., None, :]
    diagonal = np.einsum("...ii->...i", jacobian)
    diagonal[...] = s * complement
    return jacobian


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
    log_softmax : Its logarithm, accurate where the softmax underflows.
    softmin : The softmax of :math:`-x`.
    sigmoid : The two-class case: ``softmax([x, 0])[0] == sigmoid(x)``.

    Notes
    -----
    Where every input lies within :math:`\pm 700`, :math:`e^{x_i}` is a
    normal float64 number and the first form is computed directly. Beyond
    that the maximum :math:`m` is subtracted, which leaves the result
    unchanged and keeps every exponent at most 0, so nothing overflows.
    float32 input is computed in float64 and rounded once. Along an axis with
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
    return _softmax_result(x, axis, dtype)


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
    x, dtype = _as_working_array(x)
    axis = check_axis(axis, x.ndim)
    s, complement = _softmax_parts(np.moveaxis(x, axis, -1), x.ndim - 1, dtype == np.float64, True)
    return _round(_softmax_jacobian_last(s, complement), dtype)


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

    Raises
    ------
    ValueError
        If `tangent` does not broadcast to the shape of `x`.

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
    axis = check_axis(axis, x.ndim)
    tangent, tangent_dtype = _as_vector(tangent, x.shape, "tangent")
    return _softmax_product(x, tangent, axis, np.result_type(dtype, tangent_dtype))


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

    Raises
    ------
    ValueError
        If `cotangent` does not broadcast to the shape of `x`.

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
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    cotangent, cotangent_dtype = _as_vector(cotangent, x.shape, "cotangent")
    return _softmax_product(x, cotangent, axis, np.result_type(dtype, cotangent_dtype))


def softmin(x, axis=-1):
    r"""Compute the softmin, the softmax of :math:`-x`, along one axis.

    .. math::

        \operatorname{softmin}(x)_i = \frac{e^{-x_i}}{\sum_j e^{-x_j}}

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
        Probabilities with the shape of `x`, summing to 1 along `axis`,
        largest where `x` is smallest.

    Raises
    ------
    ValueError
        If `x` is 0-d or `axis` is out of range.

    See Also
    --------
    softmin_jacobian : The Jacobian matrix along `axis`.
    softmax : The same with the sign of `x` flipped.

    Notes
    -----
    Computed as the softmax of :math:`-x`, with its overflow protection and
    its limits: **-inf entries share all probability** (the limit), and a
    slice of only +inf has no limit and returns NaN, without a warning.
    An axis of length 0 gives an empty result. PyTorch provides it as
    ``torch.nn.functional.softmin``.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softmin([1.0, 2.0, 3.0])
    array([0.66524096, 0.24472847, 0.09003057])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    return _softmax_result(x, axis, dtype, negate=True)


def softmin_jacobian(x, axis=-1):
    r"""Compute the Jacobian matrix of the softmin along one axis.

    .. math::

        J_{ij} = \frac{\partial s_i}{\partial x_j} = -s_i\,(\delta_{ij} - s_j),
        \qquad s = \operatorname{softmin}(x)

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d.
    axis : int, default -1
        The axis along which the softmin is taken.

    Returns
    -------
    ndarray
        Shape ``(..., n, n)``: the other axes of `x`, then the output and
        the input index. The matrix is symmetric, with a negative diagonal.

    Raises
    ------
    ValueError
        If `x` is 0-d or `axis` is out of range.

    See Also
    --------
    softmin : The function itself.
    softmin_jvp : The product with a vector, without building the matrix.

    Notes
    -----
    The negated Jacobian of the softmax at :math:`-x`, with the diagonal
    :math:`-s_i (1 - s_i)` computed without cancellation.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softmin_jacobian([0.0, 0.0])
    array([[-0.25,  0.25],
           [ 0.25, -0.25]])
    """
    x, dtype = _as_working_array(x)
    axis = check_axis(axis, x.ndim)
    s, complement = _softmax_parts(np.moveaxis(-x, axis, -1), x.ndim - 1, dtype == np.float64, True)
    return _round(-_softmax_jacobian_last(s, complement), dtype)


def softmin_jvp(x, tangent, axis=-1):
    r"""Compute the Jacobian-vector product of the softmin without building the Jacobian.

    .. math::

        (J v)_i = -s_i \Bigl(v_i - \sum_j s_j v_j\Bigr)

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d.
    tangent : array_like
        The vector :math:`v`, with the shape of `x` (or broadcastable to it).
    axis : int, default -1
        The axis along which the softmin is taken.

    Returns
    -------
    ndarray
        :math:`J v`, with the shape of `x`.

    Raises
    ------
    ValueError
        If `x` is 0-d, `axis` is out of range, or `tangent` does not
        broadcast to the shape of `x`.

    See Also
    --------
    softmin_jacobian : The full matrix.
    softmin_vjp : The product from the left; equal, because :math:`J` is symmetric.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softmin_jvp([0.0, 0.0], [1.0, 0.0])
    array([-0.25,  0.25])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    tangent, tangent_dtype = _as_vector(tangent, x.shape, "tangent")
    return _softmax_product(x, tangent, axis, np.result_type(dtype, tangent_dtype), negate=True)


def softmin_vjp(x, cotangent, axis=-1):
    r"""Compute the vector-Jacobian product of the softmin without building the Jacobian.

    .. math::

        (u^\top J)_j = -s_j \Bigl(u_j - \sum_i u_i s_i\Bigr)

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d.
    cotangent : array_like
        The vector :math:`u`, with the shape of `x` (or broadcastable to it).
    axis : int, default -1
        The axis along which the softmin is taken.

    Returns
    -------
    ndarray
        :math:`u^\top J`, with the shape of `x`.

    Raises
    ------
    ValueError
        If `x` is 0-d, `axis` is out of range, or `cotangent` does not
        broadcast to the shape of `x`.

    See Also
    --------
    softmin_jacobian : The full matrix.
    softmin_jvp : The product from the right.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.softmin_vjp([0.0, 0.0], [1.0, 0.0])
    array([-0.25,  0.25])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    cotangent, cotangent_dtype = _as_vector(cotangent, x.shape, "cotangent")
    return _softmax_product(x, cotangent, axis, np.result_type(dtype, cotangent_dtype), negate=True)


# --- log_softmax --------------------------------------------------------------


def _log_softmax_values(x, axis, precise=True):
    """Return log_softmax of float array `x` along non-negative `axis`; `precise` as for `_shift_by_max`."""
    if x.shape[axis] == 0:
        return np.empty_like(x)
    z, error = _shift_by_max(x, axis, precise)
    is_top = _first_maximum(z, axis)
    e = _exp_shifted(z.copy(), error)
    # The sum of exp(z) is 1 + (the other terms), because the maximum
    # contributes exp(0) = 1; log1p of the other terms keeps their digits
    # when they are small, where log(sum) would round them away.
    np.copyto(e, 0, where=is_top)
    others = np.sum(e, axis=axis, keepdims=True)
    # Slices whose maximum is -inf or NaN are NaN through z.
    result = z - np.log1p(others)
    if error is not None:
        result += error
    return result.astype(x.dtype, copy=False)


def _log_softmax_direct(x, axis, dtype):
    """Return log_softmax of float array `x` along `axis`, rounded to `dtype`, or None.

    This computes ``x - (m + log1p(others))`` from unshifted exponentials,
    where `m` is the maximum and `others` is the sum of ``e^(x_j - m)``
    over every entry but the first maximum, formed as the sum of ``e^x_j``
    times ``e^-m``. ``m + log1p(others)`` is kept as an exact two-term sum
    ``high + low`` (Knuth's TwoSum on one value per slice), and each result
    is ``(x - high) - low``, rounded twice. That stays accurate for entries
    far below the maximum as well as for the maximum itself, whose result
    is ``-log1p(others)``. Returns None, like
    `_direct_exponentials`, for inputs outside [-700, 700] or a sum that
    overflows.
    """
    if x.size == 0:
        return None
    # argmax finds the first maximum and, through it, the maximum in one pass;
    # a NaN slice yields NaN here, which the range check below rejects.
    index = np.argmax(x, axis=axis, keepdims=True)
    top = np.take_along_axis(x, index, axis=axis).astype(np.float64)
    if not (np.max(top) <= _DIRECT_LIMIT and np.min(x) >= -_DIRECT_LIMIT):
        return None
    e = np.exp(x, dtype=np.float64)
    # The maximum's term, 1 after scaling, stays out of the sum: log1p of
    # the others keeps their digits when they are small, which adding 1
    # would round away.
    np.put_along_axis(e, index, 0.0, axis=axis)
    others = np.sum(e, axis=axis, keepdims=True)
    if not np.isfinite(others).all():
        return None
    others *= np.exp(-top)
    log_total = np.log1p(others)
    high = top + log_total
    back = high - top
    low = (top - (high - back)) + (log_total - back)
    result = np.subtract(x, high, out=e)
    target = _float32_target(result, dtype)
    return np.subtract(result, low, out=result if target is None else target)


def log_softmax(x, axis=-1):
    r"""Compute the logarithm of the softmax along one axis.

    .. math::

        \mathrm{log\_softmax}(x)_i = x_i - m - \log \sum_j e^{x_j - m},
        \qquad m = \max_j x_j

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d. float16, float32 and float64 keep
        their dtype; integer and bool input is computed in float64.
    axis : int, default -1
        The axis along which the softmax is taken.

    Returns
    -------
    ndarray
        Log-probabilities (at most 0) with the shape of `x`, whose
        exponentials sum to 1 along `axis`.

    Raises
    ------
    ValueError
        If `x` is 0-d or `axis` is out of range.

    See Also
    --------
    log_softmax_jacobian : The Jacobian matrix along `axis`.
    softmax : Its exponential.

    Notes
    -----
    ``np.log(softmax(x))`` is -inf wherever the softmax underflows (an
    entry 800 below the maximum in float64); this form is finite there.
    The sum :math:`\sum_j e^{x_j - m}` is 1 plus the terms other than the
    maximum, so its logarithm is computed as ``log1p`` of those terms,
    which keeps full relative accuracy for the dominant entry, whose
    log-probability is close to 0. Where every input lies within
    :math:`\pm 700` those terms are :math:`e^{x_j} e^{-m}`, without the
    shift, and :math:`m` plus the logarithm is kept as an exact sum of two
    floats for the final subtraction. float32 input is computed in
    float64 and rounded once.

    At infinity the limits are taken as in :func:`softmax`: along an
    axis with +inf entries, those get :math:`-\log k` (for :math:`k` of
    them) and the others -inf. **A slice of only -inf returns NaN**,
    without a warning. An axis of length 0 gives an empty result.
    JAX's ``jax.nn.log_softmax`` and Keras' ``log_softmax`` default to the
    last axis too; PyTorch's ``torch.nn.functional.log_softmax`` requires
    ``dim``.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.log_softmax([0.0, 1000.0, -1000.0])
    array([-1000.,     0., -2000.])
    >>> nonlin.log_softmax([0.0, 40.0])
    array([-4.00000000e+01, -4.24835426e-18])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    result = _log_softmax_direct(x, axis, dtype)
    if result is None:
        working = x.astype(np.float64) if x.dtype == np.float32 else x
        result = _log_softmax_values(working, axis, dtype == np.float64)
    return _round(result, dtype)


def log_softmax_jacobian(x, axis=-1):
    r"""Compute the Jacobian matrix of log_softmax along one axis.

    .. math::

        J_{ij} = \frac{\partial \mathrm{log\_softmax}(x)_i}{\partial x_j}
               = \delta_{ij} - s_j,
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
        Shape ``(..., n, n)``: the other axes of `x`, then the output index
        :math:`i` and the input index :math:`j`. Each row is the same
        except for the 1 on the diagonal, so the matrix is not symmetric.

    Raises
    ------
    ValueError
        If `x` is 0-d or `axis` is out of range.

    See Also
    --------
    log_softmax : The function itself.
    log_softmax_vjp : The gradient a layer passes back, without the matrix.

    Notes
    -----
    The diagonal :math:`1 - s_i` is the sum of the other probabilities
    where :math:`s_i` is the largest, so it does not cancel when one
    entry has almost all the probability.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.log_softmax_jacobian([0.0, 0.0])
    array([[ 0.5, -0.5],
           [-0.5,  0.5]])
    """
    x, dtype = _as_working_array(x)
    axis = check_axis(axis, x.ndim)
    s, complement = _softmax_parts(np.moveaxis(x, axis, -1), x.ndim - 1, dtype == np.float64, True)
    jacobian = np.broadcast_to(-s[..., None, :], s.shape + s.shape[-1:]).copy()
    diagonal = np.einsum("...ii->...i", jacobian)
    diagonal[...] = complement
    return _round(jacobian, dtype)


def log_softmax_jvp(x, tangent, axis=-1):
    r"""Compute the Jacobian-vector product of log_softmax without building the Jacobian.

    .. math::

        (J v)_i = v_i - \sum_j s_j v_j

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

    Raises
    ------
    ValueError
        If `x` is 0-d, `axis` is out of range, or `tangent` does not
        broadcast to the shape of `x`.

    See Also
    --------
    log_softmax_jacobian : The full matrix.
    log_softmax_vjp : The product from the left.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.log_softmax_jvp([0.0, 0.0], [1.0, 0.0])
    array([ 0.5, -0.5])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    tangent, tangent_dtype = _as_vector(tangent, x.shape, "tangent")
    result_dtype = np.result_type(dtype, tangent_dtype)
    s = _softmax_float(x, axis, False, result_dtype == np.float64)
    with _product_context():
        product = np.multiply(s, tangent, out=s)
        mean = np.sum(product, axis=axis, keepdims=True)
        target = _float32_target(product, result_dtype)
        result = np.subtract(tangent, mean, out=product if target is None else target)
    return _round(result, result_dtype)


def log_softmax_vjp(x, cotangent, axis=-1):
    r"""Compute the vector-Jacobian product of log_softmax without building the Jacobian.

    .. math::

        (u^\top J)_j = u_j - s_j \sum_i u_i

    This is the gradient that backpropagation passes through a
    log_softmax layer. For the negative log-likelihood of class :math:`y`,
    whose gradient is the `cotangent` :math:`-e_y`, it is :math:`s - e_y`.

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

    Raises
    ------
    ValueError
        If `x` is 0-d, `axis` is out of range, or `cotangent` does not
        broadcast to the shape of `x`.

    See Also
    --------
    log_softmax_jacobian : The full matrix.
    log_softmax_jvp : The product from the right.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.log_softmax_vjp([0.0, 0.0], [-1.0, 0.0])
    array([-0.5,  0.5])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    cotangent, cotangent_dtype = _as_vector(cotangent, x.shape, "cotangent")
    result_dtype = np.result_type(dtype, cotangent_dtype)
    s = _softmax_float(x, axis, False, result_dtype == np.float64)
    cotangent = np.broadcast_to(cotangent, x.shape)
    with _product_context():
        scaled = np.multiply(s, np.sum(cotangent, axis=axis, keepdims=True), out=s)
        target = _float32_target(scaled, result_dtype)
        result = np.subtract(cotangent, scaled, out=scaled if target is None else target)
    return _round(result, result_dtype)


# --- sparsemax ----------------------------------------------------------------


def _sparsemax_last(x):
    """Return sparsemax over the last axis of float array `x`, whose last axis is nonempty.

    Sparsemax is unchanged by adding a constant to a slice, so the slice
    maximum is subtracted first, which keeps the sums small. The threshold is then at least
    -1, so entries more than 2 below the maximum are never in the support.
    They are set to -2 instead of subtracted, so ``x - max`` cannot overflow.
    """
    top = np.max(x, axis=-1, keepdims=True)
    near_top = (x >= top - 2) & np.isfinite(top)
    z = np.full_like(x, -2.0)
    np.subtract(x, top, out=z, where=near_top)
    # The limits at infinity, as for softmax: +inf entries share the
    # probability, and a slice of only -inf (or with NaN) is NaN.
    z = np.where(top == np.inf, np.where(x == np.inf, 0.0, -2.0), z)
    z = np.where(np.isnan(top) | (top == -np.inf), np.nan, z).astype(x.dtype, copy=False)
    return np.maximum(z - _sparsemax_threshold(z), 0)


def _sparsemax_threshold(z):
    """Return the threshold of each slice of `z` along its last axis, with keepdims.

    `z` is a slice minus its maximum, with entries below -2 optionally
    raised to -2 or left out: the threshold is at least -1, so they are
    never in the support.
    """
    n = z.shape[-1]
    # The support is the k largest entries, for the largest k with
    # 1 + k z_(k) > z_(1) + ... + z_(k) in descending order.
    descending = -np.sort(-z, axis=-1)
    cumulative = np.cumsum(descending, axis=-1)
    k = np.arange(1, n + 1, dtype=z.dtype)
    in_support = 1 + k * descending > cumulative
    size = np.max(np.where(in_support, k, 0), axis=-1, keepdims=True)
    smallest = np.take_along_axis(descending, np.maximum(size - 1, 0).astype(np.intp), axis=-1)
    # Entries tied with the smallest one are all in the support, as in exact
    # arithmetic, and counting them keeps that true under rounding. NaN
    # slices have no support, and any size keeps them NaN.
    support = z >= smallest
    size = np.maximum(np.sum(support, axis=-1, keepdims=True), 1)
    # The running sum above collects a rounding error that grows with k.
    # The pairwise sum of the support alone is more accurate, and it cannot
    # cancel, because every shifted entry is at most 0.
    return (np.sum(np.where(support, z, 0), axis=-1, keepdims=True) - 1) / size


def _sparsemax_shifted(x):
    """Return ``(z, threshold)`` for the last axis of float array `x`, or None if a slice is not finite.

    `z` is ``x - max`` in float64, C-contiguous, and the sparsemax is
    ``max(z - threshold, 0)``. Only entries at most 2 below the maximum
    can be in the support. For inputs spread over more than a few units
    they are a small fraction, so they are gathered into one short row per
    slice (padded with -2), and only those rows are sorted.
    Slices whose maximum is infinite or NaN, whose limits need the
    selections of `_sparsemax_last`, return None.
    """
    top = np.max(x, axis=-1, keepdims=True)
    if not np.isfinite(top).all():
        return None
    # x - max below -max rounds to -inf, far outside any support.
    with np.errstate(over="ignore"):
        z = np.subtract(x, top, dtype=np.float64, order="C")
    n = z.shape[-1]
    rows = z.reshape(-1, n)
    candidate = rows >= -2
    counts = np.count_nonzero(candidate, axis=-1)
    width = int(counts.max())
    if 2 * width > n:
        # Most entries are candidates: sorting whole slices is cheaper than gathering.
        compact = np.maximum(rows, -2.0)
    else:
        index = np.flatnonzero(candidate)
        row = index // n
        starts = np.cumsum(counts) - counts
        compact = np.full((rows.shape[0], width), -2.0)
        compact[row, np.arange(index.size) - starts[row]] = rows.reshape(-1)[index]
    threshold = _sparsemax_threshold(compact)
    return z, threshold.reshape(z.shape[:-1] + (1,))


def _sparsemax_values(x, axis):
    if x.shape[axis] == 0:
        return np.empty_like(x)
    return np.moveaxis(_sparsemax_last(np.moveaxis(x, axis, -1)), -1, axis)


def _sparsemax_support(p, axis):
    """Return ``(support, size)``: 1.0 where ``p > 0`` (NaN where p is NaN) and its count along `axis`."""
    support = (p > 0).astype(p.dtype)
    support = np.where(np.isnan(p), np.nan, support)
    size = np.sum(support, axis=axis, keepdims=True)
    return support, size


def sparsemax(x, axis=-1):
    r"""Compute the sparsemax, the Euclidean projection onto the probability simplex, along one axis.

    .. math::

        \operatorname{sparsemax}(x) = \operatorname*{arg\,min}_{p \in \Delta}
            \lVert p - x \rVert^2 = \max(x - \tau, 0),

    where :math:`\Delta` is the probability simplex and the threshold
    :math:`\tau` makes the result sum to 1.

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
        Probabilities with the shape of `x`, summing to 1 along `axis`;
        entries more than :math:`\tau` below the maximum are exactly 0.

    Raises
    ------
    ValueError
        If `x` is 0-d or `axis` is out of range.

    See Also
    --------
    sparsemax_jacobian : The Jacobian matrix along `axis`.
    softmax : The dense counterpart.

    Notes
    -----
    The threshold is found by sorting, as in Martins and Astudillo (2016):
    with :math:`z_{(1)} \ge z_{(2)} \ge \dots` the sorted input, the support
    has :math:`k` entries for the largest :math:`k` with
    :math:`1 + k z_{(k)} > \sum_{j \le k} z_{(j)}`, and
    :math:`\tau = (\sum_{j \le k} z_{(j)} - 1) / k`. The maximum is
    subtracted first (sparsemax is unchanged by a constant shift), so the
    sums stay small and exact near the top. Only entries at most 2 below
    the maximum can be in the support, since :math:`\tau \ge m - 1`, so
    only those are sorted. At infinity the limits are
    taken as in :func:`softmax`: **+inf entries share the probability**,
    and a slice of only -inf returns NaN, without a warning. An axis of
    length 0 gives an empty result. Keras provides this activation as
    ``sparsemax``.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sparsemax([[0.0, 0.5, 3.0], [1.0, 1.3, 1.1]])
    array([[0. , 0. , 1. ],
           [0.2, 0.5, 0.3]])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    shifted = _sparsemax_shifted(np.moveaxis(x, axis, -1)) if x.size else None
    if shifted is None:
        working = x.astype(np.float64) if x.dtype == np.float32 else x
        return _round(_sparsemax_values(working, axis), dtype)
    z, threshold = shifted
    result = np.subtract(z, threshold, out=z)
    target = _float32_target(result, dtype)
    result = np.maximum(result, 0.0, out=result if target is None else target)
    return _round(np.moveaxis(result, -1, axis), dtype)


def sparsemax_jacobian(x, axis=-1):
    r"""Compute the Jacobian matrix of the sparsemax along one axis.

    .. math::

        J_{ij} = \frac{\partial p_i}{\partial x_j}
               = \delta_{ij} s_i - \frac{s_i s_j}{\lvert S \rvert},

    where :math:`s_i` is 1 on the support :math:`S = \{i : p_i > 0\}` and
    0 elsewhere.

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d.
    axis : int, default -1
        The axis along which the sparsemax is taken.

    Returns
    -------
    ndarray
        Shape ``(..., n, n)``: the other axes of `x`, then the output and
        the input index. The matrix is symmetric.

    Raises
    ------
    ValueError
        If `x` is 0-d or `axis` is out of range.

    See Also
    --------
    sparsemax : The function itself.
    sparsemax_jvp : The product with a vector, without building the matrix.

    Notes
    -----
    Sparsemax is piecewise linear; it is not differentiable where an
    entry sits exactly on the threshold (:math:`x_i = \tau`, so
    :math:`p_i = 0`). There this returns the Jacobian of the piece in
    which that entry is **outside** the support, the convention of
    Martins and Astudillo (2016), who define :math:`S` by :math:`p_i > 0`.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sparsemax_jacobian([1.0, 1.2, -3.0])
    array([[ 0.5, -0.5,  0. ],
           [-0.5,  0.5,  0. ],
           [ 0. ,  0. ,  0. ]])
    """
    x, dtype = _as_working_array(x)
    axis = check_axis(axis, x.ndim)
    p = _sparsemax_values(np.moveaxis(x, axis, -1), x.ndim - 1)
    support, size = _sparsemax_support(p, -1)
    # An empty axis has size 0 and no entries to divide. Subtracting from
    # 0 (instead of negating) gives +0.0, not -0.0, outside the support.
    with np.errstate(invalid="ignore", divide="ignore"):
        jacobian = 0.0 - support[..., :, None] * support[..., None, :] / size[..., None]
    diagonal = np.einsum("...ii->...i", jacobian)
    diagonal[...] += support
    return _round(jacobian, dtype)


def _sparsemax_product(x, vector, axis, dtype):
    """Return ``s * (v - mean of v over the support)``, rounded to `dtype`, where s is 1 on the support."""
    shifted = _sparsemax_shifted(np.moveaxis(x, axis, -1)) if x.size else None
    if shifted is None:
        working = x.astype(np.float64) if x.dtype == np.float32 else x
        support, size = _sparsemax_support(_sparsemax_values(working, axis), axis)
    else:
        z, threshold = shifted
        # The sparsemax max(z - threshold, 0) is positive exactly where
        # z > threshold, because a difference of floats rounds to 0 only
        # when they are equal.
        support = np.moveaxis(np.greater(z, threshold, out=np.empty(z.shape)), -1, axis)
        size = np.sum(support, axis=axis, keepdims=True)
    with _product_context():
        product = np.multiply(support, vector)
        mean = np.sum(product, axis=axis, keepdims=True) / size
        difference = np.subtract(vector, mean, out=product)
        target = _float32_target(difference, dtype)
        result = np.multiply(support, difference, out=difference if target is None else target)
    return _round(result, dtype)


def sparsemax_jvp(x, tangent, axis=-1):
    r"""Compute the Jacobian-vector product of the sparsemax without building the Jacobian.

    .. math::

        (J v)_i = s_i \Bigl(v_i - \frac{1}{\lvert S \rvert} \sum_{j \in S} v_j\Bigr)

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d.
    tangent : array_like
        The vector :math:`v`, with the shape of `x` (or broadcastable to it).
    axis : int, default -1
        The axis along which the sparsemax is taken.

    Returns
    -------
    ndarray
        :math:`J v`, with the shape of `x`: `tangent` minus its mean over
        the support, and 0 outside the support.

    Raises
    ------
    ValueError
        If `x` is 0-d, `axis` is out of range, or `tangent` does not
        broadcast to the shape of `x`.

    See Also
    --------
    sparsemax_jacobian : The full matrix, and the convention at the threshold.
    sparsemax_vjp : The product from the left; equal, because :math:`J` is symmetric.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sparsemax_jvp([1.0, 1.2, -3.0], [1.0, 0.0, 5.0])
    array([ 0.5, -0.5,  0. ])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    tangent, tangent_dtype = _as_vector(tangent, x.shape, "tangent")
    return _sparsemax_product(x, tangent, axis, np.result_type(dtype, tangent_dtype))


def sparsemax_vjp(x, cotangent, axis=-1):
    r"""Compute the vector-Jacobian product of the sparsemax without building the Jacobian.

    .. math::

        (u^\top J)_j = s_j \Bigl(u_j - \frac{1}{\lvert S \rvert} \sum_{i \in S} u_i\Bigr)

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d.
    cotangent : array_like
        The vector :math:`u`, with the shape of `x` (or broadcastable to it).
    axis : int, default -1
        The axis along which the sparsemax is taken.

    Returns
    -------
    ndarray
        :math:`u^\top J`, with the shape of `x`.

    Raises
    ------
    ValueError
        If `x` is 0-d, `axis` is out of range, or `cotangent` does not
        broadcast to the shape of `x`.

    See Also
    --------
    sparsemax_jacobian : The full matrix.
    sparsemax_jvp : The product from the right.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sparsemax_vjp([1.0, 1.2, -3.0], [1.0, 0.0, 5.0])
    array([ 0.5, -0.5,  0. ])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    cotangent, cotangent_dtype = _as_vector(cotangent, x.shape, "cotangent")
    return _sparsemax_product(x, cotangent, axis, np.result_type(dtype, cotangent_dtype))


# --- glu ----------------------------------------------------------------------


def _glu_halves(x, axis):
    """Split `x` into its two halves along `axis`, or raise for an odd length."""
    length = x.shape[axis]
    if length % 2:
        raise ValueError(
            f"glu splits axis {axis} into two halves, but its length {length} is odd: "
            "pass an even length, or choose another axis."
        )
    return np.split(x, 2, axis=axis)


def _times_positive(value, factor, exact_positive):
    """Return ``value * factor`` for a `factor` that is exactly positive where ``exact_positive()`` is true.

    A factor such as sigmoid(-800) underflows to 0 although it is
    positive, and an infinite `value` times it is then ±inf, not the NaN
    of ``inf * 0``. Where the factor is exactly 0 (`exact_positive`
    false), ``inf * 0`` has no limit and is NaN, silently. The mask is
    built only when `value` contains an infinity, and the product
    overwrites `factor`.
    """
    with np.errstate(invalid="ignore"):
        product = np.multiply(value, factor, out=factor)
    infinite = np.isinf(value)
    if not infinite.any():
        return product
    return np.where(infinite, np.where(exact_positive(), value, np.nan), product)


#: Largest |b| at which glu computes float32 input in float32. Up to there
#: sigmoid(b) and sigmoid'(b) are at least e^-80, about 1.8e-35, so they are
#: normal float32 numbers within their own error bound. Each product with
#: `a` or the cotangent then adds one rounding, which the condition number
#: of glu allows for, being at least 1 from `a`. Beyond the limit they turn
#: subnormal and lose digits that a large `a` would expose, so the
#: computation moves to float64.
_GLU_FLOAT32_LIMIT = 80.0


def _float32_gates(x, b, symmetric):
    """Return True if float32 `x` can be computed in float32.

    That needs every gate input `b` at least ``-_GLU_FLOAT32_LIMIT``, and
    with `symmetric` also at most ``_GLU_FLOAT32_LIMIT``. NaN fails both.
    """
    if x.dtype != np.float32:
        return False
    if b.size == 0:
        return True
    if not np.min(b) >= -_GLU_FLOAT32_LIMIT:
        return False
    return not symmetric or bool(np.max(b) <= _GLU_FLOAT32_LIMIT)


def _logistic_parts(b, with_slope):
    """Return ``(gate, slope)``: sigmoid(b) and, `with_slope`, sigmoid'(b), from one exponential.

    These are the formulas of `sigmoid` and `sigmoid_derivative`, which
    would compute the exponential twice. With ``e = exp(-|b|)`` the
    sigmoid is ``max(e, b >= 0) / (1 + e)``: the numerator is 1 for
    b >= 0 and e below, because e <= 1, and NaN passes through the
    maximum. Its derivative is ``e / (1 + e)**2``. Neither form cancels
    or overflows.
    """
    e = np.abs(b)
    np.negative(e, out=e)
    np.exp(e, out=e)
    denominator = e + 1
    slope = None
    if with_slope:
        slope = np.multiply(denominator, denominator)
        np.divide(e, slope, out=slope)
    gate = np.maximum(e, b >= 0, out=e)
    gate /= denominator
    return gate, slope


def _glu_gate_and_slope(x, axis, float32=False):
    """Return ``(gate, slope)``: sigmoid(b) and a * sigmoid'(b) for the halves a, b of `x`.

    With `float32`, `x` is float32 and every b lies within the float32
    limit, where the gates are positive and no infinite `a` meets a zero.
    The slope is then a float64 product, so that a vector-Jacobian product
    adds one rounding to the error of sigmoid'(b), not two. On every
    float32 b in [-80, 80], float32 sigmoid'(b) is off by up to 3.9 units
    of 2**-24 (relative) beyond its condition number, and a second
    rounding would leave too little of the budget.
    """
    a, b = _glu_halves(x, axis)
    gate, slope = _logistic_parts(b, True)
    if float32:
        return gate, np.multiply(a, slope, dtype=np.float64)
    # sigmoid'(b) > 0 unless b = +-inf.
    return gate, _times_positive(a, slope, lambda: np.isfinite(b))


def _glu_parts(x, axis):
    """Return ``(a, gate, a_gate_slope, b)``: the halves, sigmoid(b) and a * sigmoid'(b)."""
    a, b = _glu_halves(x, axis)
    gate = sigmoid(b)
    # sigmoid(b) > 0 unless b = -inf, and sigmoid'(b) > 0 unless b = +-inf.
    slope = _times_positive(a, sigmoid_derivative(b), lambda: np.isfinite(b))
    return a, gate, slope, b


def glu(x, axis=-1):
    r"""Compute the gated linear unit: split `axis` in halves :math:`a, b` and return :math:`a\,\sigma(b)`.

    .. math::

        \operatorname{glu}(x) = a \odot \sigma(b),
        \qquad x = [a, b] \text{ along `axis`}

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d, with an even length along `axis`.
        float16, float32 and float64 keep their dtype; integer and bool
        input is computed in float64.
    axis : int, default -1
        The axis split into the value half :math:`a` (first) and the gate
        half :math:`b` (second).

    Returns
    -------
    ndarray
        The shape of `x` with `axis` halved.

    Raises
    ------
    ValueError
        If `x` is 0-d, `axis` is out of range, or the length of `axis` is
        odd.

    See Also
    --------
    glu_jacobian : The Jacobian matrix along `axis`.
    sigmoid : The gate.

    Notes
    -----
    As in PyTorch's ``torch.nn.functional.glu``, JAX's ``jax.nn.glu`` and
    Keras' ``glu``, the first half is the value and the second half the
    gate. The sigmoid is computed from :math:`e^{-|b|}` and cannot
    overflow. float32 input is computed in float32 while every
    :math:`b \ge -80`, where the gate is a normal float32 number, and in
    float64 otherwise. An infinite :math:`a` gives ±inf wherever the gate is
    positive (even if it rounds to 0), and NaN where :math:`b = -\infty`,
    where :math:`\infty \cdot 0` has no limit. An axis of length 0 is
    even and gives an empty result.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.glu([1.0, -2.0, 0.0, 40.0])
    array([ 0.5, -2. ])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    a, b = _glu_halves(x, axis)
    if _float32_gates(x, b, symmetric=False):
        gate, _ = _logistic_parts(b, False)
        return finish(np.multiply(a, gate, out=gate), dtype)
    if x.dtype == np.float32:
        a, b = a.astype(np.float64), b.astype(np.float64)
    gate, _ = _logistic_parts(b, False)
    # sigmoid(b) > 0 unless b = -inf.
    return _round(_times_positive(a, gate, lambda: b > -np.inf), dtype)


def glu_jacobian(x, axis=-1):
    r"""Compute the Jacobian matrix of the gated linear unit along one axis.

    .. math::

        \frac{\partial\, \operatorname{glu}(x)_i}{\partial a_j} = \delta_{ij}\,\sigma(b_i),
        \qquad
        \frac{\partial\, \operatorname{glu}(x)_i}{\partial b_j} = \delta_{ij}\,a_i\,\sigma'(b_i)

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d, with an even length :math:`n` along `axis`.
    axis : int, default -1
        The axis split into the halves :math:`a` and :math:`b`.

    Returns
    -------
    ndarray
        Shape ``(..., n/2, n)``: the other axes of `x`, then the output
        index and the input index. Columns ``0 .. n/2 - 1`` hold the
        diagonal :math:`\sigma(b)`, and columns ``n/2 .. n - 1`` the
        diagonal :math:`a\,\sigma'(b)`.

    Raises
    ------
    ValueError
        If `x` is 0-d, `axis` is out of range, or the length of `axis` is odd.

    See Also
    --------
    glu : The function itself.
    glu_vjp : The gradient a layer passes back, without the matrix.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.glu_jacobian([2.0, 0.0])
    array([[0.5, 0.5]])
    """
    x, dtype = _as_working_array(x)
    axis = check_axis(axis, x.ndim)
    x = np.moveaxis(x, axis, -1)
    _, gate, slope, _ = _glu_parts(x, x.ndim - 1)
    half = gate.shape[-1]
    jacobian = np.zeros(gate.shape + (2 * half,), dtype=gate.dtype)
    np.einsum("...ii->...i", jacobian[..., :half])[...] = gate
    np.einsum("...ii->...i", jacobian[..., half:])[...] = slope
    return _round(jacobian, dtype)


def glu_jvp(x, tangent, axis=-1):
    r"""Compute the Jacobian-vector product of the gated linear unit without building the Jacobian.

    .. math::

        (J v)_i = \sigma(b_i)\, v^{a}_i + a_i\,\sigma'(b_i)\, v^{b}_i,

    where :math:`v^a` and :math:`v^b` are the halves of `tangent`.

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d, with an even length along `axis`.
    tangent : array_like
        The vector :math:`v`, with the shape of `x` (or broadcastable to it).
    axis : int, default -1
        The axis split into the halves :math:`a` and :math:`b`.

    Returns
    -------
    ndarray
        :math:`J v`, with the shape of :func:`glu`'s output.

    Raises
    ------
    ValueError
        If `x` is 0-d, `axis` is out of range, the length of `axis` is
        odd, or `tangent` does not broadcast to the shape of `x`.

    See Also
    --------
    glu_jacobian : The full matrix.
    glu_vjp : The product from the left.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.glu_jvp([2.0, 0.0], [1.0, 1.0])
    array([1.])
    """
    x, dtype = _as_working_array(x)
    axis = check_axis(axis, x.ndim)
    tangent, tangent_dtype = _as_vector(tangent, x.shape, "tangent")
    result_dtype = np.result_type(dtype, tangent_dtype)
    gate, slope = _glu_gate_and_slope(x, axis)
    tangent_a, tangent_b = np.split(np.broadcast_to(tangent, x.shape), 2, axis=axis)
    with _product_context():
        result = np.multiply(gate, tangent_a, out=gate)
        result += np.multiply(slope, tangent_b, out=slope)
    return _round(result, result_dtype)


def glu_vjp(x, cotangent, axis=-1):
    r"""Compute the vector-Jacobian product of the gated linear unit without building the Jacobian.

    .. math::

        u^\top J = \bigl[\, u \odot \sigma(b),\; u \odot a \odot \sigma'(b) \,\bigr]
        \text{ along `axis`}

    This is the gradient that backpropagation passes through a GLU layer,
    given the gradient `cotangent` of the loss with respect to its output.

    Parameters
    ----------
    x : array_like
        Input values, at least 1-d, with an even length along `axis`.
    cotangent : array_like
        The vector :math:`u`, with the shape of :func:`glu`'s output (or
        broadcastable to it).
    axis : int, default -1
        The axis split into the halves :math:`a` and :math:`b`.

    Returns
    -------
    ndarray
        :math:`u^\top J`, with the shape of `x`.

    Raises
    ------
    ValueError
        If `x` is 0-d, `axis` is out of range, the length of `axis` is
        odd, or `cotangent` does not broadcast to the output shape.

    See Also
    --------
    glu_jacobian : The full matrix.
    glu_jvp : The product from the right.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.glu_vjp([2.0, 0.0], [1.0])
    array([0.5, 0.5])
    """
    x, dtype = as_float_array(x)
    axis = check_axis(axis, x.ndim)
    a, b = _glu_halves(x, axis)
    cotangent, cotangent_dtype = _as_vector(cotangent, a.shape, "cotangent")
    result_dtype = np.result_type(dtype, cotangent_dtype)
    float32 = result_dtype == np.float32 and _float32_gates(x, b, symmetric=True)
    if x.dtype == np.float32 and not float32:
        x = x.astype(np.float64)
    gate, slope = _glu_gate_and_slope(x, axis, float32)
    # Each product is written into its half of the result, which saves the
    # copies of np.concatenate. float32 and float64 results take the
    # products straight from the working dtype, rounding once.
    working = np.result_type(gate, cotangent)
    result = np.empty(x.shape, result_dtype if result_dtype in (np.float32, np.float64) else working)
    first, second = np.split(result, 2, axis=axis)
    with _product_context():
        np.multiply(cotangent, gate, out=first)
        np.multiply(cotangent, slope, out=second)
    return _round(result, result_dtype)

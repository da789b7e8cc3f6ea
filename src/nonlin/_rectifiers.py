"""Rectifiers: piecewise activations that pass positive inputs through."""

import math

import numpy as np

from nonlin._validation import (
    as_float_array,
    check_parameter,
    direct_out,
    finish,
    indicator,
    output_array,
    propagate_nan,
)

__all__ = [
    "celu",
    "celu_derivative",
    "elu",
    "elu_derivative",
    "isrlu",
    "isrlu_derivative",
    "leaky_relu",
    "leaky_relu_derivative",
    "prelu",
    "prelu_derivative",
    "relu",
    "relu6",
    "relu6_derivative",
    "relu_derivative",
    "rrelu",
    "rrelu_derivative",
    "selu",
    "selu_derivative",
    "threshold",
    "threshold_derivative",
]

#: The SELU constants of Klambauer et al. (2017), to the 32 digits they published.
_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946
#: scale * alpha rounded once from the exact product, so that the negative
#: side costs one rounding fewer than multiplying the two rounded constants.
_SELU_SCALE_ALPHA = 1.7580993408473768599402175208123


def _slope_below_zero(x, slope, out=None):
    """Return `x` where ``x > 0`` and ``slope * x`` elsewhere, with NaN kept.

    `slope` is a scalar or an array that broadcasts to the shape of `x`, in
    the dtype of `x`. The result goes into `out` if given, which must not
    share memory with `x`, since `x` is read again after the first pass.
    """
    if np.ndim(slope) == 0:
        if slope == 0:
            # max(x, 0) gives +0 for -0.0 and 0 for -inf, the limit, where
            # the product 0 * -inf would be NaN.
            zero, inf = x.dtype.type(0), x.dtype.type(np.inf)
            return _clip_like_maximum(x, zero, inf, out)
        if slope > 0:
            # For slope > 0, slope * x has the sign of x, so one min or max
            # picks x on the positive side and slope * x on the negative
            # side. That is one pass without a selection mask, with the same
            # rounded product as the select, and NaN passes through. A slope
            # above 1 overflows to -inf (or +inf) near the dtype's maximum,
            # which is the correctly rounded result.
            with np.errstate(over="ignore"):
                scaled = np.multiply(slope, x, out=_buffer(out, x))
            if slope <= 1:
                return np.maximum(x, scaled, out=scaled)
            return np.minimum(x, scaled, out=scaled)
    # 0 * -inf is NaN, but 0 * x is 0 for every finite x, so a zero slope
    # multiplies 0 instead of x and gives the limit.
    scaled = np.where(slope == 0, 0, x)
    # A slope above 1 takes the largest inputs past the dtype's maximum, and
    # -inf (or +inf) is then the correctly rounded result.
    with np.errstate(over="ignore"):
        negative = slope * scaled
    out = np.where(x > 0, x, negative)
    return propagate_nan(out, x)


def _clip_like_maximum(x, low, high, out):
    """Return ``np.minimum(np.maximum(x, low), high)`` for scalar bounds, into `out` if given.

    np.maximum and np.minimum with a scalar miss NumPy's SIMD loop for
    float32, where np.clip takes it, at about a third of the time. The
    results differ only where `x` equals a bound: clip returns `x` and
    np.maximum its second operand, which are the same value and differ
    only for zeros of opposite sign. Adding +0 after the clip turns -0.0
    into the +0 that np.maximum returns for a lower bound of +0 and
    changes nothing else. With an upper bound the clip wins in float64
    too, one pass against two; a lower bound of -0.0 keeps np.maximum.
    """
    negative_zero_low = low == 0 and np.signbit(low)
    if negative_zero_low or (x.dtype != np.float32 and high == np.inf):
        result = np.maximum(x, low, out=out)
        if high == np.inf:
            return result
        return np.minimum(result, high, out=result)
    result = np.clip(x, low, high, out=_buffer(out, x))
    if low == 0:
        np.add(result, low, out=result)
    return result


def _buffer(out, x):
    """Return `out`, or a new array like `x` where it is None.

    Ufuncs return a NumPy scalar for 0-d input without `out`, which the
    in-place steps that follow could not write into.
    """
    return np.empty_like(x) if out is None else out


def _lookup(mask, if_false, if_true, dtype):
    """Return `if_true` where `mask` is true and `if_false` elsewhere, in `dtype`.

    Indexing a two-element table with the mask's bytes copies each value
    exactly in one pass, which is faster than np.where with two scalars.
    """
    table = np.array([if_false, if_true], dtype=dtype)
    return np.asarray(table[np.asarray(mask).view(np.uint8)])


def _step_below_zero(x, slope, out=None):
    """Return 1 where ``x > 0`` and `slope` elsewhere, with NaN kept, into `out` if given.

    `out` may be `x` itself only for a scalar slope in [0, 1].
    """
    if np.ndim(slope) == 0 and 0 <= slope <= 1 and not np.signbit(slope):
        # Clipping the step of 0s and 1s to [slope, 1] lifts each 0 to the
        # slope and keeps each 1 and each NaN, exactly and in one pass that
        # needs no selection mask. A zero slope ties with the 0s, which
        # clip returns unchanged as +0, the slope itself.
        step = indicator(x > 0, x, out)
        return np.clip(step, slope, x.dtype.type(1), out=step)
    below = (x <= 0)
    if np.ndim(slope) == 0:
        out = _lookup(below, 1, slope, x.dtype)
    else:
        # A 0/1 mask times the slopes plus its complement is exact, because
        # each element is 1 * slope + 0 or 0 * slope + 1.
        below = np.asarray(below).astype(x.dtype)
        out = below * slope
        out += 1 - below
    return propagate_nan(out, x)


def _scalar_step_out(out, x, dtype, slope):
    """Return `out` where `_step_below_zero` can write into it directly, else None."""
    if np.ndim(slope) != 0:
        return None
    return direct_out(out, x, dtype)


def relu(x, *, out=None):
    r"""Compute the rectified linear unit elementwise.

    .. math::

        \operatorname{relu}(x) = \max(x, 0)

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
    # -0.0 becomes +0, as np.maximum(x, 0) gives, and NaN passes through.
    bounds = x.dtype.type(0), x.dtype.type(np.inf)
    return finish(_clip_like_maximum(x, *bounds, direct_out(out, x, dtype)), dtype, out)


def relu_derivative(x, *, out=None):
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
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

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
    return finish(indicator(x > 0, x, direct_out(out, x, dtype)), dtype, out)


def relu6(x, *, out=None):
    r"""Compute the rectified linear unit capped at 6 elementwise.

    .. math::

        \mathrm{relu6}(x) = \min(\max(x, 0), 6)

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
        :math:`\min(\max(x, 0), 6)`, in :math:`[0, 6]`; NaN stays NaN.

    See Also
    --------
    relu6_derivative : The derivative, 1 on :math:`(0, 6)` and 0 elsewhere.
    relu : The same without the cap.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.relu6([-1.0, 0.0, 3.5, 6.0, 1e9])
    array([0. , 0. , 3.5, 6. , 6. ])
    """
    x, dtype = as_float_array(x)
    # As in relu, -0.0 becomes +0, and NaN passes through.
    bounds = x.dtype.type(0), x.dtype.type(6)
    return finish(_clip_like_maximum(x, *bounds, direct_out(out, x, dtype)), dtype, out)


def relu6_derivative(x, *, out=None):
    r"""Compute the derivative of the rectified linear unit capped at 6 elementwise.

    .. math::

        \mathrm{relu6}'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & \text{otherwise} \end{cases}

    At both kinks, :math:`x = 0` and :math:`x = 6`, the derivative is
    **0**, as in PyTorch (``hardtanh`` backward), JAX (``jax.nn.relu6``)
    and TensorFlow (``Relu6Grad``), so also in Keras, whose ``relu6`` calls
    one of them. At 0 it is the derivative from the left and at 6 the one
    from the right.

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
        1 where :math:`0 < x < 6`, 0 elsewhere; NaN stays NaN.

    See Also
    --------
    relu6 : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.relu6_derivative([-1.0, 0.0, 3.5, 6.0, 7.0])
    array([0., 0., 1., 0., 0.])
    """
    x, dtype = as_float_array(x)
    inside = (x > 0) & (x < 6)
    return finish(indicator(inside, x, direct_out(out, x, dtype)), dtype, out)


def leaky_relu(x, negative_slope=0.01, *, out=None):
    r"""Compute the leaky rectified linear unit elementwise.

    .. math::

        \mathrm{leaky\_relu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}

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
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

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
    prelu : The same with one slope per channel.

    Notes
    -----
    With ``negative_slope=0`` the result at :math:`-\infty` is 0, the
    limit, where the product :math:`0 \cdot (-\infty)` would be NaN. A
    slope above 1 overflows to :math:`-\infty` for inputs near the most
    negative finite number, which is the correctly rounded result.

    Examples
    --------
    >>> import nonlin
    >>> import numpy as np
    >>> nonlin.leaky_relu(np.array([-2, -0.5, 0, 1.5], dtype=np.float32), negative_slope=2.0)
    array([-4. , -1. ,  0. ,  1.5], dtype=float32)
    """
    x, dtype = as_float_array(x)
    slope = x.dtype.type(check_parameter(negative_slope, "negative_slope", dtype=dtype))
    return finish(_slope_below_zero(x, slope, direct_out(out, x, dtype, alias_ok=False)), dtype, out)


def leaky_relu_derivative(x, negative_slope=0.01, *, out=None):
    r"""Compute the derivative of the leaky rectified linear unit elementwise.

    .. math::

        \mathrm{leaky\_relu}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}

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
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

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
    return finish(_step_below_zero(x, slope, _scalar_step_out(out, x, dtype, slope)), dtype, out)


def _as_weight(weight, x, dtype, name="weight"):
    """Return `weight` in the dtype of `x` after checking its type, shape and values.

    The weight must be real, broadcast to the shape of `x` without
    enlarging it, be finite, and stay finite in `dtype`. Errors name the
    first offending value and its index.
    """
    array = np.asarray(weight)
    if array.dtype.kind not in "fiu":
        raise TypeError(
            f"{name} has dtype {array.dtype}, but it must contain real numbers: "
            f"pass a float array or a float, for example np.asarray({name}, dtype=np.float64)."
        )
    try:
        shape = np.broadcast_shapes(array.shape, x.shape)
    except ValueError:
        shape = None
    if shape != x.shape:
        raise ValueError(
            f"{name} of shape {array.shape} does not broadcast to x of shape {x.shape}: "
            "for one slope per channel of an (N, C, H, W) input, pass an array of shape (C, 1, 1)."
        )
    values = array.astype(np.float64)
    _check_finite_values(values, name, "every slope must be a finite number")
    with np.errstate(over="ignore"):
        overflows = ~np.isfinite(values.astype(dtype))
    if overflows.any():
        where = _describe_first(values, overflows, name)
        raise ValueError(f"{where} overflows {np.dtype(dtype)}: use a smaller {name} or compute in float64.")
    return values.astype(x.dtype)


def _check_finite_values(values, name, requirement):
    """Raise ValueError naming the first non-finite element of the float64 array `values`."""
    bad = ~np.isfinite(values)
    if bad.any():
        where = _describe_first(values, bad, name)
        raise ValueError(f"{where} is invalid: {requirement} ({int(bad.sum())} of {values.size} are not).")


def _describe_first(values, mask, name):
    """Return text such as ``weight[1, 0, 0]=nan`` for the first element of `values` where `mask` is true."""
    if values.ndim == 0:
        return f"{name}={float(values)!r}"
    index = tuple(int(i) for i in np.argwhere(mask)[0])
    return f"{name}[{', '.join(map(str, index))}]={float(values[index])!r}"


def prelu(x, weight=0.25, *, out=None):
    r"""Compute the parametric rectified linear unit elementwise.

    .. math::

        \operatorname{prelu}(x) = \begin{cases} x & x > 0 \\ w x & x \le 0 \end{cases}

    where the slope :math:`w` comes from `weight`, which may hold one slope
    per channel.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    weight : float or array_like, default 0.25
        The negative slopes: a scalar, or an array that broadcasts to the
        shape of `x` by NumPy's rules (trailing axes aligned), so one slope
        per channel of an ``(N, C, H, W)`` input has shape ``(C, 1, 1)``.
        Every slope must be finite. The default 0.25 is the initial value of
        PyTorch's ``nn.PReLU``; Keras's ``PReLU`` layer starts at 0.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The PReLU of `x`, with the shape and dtype of `x`.

    Raises
    ------
    TypeError
        If `weight` is not real (complex, bool, strings).
    ValueError
        If `weight` does not broadcast to the shape of `x`, contains a NaN or
        infinity, or overflows the dtype of `x`. The message names the
        first such value and its index.

    See Also
    --------
    prelu_derivative : The derivative with respect to `x`.
    leaky_relu : The same with one fixed slope.

    Notes
    -----
    PyTorch's ``prelu`` takes a 1-d weight of C slopes and applies it along
    axis 1; here the weight follows NumPy broadcasting, so reshape such a
    weight to ``(C, 1, 1)`` (or ``(C, 1)`` for ``(N, C, L)`` input). A
    weight that would enlarge `x` by broadcasting is rejected rather than
    producing a larger output. Slopes are rounded to the dtype of `x`, so
    float32 input keeps float32 results.

    Examples
    --------
    >>> import nonlin
    >>> import numpy as np
    >>> nonlin.prelu([-2.0, 0.0, 3.0])
    array([-0.5,  0. ,  3. ])
    >>> x = -np.ones((1, 2, 1, 3))
    >>> nonlin.prelu(x, weight=np.array([0.1, 0.5]).reshape(2, 1, 1))[0, :, 0]
    array([[-0.1, -0.1, -0.1],
           [-0.5, -0.5, -0.5]])
    """
    x, dtype = as_float_array(x)
    slope = _as_weight(weight, x, dtype)
    return finish(_slope_below_zero(x, slope, direct_out(out, x, dtype, alias_ok=False)), dtype, out)


def prelu_derivative(x, weight=0.25, *, out=None):
    r"""Compute the derivative of the parametric rectified linear unit with respect to `x`.

    .. math::

        \frac{\partial \operatorname{prelu}}{\partial x} =
        \begin{cases} 1 & x > 0 \\ w & x \le 0 \end{cases}

    At the kink :math:`x = 0` the derivative is **w**, the one-sided
    derivative from the left, as in PyTorch (``input > 0 ? grad : weight *
    grad``). Keras builds PReLU from two ReLUs and so returns 0 there; JAX
    has no PReLU (Flax's ``nn.PReLU`` selects ``x >= 0`` and returns 1).

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    weight : float or array_like, default 0.25
        The negative slopes, a scalar or an array that broadcasts to the
        shape of `x`, as for :func:`prelu`.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        1 where :math:`x > 0` and the broadcast slope elsewhere, with the
        shape and dtype of `x`; NaN stays NaN.

    Raises
    ------
    TypeError
        If `weight` is not real.
    ValueError
        If `weight` does not broadcast to the shape of `x`, contains a NaN or
        infinity, or overflows the dtype of `x`.

    See Also
    --------
    prelu : The function itself.

    Notes
    -----
    The derivative with respect to the weight, which training also needs,
    is :math:`\min(x, 0)` summed over the axes the weight is broadcast along.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.prelu_derivative([-2.0, 0.0, 3.0], weight=0.1)
    array([0.1, 0.1, 1. ])
    """
    x, dtype = as_float_array(x)
    slope = _as_weight(weight, x, dtype)
    if slope.ndim == 0:
        slope = slope[()]
    return finish(_step_below_zero(x, slope, _scalar_step_out(out, x, dtype, slope)), dtype, out)


def _check_rrelu_bounds(lower, upper, dtype):
    """Return `lower` and `upper` as floats after checking 0 <= lower <= upper."""
    lower = check_parameter(lower, "lower", low=0, dtype=dtype)
    upper = check_parameter(upper, "upper", low=lower, dtype=dtype)
    return lower, upper


def _check_training(training):
    if not isinstance(training, (bool, np.bool_)):
        raise TypeError(
            f"training must be True or False, got {training!r}. "
            "To pass a generator, use the keyword: rng=np.random.default_rng(seed)."
        )
    return bool(training)


def _draw_slopes(rng, lower, upper, shape):
    """Draw one slope per element from the uniform distribution on [lower, upper]."""
    if not isinstance(rng, np.random.Generator):
        got = "no generator" if rng is None else f"rng of type {type(rng).__name__}"
        raise TypeError(
            f"training=True draws random slopes, but got {got}: "
            "pass a NumPy Generator, as rng=np.random.default_rng(seed)."
        )
    slopes = rng.uniform(lower, upper, size=shape)
    # uniform computes lower + (upper - lower) * u, which can round to just
    # above upper; clipping keeps every slope within the stated bounds.
    return np.clip(slopes, lower, upper)


def _check_slopes(slopes, x, lower, upper):
    """Return the float64 `slopes` after checking shape, finiteness and bounds."""
    array = np.asarray(slopes)
    if array.dtype.kind not in "fiu":
        raise TypeError(f"slopes has dtype {array.dtype}, but it must contain real numbers: pass the slopes rrelu returned.")
    try:
        shape = np.broadcast_shapes(array.shape, x.shape)
    except ValueError:
        shape = None
    if shape != x.shape:
        raise ValueError(
            f"slopes of shape {array.shape} does not broadcast to x of shape {x.shape}: "
            "pass the slopes that rrelu returned for this x."
        )
    values = array.astype(np.float64)
    _check_finite_values(values, "slopes", "every slope must be a finite number")
    outside = (values < lower) | (values > upper)
    if outside.any():
        where = _describe_first(values, outside, "slopes")
        raise ValueError(
            f"{where} is out of range: every slope must be in [{lower:g}, {upper:g}], "
            "the bounds given to rrelu. Pass the same lower and upper to both functions."
        )
    return values


def rrelu(x, lower=1 / 8, upper=1 / 3, training=False, rng=None, *, return_slopes=False, out=None):
    r"""Compute the randomized leaky rectified linear unit elementwise.

    .. math::

        \operatorname{rrelu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}

    In evaluation mode (the default) the slope is the mean
    :math:`a = (l + u)/2` of the bounds `lower` and `upper`. In training
    mode each element gets its own slope :math:`a`, drawn uniformly from
    :math:`[l, u]` with the Generator `rng`.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    lower : float, default 1/8
        The lower bound :math:`l` of the slopes; finite and >= 0.
    upper : float, default 1/3
        The upper bound :math:`u` of the slopes; finite and >= `lower`.
    training : bool, default False
        False for the deterministic evaluation form, True to draw random
        slopes.
    rng : numpy.random.Generator, optional
        The source of the slopes, required when `training` is True and
        ignored otherwise. A Generator in the same state gives the same
        slopes, so ``np.random.default_rng(seed)`` makes a run reproducible.
    return_slopes : bool, default False
        If True, return ``(result, slopes)``: `slopes` is a float64 array
        with the shape of `x` holding the slope drawn for every element
        (positive ones included) in training mode, and None in evaluation
        mode. Pass it to :func:`rrelu_derivative` as ``slopes=``.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The RReLU of `x`; with `return_slopes`, the tuple described above.

    Raises
    ------
    TypeError
        If `training` is not a bool, or if `training` is True and `rng` is
        not a ``numpy.random.Generator``.
    ValueError
        If `lower` or `upper` is not finite, `lower` < 0, or `upper` <
        `lower`.

    See Also
    --------
    rrelu_derivative : The derivative, 1 or the slope.
    leaky_relu : The evaluation form, with ``negative_slope=(lower + upper) / 2``.

    Notes
    -----
    The defaults and the evaluation form follow PyTorch's ``nn.RReLU``;
    JAX and Keras have no RReLU. PyTorch draws slopes only for elements
    :math:`\le 0`, from its own generator. This function draws one for
    every element, so the draw depends only on the shape of `x`, and a
    Generator in the same state reproduces it in :func:`rrelu_derivative`.
    Slopes are rounded to the dtype of `x` before they multiply it.

    Examples
    --------
    >>> import nonlin
    >>> import numpy as np
    >>> nonlin.rrelu([-2.0, 3.0], lower=0.1, upper=0.3)
    array([-0.4,  3. ])
    >>> out, slopes = nonlin.rrelu([-2.0, 3.0], training=True, rng=np.random.default_rng(0),
    ...                            return_slopes=True)
    >>> bool(np.all((1 / 8 <= slopes) & (slopes <= 1 / 3)))
    True
    >>> bool(out[0] == -2.0 * slopes[0])
    True
    """
    x, dtype = as_float_array(x)
    lower, upper = _check_rrelu_bounds(lower, upper, dtype)
    training = _check_training(training)
    if training:
        slopes = _draw_slopes(rng, lower, upper, x.shape)
        slope = slopes.astype(x.dtype)
    else:
        slopes = None
        # Halving each bound first cannot overflow, unlike lower + upper.
        slope = x.dtype.type(lower / 2 + upper / 2)
    result = finish(_slope_below_zero(x, slope, direct_out(out, x, dtype, alias_ok=False)), dtype, out)
    if return_slopes:
        return result, slopes
    return result


def rrelu_derivative(x, lower=1 / 8, upper=1 / 3, training=False, rng=None, *, slopes=None, out=None):
    r"""Compute the derivative of the randomized leaky rectified linear unit elementwise.

    .. math::

        \operatorname{rrelu}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}

    In evaluation mode :math:`a = (l + u)/2`. In training mode :math:`a`
    is the slope each element was given by :func:`rrelu`, so the derivative
    needs the same slopes:

    * ``slopes=`` the array that ``rrelu(..., return_slopes=True)``
      returned (preferred), or
    * ``rng=`` a Generator in the same state as the one passed to
      :func:`rrelu`, for example a fresh ``np.random.default_rng(seed)``
      with the same seed, which draws the same slopes again.

    At the kink :math:`x = 0` the derivative is **a**, the one-sided
    derivative from the left, as in PyTorch.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    lower : float, default 1/8
        The lower bound :math:`l` of the slopes; finite and >= 0.
    upper : float, default 1/3
        The upper bound :math:`u` of the slopes; finite and >= `lower`.
    training : bool, default False
        False for the derivative of the evaluation form, True for that of
        the training form.
    rng : numpy.random.Generator, optional
        In training mode without `slopes`, the Generator to draw the slopes
        from, in the state :func:`rrelu` saw. Ignored in evaluation mode.
    slopes : array_like, optional
        In training mode, the slopes that :func:`rrelu` returned: an array
        that broadcasts to the shape of `x`, with every value finite and in
        ``[lower, upper]``. Must be None in evaluation mode.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        1 where :math:`x > 0` and the slope elsewhere; NaN stays NaN.

    Raises
    ------
    TypeError
        If `training` is not a bool, or if `training` is True and neither
        `slopes` nor a ``numpy.random.Generator`` is given.
    ValueError
        If the bounds are invalid, if both `slopes` and `rng` are given, if
        `slopes` is given in evaluation mode, or if `slopes` has the wrong
        shape or values outside ``[lower, upper]``.

    See Also
    --------
    rrelu : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> import numpy as np
    >>> nonlin.rrelu_derivative([-2.0, 0.0, 3.0], lower=0.1, upper=0.3)
    array([0.2, 0.2, 1. ])
    >>> x = np.array([-2.0, 3.0])
    >>> _, slopes = nonlin.rrelu(x, training=True, rng=np.random.default_rng(0), return_slopes=True)
    >>> bool(nonlin.rrelu_derivative(x, training=True, slopes=slopes)[0] == slopes[0])
    True
    """
    x, dtype = as_float_array(x)
    lower, upper = _check_rrelu_bounds(lower, upper, dtype)
    training = _check_training(training)
    if not training:
        if slopes is not None:
            raise ValueError(
                "slopes were given with training=False, but evaluation mode uses the mean slope "
                "(lower + upper) / 2: pass training=True, or drop slopes."
            )
        slope = x.dtype.type(lower / 2 + upper / 2)
    elif slopes is not None:
        if rng is not None:
            raise ValueError("both slopes and rng were given: pass slopes (from rrelu) or rng, not both.")
        slope = _check_slopes(slopes, x, lower, upper).astype(x.dtype)
    elif rng is None:
        raise TypeError(
            "training=True needs the slopes rrelu used: pass slopes= from "
            "rrelu(..., return_slopes=True), or rng= a Generator in the state rrelu saw, "
            "such as np.random.default_rng(seed) with the same seed."
        )
    else:
        slope = _draw_slopes(rng, lower, upper, x.shape).astype(x.dtype)
    return finish(_step_below_zero(x, slope, _scalar_step_out(out, x, dtype, slope)), dtype, out)


def _comparison_limit(limit, x):
    """Return the largest value of the dtype of `x` at or below the float `limit`.

    For `x` of that dtype, ``x <= result`` holds exactly where ``x <= limit``
    does in exact arithmetic, and ``x > result`` where ``x > limit``,
    because no value of the dtype lies between the two. So the comparison
    runs in the dtype of `x` and stays exact for a limit that the dtype
    cannot hold: in float32, ``0.1`` rounds up to ``0.10000000149``, which
    lies above the limit 0.1, and the limit becomes ``0.099999994``.
    """
    # A limit beyond the dtype's range rounds to +-inf; stepping down from
    # +inf gives the largest finite value, and -inf is already at or below.
    with np.errstate(over="ignore"):
        converted = x.dtype.type(limit)
    # float() first, because NEP 50 would compare a Python float in float32.
    if float(converted) > limit:
        converted = np.nextafter(converted, x.dtype.type(-np.inf))
    return converted


def _select_bits(replace, x, value, out):
    """Return the scalar `value` where the boolean `replace` is true and `x` elsewhere, bit for bit, into `out`.

    Selecting through the integer view, ``x ^ ((x ^ value) & mask)`` with
    a mask of all ones or all zeros, copies either operand exactly (signed
    zeros, infinities and NaN included) in array passes without a
    data-dependent branch, where np.where costs several times as much.
    `replace` is overwritten, and `out` must not share memory with `x`.
    """
    bits = np.dtype(f"i{x.dtype.itemsize}")
    value_bits = np.asarray(value, dtype=x.dtype).view(bits)[()]
    # True is 1 and False 0 as int8, so negating gives -1 (all ones) or 0,
    # which the bitwise AND widens to the integer size with its sign.
    # asarray, because a comparison on 0-d input returns a scalar.
    mask = np.asarray(replace).view(np.int8)
    np.negative(mask, out=mask)
    x_bits = x.view(bits)
    result = np.bitwise_xor(x_bits, value_bits, out=out.view(bits))
    np.bitwise_and(result, mask, out=result)
    np.bitwise_xor(result, x_bits, out=result)
    return out


def threshold(x, threshold=0.0, value=0.0, *, out=None):
    r"""Replace every input at or below a threshold by a fixed value, elementwise.

    .. math::

        \operatorname{threshold}(x) = \begin{cases} x & x > t \\ v & x \le t \end{cases}

    where :math:`t` is `threshold` and :math:`v` is `value`.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    threshold : float, default 0.0
        The threshold :math:`t`; any finite value.
    value : float, default 0.0
        The replacement :math:`v`; finite and within the range of the dtype
        of `x`.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        `x` where :math:`x > t` and `value` elsewhere; NaN stays NaN.

    Raises
    ------
    ValueError
        If `threshold` or `value` is not finite, or `value` overflows the
        dtype of `x`.

    See Also
    --------
    threshold_derivative : The derivative, 1 above the threshold and 0 elsewhere.
    relu : The case ``threshold=0, value=0``, which the defaults give.

    Notes
    -----
    This is PyTorch's ``nn.Threshold``, which requires both parameters;
    JAX and Keras have no such activation. The defaults here make it the
    ReLU so that it can be called with `x` alone; pass both to get anything
    else, for example ``threshold(x, 0.1, 20.0)``. With :math:`v \ne t` the
    function jumps at :math:`t`.

    The comparison uses `threshold` in float64, so the split between kept
    and replaced inputs is exact even for a threshold that the dtype of `x`
    cannot hold: in float32, ``0.1`` rounds up to ``0.10000000149``, which
    is kept.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.threshold([-1.0, 0.1, 0.5, 2.0], threshold=0.1, value=20.0)
    array([20. , 20. ,  0.5,  2. ])
    """
    x, dtype = as_float_array(x)
    checked_threshold = check_parameter(threshold, "threshold")
    checked_value = check_parameter(value, "value", dtype=dtype)
    replacement = x.dtype.type(checked_value)
    if checked_value == checked_threshold:
        # With v == t the function is max(x, v), one pass without a mask. It
        # matches the selection even where the dtype rounds v, because every
        # input above t is at least the rounded v and every other input at
        # most it. NaN passes through.
        return finish(_clip_like_maximum(x, replacement, x.dtype.type(np.inf), direct_out(out, x, dtype)), dtype, out)
    limit = _comparison_limit(checked_threshold, x)
    # x <= t is false for NaN, which keeps NaN.
    result = _select_bits(x <= limit, x, replacement, output_array(out, x, dtype, alias_ok=False))
    return finish(result, dtype, out)


def threshold_derivative(x, threshold=0.0, value=0.0, *, out=None):
    r"""Compute the derivative of :func:`threshold` elementwise.

    .. math::

        \operatorname{threshold}'(x) = \begin{cases} 1 & x > t \\ 0 & x \le t \end{cases}

    At :math:`x = t` the derivative is **0**, the one-sided derivative from
    the left, as in PyTorch (``threshold_backward`` passes no gradient where
    ``x <= threshold``). Where :math:`v \ne t` the function jumps at
    :math:`t` and has no derivative there; 0 is still what is returned.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    threshold : float, default 0.0
        The threshold :math:`t`; any finite value.
    value : float, default 0.0
        The replacement value; it does not change the derivative but is
        checked as in :func:`threshold`.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        1 where :math:`x > t`, 0 elsewhere; NaN stays NaN.

    Raises
    ------
    ValueError
        If `threshold` or `value` is not finite, or `value` overflows the
        dtype of `x`.

    See Also
    --------
    threshold : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.threshold_derivative([-1.0, 0.1, 0.5], threshold=0.1, value=20.0)
    array([0., 0., 1.])
    """
    x, dtype = as_float_array(x)
    limit = _comparison_limit(check_parameter(threshold, "threshold"), x)
    check_parameter(value, "value", dtype=dtype)
    return finish(indicator(x > limit, x, direct_out(out, x, dtype)), dtype, out)


def elu(x, alpha=1.0, *, out=None):
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
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

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
    celu : A rescaled ELU whose derivative is continuous for every alpha.
    selu : A scaled ELU with fixed constants.

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
    # np.minimum returns its second operand for equal inputs, so -0.0
    # becomes +0 here, as the selection x > 0 gave before.
    result = np.minimum(x, 0, out=np.empty_like(x))
    np.expm1(result, out=result)
    if alpha != 1:
        result *= alpha
    if alpha <= 1:
        # For x < 0, alpha * expm1(x) >= expm1(x) > x even after rounding,
        # because x is a float below the true value. So max(x, negative
        # side) picks x only where x > 0, without a mask; ties return the
        # second operand, which keeps a product that underflowed to -0.0.
        return finish(np.maximum(x, result, out=result), dtype, out)
    # Above 1, alpha * expm1(x) is 0 only at x = 0, so adding max(x, 0)
    # adds 0 to one side or the other and changes no value or sign.
    result += np.maximum(x, 0)
    return finish(result, dtype, out)


def elu_derivative(x, alpha=1.0, *, out=None):
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
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

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
    result = _exp_nonpositive(x, direct_out(out, x, dtype, alias_ok=False))
    if alpha <= 1:
        # For x <= 0 the product alpha e^x is at most alpha <= 1, and for
        # x > 0 it is alpha. So the maximum with the mask x > 0, as 0 or 1,
        # keeps the product where x <= 0 and gives 1 where x > 0, in one
        # pass. A tie returns the mask's value, which then equals the
        # product, and NaN passes through.
        if alpha != 1:
            result *= alpha
        return finish(np.maximum(result, x > 0, out=result), dtype, out)
    return finish(_times_step(result, x, alpha, x.dtype.type(1)), dtype, out)


def _exp_nonpositive(x, out=None):
    """Return ``e^x`` where x <= 0 and a value in [0, 1] elsewhere, NaN kept, into `out` if given.

    The value for x > 0 is 1 with any exp that rounds e^x >= 1 to at least
    1, and the callers force their result there without relying on it.
    For float32, x is clipped to at most 0 first: np.clip takes NumPy's
    SIMD loop, and the exponential of the zeros is exactly 1. For float64,
    NumPy calls the C library's exp, which in glibc takes a separate
    branch near 0; zeros interleaved with other inputs mispredict it, at
    about 4 ns each. So float64 exponentiates x itself (overflow to inf is
    harmless) and clips the result to at most 1 instead.
    """
    result = _buffer(out, x)
    if x.dtype == np.float64:
        with np.errstate(over="ignore"):
            np.exp(x, out=result)
        return np.clip(result, 0.0, 1.0, out=result)
    np.clip(x, x.dtype.type(-np.inf), x.dtype.type(0), out=result)
    return np.exp(result, out=result)


def _times_step(exponential, x, below, above):
    """Return ``below * exponential`` where ``x <= 0`` and `above` elsewhere, overwriting `exponential`.

    `exponential` comes from `_exp_nonpositive`, and ``below >= above >
    0``. There is no data-dependent branch, and each result where x <= 0
    is the same single rounding of a product as a selection would give.
    NaN is false in the mask x <= 0 and stays NaN through the product.
    """
    factor = np.multiply(x <= 0, below, out=np.empty_like(x))
    if x.dtype != np.float64:
        # The exponential is exactly 1 where x > 0, so the factor, the mask
        # times `below` raised to at least `above`, gives the result.
        np.clip(factor, above, x.dtype.type(np.inf), out=factor)
        return np.multiply(exponential, factor, out=exponential)
    # For float64 the exponential where x > 0 is at most 1, and 1 only for
    # an exp that rounds e^x >= 1 to at least 1. So the result there comes
    # from a bound: where x <= 0, ``(x <= 0) * below + above`` is at least
    # `below` and the minimum keeps the product; where x > 0 it is
    # `above`, below the product, and the minimum returns it.
    np.multiply(exponential, below, out=exponential)
    factor += above
    return np.minimum(exponential, factor, out=exponential)


def _celu_alpha(alpha, x, dtype):
    """Return `alpha` checked and converted to the dtype of `x`."""
    checked = check_parameter(alpha, "alpha", low=0, low_inclusive=False, dtype=dtype)
    converted = x.dtype.type(checked)
    if converted == 0:
        raise ValueError(
            f"alpha={checked!r} underflows to 0 in {x.dtype}, and celu divides by alpha: "
            f"use alpha >= {float(np.finfo(x.dtype).smallest_normal):g} or compute in float64."
        )
    return checked, converted


def _celu_quotient(x, alpha, converted, out=None):
    """Return ``min(x, 0) / alpha`` without overflow, for the exponentials of CELU, into `out` if given.

    Inputs below ``-800 * alpha`` are raised to it first: e^(-800) is 0 in
    every float dtype, so the results are unchanged, and the quotient stays
    finite even for a tiny alpha. A zero keeps the sign of `x` (np.clip
    returns `x` where it equals a bound), and dividing by alpha = 1 is
    skipped, as it changes nothing.
    """
    floor = max(-800.0 * alpha, -float(np.finfo(x.dtype).max))
    quotient = np.clip(x, x.dtype.type(floor), x.dtype.type(0), out=_buffer(out, x))
    if converted != 1:
        quotient /= converted
    return quotient


def celu(x, alpha=1.0, *, out=None):
    r"""Compute the continuously differentiable exponential linear unit elementwise.

    .. math::

        \operatorname{celu}(x) = \max(0, x) + \min\bigl(0, \alpha\,(e^{x/\alpha} - 1)\bigr)

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    alpha : float, default 1.0
        The negative saturation value :math:`-\alpha`; must be finite and
        > 0 (PyTorch also accepts negative values, and rejects only 0).
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The CELU of `x`, in :math:`(-\alpha, \infty)`.

    Raises
    ------
    ValueError
        If `alpha` is not a finite number > 0, or underflows to 0 in the
        dtype of `x`.

    See Also
    --------
    celu_derivative : The derivative, 1 or :math:`e^{x/\alpha}`.
    elu : The same for ``alpha=1``; other alphas scale it differently.

    Notes
    -----
    The negative side is :math:`\alpha\,\operatorname{expm1}(x/\alpha)`,
    since :math:`e^{x/\alpha} - 1` cancels for small :math:`|x|`. Where
    :math:`|x/\alpha|` is below the machine epsilon the result is `x`
    itself: a large alpha would otherwise push the quotient into the
    subnormal range, whose lost bits a multiplication by alpha cannot
    restore. Inputs far below :math:`-\alpha` are clipped before the
    division so that a tiny alpha cannot overflow it.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.celu([-1000.0, -1.0, 0.0, 2.0], alpha=2.0)
    array([-2.        , -0.78693868,  0.        ,  2.        ])
    """
    x, dtype = as_float_array(x)
    alpha, converted = _celu_alpha(alpha, x, dtype)
    quotient = _celu_quotient(x, alpha, converted)
    # Negative inputs whose quotient is below eps in magnitude, or has
    # underflowed to -0.0, return x. They are found before the quotient is
    # overwritten, and there are usually none.
    eps = np.finfo(x.dtype).eps
    tiny = (quotient > -eps) & (x < 0)
    negative = np.expm1(quotient, out=quotient)
    if converted != 1:
        negative *= converted
    # For x >= 0 the negative side alpha expm1(0) is a zero with the sign
    # of x, and for x < 0 the positive side clip(x, 0, inf) is +0. So the
    # sum of the two sides is x for x >= 0, signed zeros included, and the
    # negative side for x < 0, with no selection. NaN passes through both.
    result = np.clip(x, x.dtype.type(0), x.dtype.type(np.inf), out=output_array(out, x, dtype, alias_ok=False))
    result += negative
    if tiny.any():
        np.copyto(result, x, where=tiny)
    return finish(result, dtype, out)


def celu_derivative(x, alpha=1.0, *, out=None):
    r"""Compute the derivative of the continuously differentiable exponential linear unit elementwise.

    .. math::

        \operatorname{celu}'(x) = \begin{cases} 1 & x > 0 \\ e^{x/\alpha} & x \le 0 \end{cases}

    Both one-sided derivatives at :math:`x = 0` are 1, for every alpha, so
    there is no kink; PyTorch and JAX return 1 there too.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    alpha : float, default 1.0
        The negative saturation value; must be finite and > 0.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The derivative of the CELU at `x`, in :math:`[0, 1]`.

    Raises
    ------
    ValueError
        If `alpha` is not a finite number > 0, or underflows to 0 in the
        dtype of `x`.

    See Also
    --------
    celu : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.celu_derivative([-2.0, 0.0, 1.0], alpha=2.0)
    array([0.36787944, 1.        , 1.        ])
    """
    x, dtype = as_float_array(x)
    alpha, converted = _celu_alpha(alpha, x, dtype)
    if x.dtype == np.float64:
        # As in elu_derivative, float64 exponentiates x / alpha itself, and
        # the maximum with the mask x > 0 (as 0 or 1) gives 1 there. A
        # quotient beyond the float64 range has the exponential of its
        # clipped form, inf (clipped to 1) or 0.
        target = direct_out(out, x, dtype, alias_ok=False)
        if converted != 1:
            with np.errstate(over="ignore"):
                target = np.divide(x, converted, out=_buffer(target, x))
            quotient = target
        else:
            quotient = x
        result = _exp_nonpositive(quotient, target)
        return finish(np.maximum(result, x > 0, out=result), dtype, out)
    # The quotient is 0 for x > 0, whose exponential is exactly 1, so no
    # selection is needed, and NaN passes through.
    result = _celu_quotient(x, alpha, converted, direct_out(out, x, dtype))
    return finish(np.exp(result, out=result), dtype, out)


def selu(x, *, out=None):
    r"""Compute the scaled exponential linear unit elementwise.

    .. math::

        \operatorname{selu}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}

    with :math:`\alpha = 1.6732632423543772848170429916717` and
    :math:`\lambda = 1.0507009873554804934193349852946`, the constants of
    Klambauer et al. (2017) that make zero mean and unit variance a fixed
    point of a layer.

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
        The SELU of `x`, in :math:`(-\lambda\alpha, \infty)`, where
        :math:`\lambda\alpha \approx 1.7581`.

    See Also
    --------
    selu_derivative : The derivative, :math:`\lambda` or :math:`\lambda\alpha e^{x}`.
    elu : The unscaled form.

    Notes
    -----
    The negative side multiplies :math:`\operatorname{expm1}(x)` by the
    product :math:`\lambda\alpha` rounded once from its exact value,
    rather than by :math:`\lambda` and :math:`\alpha` in turn, which saves
    a rounding: ``selu(-1.0)`` is the correctly rounded
    ``-1.1113307378125628``, where PyTorch 2.13's three roundings give
    ``-1.1113307378125625``. The positive side overflows to
    :math:`+\infty` for inputs within 5% of the dtype's maximum, which is
    the correctly rounded result.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.selu([-1.0, 0.0, 1.0])
    array([-1.11133074,  0.        ,  1.05070099])
    """
    x, dtype = as_float_array(x)
    scale = x.dtype.type(_SELU_SCALE)
    scale_alpha = x.dtype.type(_SELU_SCALE_ALPHA)
    # x is read only here, before anything is written, so out may be x.
    # np.minimum returns its second operand for equal inputs, so -0.0
    # becomes +0 and its negative side +0, as the selection gave.
    negative = np.minimum(x, 0, out=np.empty_like(x))
    np.expm1(negative, out=negative)
    negative *= scale_alpha
    # For x >= 0 the negative side scale_alpha * expm1(+0) is +0, and for
    # x < 0 the positive side scale * clip(x, 0, inf) is +0 (-0.0 for
    # x = -0.0, which the +0 of the other side turns into +0). So the sum
    # of the two sides is the side the selection took, and NaN passes
    # through the positive side.
    positive = np.clip(x, x.dtype.type(0), x.dtype.type(np.inf), out=output_array(out, x, dtype))
    with np.errstate(over="ignore"):  # scale * x beyond the max is inf, correctly rounded.
        positive *= scale
    positive += negative
    return finish(positive, dtype, out)


def selu_derivative(x, *, out=None):
    r"""Compute the derivative of the scaled exponential linear unit elementwise.

    .. math::

        \operatorname{selu}'(x) = \begin{cases} \lambda & x > 0 \\ \lambda\alpha\,e^{x} & x \le 0 \end{cases}

    At the kink :math:`x = 0` the derivative is :math:`\lambda\alpha
    \approx 1.7581`, the one-sided derivative from the left, as in PyTorch
    and JAX. TensorFlow's ``SeluGrad``, which Keras uses with that backend,
    returns :math:`\lambda \approx 1.0507` there.

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
        The derivative of the SELU at `x`, in :math:`[0, \lambda\alpha]`.

    See Also
    --------
    selu : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.selu_derivative([-1.0, 0.0, 1.0])
    array([0.6467686 , 1.75809934, 1.05070099])
    """
    x, dtype = as_float_array(x)
    result = _exp_nonpositive(x, direct_out(out, x, dtype, alias_ok=False))
    scale_alpha, scale = x.dtype.type(_SELU_SCALE_ALPHA), x.dtype.type(_SELU_SCALE)
    return finish(_times_step(result, x, scale_alpha, scale), dtype, out)


def _isrlu_split(x, alpha):
    """Split ``min(x, 0)`` into inputs for the direct and the far form of ISRLU.

    Returns ``(near, far, is_far, scale)``. `near` is ``min(x, 0)`` raised
    to at least ``-limit``, where ``limit`` keeps ``alpha * near**2`` below
    a quarter of the dtype's maximum, so ``1 + alpha * near**2`` cannot
    overflow. `far` is ``min(x, 0)`` lowered to at most ``-limit``,
    `is_far` marks the inputs below ``-limit``, and `scale` is
    ``1 / sqrt(alpha)`` in the dtype of `x`.
    """
    largest = float(np.finfo(x.dtype).max)
    limit = math.sqrt(largest / 4) / max(1.0, math.sqrt(alpha))
    negative = np.minimum(x, 0)
    bound = x.dtype.type(-limit)
    near = np.maximum(negative, bound)
    far = np.minimum(negative, bound)
    return near, far, negative < bound, x.dtype.type(1 / math.sqrt(alpha))


def _isrlu_general_input(x, alpha, converted):
    """Return `x` and `alpha` in the dtype the general ISRLU path can use.

    The far form needs 1 / sqrt(alpha), which overflows float32 for alpha
    below about 8.6e-78; the general path then runs in float64, and the
    result is rounded once at the end.
    """
    if 1 / math.sqrt(alpha) > float(np.finfo(x.dtype).max):
        return x.astype(np.float64), np.float64(alpha)
    return x, converted


def _isrlu_all_near(x, alpha):
    """Return True if no input of ISRLU lies below the limit of `_isrlu_split`, so no far form is needed.

    NaN fails the test, and takes the general path, which handles it.
    """
    if x.size == 0:
        return False
    limit = math.sqrt(float(np.finfo(x.dtype).max) / 4) / max(1.0, math.sqrt(alpha))
    return bool(np.min(x) >= -limit)


def _isrlu_near_parts(x, converted):
    """Return ``(min(x, 0), 1 + alpha * min(x, 0)**2)`` with the same roundings as the general path."""
    negative = np.minimum(x, 0, out=np.empty_like(x))
    denominator = np.multiply(negative, converted if converted != 1 else negative, out=np.empty_like(x))
    if converted != 1:
        denominator *= negative
    denominator += 1
    return negative, denominator


def isrlu(x, alpha=1.0, *, out=None):
    r"""Compute the inverse square root linear unit elementwise.

    .. math::

        \operatorname{isrlu}(x) = \begin{cases} x & x \ge 0 \\ \dfrac{x}{\sqrt{1 + \alpha x^2}} & x < 0 \end{cases}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    alpha : float, default 1.0
        Sets the negative saturation value :math:`-1/\sqrt{\alpha}`; must be
        finite and > 0.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The ISRLU of `x`, in :math:`(-1/\sqrt{\alpha}, \infty)`.

    Raises
    ------
    ValueError
        If `alpha` is not a finite number > 0.

    See Also
    --------
    isrlu_derivative : The derivative, 1 or :math:`(1 + \alpha x^2)^{-3/2}`.
    elu : A similar curve built from the exponential.

    Notes
    -----
    The textbook form squares `x`, which overflows once :math:`|x|`
    exceeds about :math:`10^{154}` in float64 (:math:`10^{19}` in float32)
    and then returns 0 instead of :math:`-1/\sqrt{\alpha}`. Beyond that
    point this function uses the equal form
    :math:`-c/\sqrt{1 + (c/x)^2}` with :math:`c = 1/\sqrt{\alpha}`, in
    which nothing overflows. PyTorch, JAX and Keras have no ISRLU.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.isrlu([-1e300, -1.0, 0.0, 2.0])
    array([-1.        , -0.70710678,  0.        ,  2.        ])
    """
    x, dtype = as_float_array(x)
    alpha = check_parameter(alpha, "alpha", low=0, low_inclusive=False, dtype=dtype)
    converted = x.dtype.type(alpha)
    if _isrlu_all_near(x, alpha):
        negative, denominator = _isrlu_near_parts(x, converted)
        np.sqrt(denominator, out=denominator)
        direct = np.divide(negative, denominator, out=denominator)
        # For x < 0 the direct form is x divided by a rounded square root
        # of at least 1, so it is at least x and the maximum picks it. For
        # x >= 0 it is +0 and the maximum picks x, keeping a -0.0, because
        # a tie returns the second operand. NaN passes through.
        return finish(np.maximum(direct, x, out=direct_out(out, x, dtype, alias_ok=False)), dtype, out)
    x, converted = _isrlu_general_input(x, alpha, converted)
    near, far, is_far, scale = _isrlu_split(x, alpha)
    direct = near / np.sqrt(1 + converted * near * near)
    ratio = scale / far
    asymptotic = -scale / np.sqrt(1 + ratio * ratio)
    negative = np.where(is_far, asymptotic, direct)
    result = np.where(x >= 0, x, negative)
    return finish(propagate_nan(result, x), dtype, out)


def isrlu_derivative(x, alpha=1.0, *, out=None):
    r"""Compute the derivative of the inverse square root linear unit elementwise.

    .. math::

        \operatorname{isrlu}'(x) = \begin{cases} 1 & x \ge 0 \\ (1 + \alpha x^2)^{-3/2} & x < 0 \end{cases}

    Both one-sided derivatives at :math:`x = 0` are 1 and so are both
    second derivatives (0), so there is no kink: ISRLU is twice
    continuously differentiable.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.
    alpha : float, default 1.0
        Sets the negative saturation value; must be finite and > 0.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

    Returns
    -------
    ndarray or scalar
        The derivative of the ISRLU at `x`, in :math:`[0, 1]`.

    Raises
    ------
    ValueError
        If `alpha` is not a finite number > 0.

    See Also
    --------
    isrlu : The function itself.

    Notes
    -----
    As in :func:`isrlu`, inputs whose square would overflow use the form
    :math:`\bigl(|q| / \sqrt{1 + q^2}\bigr)^3` with :math:`q = c/x`, which
    underflows to 0 for every alpha that is not itself tiny.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.isrlu_derivative([-1e300, -1.0, 0.0, 2.0])
    array([0.        , 0.35355339, 1.        , 1.        ])
    """
    x, dtype = as_float_array(x)
    alpha = check_parameter(alpha, "alpha", low=0, low_inclusive=False, dtype=dtype)
    converted = x.dtype.type(alpha)
    if _isrlu_all_near(x, alpha):
        # For x >= 0 the base is exactly 1, and so is its power: the
        # direct form needs no selection, and NaN passes through.
        _, base = _isrlu_near_parts(x, converted)
        if x.dtype != np.float32:
            return finish(np.power(base, x.dtype.type(-1.5), out=base), dtype, out)
        # In float32, np.power costs about five times as much as a
        # reciprocal, a square root and a division, and their three
        # roundings stay within the bar. Checked against float64 on every
        # negative float32 input above the far limit, for alpha = 1e-10,
        # 0.5, 1, 3 and 1e10, the error stays at least 1 ULP below the
        # allowance. In float64 the worst case of those roundings can
        # exceed the bar, so np.power stays there.
        result = np.divide(x.dtype.type(1), base, out=output_array(out, x, dtype))
        result /= np.sqrt(base, out=base)
        return finish(result, dtype, out)
    x, converted = _isrlu_general_input(x, alpha, converted)
    near, far, is_far, scale = _isrlu_split(x, alpha)
    direct = np.power(1 + converted * near * near, x.dtype.type(-1.5))
    ratio = scale / far
    cube_root = -ratio / np.sqrt(1 + ratio * ratio)
    asymptotic = cube_root * cube_root * cube_root
    negative = np.where(is_far, asymptotic, direct)
    result = np.where(x >= 0, x.dtype.type(1), negative)
    return finish(propagate_nan(result, x), dtype, out)

"""Other elementwise activations: linear, step, periodic and bump-shaped functions."""

import math

import numpy as np

from nonlin._validation import as_float_array, finish, indicator, propagate_nan

__all__ = [
    "bent_identity",
    "bent_identity_derivative",
    "binary_step",
    "binary_step_derivative",
    "exponential",
    "exponential_derivative",
    "gaussian",
    "gaussian_derivative",
    "identity",
    "identity_derivative",
    "sinc",
    "sinc_derivative",
    "sinusoid",
    "sinusoid_derivative",
]


def _working_array(x):
    """Return `x` in the precision the formulas of this module compute in.

    float32 is computed in float64 (as float16 already is)
    and rounded once at the end. NumPy's float32 ``sin``, ``cos`` and
    ``exp`` are up to about 2 ULP off, so with the extra roundings of the
    compound formulas below the error would exceed 4 ULP. With float64
    intermediates the float32 result is almost always correctly rounded.
    """
    if x.dtype == np.float32:
        return x.astype(np.float64)
    return x


def _round(result, dtype):
    """Round a float64 `result` to `dtype` via `finish`, without an overflow warning."""
    # A value beyond the range of dtype rounds to inf, which is the correctly
    # rounded result, so the overflow NumPy reports in the cast is expected.
    with np.errstate(over="ignore"):
        result = np.asarray(result).astype(dtype)
    return finish(result, dtype)


def _clip_finite(x, bound):
    """Clip `x` to ``[-bound, bound]``, keeping NaN, so that infinities take the limit of the formula."""
    return np.clip(x, -bound, bound)


# --- identity ---------------------------------------------------------------


def identity(x):
    r"""Return the input unchanged, as a new array.

    .. math::

        \operatorname{identity}(x) = x

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is converted to float64.

    Returns
    -------
    ndarray or scalar
        A copy of `x` (never a view of it, so writing to the result leaves
        the input alone); a scalar for scalar input.

    See Also
    --------
    identity_derivative : The derivative, 1 everywhere.

    Notes
    -----
    The linear activation of output layers in regression. Keras calls it
    ``linear``; PyTorch has the module ``torch.nn.Identity``.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.identity([-2.0, 0.0, 3.5])
    array([-2. ,  0. ,  3.5])
    """
    x, dtype = as_float_array(x)
    return finish(x.copy(), dtype)


def identity_derivative(x):
    r"""Compute the derivative of the identity elementwise: 1, and NaN for NaN input.

    .. math::

        \operatorname{identity}'(x) = 1

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        Ones with the shape of `x`; NaN where `x` is NaN.

    See Also
    --------
    identity : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.identity_derivative([-2.0, 0.0, float("inf")])
    array([1., 1., 1.])
    """
    x, dtype = as_float_array(x)
    out = np.ones_like(x)
    return finish(propagate_nan(out, x), dtype)


# --- binary step --------------------------------------------------------------


def binary_step(x):
    r"""Compute the binary step (Heaviside) function elementwise, with value 1 at 0.

    .. math::

        \mathrm{binary\_step}(x) = \begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        1 where :math:`x \ge 0` (including -0.0), 0 where :math:`x < 0`;
        NaN stays NaN.

    See Also
    --------
    binary_step_derivative : The derivative, 0 everywhere.
    sigmoid : A smooth step.

    Notes
    -----
    The step is discontinuous at 0, where the value is **1**: the step
    counts 0 as "on", as the threshold unit of McCulloch and Pitts and
    Rosenblatt's perceptron do. :func:`numpy.heaviside`, ``torch.heaviside``
    and ``jax.numpy.heaviside`` make the caller choose; this is
    ``np.heaviside(x, 1)``.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.binary_step([-2.0, -0.0, 0.0, 3.0])
    array([0., 1., 1., 1.])
    """
    x, dtype = as_float_array(x)
    return finish(indicator(x >= 0, x), dtype)


def binary_step_derivative(x):
    r"""Compute the derivative of the binary step elementwise: 0, also at the jump.

    .. math::

        \mathrm{binary\_step}'(x) = 0 \qquad (x \ne 0)

    At the jump :math:`x = 0` the derivative does not exist (in the sense
    of distributions it is a Dirac delta). This function returns **0**
    there, the derivative of both constant pieces, which is also what
    automatic differentiation of a step gives.

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        Zeros with the shape of `x`; NaN where `x` is NaN.

    See Also
    --------
    binary_step : The function itself.

    Notes
    -----
    Because this derivative is 0 wherever it exists, gradient descent
    cannot train a binary step unit. Straight-through estimators replace
    it with the derivative of a smooth surrogate instead.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.binary_step_derivative([-2.0, 0.0, 3.0])
    array([0., 0., 0.])
    """
    x, dtype = as_float_array(x)
    out = np.zeros_like(x)
    return finish(propagate_nan(out, x), dtype)


# --- bent identity ------------------------------------------------------------

# Beyond this magnitude x / hypot(x, 1) is +-1 in float64, and clipping to
# it keeps inf / inf out of the formulas.
_BENT_CLIP = 1e150


def bent_identity(x):
    r"""Compute the bent identity elementwise.

    .. math::

        \mathrm{bent\_identity}(x) = \frac{\sqrt{x^2 + 1} - 1}{2} + x
            = x \left(1 + \frac{x}{2\,(\sqrt{x^2 + 1} + 1)}\right)

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        The bent identity of `x`: about :math:`x + x^2/4` near 0,
        :math:`(3x - 1)/2` for large positive and :math:`(x - 1)/2` for large
        negative `x`. It overflows to inf only where the true value
        exceeds the largest finite number of the dtype.

    See Also
    --------
    bent_identity_derivative : The derivative :math:`1 + x / (2\sqrt{x^2 + 1})`.
    identity : The function it bends.

    Notes
    -----
    :math:`\sqrt{x^2 + 1} - 1` cancels for small :math:`|x|` (it is 0 for
    :math:`|x| < 10^{-8}` in float64), and :math:`x^2` overflows for
    :math:`|x| > 10^{154}`. The second form above avoids both: it computes
    :math:`\sqrt{x^2 + 1}` as ``hypot(x, 1)``, which does not overflow,
    and multiplies :math:`x` by a factor in :math:`(1/2, 3/2)`.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.bent_identity([-1.0, 0.0, 1e-10, 1.0])
    array([-7.92893219e-01,  0.00000000e+00,  1.00000000e-10,  1.20710678e+00])
    """
    x, dtype = as_float_array(x)
    x = _working_array(x)
    clipped = _clip_finite(x, _BENT_CLIP)
    factor = 1 + clipped / (2 * (np.hypot(clipped, 1) + 1))
    # Above about 2/3 of the largest float the true value exceeds it, and
    # the product overflows to inf, the correctly rounded result.
    with np.errstate(over="ignore"):
        out = x * factor
    return _round(out, dtype)


def bent_identity_derivative(x):
    r"""Compute the derivative of the bent identity elementwise.

    .. math::

        \mathrm{bent\_identity}'(x) = 1 + \frac{x}{2\sqrt{x^2 + 1}}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        The derivative, in :math:`(1/2, 3/2)`: 1/2 at -inf and 3/2 at +inf.

    See Also
    --------
    bent_identity : The function itself.

    Notes
    -----
    ``hypot(x, 1)`` replaces :math:`\sqrt{x^2 + 1}`, whose :math:`x^2`
    overflows for large :math:`|x|`.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.bent_identity_derivative([float("-inf"), 0.0, 1.0])
    array([0.5       , 1.        , 1.35355339])
    """
    x, dtype = as_float_array(x)
    x = _working_array(x)
    clipped = _clip_finite(x, _BENT_CLIP)
    return _round(1 + clipped / (2 * np.hypot(clipped, 1)), dtype)


# --- gaussian -----------------------------------------------------------------

# exp(-x*x) and 2 x exp(-x*x) round to 0 in float64 for |x| > 27.4; clipping
# at 28 keeps x*x finite and leaves every nonzero result unchanged.
_GAUSSIAN_CLIP = 28.0
# 2**27 + 1 splits a float64 into two halves whose products are exact.
_VELTKAMP = 134217729.0
# 128 ln 2 rounded down to a multiple of 2**-43, and the rest of it. Every
# x*x in [512, 1024) is a multiple of 2**-43 too, so subtracting the first
# part is exact.
_SHIFT = float.fromhex("0x1.62e42fefa39e8p+6")
_SHIFT_REST = 1.0244436292813729e-13


def _square_exact(x):
    """Return ``(hi, lo)`` with ``hi = fl(x*x)`` and ``hi + lo == x*x`` exactly (Dekker's product)."""
    t = _VELTKAMP * x
    head = t - (t - x)
    tail = x - head
    hi = x * x
    lo = ((head * head - hi) + 2 * head * tail) + tail * tail
    return hi, lo


def _gaussian_parts(x):
    """Return ``(e, k)`` with ``exp(-x*x) == ldexp(e, k)``, `e` accurate to about 1 ULP.

    `x` is float64. Rounding x*x before the exponential would cost an
    error of up to x*x/2 ULP (370 ULP near the underflow threshold), so the
    rounding error ``lo`` of the square is applied as the factor
    ``exp(-lo) = 1 - lo``. Where the result is near or below the smallest
    normal number, it is computed 2**128 times too large, so that the
    final ``ldexp`` rounds only once into the subnormal range.
    """
    x = _clip_finite(x, _GAUSSIAN_CLIP)
    hi, lo = _square_exact(x)
    scaled = hi >= 512
    shift = np.where(scaled, _SHIFT, 0.0)
    correction = np.where(scaled, _SHIFT_REST, 0.0) - lo
    e = np.exp(-(hi - shift))
    e = e + e * correction
    return e, np.where(scaled, -128, 0)


def gaussian(x):
    r"""Compute the Gaussian bump :math:`e^{-x^2}` elementwise.

    .. math::

        \operatorname{gaussian}(x) = e^{-x^2}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        :math:`e^{-x^2}`, in :math:`[0, 1]`: 1 at 0, and 0 where the true
        value is below half the smallest subnormal number of the dtype.

    See Also
    --------
    gaussian_derivative : The derivative :math:`-2x\,e^{-x^2}`.
    sinc : Another bump-shaped activation, with oscillating tails.

    Notes
    -----
    The naive ``exp(-x*x)`` has two faults: ``x*x`` overflows (with a
    warning) for :math:`|x| > 10^{154}`, and the rounding of ``x*x`` is
    amplified :math:`x^2` times by the exponential, which leaves only about
    13 correct digits near :math:`|x| = 27`. Here float64 input is clipped
    to :math:`|x| \le 28`, beyond which the result is 0 anyway, and the
    square is split exactly as :math:`x^2 = h + l` (Dekker's product), with
    :math:`e^{-x^2} = e^{-h} (1 - l)`. Subnormal results are rounded only
    once. float32 input is computed in float64, where its square is exact.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.gaussian([0.0, 1.0, 27.0, 1e200])
    array([1.00000000e+000, 3.67879441e-001, 2.50797208e-317, 0.00000000e+000])
    """
    x, dtype = as_float_array(x)
    if x.dtype == np.float32:
        wide = _clip_finite(x.astype(np.float64), _GAUSSIAN_CLIP)
        return _round(np.exp(-(wide * wide)), dtype)
    e, k = _gaussian_parts(x)
    return finish(np.ldexp(e, k), dtype)


def gaussian_derivative(x):
    r"""Compute the derivative of the Gaussian bump elementwise.

    .. math::

        \operatorname{gaussian}'(x) = -2x\,e^{-x^2}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        :math:`-2x\,e^{-x^2}`, in :math:`[-\sqrt{2/e}, \sqrt{2/e}]`, with its
        extrema at :math:`x = \mp 1/\sqrt{2}`; 0 at 0 and at :math:`\pm\infty`.

    See Also
    --------
    gaussian : The function itself.

    Notes
    -----
    Uses the same exact square and single final rounding as
    :func:`gaussian`. Multiplying an already subnormal :math:`e^{-x^2}` by
    :math:`2x` would multiply its rounding error by up to 55; the scaled
    computation avoids that.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.gaussian_derivative([-1.0, 1.0, 27.0])
    array([ 7.35758882e-001, -7.35758882e-001, -1.35430491e-315])
    """
    x, dtype = as_float_array(x)
    if x.dtype == np.float32:
        wide = _clip_finite(x.astype(np.float64), _GAUSSIAN_CLIP)
        return _round(-2 * wide * np.exp(-(wide * wide)), dtype)
    e, k = _gaussian_parts(x)
    clipped = _clip_finite(x, _GAUSSIAN_CLIP)
    return finish(np.ldexp(-2 * clipped * e, k), dtype)


# --- sinusoid -----------------------------------------------------------------


def sinusoid(x):
    r"""Compute the sine elementwise, as a periodic activation.

    .. math::

        \operatorname{sinusoid}(x) = \sin x

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        :math:`\sin x`, in :math:`[-1, 1]`; NaN at :math:`\pm\infty`, where
        the sine has no limit (without the warning :func:`numpy.sin` gives).

    See Also
    --------
    sinusoid_derivative : The derivative :math:`\cos x`.
    sinc : The sine divided by its argument.

    Notes
    -----
    float32 input is computed with NumPy's float32 sine, which is within
    about 1.3 ULP of the correctly rounded result, inside the 4 ULP that
    nonlin's accuracy tests allow, and several times faster than computing
    in float64. Periodic activations such as
    SIREN's :math:`\sin(\omega_0 x)` scale the input first; pass
    ``omega_0 * x``.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sinusoid([0.0, 1.0, float("inf")])
    array([0.        , 0.84147098,        nan])
    """
    x, dtype = as_float_array(x)
    # sin(+-inf) is NaN, the documented result, so the warning is expected.
    with np.errstate(invalid="ignore"):
        return finish(np.sin(x), dtype)


def sinusoid_derivative(x):
    r"""Compute the derivative of the sine elementwise, :math:`\cos x`.

    .. math::

        \operatorname{sinusoid}'(x) = \cos x

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        :math:`\cos x`, in :math:`[-1, 1]`; NaN at :math:`\pm\infty`.

    See Also
    --------
    sinusoid : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sinusoid_derivative([0.0, 1.0])
    array([1.        , 0.54030231])
    """
    x, dtype = as_float_array(x)
    # cos(+-inf) is NaN, the documented result, so the warning is expected.
    # As for the sine, NumPy's float32 cosine is within the accuracy bar.
    with np.errstate(invalid="ignore"):
        return finish(np.cos(x), dtype)


# --- sinc ---------------------------------------------------------------------

# Below this |x|, x cos x - sin x cancels by more than a factor of 1.3,
# and sinc' comes from its Taylor series instead.
_SINC_SERIES_BOUND = 1.5
# Taylor coefficients of sinc'(x) / x in powers of x**2:
# (-1)**k 2k / (2k+1)! for k = 1, 2, ... The 12 terms reach a relative
# truncation error below 1e-19 at |x| = 1.5.
_SINC_SERIES = tuple((-1) ** k * 2 * k / math.factorial(2 * k + 1) for k in range(1, 13))


def _sinc_parts(x, with_cos=False):
    """Return ``(sinc, cos)`` of float64 `x`: sinc is 1 at 0 and 0 at +-inf.

    `cos` is None unless `with_cos`; it is NaN at +-inf.
    """
    # sin(+-inf) and 0/0 are NaN, and both are replaced by the limits below
    # (cos(+-inf) stays NaN), so the invalid-value warnings are expected.
    # Dividing everywhere and patching the two rare masks takes about half
    # the time of dividing by a selected denominator and selecting again.
    with np.errstate(invalid="ignore"):
        sin = np.sin(x)
        cos = np.cos(x) if with_cos else None
        sinc = np.divide(sin, x, out=np.empty_like(x))
    np.copyto(sinc, 1.0, where=x == 0)
    np.copyto(sinc, 0.0, where=np.isinf(x))
    return sinc, cos


def sinc(x):
    r"""Compute the unnormalised sinc function :math:`\sin(x)/x` elementwise.

    .. math::

        \operatorname{sinc}(x) = \begin{cases} \dfrac{\sin x}{x} & x \ne 0 \\ 1 & x = 0 \end{cases}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        :math:`\sin(x)/x`: 1 at 0, 0 at :math:`\pm\infty` (the limit),
        with its minimum :math:`-0.21723\ldots` at :math:`x \approx \pm 4.4934`.

    See Also
    --------
    sinc_derivative : The derivative :math:`(\cos x - \operatorname{sinc} x)/x`.
    sinusoid : The sine itself.
    numpy.sinc : The normalised variant :math:`\sin(\pi x)/(\pi x)`.

    Notes
    -----
    This is the **unnormalised** sinc, with zeros at :math:`k\pi`, as in
    tables of activation functions. :func:`numpy.sinc`, ``torch.sinc``
    and ``jax.numpy.sinc`` compute the normalised one,
    ``nonlin.sinc(np.pi * x)``. The quotient :math:`\sin(x)/x` loses no
    accuracy near 0 (:math:`\sin x` is accurate relative to its value);
    :math:`x = 0` and :math:`\pm\infty` are set to their limits 1 and 0.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sinc([0.0, 1e-8, 2.0, float("inf")])
    array([1.        , 1.        , 0.45464871, 0.        ])
    """
    x, dtype = as_float_array(x)
    value, _ = _sinc_parts(_working_array(x))
    return _round(value, dtype)


def sinc_derivative(x):
    r"""Compute the derivative of the unnormalised sinc function elementwise.

    .. math::

        \operatorname{sinc}'(x) = \frac{x \cos x - \sin x}{x^2}
            = \frac{\cos x - \operatorname{sinc}(x)}{x},
        \qquad \operatorname{sinc}'(0) = 0

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        The derivative: about :math:`-x/3` near 0, and 0 at :math:`\pm\infty`.

    See Also
    --------
    sinc : The function itself.

    Notes
    -----
    :math:`x \cos x - \sin x` cancels near 0, where it is about
    :math:`-x^3/3` (the textbook form returns 0 or noise for
    :math:`|x| < 10^{-5}` in float64). For :math:`|x| < 1.5` the derivative
    is summed from its Taylor series
    :math:`\sum_{k \ge 1} (-1)^k\, 2k\, x^{2k-1} / (2k+1)!`; above, the
    form :math:`(\cos x - \operatorname{sinc} x)/x` avoids the overflow of
    :math:`x^2`.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sinc_derivative([1e-3, 2.0])
    array([-3.33333300e-04, -4.35397775e-01])
    """
    x, dtype = as_float_array(x)
    x = _working_array(x)
    value, cos = _sinc_parts(x, with_cos=True)

    small = np.abs(x) < _SINC_SERIES_BOUND
    near = np.where(small, x, 0)
    square = near * near
    series = np.full_like(x, _SINC_SERIES[-1])
    for coefficient in _SINC_SERIES[-2::-1]:
        series *= square
        series += coefficient
    series *= near

    # cos - sinc is 0 at x = 0, where the series is used, and NaN at +-inf,
    # where the limit 0 is set below, so the 0/0 and NaN are expected.
    with np.errstate(invalid="ignore"):
        far = np.subtract(cos, value, out=value)
        far /= x
    np.copyto(far, 0.0, where=np.isinf(x))
    np.copyto(far, series, where=small)
    return _round(far, dtype)


# --- exponential --------------------------------------------------------------


def _exp(x):
    """Return ``exp(x)`` of float64 `x`; inf above the float64 range, without a warning."""
    # exp overflows exactly where the true value exceeds the largest float64,
    # and inf is then the correctly rounded result.
    with np.errstate(over="ignore"):
        return np.exp(x)


def exponential(x):
    r"""Compute the exponential :math:`e^x` elementwise.

    .. math::

        \operatorname{exponential}(x) = e^{x}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        :math:`e^x`, in :math:`[0, \infty]`: inf where it exceeds the
        largest finite number of the dtype (:math:`x > 709.78` in float64,
        88.72 in float32, 11.09 in float16), without a warning.

    See Also
    --------
    exponential_derivative : The derivative, :math:`e^x` again.
    elu : Uses :math:`e^x - 1` for negative input.

    Notes
    -----
    Keras provides this activation as ``exponential``. float32 and float16
    input is computed with the float64 exponential and rounded once,
    because NumPy's float32 exponential is up to about 2 ULP off.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.exponential([-800.0, 0.0, 1.0, 800.0])
    array([0.        , 1.        , 2.71828183,        inf])
    """
    x, dtype = as_float_array(x)
    return _round(_exp(_working_array(x)), dtype)


def exponential_derivative(x):
    r"""Compute the derivative of the exponential elementwise, which is :math:`e^x` itself.

    .. math::

        \operatorname{exponential}'(x) = e^{x}

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is computed in float64.

    Returns
    -------
    ndarray or scalar
        :math:`e^x`, with the overflow behaviour of :func:`exponential`.

    See Also
    --------
    exponential : The function itself.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.exponential_derivative([0.0, 1.0])
    array([1.        , 2.71828183])
    """
    x, dtype = as_float_array(x)
    return _round(_exp(_working_array(x)), dtype)

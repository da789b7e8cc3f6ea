"""Other elementwise activations: linear, step, periodic and bump-shaped functions."""

import math

import numpy as np

from nonlin._validation import (
    as_float_array,
    blockwise,
    direct_out,
    finish,
    indicator,
    output_array,
    propagate_nan,
)

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


# The bent identity, gaussian, sinc and exponential compute float32 input
# in float64 (as float16 already is) and round once at the end, all but
# the exponential block by block with blockwise. NumPy's float32 sin,
# cos and exp are up to about 2 ULP off, so with the extra roundings of
# the compound formulas below the error would exceed 4 ULP. With float64
# intermediates the float32 result is almost always correctly rounded.


# --- identity ---------------------------------------------------------------


def identity(x, *, out=None):
    r"""Return the input unchanged, as a new array.

    .. math::

        \operatorname{identity}(x) = x

    Parameters
    ----------
    x : array_like
        Input values. float16, float32 and float64 keep their dtype;
        integer and bool input is converted to float64.
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

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
    # A plain copy moves the bytes without a ufunc loop, about twice as fast as np.positive.
    result = output_array(out, x, dtype)
    np.copyto(result, x)
    return finish(result, dtype, out)


def identity_derivative(x, *, out=None):
    r"""Compute the derivative of the identity elementwise: 1, and NaN for NaN input.

    .. math::

        \operatorname{identity}'(x) = 1

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
    # Clipping to [1, 1] gives 1 for every number, infinities included, and
    # NaN for NaN, in one pass and without a branch.
    one = x.dtype.type(1)
    return finish(np.clip(x, one, one, out=output_array(out, x, dtype)), dtype, out)


# --- binary step --------------------------------------------------------------


def binary_step(x, *, out=None):
    r"""Compute the binary step (Heaviside) function elementwise, with value 1 at 0.

    .. math::

        \mathrm{binary\_step}(x) = \begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases}

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
    return finish(indicator(x >= 0, x, direct_out(out, x, dtype)), dtype, out)


def binary_step_derivative(x, *, out=None):
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
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

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
    return finish(indicator(False, x, direct_out(out, x, dtype)), dtype, out)


# --- bent identity ------------------------------------------------------------

# Beyond this magnitude x / sqrt(x*x + 1) is +-1 in float64, and clipping
# to it keeps x*x finite and inf / inf out of the formulas.
_BENT_CLIP = 1e150


def _sqrt_one_plus_square(x, out):
    """Write sqrt(x*x + 1) of float64 `x` with |x| <= 1e150 into `out`.

    np.hypot(x, 1) would need no clipping, but NumPy's float64 hypot takes
    about 25 times as long as np.sqrt. On clipped input x*x cannot
    overflow, and the three roundings cost about 1 ULP of float64, against
    about 0.5 for hypot.
    """
    np.multiply(x, x, out=out)
    out += 1
    return np.sqrt(out, out=out)


def bent_identity(x, *, out=None):
    r"""Compute the bent identity elementwise.

    .. math::

        \mathrm{bent\_identity}(x) = \frac{\sqrt{x^2 + 1} - 1}{2} + x
            = x \left(1 + \frac{x}{2\,(\sqrt{x^2 + 1} + 1)}\right)

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
    :math:`|x| > 10^{154}`. The second form above avoids both: it
    multiplies :math:`x` by a factor in :math:`(1/2, 3/2)`, and computes
    the factor from :math:`x` clipped to :math:`|x| \le 10^{150}`, where
    :math:`x^2` is finite and beyond which the factor is already 1/2 or
    3/2 in float64. float32 input is computed in float64 and rounded once.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.bent_identity([-1.0, 0.0, 1e-10, 1.0])
    array([-7.92893219e-01,  0.00000000e+00,  1.00000000e-10,  1.20710678e+00])
    """
    x, dtype = as_float_array(x)
    # Above about 2/3 of the largest float the true value exceeds it, and
    # the product overflows to inf, the correctly rounded result.
    with np.errstate(over="ignore"):
        return blockwise(_bent_identity_block, x, dtype, out, scratch=2)


def _bent_identity_block(x, clipped, factor):
    np.clip(x, -_BENT_CLIP, _BENT_CLIP, out=clipped, dtype=np.float64)
    _sqrt_one_plus_square(clipped, factor)
    factor += 1
    factor *= 2
    np.divide(clipped, factor, out=factor)
    factor += 1
    # x itself, not the clipped value, so that inf stays inf.
    np.multiply(x, factor, out=factor)
    return factor


def bent_identity_derivative(x, *, out=None):
    r"""Compute the derivative of the bent identity elementwise.

    .. math::

        \mathrm{bent\_identity}'(x) = 1 + \frac{x}{2\sqrt{x^2 + 1}}

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
        The derivative, in :math:`(1/2, 3/2)`: 1/2 at -inf and 3/2 at +inf.

    See Also
    --------
    bent_identity : The function itself.

    Notes
    -----
    :math:`x^2` overflows for large :math:`|x|`, so the input is clipped
    to :math:`|x| \le 10^{150}`, beyond which the result is already 1/2 or
    3/2 in float64. float32 input is computed in float64 and rounded once.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.bent_identity_derivative([float("-inf"), 0.0, 1.0])
    array([0.5       , 1.        , 1.35355339])
    """
    x, dtype = as_float_array(x)
    return blockwise(_bent_identity_derivative_block, x, dtype, out, scratch=2)


def _bent_identity_derivative_block(x, clipped, slope):
    np.clip(x, -_BENT_CLIP, _BENT_CLIP, out=clipped, dtype=np.float64)
    _sqrt_one_plus_square(clipped, slope)
    slope *= 2
    np.divide(clipped, slope, out=slope)
    slope += 1
    return slope


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


def _gaussian_scaled(x, clipped, work, low, factor, e):
    """Write ``exp(-x*x)`` of a float64 block of `x` as ``e * factor``, and return ``(e, factor)``.

    `e` is accurate to about 1 ULP and `factor` is 1 or 2**-128. Rounding
    x*x before the exponential would cost an error of up to x*x/2 ULP (370
    ULP near the underflow threshold), so the square is split exactly as
    ``hi + low`` (Dekker's product) and the rounding error ``low`` is
    applied as the factor ``exp(-low) = 1 - low``. Where the result is near
    or below the smallest normal number (``hi >= 512``), `e` is 2**128
    times too large, so that multiplying by `factor` rounds only once into
    the subnormal range, as ``ldexp`` would. Selecting by the 0/1 mask of
    ``hi >= 512`` is done by multiplying with it, which is exact.
    """
    np.clip(x, -_GAUSSIAN_CLIP, _GAUSSIAN_CLIP, out=clipped)

    # Veltkamp's split of x into head + tail, each exactly squarable, and
    # low = ((head*head - hi) + 2*head*tail) + tail*tail.
    head = np.multiply(clipped, _VELTKAMP, out=factor)
    tail = np.subtract(head, clipped, out=work)
    np.subtract(head, tail, out=head)
    np.subtract(clipped, head, out=tail)
    hi = np.multiply(clipped, clipped, out=e)
    np.multiply(head, head, out=low)
    low -= hi
    head *= 2
    head *= tail
    low += head
    tail *= tail
    low += tail

    scaled = np.greater_equal(hi, 512, out=factor)
    shift = np.multiply(scaled, _SHIFT, out=work)
    np.subtract(shift, hi, out=e)
    correction = np.multiply(scaled, _SHIFT_REST, out=work)
    correction -= low
    np.exp(e, out=e)
    correction *= e
    e += correction

    # 1 - mask is 1 or 0, and its maximum with 2**-128 is 1 or 2**-128.
    np.subtract(1, scaled, out=factor)
    np.maximum(factor, 2.0**-128, out=factor)
    return e, factor


def _gaussian_block(x, clipped, work, low, factor, e):
    e, factor = _gaussian_scaled(x, clipped, work, low, factor, e)
    return np.multiply(e, factor, out=e)


def _gaussian_derivative_block(x, clipped, work, low, factor, e):
    e, factor = _gaussian_scaled(x, clipped, work, low, factor, e)
    # -2 x is exact, so -2 x e rounds once before the scaling, as in ldexp(-2 x e, k).
    np.multiply(clipped, -2, out=clipped)
    e *= clipped
    return np.multiply(e, factor, out=e)


def _gaussian_float32_block(x, square):
    # The square of a float32 is exact in float64 and finite (inf for inf),
    # so only the exponential and the final rounding to float32 round.
    np.multiply(x, x, out=square, dtype=np.float64)
    np.negative(square, out=square)
    return np.exp(square, out=square)


def _gaussian_derivative_float32_block(x, clipped, e):
    np.clip(x, -_GAUSSIAN_CLIP, _GAUSSIAN_CLIP, out=clipped, dtype=np.float64)
    np.multiply(clipped, clipped, out=e)
    np.negative(e, out=e)
    np.exp(e, out=e)
    # (-2 e) x is the exact -2 x e rounded once, as (-2 x) e is.
    e *= -2
    e *= clipped
    return e


def gaussian(x, *, out=None):
    r"""Compute the Gaussian bump :math:`e^{-x^2}` elementwise.

    .. math::

        \operatorname{gaussian}(x) = e^{-x^2}

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
        return blockwise(_gaussian_float32_block, x, dtype, out)
    return blockwise(_gaussian_block, x, dtype, out, scratch=5)


def gaussian_derivative(x, *, out=None):
    r"""Compute the derivative of the Gaussian bump elementwise.

    .. math::

        \operatorname{gaussian}'(x) = -2x\,e^{-x^2}

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
        return blockwise(_gaussian_derivative_float32_block, x, dtype, out, scratch=2)
    return blockwise(_gaussian_derivative_block, x, dtype, out, scratch=5)


# --- sinusoid -----------------------------------------------------------------


def sinusoid(x, *, out=None):
    r"""Compute the sine elementwise, as a periodic activation.

    .. math::

        \operatorname{sinusoid}(x) = \sin x

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
        return finish(np.sin(x, out=direct_out(out, x, dtype)), dtype, out)


def sinusoid_derivative(x, *, out=None):
    r"""Compute the derivative of the sine elementwise, :math:`\cos x`.

    .. math::

        \operatorname{sinusoid}'(x) = \cos x

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
        return finish(np.cos(x, out=direct_out(out, x, dtype)), dtype, out)


# --- sinc ---------------------------------------------------------------------

# Below this |x|, x cos x - sin x cancels by more than a factor of 1.3,
# and sinc' comes from its Taylor series instead.
_SINC_SERIES_BOUND = 1.5
# Taylor coefficients of sinc'(x) / x in powers of x**2:
# (-1)**k 2k / (2k+1)! for k = 1, 2, ... The 12 terms reach a relative
# truncation error below 1e-19 at |x| = 1.5.
_SINC_SERIES = tuple((-1) ** k * 2 * k / math.factorial(2 * k + 1) for k in range(1, 13))


# Below this |x|, sin(x)/x rounds to 1 in float64 (sin(x) rounds to x
# itself), so raising |x| to it keeps 0/0 out of the quotient.
_SINC_TINY = 2.0**-30
_LARGEST = np.finfo(np.float64).max


def _sinc_block(x, magnitude, sine):
    """Write sinc of a block of `x` into `sine`: 1 at 0 and 0 at +-inf, computed in float64."""
    # sinc is even, so it is sin(a)/a for a = |x| raised to _SINC_TINY. The
    # sine is taken of a clipped to the largest float, where it is finite
    # (and positive), and dividing by the unclipped a makes +-inf exactly +0.
    np.abs(x, out=magnitude, dtype=np.float64)
    np.maximum(magnitude, _SINC_TINY, out=magnitude)
    np.minimum(magnitude, _LARGEST, out=sine)
    np.sin(sine, out=sine)
    return np.divide(sine, magnitude, out=sine)


def sinc(x, *, out=None):
    r"""Compute the unnormalised sinc function :math:`\sin(x)/x` elementwise.

    .. math::

        \operatorname{sinc}(x) = \begin{cases} \dfrac{\sin x}{x} & x \ne 0 \\ 1 & x = 0 \end{cases}

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
    accuracy near 0 (:math:`\sin x` is accurate relative to its value).
    It is computed as :math:`\sin(a)/a` with :math:`a = |x|` raised to at
    least :math:`2^{-30}`, where the quotient already rounds to 1, so 0
    gives the limit 1; at :math:`\pm\infty` the finite sine of the largest
    float is divided by :math:`\infty`, which gives the limit 0.

    Examples
    --------
    >>> import nonlin
    >>> nonlin.sinc([0.0, 1e-8, 2.0, float("inf")])
    array([1.        , 1.        , 0.45464871, 0.        ])
    """
    x, dtype = as_float_array(x)
    return blockwise(_sinc_block, x, dtype, out, scratch=2)


def sinc_derivative(x, *, out=None):
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
    out : ndarray, optional
        Array to write the result into: the shape of `x` and the dtype the
        result would have. It may be `x` itself. The function returns it.

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
    return blockwise(_sinc_derivative_block, x, dtype, out, scratch=4)


def _sinc_derivative_block(x, sine, near, series, far):
    # Far branch, on x moved out to |x| >= 1.5 with its sign kept (sinc' is
    # odd), so that the quotients stay finite. |x| is also clipped to the
    # largest float, so that sin and cos stay finite, and +-inf is set below.
    np.abs(x, out=far, dtype=np.float64)
    np.clip(far, _SINC_SERIES_BOUND, _LARGEST, out=far)
    np.copysign(far, x, out=far)
    np.sin(far, out=sine)
    np.divide(sine, far, out=sine)
    np.cos(far, out=near)
    np.subtract(near, sine, out=near)
    np.divide(near, far, out=far)

    # Series branch, on x clipped into [-1.5, 1.5].
    np.clip(x, -_SINC_SERIES_BOUND, _SINC_SERIES_BOUND, out=near, dtype=np.float64)
    square = np.multiply(near, near, out=sine)
    series.fill(_SINC_SERIES[-1])
    for coefficient in _SINC_SERIES[-2::-1]:
        series *= square
        series += coefficient
    series *= near

    # Blend without a data-dependent branch: with the 0/1 mask m of
    # |x| < 1.5, series*m + far*(1 - m) is exact, because both branches are
    # finite, so one product is the chosen value and the other a zero. Where
    # the chosen value is itself a zero (x = +-0), both zeros have one sign,
    # because sinc' keeps its sign on (0, 1.5]. NaN gives m = 0 and stays NaN.
    inside = np.abs(x, out=near, dtype=np.float64)
    np.less(inside, _SINC_SERIES_BOUND, out=inside)
    series *= inside
    np.subtract(1, inside, out=inside)
    far *= inside
    far += series

    infinite = np.isinf(x)
    if infinite.any():
        far[infinite] = 0.0
    return far


# --- exponential --------------------------------------------------------------


def _exp(x, dtype, out):
    """Return ``exp(x)`` computed in float64 and rounded once to `dtype`, into `out` if given."""
    # exp overflows exactly where the true value exceeds the largest float64,
    # as the rounding to float32 does where it exceeds the largest float32,
    # and inf is then the correctly rounded result.
    with np.errstate(over="ignore"):
        result = np.exp(x, dtype=np.float64, out=output_array(out, x, dtype))
    return finish(result, dtype, out)


def exponential(x, *, out=None):
    r"""Compute the exponential :math:`e^x` elementwise.

    .. math::

        \operatorname{exponential}(x) = e^{x}

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
    return _exp(x, dtype, out)


def exponential_derivative(x, *, out=None):
    r"""Compute the derivative of the exponential elementwise, which is :math:`e^x` itself.

    .. math::

        \operatorname{exponential}'(x) = e^{x}

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
    return _exp(x, dtype, out)

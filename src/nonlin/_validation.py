"""Input conversion and parameter checks shared by every activation."""

import math
import numbers

import numpy as np

__all__ = [
    "as_float_array",
    "check_axis",
    "check_parameter",
    "finish",
    "indicator",
    "propagate_nan",
]

_SUPPORTED = (np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64))


def as_float_array(x, name="x"):
    """Convert `x` to the floating-point array an activation computes on.

    Returns ``(array, dtype)``: `array` is what the formulas work on and
    `dtype` is the dtype of the result. float32 and float64 keep their dtype.
    float16 is computed in float64 and rounded once at the end, because
    intermediate float16 values overflow (``exp(12)`` already does), each
    float16 rounding costs a whole float16 ULP, and float64 leaves the one
    final rounding almost always correct. Integer and bool input is
    computed in float64, as NumPy's own ufuncs do.
    """
    # NOTE: np.asarray drops the mask of a numpy.ma array, so masked
    # values are computed like the others.
    array = np.asarray(x)
    dtype = array.dtype
    if dtype in _SUPPORTED:
        if dtype == np.float16:
            return array.astype(np.float64), dtype
        return array, dtype
    if dtype.kind in "biu":
        return array.astype(np.float64), np.dtype(np.float64)
    raise TypeError(
        f"{name} has dtype {dtype}, but nonlin computes on real floating-point "
        "numbers: pass float16, float32, float64, integer or bool input "
        "(for example np.asarray(x, dtype=np.float64))."
    )


def finish(result, dtype):
    """Round `result` to `dtype`; 0-d results become NumPy scalars, as from a ufunc."""
    # Rounding to a narrower dtype (float64 to float32 or float16) overflows
    # to inf exactly where the true result exceeds that dtype's range, so
    # inf is the correctly rounded result there.
    with np.errstate(over="ignore"):
        result = np.asarray(result).astype(dtype, copy=False)
    if result.ndim == 0:
        return result[()]
    return result


def check_parameter(value, name, *, low=-math.inf, high=math.inf,
                    low_inclusive=True, high_inclusive=True, dtype=None):
    """Return `value` as a float after checking that it is a finite real number in range.

    The bounds describe the valid range, and the error message states it, so a
    caller sees both the value that was rejected and the values that are
    accepted. With `dtype` given, the value must also stay finite in that
    dtype, because a parameter that overflows to infinity gives NaN or
    infinite results where numbers belong.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r} of type {type(value).__name__}.")
    value = float(value)
    valid = _describe_range(low, high, low_inclusive, high_inclusive)
    if not math.isfinite(value):
        raise ValueError(f"{name}={value!r} is invalid: {name} must be a finite number{valid}.")
    too_low = value < low or (value == low and not low_inclusive)
    too_high = value > high or (value == high and not high_inclusive)
    if too_low or too_high:
        raise ValueError(f"{name}={value!r} is out of range: {name} must be{valid}.")
    if dtype is not None and np.dtype(dtype) != np.float64:
        with np.errstate(over="ignore"):
            converted = np.dtype(dtype).type(value)
        if not np.isfinite(converted):
            raise ValueError(
                f"{name}={value!r} overflows {np.dtype(dtype)}: use a smaller {name} "
                "or compute in float64."
            )
    return value


def _describe_range(low, high, low_inclusive, high_inclusive):
    if low == -math.inf and high == math.inf:
        return ""
    if high == math.inf:
        return f" {'>=' if low_inclusive else '>'} {low:g}"
    if low == -math.inf:
        return f" {'<=' if high_inclusive else '<'} {high:g}"
    left = "[" if low_inclusive else "("
    right = "]" if high_inclusive else ")"
    return f" in {left}{low:g}, {high:g}{right}"


def check_axis(axis, ndim, name="axis"):
    """Return `axis` normalised to a non-negative index for an array of `ndim` dimensions."""
    if isinstance(axis, (bool, np.bool_)) or not isinstance(axis, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {axis!r}.")
    if ndim == 0:
        raise ValueError("x is a scalar (0-d), but this activation needs at least one axis: pass a 1-d array.")
    if not -ndim <= axis < ndim:
        raise ValueError(f"{name}={axis} is out of range for an array of {ndim} dimension(s): use -{ndim} to {ndim - 1}.")
    return int(axis) % ndim


def propagate_nan(out, x):
    """Copy the NaNs of `x` into `out`, for formulas that select by comparison.

    A comparison with NaN is false, so ``np.where(x > 0, a, b)`` turns a NaN
    input into `b`; this restores the NaN a caller expects.
    """
    np.copyto(out, x, where=np.isnan(x))
    return out


def indicator(mask, x):
    """Return `mask` as 0 and 1 in the dtype of `x`, with the NaNs of `x` restored.

    Casting a boolean mask is exact and, unlike ``np.where(mask, 1, 0)``,
    has no data-dependent branch, so step-shaped derivatives stay fast.
    """
    return propagate_nan(np.asarray(mask).astype(x.dtype), x)

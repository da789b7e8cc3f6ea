"""Input conversion and parameter checks shared by every activation."""

import math
import numbers

import numpy as np

__all__ = [
    "as_float_array",
    "blockwise",
    "check_axis",
    "check_parameter",
    "direct_out",
    "finish",
    "in_blocks",
    "indicator",
    "output_array",
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


def finish(result, dtype, out=None):
    """Round `result` to `dtype`, into `out` if given; 0-d results become NumPy scalars, as from a ufunc."""
    # Rounding to a narrower dtype (float64 to float32 or float16) overflows
    # to inf exactly where the true result exceeds that dtype's range, so
    # inf is the correctly rounded result there.
    if out is not None:
        _check_out(out, np.shape(result), dtype)
        if result is not out:
            with np.errstate(over="ignore"):
                np.copyto(out, result, casting="unsafe")
        return out
    with np.errstate(over="ignore"):
        result = np.asarray(result).astype(dtype, copy=False)
    if result.ndim == 0:
        return result[()]
    return result


#: Elements per block in `in_blocks` and `blockwise`: long enough that the
#: Python call of each step costs little next to its arithmetic, short
#: enough that the temporaries (512 kB each in float64) stay in cache and
#: the allocator reuses them. Of 16384 to 131072, 65536 was fastest for
#: sigmoid, bent_identity and silu at 1e6 and 1e7 elements on a 2-core AMD
#: EPYC (512 KiB L2 per core).
BLOCK_SIZE = 1 << 16


def in_blocks(function, x, dtype, out, **params):
    """Evaluate the elementwise `function` on consecutive blocks of `x`; return the result.

    Formulas with several input-sized temporaries spend most of their
    time on fresh memory: each live temporary of a million float64 values
    costs about ten arithmetic passes here, for page faults and the
    zeroing of new pages. On blocks of `BLOCK_SIZE` elements the same
    temporaries are recycled by the allocator and stay in cache, which
    made such functions 1.0 to 4.0 times faster at 1e6 elements (median
    1.8) in one run of ``benchmarks/temporaries.py``, with bitwise
    identical results.
    `function` is called on each block with its own `out` slice and
    `params`, which must be scalars (already checked by the caller).
    `x` is the working array from `as_float_array`. Each block is cast
    back to `dtype` first, which is exact, so the call receives the caller's
    dtype.
    """
    if out is not None:
        _check_out(out, x.shape, dtype)
    result = np.empty(x.shape, dtype) if out is None else out
    # A block of a non-contiguous out would be a copy, and an out that
    # overlaps x other than as x itself would overwrite inputs of later
    # blocks, so such an out is filled at the end instead.
    target = result if _blocks_may_write_into(result, x) else np.empty(x.shape, dtype)
    flat_x = np.ravel(x)
    flat_target = target.reshape(-1)
    for start in range(0, flat_x.size, BLOCK_SIZE):
        block = slice(start, start + BLOCK_SIZE)
        function(flat_x[block].astype(dtype, copy=False), out=flat_target[block], **params)
    if target is not result:
        np.copyto(result, target)
    return result


def output_array(out, x, dtype, *, alias_ok=True):
    """Return `out` if the last step on `x` can write straight into it, else a new array like `x`.

    A new array rather than None, because a ufunc on 0-d input returns a
    scalar, which cannot be the `out` of the steps after it.
    """
    target = direct_out(out, x, dtype, alias_ok=alias_ok)
    return np.empty(x.shape, x.dtype) if target is None else target


def blockwise(kernel, x, dtype, out=None, *, scratch=1, working=np.float64):
    """Apply `kernel` to `x` block by block and return the result in `dtype`, into `out` if given.

    ``kernel(block, *buffers)`` receives a block of the flattened `x`, which
    it must not write to, and `scratch` uninitialized arrays of the block's
    length in the `working` dtype. It returns the array (usually one of
    the buffers) that holds the formula's value on the block, and that
    value is rounded once into the result. Unlike whole-array steps, the
    intermediates stay in the cache, and no input-sized temporary is
    allocated, not even a float64 copy of float32 input. Each block of the
    result is written only after its block of `x` has been read, so `out`
    may be `x`. Where the result has the `working` dtype and does not
    overlap `x`, the last buffer is the result's block itself, and a kernel
    that returns its last buffer saves the copy.
    """
    target = direct_out(out, x, dtype)
    if target is None or not _blocks_may_write_into(target, x):
        target = np.empty(x.shape, dtype)
    flat_x = x.reshape(-1)
    flat_result = target.reshape(-1)
    size = flat_x.size
    in_place = target.dtype == working and not np.may_share_memory(target, x)
    buffers = [np.empty(min(size, BLOCK_SIZE), working) for _ in range(scratch - in_place)]
    narrowing = target.dtype.itemsize < np.dtype(working).itemsize
    for start in range(0, size, BLOCK_SIZE):
        stop = min(start + BLOCK_SIZE, size)
        views = [buffer[: stop - start] for buffer in buffers]
        if in_place:
            views.append(flat_result[start:stop])
        value = kernel(flat_x[start:stop], *views)
        if in_place and value is views[-1]:
            continue
        if narrowing:
            # Rounding to a narrower dtype overflows to inf exactly where the
            # true result exceeds its range, and inf is then correctly rounded.
            with np.errstate(over="ignore"):
                np.copyto(flat_result[start:stop], value, casting="same_kind")
        else:
            np.copyto(flat_result[start:stop], value, casting="same_kind")
    return finish(target, dtype, out)


def _blocks_may_write_into(result, x):
    """Tell whether block-by-block evaluation can write straight into `result`.

    It can when `result` is C-contiguous (so its blocks are views) and is
    either separate from `x` or `x` itself, element for element: then each
    block of the result overwrites only the block of `x` just read.
    """
    if not result.flags.c_contiguous:
        return False
    if not np.may_share_memory(result, x):
        return True
    same_data = result.__array_interface__["data"][0] == x.__array_interface__["data"][0]
    return same_data and x.flags.c_contiguous and result.dtype == x.dtype


def direct_out(out, x, dtype, *, alias_ok=True):
    """Return `out` if the last step of a formula on `x` can write straight into it, else None.

    That is when `out` has the dtype `x` is computed in, so no rounding is
    left for `finish`. Writing into the caller's array saves allocating and
    filling a fresh result, which is most of the time of one-pass functions.
    The caller's `out` is checked here, before any work. Pass
    ``alias_ok=False`` where a formula reads `x` again after writing its
    first step into the result, so that ``out=x`` gets a fresh array instead.
    """
    if out is None:
        return None
    _check_out(out, x.shape, dtype)
    if out.dtype != x.dtype or (not alias_ok and np.may_share_memory(out, x)):
        return None
    return out


def _check_out(out, shape, dtype):
    if not isinstance(out, np.ndarray):
        raise TypeError(
            f"out must be a NumPy array, got {type(out).__name__}: pass an array such as "
            f"np.empty(x.shape, dtype=np.{np.dtype(dtype).name}), or leave out unset."
        )
    if out.dtype != dtype:
        raise TypeError(
            f"out has dtype {out.dtype}, but the result has dtype {np.dtype(dtype)}: "
            f"pass an array of dtype {np.dtype(dtype)}."
        )
    if out.shape != tuple(shape):
        raise ValueError(
            f"out has shape {out.shape}, but the result has shape {tuple(shape)}: pass an array of that shape."
        )
    if not out.flags.writeable:
        raise ValueError("out is read-only: pass a writeable array.")


def check_parameter(value, name, *, low=-math.inf, high=math.inf,
                    low_inclusive=True, high_inclusive=True, dtype=None):
    """Return `value` as a float after checking that it is a finite real number in range.

    The bounds describe the valid range, and the error message states it, so a
    caller sees both the value that was rejected and the values that are
    accepted. With `dtype` given, the value must also stay finite in that
    dtype, because a parameter that overflows to infinity gives NaN or
    infinite results where numbers belong.
    """
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r} of type {type(value).__name__}.")
    valid = _describe_range(low, high, low_inclusive, high_inclusive)
    try:
        value = float(value)
    except OverflowError:
        # An integer beyond the float64 range, such as 10**400.
        raise ValueError(
            f"{name} is an integer of {len(str(abs(value)))} digits, beyond the float64 range: "
            f"{name} must be a finite number{valid}."
        ) from None
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
    nan = np.isnan(x)
    # Most inputs hold no NaN, and testing the mask is cheaper than a masked copy.
    if nan.any():
        np.copyto(out, x, where=nan)
    return out


def indicator(mask, x, out=None):
    """Return `mask` as 0 and 1 in the dtype of `x`, with the NaNs of `x` restored, into `out` if given.

    Casting a boolean mask is exact and, unlike ``np.where(mask, 1, 0)``,
    has no data-dependent branch, so step-shaped derivatives stay fast.
    The NaNs are found before anything is written, so `out` may be `x`.
    """
    nan = np.isnan(x)
    result = np.empty(x.shape, x.dtype) if out is None else out
    np.copyto(result, mask)
    if nan.any():
        # NaN itself, not x[nan]: writing the mask may have overwritten x.
        np.copyto(result, np.nan, where=nan)
    return result

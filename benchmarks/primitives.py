"""Time the elementwise building blocks of nonlin against their PyTorch counterparts.

nonlin is NumPy and SciPy code: every activation is a sequence of ufunc
passes (exp, log1p, a comparison, a select...). Where one of those passes
is slower in NumPy than in PyTorch, no arrangement of NumPy calls built on
it can match PyTorch's fused kernel. This module times each building block
on its own, NumPy (or scipy.special) against PyTorch, both on one thread.
Both sides write into a preallocated output where the library has an
``out=`` form. The benchmark page then shows beside each activation the
ratio of the primitive that bounds it (see causes.py).

run.py calls `measure_primitives` after the activations and stores the
result under the key ``"primitives"`` of its results file.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import special

import timing

__all__ = ["PRIMITIVES", "Primitive", "measure_primitives", "primitive_sizes"]

#: Sizes from which a primitive's time is its throughput rather than call
#: overhead: the sizes the speed goal covers.
MINIMUM_SIZE = 10**6
#: Rows of the gathered table: the exact GELU's table has 49 (|x| <= 6 in steps of 1/8).
TABLE_ROWS = 49
RATIO_TEXT = "per-round NumPy seconds / PyTorch seconds; median and quartiles over the rounds"


@dataclass(frozen=True)
class Operands:
    """The arrays (or tensors) a primitive reads and writes, for one size and dtype."""

    x: object
    #: ``|x|``, for functions defined or used on x >= 0 only (log, sqrt, erfcx in nonlin).
    positive: object
    #: A second input, independent of x, for binary operations.
    other: object
    #: ``x > 0``: a mask that changes from element to element, as nonlin's branches do.
    mask: object
    #: Indices into `table`, uniform over its rows: the gather of a table-driven polynomial.
    rows: object
    #: A table of `TABLE_ROWS` values, as the exact GELU's table of the normal distribution.
    table: object
    out: object
    mask_out: object


@dataclass(frozen=True)
class Primitive:
    """One building block: the NumPy call, its PyTorch counterpart and the code each runs.

    `numpy(operands)` and `torch(module, operands)` return a call with its
    inputs bound. A PyTorch version without the counterpart makes the first
    call raise, and the results record that under ``errors``.
    """

    key: str
    numpy_code: str
    numpy: Callable
    torch_code: str
    torch: Callable
    #: The input dtypes it is timed in; a cast has one source dtype only.
    dtypes: tuple = ("float32", "float64")


def _unary(key, numpy_function, numpy_name, torch_name, operand="x"):
    """Return a primitive applying one function elementwise, with out= on both sides."""

    def numpy_call(operands):
        source = getattr(operands, operand)
        return lambda: numpy_function(source, out=operands.out)

    def torch_call(torch, operands):
        function = torch
        for part in torch_name.split("."):
            function = getattr(function, part)
        source = getattr(operands, operand)
        return lambda: function(source, out=operands.out)

    argument = "x" if operand == "x" else "|x|"
    return Primitive(
        key, f"{numpy_name}({argument}, out=y)", numpy_call, f"torch.{torch_name}({argument}, out=y)", torch_call,
    )


def _binary(key, numpy_function, numpy_name, torch_name):
    """Return a primitive combining x with a second input, with out= on both sides."""

    def torch_call(torch, operands):
        function = getattr(torch, torch_name)
        return lambda: function(operands.x, operands.other, out=operands.out)

    return Primitive(
        key,
        f"{numpy_name}(x, w, out=y)",
        lambda operands: lambda: numpy_function(operands.x, operands.other, out=operands.out),
        f"torch.{torch_name}(x, w, out=y)",
        torch_call,
    )


PRIMITIVES = (
    _unary("exp", np.exp, "np.exp", "exp"),
    _unary("expm1", np.expm1, "np.expm1", "expm1"),
    _unary("log", np.log, "np.log", "log", operand="positive"),
    _unary("log1p", np.log1p, "np.log1p", "log1p", operand="positive"),
    _unary("tanh", np.tanh, "np.tanh", "tanh"),
    _unary("sin", np.sin, "np.sin", "sin"),
    _unary("cos", np.cos, "np.cos", "cos"),
    _unary("sqrt", np.sqrt, "np.sqrt", "sqrt", operand="positive"),
    _unary("arctan", np.arctan, "np.arctan", "atan"),
    _unary("erf", special.erf, "scipy.special.erf", "special.erf"),
    _unary("erfc", special.erfc, "scipy.special.erfc", "special.erfc"),
    _unary("erfcx", special.erfcx, "scipy.special.erfcx", "special.erfcx", operand="positive"),
    _unary("ndtr", special.ndtr, "scipy.special.ndtr", "special.ndtr"),
    _unary("expit", special.expit, "scipy.special.expit", "sigmoid"),
    Primitive(
        "maximum",
        "np.maximum(x, 0, out=y)",
        lambda operands: lambda: np.maximum(operands.x, 0, out=operands.out),
        "torch.clamp_min(x, 0, out=y)",
        lambda torch, operands: lambda: torch.clamp_min(operands.x, 0, out=operands.out),
    ),
    Primitive(
        "clip",
        "np.clip(x, -1, 1, out=y)",
        lambda operands: lambda: np.clip(operands.x, -1, 1, out=operands.out),
        "torch.clamp(x, -1, 1, out=y)",
        lambda torch, operands: lambda: torch.clamp(operands.x, -1, 1, out=operands.out),
    ),
    _binary("multiply", np.multiply, "np.multiply", "mul"),
    _binary("divide", np.divide, "np.divide", "div"),
    _binary("hypot", np.hypot, "np.hypot", "hypot"),
    Primitive(
        "power",
        "np.power(|x|, -1.5, out=y)",
        lambda operands: lambda: np.power(operands.positive, operands.positive.dtype.type(-1.5), out=operands.out),
        "torch.pow(|x|, -1.5, out=y)",
        lambda torch, operands: lambda: torch.pow(operands.positive, -1.5, out=operands.out),
    ),
    Primitive(
        "greater",
        "np.greater(x, 0, out=mask)",
        lambda operands: lambda: np.greater(operands.x, 0, out=operands.mask_out),
        "torch.gt(x, 0, out=mask)",
        lambda torch, operands: lambda: torch.gt(operands.x, 0, out=operands.mask_out),
    ),
    # np.where has no out= form, so the NumPy side allocates its result,
    # as every np.where in nonlin does.
    Primitive(
        "where",
        "np.where(x > 0, x, w), mask precomputed",
        lambda operands: lambda: np.where(operands.mask, operands.x, operands.other),
        "torch.where(x > 0, x, w, out=y), mask precomputed",
        lambda torch, operands: lambda: torch.where(operands.mask, operands.x, operands.other, out=operands.out),
    ),
    Primitive(
        "take",
        "table[rows] (fancy indexing, allocates)",
        lambda operands: lambda: operands.table[operands.rows],
        "torch.index_select(table, 0, rows, out=y)",
        lambda torch, operands: lambda: torch.index_select(operands.table, 0, operands.rows, out=operands.out),
    ),
    Primitive(
        "copy",
        "np.copyto(y, x)",
        lambda operands: lambda: np.copyto(operands.out, operands.x),
        "y.copy_(x)",
        lambda torch, operands: lambda: operands.out.copy_(operands.x),
    ),
    # Selecting by a boolean mask returns a new array of data-dependent
    # length on both sides.
    Primitive(
        "boolean_index",
        "x[x > 0], mask precomputed",
        lambda operands: lambda: operands.x[operands.mask],
        "torch.masked_select(x, x > 0), mask precomputed",
        lambda torch, operands: lambda: torch.masked_select(operands.x, operands.mask),
    ),
    # Casts allocate their result on both sides, as nonlin's astype does.
    Primitive(
        "astype_float64",
        "x.astype(np.float64)",
        lambda operands: lambda: operands.x.astype(np.float64),
        "x.to(torch.float64)",
        lambda torch, operands: lambda: operands.x.to(torch.float64),
        dtypes=("float32",),
    ),
    Primitive(
        "astype_float32",
        "x.astype(np.float32)",
        lambda operands: lambda: operands.x.astype(np.float32),
        "x.to(torch.float32)",
        lambda torch, operands: lambda: operands.x.to(torch.float32),
        dtypes=("float64",),
    ),
)


def primitive_sizes(sizes):
    """Return the run's sizes from `MINIMUM_SIZE` on, or its largest size where none is that large.

    A run without such a size (``--quick``, or ``--sizes 1e3``) still
    times the primitives once, at its largest size, so that a smoke run
    covers this code. Its numbers then include call overhead.
    """
    large = [size for size in sizes if size >= MINIMUM_SIZE]
    return large or [max(sizes)]


def _operands(size, dtype):
    # The same input as the activations: Normal(0, 2^2), seed 0.
    x = (np.random.default_rng(0).standard_normal(size) * 2.0).astype(dtype)
    other = np.random.default_rng(1).standard_normal(size).astype(dtype)
    return Operands(
        x=x,
        positive=np.abs(x),
        other=other,
        mask=x > 0,
        rows=np.random.default_rng(2).integers(0, TABLE_ROWS, size),
        table=np.random.default_rng(3).standard_normal(TABLE_ROWS).astype(dtype),
        out=np.empty_like(x),
        mask_out=np.empty(size, dtype=bool),
    )


def _torch_operands(torch, operands):
    # from_numpy shares the arrays' memory, so both sides read the same data.
    return Operands(
        x=torch.from_numpy(operands.x),
        positive=torch.from_numpy(operands.positive),
        other=torch.from_numpy(operands.other),
        mask=torch.from_numpy(operands.mask),
        rows=torch.from_numpy(operands.rows),
        table=torch.from_numpy(operands.table),
        out=torch.from_numpy(np.empty_like(operands.x)),
        mask_out=torch.from_numpy(np.empty_like(operands.mask_out)),
    )


def _new_record(primitive, dtype, torch, torch_note):
    record = {
        "key": primitive.key,
        "dtype": dtype,
        "implementations": {"numpy": primitive.numpy_code},
        "missing": {},
        "errors": {},
        "sizes": [],
    }
    if torch is None:
        record["missing"]["torch"] = torch_note or "PyTorch is not available in this run"
    else:
        record["implementations"]["torch"] = primitive.torch_code
    return record


def _calls(primitive, record, operands, torch, torch_operands):
    """Return the implementations to time, dropping (and recording) any whose first call raises."""
    candidates = [("numpy", lambda: primitive.numpy(operands))]
    if "torch" in record["implementations"]:
        candidates.append(("torch", lambda: primitive.torch(torch, torch_operands)))
    implementations = []
    for key, build in candidates:
        if key in record["errors"]:
            continue
        try:
            call = build()
            call()
        except Exception as error:
            # A function missing from another version of either library
            # drops one side of one primitive, not a run of many minutes.
            record["errors"][key] = f"{type(error).__name__}: {error}"
            record["implementations"].pop(key, None)
            continue
        implementations.append(timing.Implementation(key, call))
    return implementations


def _summarise(size, rounds, seconds, numbers):
    medians = {key: float(np.median(values)) for key, values in seconds.items()}
    entry = {
        "size": size,
        "rounds": rounds,
        "calls_per_batch": numbers,
        "median_seconds": medians,
        "ns_per_element": {key: value / size * 1e9 for key, value in medians.items()},
    }
    if "numpy" in seconds and "torch" in seconds:
        entry["ratio"] = timing.ratio_summary(seconds["numpy"], seconds["torch"])
    return entry


def measure_primitives(sizes, dtypes, torch, rounds_for, batch_seconds, torch_note=None, progress=None):
    """Time every primitive at each size and dtype, and return the ``"primitives"`` section of the results.

    `rounds_for(size)` gives the number of paired rounds and `torch` is the
    PyTorch module, or None (with `torch_note` saying why) when the run has
    no PyTorch peer. `progress`, if given, is called with each record and
    size entry as it is measured.
    """
    records = {}
    for dtype in dtypes:
        for size in sizes:
            operands = _operands(size, dtype)
            torch_operands = None if torch is None else _torch_operands(torch, operands)
            for primitive in PRIMITIVES:
                if dtype not in primitive.dtypes:
                    continue
                key = (primitive.key, dtype)
                if key not in records:
                    records[key] = _new_record(primitive, dtype, torch, torch_note)
                record = records[key]
                implementations = _calls(primitive, record, operands, torch, torch_operands)
                if not implementations:
                    continue
                rounds = rounds_for(size)
                seconds, numbers = timing.time_paired(implementations, rounds, batch_seconds)
                record["sizes"].append(_summarise(size, rounds, seconds, numbers))
                if progress is not None:
                    progress(record, record["sizes"][-1])
    return {
        "sizes": list(sizes),
        "dtypes": list(dtypes),
        "input": "x ~ Normal(0, 2^2), seed 0; w ~ Normal(0, 1), seed 1; |x| where a primitive names it",
        "torch_threads": 1 if torch is not None else None,
        "ratio": RATIO_TEXT,
        "records": list(records.values()),
    }

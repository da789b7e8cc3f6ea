"""Time every activation and derivative of nonlin against its peers and the bandwidth floor.

For each catalogue entry, its derivative (or vector-Jacobian product, for
vector-valued entries), each dtype and each size, the run times side by side:

* ``nonlin`` and ``nonlin_out``: the library function, allocating its
  result or writing into a preallocated one (elementwise functions only);
  like PyTorch's, nonlin's time in each round is the faster of the two;
* ``textbook``: the naive NumPy formula from ``textbook.py``;
* ``scipy``: ``scipy.special`` where it has the function;
* ``torch_fresh`` and ``torch_out``: PyTorch on one CPU thread, allocating
  its output or writing into a preallocated one;
* ``floor`` and ``floor_fresh``: one streaming pass that reads the input and
  writes the output (``np.negative(x, out=y)``, and ``np.negative(x)``).

It writes medians of paired ratios nonlin / peer, their quartiles, the
peak memory per call and the machine and versions to a JSON file. Then,
unless ``--no-primitives`` is given, it times the elementwise building
blocks of nonlin (exp, log1p, np.where...) against their PyTorch
counterparts, from primitives.py, at the run's sizes from 1e6 on. See
README.md beside this file for the method. Run from the repository root:

    .venv/bin/python benchmarks/run.py [--quick] [--only NAME ...] [--sizes N ...]
"""

import argparse
import datetime
import gc
import inspect
import json
import os
import platform
import shlex
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy

import nonlin
from nonlin.catalogue import CATALOGUE

# Run as a script, this directory is on sys.path, so the sibling modules
# import by name.
import peers
import primitives
import textbook
import timing

SCHEMA_VERSION = 2
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results.json"
DEFAULT_SIZES = (10**3, 10**4, 10**5, 10**6, 10**7)
QUICK_SIZES = (10**3, 10**5)
DTYPES = ("float32", "float64")
#: Length of the axis that vector-valued activations reduce over: the
#: width of a classifier's output layer with 1000 classes.
VECTOR_AXIS_LENGTH = 1000
#: Elements of the input for the memory measurement. It must be large
#: enough that NumPy's small-allocation cache plays no part.
MEMORY_SIZE = 10**5
#: The input's spread: pre-activations of the order of a few units, where
#: every textbook form stays finite and no branch of a piecewise function
#: is empty.
INPUT_SCALE = 2.0
PEER_KEYS = ("textbook", "scipy", "torch")
# Agreement tolerances for the sanity check that each peer computes the
# same function as nonlin. They are loose on purpose: the textbook forms
# lose digits in the tails, which is the accuracy nonlin pays time for.
AGREEMENT_TOLERANCE = {"float32": (1e-3, 1e-6), "float64": (1e-7, 1e-12)}


@dataclass
class Case:
    """One row of the benchmark: an activation (or one of its variants) and one operation."""

    entry: object
    operation: str
    variant: str | None = None
    variant_kwargs: dict = field(default_factory=dict)

    @property
    def label(self):
        name = self.entry.name if self.variant is None else f"{self.entry.name}[{self.variant}]"
        return f"{name} {self.operation}"

    @property
    def params(self):
        """The catalogue defaults with the variant's keywords applied, passed to every peer."""
        params = {p.name: p.default for p in self.entry.parameters if p.name != "axis"}
        params.update(self.variant_kwargs)
        return params


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Time every activation and derivative of nonlin against the textbook NumPy form, "
        "scipy.special, PyTorch and the memory-bandwidth floor.",
    )
    parser.add_argument(
        "--quick", action="store_true",
        help=f"smoke run: sizes {', '.join(f'{s:.0e}' for s in QUICK_SIZES)} and 3 rounds of 1 ms batches",
    )

    parser.add_argument("--only", nargs="+", metavar="NAME", help="catalogue names to time (default: all)")
    parser.add_argument(
        "--sizes", nargs="+", type=_size, metavar="N",
        help="numbers of elements, such as 1e6 (default: 1e3 1e4 1e5 1e6 1e7)",
    )
    parser.add_argument("--dtypes", nargs="+", choices=DTYPES, default=list(DTYPES), help="dtypes to time")
    parser.add_argument(
        "--rounds", type=int, metavar="R",
        help="paired rounds per measurement (default: 9, and 4 from 5e6 elements on; 3 with --quick)",
    )
    parser.add_argument(
        "--batch-seconds", type=float, metavar="S",
        help="minimum duration of one timed batch of calls, in seconds (default: 0.004; 0.001 with --quick)",
    )
    parser.add_argument("--skip-torch", action="store_true", help="leave out the PyTorch peer even if installed")
    parser.add_argument(
        "--no-primitives", action="store_true",
        help="do not time the building blocks of primitives.py (exp, log1p, np.where...) against PyTorch",
    )

    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, metavar="PATH",
        help=f"where to write the JSON results (default: {DEFAULT_OUTPUT.relative_to(Path.cwd()) if DEFAULT_OUTPUT.is_relative_to(Path.cwd()) else DEFAULT_OUTPUT})",
    )
    args = parser.parse_args(argv)

    if args.only:
        unknown = [name for name in args.only if name not in CATALOGUE]
        if unknown:
            parser.error(
                f"--only: {', '.join(map(repr, unknown))} not in the catalogue; "
                f"choose from {', '.join(sorted(CATALOGUE))}"
            )
    if args.rounds is not None and args.rounds < 1:
        parser.error(f"--rounds {args.rounds} is invalid: give at least 1")
    if args.batch_seconds is not None and not args.batch_seconds > 0:
        parser.error(f"--batch-seconds {args.batch_seconds} is invalid: give a positive number of seconds")
    return args


def _size(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"size {text!r} is not a number: write it as 1000 or 1e3") from None
    if not value.is_integer() or value < 1:
        raise argparse.ArgumentTypeError(f"size {text!r} is invalid: give a whole number of elements >= 1")
    return int(value)


def load_torch(skip):
    """Return ``(torch or None, note)``, where the note explains why the PyTorch peer is missing."""
    if skip:
        return None, "PyTorch peer skipped (--skip-torch)."
    try:
        import torch
    except ImportError:
        return None, (
            "PyTorch is not installed, so the PyTorch peer was skipped; "
            "'make bench' installs torch==2.13.0 (a CPU build) before running."
        )
    # One thread, as NumPy's ufuncs have: the comparison is of kernels, not of core counts.
    torch.set_num_threads(1)
    return torch, None


def machine_info():
    cpu_model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    cpu_model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    from numpy._core import _multiarray_umath

    features = getattr(_multiarray_umath, "__cpu_features__", {})
    return {
        "cpu_model": cpu_model,
        "logical_cores": os.cpu_count(),
        "platform": platform.platform(),
        "numpy_simd_baseline": list(getattr(_multiarray_umath, "__cpu_baseline__", [])),
        "numpy_simd_dispatch": [
            name for name in getattr(_multiarray_umath, "__cpu_dispatch__", []) if features.get(name)
        ],
    }


def versions(torch):
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "torch": None if torch is None else torch.__version__,
        "nonlin": nonlin.__version__,
    }


def benchmark_cases(names):
    cases = []
    for entry in CATALOGUE.values():
        if names and entry.name not in names:
            continue
        operations = ("function", "vjp") if entry.vector_valued else ("function", "derivative")
        variants = [(None, {})] + [(name, dict(kwargs)) for name, kwargs in entry.variants.items()]
        for variant, kwargs in variants:
            for operation in operations:
                cases.append(Case(entry, operation, variant, kwargs))
    return cases


class Inputs:
    """Input arrays shared by every case, made on first use and kept until `clear`."""

    def __init__(self):
        self._arrays = {}

    def x(self, size, dtype, vector):
        """Return the input: 1-d, or rows of `VECTOR_AXIS_LENGTH` for vector-valued entries."""
        if vector and size % VECTOR_AXIS_LENGTH == 0:
            shape = (size // VECTOR_AXIS_LENGTH, VECTOR_AXIS_LENGTH)
        else:
            shape = (size,)
        key = ("x", shape, dtype)
        if key not in self._arrays:
            self._arrays[key] = (np.random.default_rng(0).standard_normal(shape) * INPUT_SCALE).astype(dtype)
        return self._arrays[key]

    def cotangent(self, shape, dtype):
        """Return a cotangent of the function's output shape, for vector-Jacobian products."""
        key = ("cotangent", tuple(shape), dtype)
        if key not in self._arrays:
            self._arrays[key] = np.random.default_rng(1).standard_normal(shape).astype(dtype)
        return self._arrays[key]

    def clear(self):
        self._arrays.clear()


def _output_shape(entry, x):
    """Return the shape of ``entry.function(x)``, computing it on one row only."""
    if not entry.vector_valued:
        return x.shape
    row = np.shape(entry.function(x[:1], axis=-1))
    return x.shape[:-1] + row[-1:]


def _lookup(table, entry):
    """Return the form for `entry` under its name or one of its aliases, or None."""
    for name in (entry.name, *entry.aliases):
        if name in table:
            return table[name]
    return None


def _call_text(function, *arguments, **params):
    """Return the source text of a call, for the results' description of nonlin."""
    parts = list(arguments) + [f"{name}={value!r}" for name, value in params.items()]
    return f"nonlin.{function.__name__}({', '.join(parts)})"


def _source(function):
    """Return the body of a textbook form as one line, for the results."""
    lines = inspect.getsource(function).splitlines()
    body = [line.strip() for line in lines[1:] if line.strip()]
    return "; ".join(body).removeprefix("return ")


def build_implementations(case, x, cotangent, torch):
    """Return ``(implementations, descriptions, missing)`` for one case on one input.

    `cotangent` is None unless the operation is a vector-Jacobian product.
    `descriptions` maps each key to the code it runs, and `missing` maps each
    peer that has no form for this case to the reason.
    """
    implementations, descriptions, missing = [], {}, {}

    def add(key, call, description):
        implementations.append(timing.Implementation(key, call))
        descriptions[key] = description

    _add_nonlin_and_textbook(case, x, cotangent, add, missing)
    _add_scipy(case, x, add, missing)
    _add_torch(case, x, cotangent, torch, add, missing)
    _add_floor(case, x, cotangent, add)
    return implementations, descriptions, missing


def _add_nonlin_and_textbook(case, x, cotangent, add, missing):
    entry, params, kwargs = case.entry, case.params, case.variant_kwargs
    if case.operation == "vjp":
        vjp = entry.vjp
        add("nonlin", lambda: vjp(x, cotangent, axis=-1, **kwargs), _call_text(vjp, "x", "cotangent", axis=-1, **kwargs))
        form = _lookup(textbook.VJPS, entry)
        call = None if form is None else (lambda: form(x, cotangent, -1, **params))
    elif entry.vector_valued:
        function = entry.function
        add("nonlin", lambda: function(x, axis=-1, **kwargs), _call_text(function, "x", axis=-1, **kwargs))
        form = _lookup(textbook.FUNCTIONS, entry)
        call = None if form is None else (lambda: form(x, -1, **params))
    else:
        function = entry.function if case.operation == "function" else entry.derivative
        add("nonlin", lambda: function(x, **kwargs), _call_text(function, "x", **kwargs))
        result = np.empty_like(x)
        add("nonlin_out", lambda: function(x, **kwargs, out=result), _call_text(function, "x", **kwargs)[:-1] + ", out=y)")
        table = textbook.FUNCTIONS if case.operation == "function" else textbook.DERIVATIVES
        form = _lookup(table, entry)
        call = None if form is None else (lambda: form(x, **params))
    if form is None:
        missing["textbook"] = f"no textbook form for {entry.name} {case.operation} in benchmarks/textbook.py"
    else:
        add("textbook", call, _source(form))


def _add_scipy(case, x, add, missing):
    entry, params = case.entry, case.params
    if case.operation == "vjp":
        missing["scipy"] = "scipy.special has no vector-Jacobian products"
        return
    if entry.vector_valued:
        form = _lookup(peers.SCIPY_VECTOR_FUNCTIONS, entry)
        call = None if form is None else (lambda: form.function(x, -1, **params))
    else:
        table = peers.SCIPY_FUNCTIONS if case.operation == "function" else peers.SCIPY_DERIVATIVES
        form = _lookup(table, entry)
        call = None if form is None else (lambda: form.function(x, **params))
    if form is None:
        missing["scipy"] = f"scipy.special has no {entry.name} {case.operation}"
    else:
        add("scipy", call, form.code)


def _add_torch(case, x, cotangent, torch, add, missing):
    entry, params = case.entry, case.params
    if torch is None:
        missing["torch"] = "PyTorch is not available in this run"
        return
    table = peers.TORCH_VECTOR if entry.vector_valued else peers.TORCH_ELEMENTWISE
    form = _lookup(table, entry)
    if form is None:
        missing["torch"] = f"no PyTorch form for {entry.name} in benchmarks/peers.py"
        return

    xt = torch.from_numpy(x)
    scratch = torch.empty_like(xt)
    if case.operation == "vjp":
        ut = torch.from_numpy(cotangent)
        y = torch.empty_like(xt)
        add("torch_fresh", lambda: form.vjp(xt, ut, -1), form.vjp_code)
        if form.vjp_out is not None:
            add("torch_out", lambda: form.vjp_out(xt, ut, -1, y, scratch), form.vjp_code + " with out=")
    elif entry.vector_valued:
        y = torch.empty(_output_shape(entry, x), dtype=xt.dtype)
        add("torch_fresh", lambda: form.fresh(xt, -1), form.code)
        if form.out is not None:
            add("torch_out", lambda: form.out(xt, -1, y), form.code + " with out=")
    elif case.operation == "function":
        y = torch.empty_like(xt)
        add("torch_fresh", lambda: form.fresh(xt, **params), form.code)
        if form.out is not None:
            add("torch_out", lambda: form.out(xt, y, **params), form.code + " with out=")
    else:
        y = torch.empty_like(xt)
        ones = torch.ones_like(xt)
        if form.no_derivative:
            missing["torch"] = form.no_derivative
            return
        if form.backward is None:
            derivative = peers.torch_autograd_derivative(form)
            add("torch_fresh", lambda: derivative(xt, ones, **params), "autograd through " + form.code)
            return
        add("torch_fresh", lambda: form.backward(xt, ones, **params), "backward kernel " + form.backward_code)
        if form.backward_out is not None:
            add(
                "torch_out",
                lambda: form.backward_out(xt, ones, y, scratch, **params),
                "backward kernel " + form.backward_code + " with out=",
            )


def _add_floor(case, x, cotangent, add):
    """Add one streaming pass that reads what nonlin reads and writes an output of nonlin's shape.

    GLU halves its axis, so its floor reads the two halves and writes one.
    """
    if case.operation == "vjp" and cotangent.shape == x.shape:
        y = np.empty_like(x)
        add("floor", lambda: np.add(x, cotangent, out=y), "np.add(x, cotangent, out=y)")
        add("floor_fresh", lambda: np.add(x, cotangent), "np.add(x, cotangent)")
    elif case.operation == "vjp":
        y = np.empty_like(x)
        first, second = np.split(x, 2, axis=-1)
        low, high = np.split(y, 2, axis=-1)

        def halves(first_out, second_out):
            np.multiply(first, cotangent, out=first_out)
            return np.multiply(second, cotangent, out=second_out)

        add("floor", lambda: halves(low, high), "np.multiply(half of x, cotangent, out=half of y), per half")
        add("floor_fresh", lambda: halves(np.empty_like(cotangent), np.empty_like(cotangent)),
            "np.multiply(half of x, cotangent), per half")
    elif _output_shape(case.entry, x) == x.shape:
        y = np.empty_like(x)
        add("floor", lambda: np.negative(x, out=y), "np.negative(x, out=y)")
        add("floor_fresh", lambda: np.negative(x), "np.negative(x)")
    else:
        first, second = np.split(x, 2, axis=-1)
        y = np.empty_like(first)
        add("floor", lambda: np.add(first, second, out=y), "np.add(first half, second half, out=y)")
        add("floor_fresh", lambda: np.add(first, second), "np.add(first half, second half)")


def check_agreement(implementations, dtype):
    """Compare each peer's result with nonlin's on the same input; record the largest differences."""
    results = {}
    reference = None
    for item in implementations:
        if item.key.startswith("floor"):
            continue
        value = item.call()
        if hasattr(value, "detach"):
            value = value.detach().numpy()
        value = np.asarray(value, dtype=np.float64)
        if item.key == "nonlin":
            reference = value
            continue
        rtol, atol = AGREEMENT_TOLERANCE[dtype]
        difference = np.abs(value - reference)
        scale = np.abs(reference)
        relative = difference[scale > 0] / scale[scale > 0]
        results[item.key] = {
            "max_abs_difference": float(np.max(difference)) if difference.size else 0.0,
            "max_relative_difference": float(np.max(relative)) if relative.size else 0.0,
            "agrees": bool(np.allclose(value, reference, rtol=rtol, atol=atol, equal_nan=True)),
        }
    return results


def measure_memory(implementations, input_bytes):
    """Measure the peak traced memory of one call of each NumPy-based implementation."""
    memory = {}
    for item in implementations:
        # tracemalloc cannot see PyTorch's allocations, and the floor writes
        # into a preallocated output.
        if item.key.startswith("torch") or item.key == "floor":
            continue
        peak, result_bytes = timing.peak_memory(item.call)
        memory[item.key] = {
            "peak_bytes": peak,
            "peak_in_inputs": peak / input_bytes,
            "temporaries_in_inputs": (peak - result_bytes) / input_bytes,
        }
    return memory


def _batch_seconds(args):
    return args.batch_seconds or (0.001 if args.quick else 0.004)


def _rounds(size, args):
    if args.rounds is not None:
        return args.rounds
    if args.quick:
        return 3
    # Calls on 5e6 elements or more take tens to hundreds of milliseconds
    # and make up most of a full run, so they get fewer rounds: the whole
    # default run then stays near 15 minutes on 2 cores.
    return 4 if size >= 5 * 10**6 else 9


def _drop_failing(implementations, errors, missing):
    """Drop the implementations whose first call raises, recording why.

    A peer raises NotImplementedError for parameter values it does not
    have (PyTorch's hard sigmoid has slope 1/6 only), which goes to
    `missing`. Any other error (a renamed parameter, say) goes to `errors`,
    so that it is reported instead of ending a run of many minutes.
    """
    kept = []
    for item in implementations:
        try:
            item.call()
        except NotImplementedError as error:
            missing[item.key.removesuffix("_fresh").removesuffix("_out")] = str(error)
            continue
        except Exception as error:
            errors[item.key] = f"{type(error).__name__}: {error}"
            continue
        kept.append(item)
    return kept


def summarise(seconds):
    """Turn per-round seconds into medians and paired ratio summaries."""
    seconds = dict(seconds)
    if "torch_fresh" in seconds:
        torch_rounds = [seconds["torch_fresh"]]
        if "torch_out" in seconds:
            torch_rounds.append(seconds["torch_out"])
        seconds["torch"] = list(np.min(torch_rounds, axis=0))
    # nonlin, like PyTorch, counts as the faster of its fresh-output and
    # out= calls in each round; both are recorded.
    nonlin_rounds = seconds["nonlin"]
    if "nonlin_out" in seconds:
        nonlin_rounds = list(np.min([seconds["nonlin"], seconds["nonlin_out"]], axis=0))
        seconds["nonlin_best"] = nonlin_rounds
    medians = {key: float(np.median(values)) for key, values in seconds.items()}
    ratios = {}
    for key in (*PEER_KEYS, "floor", "floor_fresh"):
        if key in seconds:
            ratios[key] = timing.ratio_summary(nonlin_rounds, seconds[key])
    peer_keys = [key for key in PEER_KEYS if key in seconds]
    if peer_keys:
        fastest = min(peer_keys, key=lambda key: medians[key])
        ratios["fastest_peer"] = {
            **timing.ratio_summary(nonlin_rounds, np.min([seconds[key] for key in peer_keys], axis=0)),
            "peer": fastest,
        }
    return medians, ratios


def _case_inputs(case, inputs, size, dtype):
    x = inputs.x(size, dtype, case.entry.vector_valued)
    if case.operation != "vjp":
        return x, None
    return x, inputs.cotangent(_output_shape(case.entry, x), dtype)


def measure_case(case, dtype, sizes, args, inputs, torch):
    """Time one case at every size, and check agreement and memory once."""
    record = {
        "name": case.entry.name,
        "family": case.entry.family,
        "variant": case.variant,
        "operation": case.operation,
        "dtype": dtype,
        "params": case.params,
        "implementations": {},
        "missing": {},
        "errors": {},
        "agreement": {},
        "memory": {},
        "sizes": [],
    }
    batch_seconds = _batch_seconds(args)

    x, cotangent = _case_inputs(case, inputs, min(MEMORY_SIZE, max(sizes)), dtype)
    implementations, descriptions, missing = build_implementations(case, x, cotangent, torch)
    implementations = _drop_failing(implementations, record["errors"], missing)
    record["implementations"] = {item.key: descriptions[item.key] for item in implementations}
    record["missing"] = missing
    if "nonlin" in record["errors"]:
        print(f"{case.label}: nonlin failed, not timed: {record['errors']['nonlin']}", file=sys.stderr)
        return record
    record["agreement"] = check_agreement(implementations, dtype)
    record["memory"] = {"size": x.size, **measure_memory(implementations, x.nbytes)}

    for size in sizes:
        x, cotangent = _case_inputs(case, inputs, size, dtype)
        implementations, _, _ = build_implementations(case, x, cotangent, torch)
        implementations = [item for item in implementations if item.key in record["implementations"]]
        rounds = _rounds(size, args)
        seconds, numbers = timing.time_paired(implementations, rounds, batch_seconds)
        medians, ratios = summarise(seconds)
        record["sizes"].append({
            "size": size,
            "shape": list(x.shape),
            "rounds": rounds,
            "calls_per_batch": numbers,
            "median_seconds": medians,
            "ratios": ratios,
        })
        _progress(case, dtype, size, medians, ratios)
    return record


def _progress(case, dtype, size, medians, ratios):
    line = f"{case.label:<32} {dtype:<8} {size:>9.0e}  nonlin {medians['nonlin'] * 1e3:9.4f} ms"
    if "fastest_peer" in ratios:
        fastest = ratios["fastest_peer"]
        line += f"  x{fastest['median']:6.2f} vs {fastest['peer']}"
    line += f"  x{ratios['floor']['median']:6.2f} vs floor"
    print(line, file=sys.stderr, flush=True)


def measure_primitive_section(sizes, args, torch, torch_note, notes):
    """Time the building blocks of primitives.py at the run's sizes from 1e6 on, and return the results' section."""
    primitive_sizes = primitives.primitive_sizes(sizes)
    if max(primitive_sizes) < primitives.MINIMUM_SIZE:
        notes.append(
            f"Primitives timed at {', '.join(f'{size:.0e}' for size in primitive_sizes)} elements only, "
            f"because the run has no size from {primitives.MINIMUM_SIZE:.0e} on: their times include call overhead."
        )
    return primitives.measure_primitives(
        primitive_sizes, args.dtypes, torch,
        rounds_for=lambda size: _rounds(size, args),
        batch_seconds=_batch_seconds(args),
        torch_note=torch_note,
        progress=_primitive_progress,
    )


def _primitive_progress(record, entry):
    nanoseconds = entry["ns_per_element"]
    line = f"primitive {record['key']:<22} {record['dtype']:<8} {entry['size']:>9.0e}"
    for side in ("numpy", "torch"):
        if side in nanoseconds:
            line += f"  {side} {nanoseconds[side]:7.2f} ns"
    if "ratio" in entry:
        line += f"  x{entry['ratio']['median']:6.2f}"
    print(line, file=sys.stderr, flush=True)


def main(argv=None):
    args = parse_args(argv)
    sizes = sorted(set(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)))
    torch, torch_note = load_torch(args.skip_torch)
    # The textbook forms overflow in exp for large |x| by design; their
    # warnings would only drown the progress lines.
    np.seterr(all="ignore")

    # Move the many objects of the imports (PyTorch's above all) out of the
    # collector's reach, so that no collection pass lands inside a timing.
    gc.freeze()
    started = time.perf_counter()
    started_at = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    inputs = Inputs()
    cases = benchmark_cases(set(args.only or ()))
    results = []
    for dtype in args.dtypes:
        for case in cases:
            results.append(measure_case(case, dtype, sizes, args, inputs, torch))
        inputs.clear()
    notes = [note for note in (torch_note,) if note]
    primitive_results = None
    if args.no_primitives:
        notes.append("Primitives not timed (--no-primitives).")
    else:
        primitive_results = measure_primitive_section(sizes, args, torch, torch_note, notes)

    document = {
        "schema_version": SCHEMA_VERSION,
        "command": shlex.join([sys.executable, *sys.argv]) if argv is None else shlex.join(["benchmarks/run.py", *argv]),
        "started": started_at,
        "duration_seconds": round(time.perf_counter() - started, 1),
        "machine": machine_info(),
        "versions": versions(torch),
        "settings": {
            "sizes": sizes,
            "dtypes": list(args.dtypes),
            "rounds": {str(size): _rounds(size, args) for size in sizes},
            "batch_seconds": _batch_seconds(args),
            "input": f"x ~ Normal(0, {INPUT_SCALE:g}^2), seed 0; cotangent ~ Normal(0, 1), seed 1",
            "vector_axis_length": VECTOR_AXIS_LENGTH,
            "memory_size": MEMORY_SIZE,
            "torch_threads": 1 if torch is not None else None,
            "ratio": "per-round nonlin seconds / peer seconds; median and quartiles over the rounds",
        },
        "notes": notes,
        "results": results,
    }
    if primitive_results is not None:
        document["primitives"] = primitive_results
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    print(f"Wrote {args.output} ({len(results)} measurements in {document['duration_seconds']:.0f} s).", file=sys.stderr)


if __name__ == "__main__":
    main()

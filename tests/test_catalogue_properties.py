"""Each property the catalogue states, checked numerically on the function itself.

A stated range that sampled outputs leave, a range looser than the outputs,
a monotonicity the derivative contradicts, a smoothness class the function
does not have, a wrong kink value or a wrong zero-centred flag each fail
here. Properties describe the default parameters.
"""

import math

import numpy as np
import pytest

from nonlin.catalogue import CATALOGUE
from sampling import ELEMENTWISE, VECTOR, default_arguments

#: Step of the finite-difference grid used for the smoothness checks.
STEP = 1e-3
#: A change of a finite-difference derivative between neighbouring grid
#: points larger than this, relative to its size (at least 1), is a jump. Smooth variation is about
#: (next derivative) * STEP, far below it for every catalogued function.
JUMP = 0.05


def evaluate(entry, x, derivative=False):
    function = entry.derivative if derivative else entry.function
    return np.asarray(function(np.asarray(x, dtype=np.float64), **default_arguments(entry)))


def wide_sample():
    """Return float64 inputs from -1e300 to 1e300, dense near zero."""
    magnitudes = np.concatenate([np.logspace(-300, 300, 601), np.linspace(0, 20, 4001)])
    return np.unique(np.concatenate([-magnitudes, magnitudes]))


def derivative_jumps(entry, order):
    """Return the largest jump of the `order`-th finite difference of f' on [-8, 8].

    Order 0 is f' itself, so a jump there means f is only C^0; order 1
    approximates f'' and a jump means f is only C^1; and so on.
    """
    values = evaluate(entry, np.arange(-8, 8, STEP), derivative=True)
    for _ in range(order):
        values = np.diff(values) / STEP
    # Relative to the values, so a fast-growing smooth function (e^x at 8
    # changes by 3 per step) is not read as a jump.
    scale = np.maximum(1, np.maximum(np.abs(values[:-1]), np.abs(values[1:])))
    return float(np.max(np.abs(np.diff(values)) / scale))


def function_jump(entry):
    """Return the largest jump of f across a stated kink."""
    jumps = [0.0]
    for kink in entry.kinks:
        left = evaluate(entry, np.nextafter(kink.x, -np.inf))
        right = evaluate(entry, np.nextafter(kink.x, np.inf))
        jumps.append(abs(float(right - left)))
    return max(jumps)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_range_contains_every_output(name):
    entry = CATALOGUE[name]
    interval = entry.output_range
    x = wide_sample()
    y = evaluate(entry, x)
    # Rounding can reach an open end (sigmoid(40) is exactly 1.0), so
    # strictness is checked on [-10, 10], where no output rounds onto a bound.
    assert np.all(y >= interval.low), f"{name} output {y.min()} is below the stated range {interval.latex}"
    assert np.all(y <= interval.high), f"{name} output {y.max()} is above the stated range {interval.latex}"
    inner = evaluate(entry, np.linspace(-10, 10, 2001))
    outside = [v for v in inner if not interval.contains(v)]
    assert not outside, f"{name} outputs {outside[:3]} lie outside {interval.latex}"


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_range_is_tight(name):
    entry = CATALOGUE[name]
    interval = entry.output_range
    y = evaluate(entry, wide_sample())
    if math.isfinite(interval.low):
        assert y.min() <= interval.low + 1e-6 * max(1, abs(interval.low)), (
            f"{name} never comes near its stated lower bound {interval.low}: min output {y.min()}"
        )
    else:
        assert y.min() < -1e6, f"{name} is stated unbounded below but its min output is {y.min()}"
    if math.isfinite(interval.high):
        assert y.max() >= interval.high - 1e-6 * max(1, abs(interval.high)), (
            f"{name} never comes near its stated upper bound {interval.high}: max output {y.max()}"
        )
    else:
        assert y.max() > 1e6, f"{name} is stated unbounded above but its max output is {y.max()}"


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_monotonicity_matches_derivative(name):
    entry = CATALOGUE[name]
    x = wide_sample()
    slope = evaluate(entry, x, derivative=True)
    grid = np.linspace(-10, 10, 4001)
    steps = np.diff(evaluate(entry, grid))
    if entry.monotonic == "increasing":
        assert np.all(slope >= 0), f"{name} is stated increasing, but f' < 0 at {x[slope < 0][:3]}"
        assert np.all(steps > 0), f"{name} is stated strictly increasing, but it is flat or falls on [-10, 10]"
    elif entry.monotonic == "non-decreasing":
        assert np.all(slope >= 0), f"{name} is stated non-decreasing, but f' < 0 at {x[slope < 0][:3]}"
        assert np.any(steps == 0), f"{name} is stated non-decreasing, but it is strictly increasing: say increasing"
    elif entry.monotonic == "non-increasing":
        assert np.all(slope <= 0), f"{name} is stated non-increasing, but f' > 0 at {x[slope > 0][:3]}"
    else:
        assert entry.monotonic == "no", f"{name}: unknown monotonic value {entry.monotonic!r}"
        assert np.any(slope > 0), f"{name} is stated not monotonic, but f' is never positive"
        assert np.any(slope < 0), f"{name} is stated not monotonic, but f' is never negative"


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_smoothness_class_holds(name):
    entry = CATALOGUE[name]
    k = entry.smoothness
    if k < 0:
        assert entry.kinks, f"{name} is stated discontinuous but lists no point of discontinuity"
        assert function_jump(entry) > JUMP, f"{name} is stated discontinuous but f does not jump at its kinks"
        return
    assert function_jump(entry) < 1e-6, f"{name} is stated continuous but f jumps at a kink"
    # f is C^k: the finite differences of f' of orders 0 .. k-1 have no jump,
    # checked up to order 3 for C^inf.
    for order in range(int(min(k, 4))):
        jump = derivative_jumps(entry, order)
        assert jump < JUMP, f"{name} is stated C^{k}, but its derivative of order {order + 1} jumps by {jump:.3g}"
    if math.isfinite(k):
        # The class is tight: the derivative of order k + 1 jumps somewhere.
        jump = derivative_jumps(entry, int(k))
        assert jump >= JUMP, f"{name} is stated only C^{int(k)}, but its derivative of order {int(k) + 1} is continuous"


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_kink_values_are_pinned(name):
    entry = CATALOGUE[name]
    for kink in entry.kinks:
        value = float(evaluate(entry, kink.x, derivative=True))
        assert value == kink.derivative, f"{name}'({kink.x}) is {value}, the catalogue states {kink.derivative}"
        if entry.smoothness == 0:
            left = float(evaluate(entry, kink.x - 1e-9, derivative=True))
            right = float(evaluate(entry, kink.x + 1e-9, derivative=True))
            assert left != right, f"{name} lists a kink at {kink.x}, but f' is the same on both sides"


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_zero_centred_flag(name):
    # Zero-centred: f(0) = 0 and f takes both signs.
    entry = CATALOGUE[name]
    y = evaluate(entry, wide_sample())
    centred = float(evaluate(entry, 0.0)) == 0 and y.min() < 0 < y.max()
    assert centred == entry.zero_centred, f"{name} is stated zero_centred={entry.zero_centred}, measured {centred}"


@pytest.mark.parametrize("name", VECTOR)
def test_vector_range_contains_outputs(name):
    entry = CATALOGUE[name]
    rng = np.random.default_rng(0)
    x = rng.normal(scale=30, size=(200, 8))
    y = entry.function(x)
    interval = entry.output_range
    assert np.all(y >= interval.low), f"{name} output {y.min()} is below the stated range {interval.latex}"
    assert np.all(y <= interval.high), f"{name} output {y.max()} is above the stated range {interval.latex}"

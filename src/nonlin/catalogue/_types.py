"""The record types of the catalogue."""

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

__all__ = ["Activation", "Interval", "Kink", "Parameter", "Reference", "FAMILIES"]

#: Families in the order the site presents them, with their section titles.
FAMILIES = {
    "rectifiers": "Rectifiers",
    "smooth_rectifiers": "Smooth rectifiers",
    "squashing": "Squashing functions",
    "shrinkage": "Shrinkage functions",
    "vector": "Vector-valued activations",
    "other": "Other activations",
}


@dataclass(frozen=True)
class Parameter:
    """A parameter of an activation: its name, default, meaning and valid values."""

    name: str
    default: object
    description: str
    valid: str = "any finite value"


@dataclass(frozen=True)
class Interval:
    """An interval of the real line, for the range of an activation.

    `low` and `high` may be infinite. `latex` is how the docs print it, for
    example ``(0, 1)`` or ``[-\\alpha, \\infty)``.
    """

    low: float
    high: float
    low_closed: bool
    high_closed: bool
    latex: str

    def contains(self, value):
        """Return whether the finite number `value` lies in the interval."""
        above = value > self.low or (self.low_closed and value == self.low)
        below = value < self.high or (self.high_closed and value == self.high)
        return above and below

    @property
    def bounded_below(self):
        return math.isfinite(self.low)

    @property
    def bounded_above(self):
        return math.isfinite(self.high)


@dataclass(frozen=True)
class Kink:
    """A point where the derivative jumps, and the value nonlin returns there."""

    x: float
    derivative: float
    convention: str


@dataclass(frozen=True)
class Reference:
    """The paper or source that introduced an activation."""

    citation: str
    url: str


@dataclass(frozen=True)
class Activation:
    """One catalogue entry: an activation, its derivative and the properties readers compare.

    Properties describe the function with its default parameters.
    `smoothness` is the largest k for which the function is C^k: ``-1`` for
    a discontinuous function, ``0`` for continuous with a kink, and
    ``math.inf`` for infinitely differentiable. `monotonic` is one of
    ``"increasing"`` (strictly), ``"non-decreasing"``, ``"non-increasing"``
    or ``"no"``. `zero_centred` means f(0) = 0 and f takes both signs, so
    that outputs can average to zero. tests/test_catalogue_properties.py
    checks each of these numerically.

    For elementwise activations, `derivative` is f'(x). For vector-valued
    ones (`vector_valued` true), `derivative` is the Jacobian function, and
    `jvp` and `vjp` are the products that never build it.
    """

    name: str
    title: str
    family: str
    function: Callable
    derivative: Callable
    formula: str
    derivative_formula: str
    output_range: Interval
    monotonic: str
    smoothness: float
    zero_centred: bool
    reference: Reference
    summary: str
    parameters: tuple[Parameter, ...] = ()
    kinks: tuple[Kink, ...] = ()
    aliases: tuple[str, ...] = ()
    vector_valued: bool = False
    jvp: Callable | None = None
    vjp: Callable | None = None
    #: Rough cost in elementary operations per element, for the comparison table.
    cost: str = ""
    #: Extra keyword arguments that select a variant, for example the tanh form of GELU.
    variants: Mapping[str, Mapping[str, object]] = field(default_factory=dict)

    @property
    def bounded_below(self):
        return self.output_range.bounded_below

    @property
    def bounded_above(self):
        return self.output_range.bounded_above

    @property
    def smoothness_label(self):
        """The smoothness class as text: ``discontinuous``, ``C^0``, ``C^1``... or ``C^inf``."""
        if self.smoothness < 0:
            return "discontinuous"
        if math.isinf(self.smoothness):
            return "C^inf"
        return f"C^{int(self.smoothness)}"

"""Reference cases: each pairs a nonlin activation with its exact formula in mpmath.

Each family has a module ``mp_<family>.py`` beside this one with a list
``CASES`` of `ReferenceCase`. ``generate.py`` evaluates every case over a
dense sample of each dtype's range and stores the correctly rounded results
in ``data/``; ``tests/test_accuracy.py`` compares nonlin with them.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReferenceCase:
    """An activation with fixed parameters and its exact formulas.

    `function` and `derivative` take an ``mpmath.mpf`` and return an
    ``mpmath.mpf`` (or ``mpmath.inf``), computed at the working precision
    that ``generate.py`` sets; they must be exact formulas, never a port of
    the NumPy code. `parameters` are passed as keyword arguments to both
    nonlin functions. `special_points` are inputs sampled with their
    neighbours on both sides in every dtype: kinks, thresholds, zeros.
    `second_derivative`, if given, replaces numerical differentiation when
    the condition number of the derivative is computed. At +-inf the
    reference is the formula's limit (evaluated far beyond the dtype's
    range when mpmath gives NaN at infinity); set `nan_at_infinity` for a
    function with no limit there, such as sin, whose result is then NaN.
    """

    name: str
    function: Callable
    derivative: Callable
    parameters: Mapping[str, object] = field(default_factory=dict)
    special_points: tuple[float, ...] = ()
    second_derivative: Callable | None = None
    nan_at_infinity: bool = False

    @property
    def label(self):
        """A unique id such as ``elu`` or ``elu[alpha=0.5]``, used for file names and test ids."""
        if not self.parameters:
            return self.name
        inside = ",".join(f"{key}={value}" for key, value in sorted(self.parameters.items()))
        return f"{self.name}[{inside}]"

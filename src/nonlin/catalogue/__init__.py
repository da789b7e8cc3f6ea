"""The catalogue: every activation of nonlin with its derivative, formulas and properties.

The docs, the gallery and the tests read this catalogue instead of keeping
lists of their own, so an activation added here is documented and tested.

>>> from nonlin.catalogue import CATALOGUE
>>> CATALOGUE["sigmoid"].output_range.latex
'(0, 1)'
"""

from nonlin.catalogue import _other, _rectifiers, _shrinkage, _smooth, _squashing, _vector
from nonlin.catalogue._types import FAMILIES, Activation, Interval, Kink, Parameter, Reference

__all__ = [
    "CATALOGUE",
    "FAMILIES",
    "Activation",
    "Interval",
    "Kink",
    "Parameter",
    "Reference",
    "by_family",
]


def _collect():
    entries = {}
    for module in (_rectifiers, _smooth, _squashing, _shrinkage, _other, _vector):
        for entry in module.ENTRIES:
            if entry.name in entries:
                raise RuntimeError(f"catalogue entry {entry.name!r} is defined twice")
            entries[entry.name] = entry
    return entries


#: Every activation, keyed by its public name.
CATALOGUE = _collect()


def by_family():
    """Return ``{family: [entries]}`` in the order of `FAMILIES`."""
    return {family: [e for e in CATALOGUE.values() if e.family == family] for family in FAMILIES}

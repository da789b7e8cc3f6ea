"""Accuracy of every function and derivative against stored mpmath references.

The bar: at most 4 ULP (float32, float64) or 1 ULP (float16) from the
correctly rounded result, plus one ULP per unit of condition number where
the condition number exceeds 1. tests/reference/generate.py makes the
stored values; see its docstring for the sample.
"""

import json

import numpy as np
import pytest

import nonlin
from nonlin.catalogue import CATALOGUE
from reference.generate import load_cases
from reference.measure_accuracy import OUTPUT as ACCURACY_TABLE
from reference.ulp import compare, load_reference

CASES = load_cases()
DTYPE_NAMES = ("float16", "float32", "float64")


def _worst_points(x, computed, expected, distance, allowed, count=5):
    excess = distance / allowed
    order = np.argsort(-excess)[:count]
    return "\n".join(
        f"  x={x[i]!r}: got {computed[i]!r}, expected {expected[i]!r}, "
        f"{distance[i]:g} ULP > allowed {allowed[i]:g}"
        for i in order
        if excess[i] > 1
    )


@pytest.mark.parametrize("dtype_name", DTYPE_NAMES)
@pytest.mark.parametrize("kind", ["f", "df"])
@pytest.mark.parametrize("label", sorted(CASES))
def test_within_ulp_bar(label, kind, dtype_name):
    case = CASES[label]
    reference = load_reference(case)
    assert reference is not None, f"no stored reference for {label}: run tests/reference/generate.py {case.name}"
    function = getattr(nonlin, case.name if kind == "f" else f"{case.name}_derivative")

    x, computed, expected, distance, allowed = compare(case, function, reference, dtype_name, kind)

    outside = distance > allowed
    assert not outside.any(), (
        f"{function.__name__}({case.parameters or ''}) in {dtype_name}: "
        f"{outside.sum()} of {x.size} points outside the bar\n"
        + _worst_points(x, computed, expected, distance, allowed)
    )


def test_every_elementwise_entry_has_reference():
    covered = {case.name for case in CASES.values()}
    elementwise = {name for name, entry in CATALOGUE.items() if not entry.vector_valued}
    missing = sorted(elementwise - covered)
    assert not missing, f"catalogue entries without an mpmath reference case: {missing}"


def test_published_table_covers_every_case():
    assert ACCURACY_TABLE.exists(), "run tests/reference/measure_accuracy.py to write the published table"
    rows = json.loads(ACCURACY_TABLE.read_text())
    published = {(row["label"], row["dtype"]) for row in rows}
    expected = {(label, dtype) for label in CASES for dtype in DTYPE_NAMES}
    assert published == expected, (
        f"accuracy.json is stale: missing {sorted(expected - published)}, "
        f"extra {sorted(published - expected)}; rerun tests/reference/measure_accuracy.py"
    )


def test_published_table_within_bar():
    rows = json.loads(ACCURACY_TABLE.read_text())
    failing = [f"{row['label']} {row['dtype']}" for row in rows if not row["bound_ok"]]
    assert not failing, f"accuracy.json publishes rows outside the bar: {failing}"

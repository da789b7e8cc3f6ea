"""Measure nonlin's accuracy on the stored references and write accuracy.json for the docs.

Usage (from the repository root)::

    .venv/bin/python tests/reference/measure_accuracy.py

For each reference case and dtype, the table gives the maximum ULP error of
the function and of its derivative at well-conditioned points (condition
number <= 1), and whether every point is within the bar: 4 ULP (1 ULP in
float16) plus one ULP per unit of condition number above 1.
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in (HERE, HERE.parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import nonlin  # noqa: E402
from reference.generate import DTYPES, load_cases  # noqa: E402
from reference.ulp import compare, load_reference, summarize  # noqa: E402

import numpy as np  # noqa: E402

OUTPUT = HERE / "accuracy.json"


def measure(case, reference):
    """Return the table rows of one case, one per dtype."""
    entry_function = getattr(nonlin, case.name)
    entry_derivative = getattr(nonlin, f"{case.name}_derivative")
    rows = []
    for dtype in DTYPES:
        name = np.dtype(dtype).name
        row = {"name": case.name, "label": case.label, "dtype": name}
        ok = True
        for kind, function in (("f", entry_function), ("df", entry_derivative)):
            _, _, _, distance, allowed = compare(case, function, reference, name, kind)
            condition_ok = reference[f"{kind}_condition_{name}"] <= 1
            max_ulp, worst_ratio = summarize(distance, allowed, condition_ok)
            prefix = "function" if kind == "f" else "derivative"
            row[f"{prefix}_max_ulp"] = max_ulp
            row[f"{prefix}_worst_ratio"] = round(worst_ratio, 3)
            ok = ok and worst_ratio <= 1
        row["points"] = int(reference[f"x_{name}"].size)
        row["bound_ok"] = ok
        rows.append(row)
    return rows


def main():
    rows = []
    missing = []
    for label, case in sorted(load_cases().items()):
        reference = load_reference(case)
        if reference is None:
            missing.append(label)
            continue
        rows.extend(measure(case, reference))
    if missing:
        sys.exit(f"no stored reference for {', '.join(missing)}: run tests/reference/generate.py first")
    OUTPUT.write_text(json.dumps(rows, indent=1) + "\n")
    failing = [f"{r['label']} {r['dtype']}" for r in rows if not r["bound_ok"]]
    print(f"wrote {OUTPUT}: {len(rows)} rows, {len(failing)} outside the bar")
    for item in failing:
        print(f"  outside the bar: {item}")


if __name__ == "__main__":
    main()

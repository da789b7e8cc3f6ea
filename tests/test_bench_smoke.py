"""A quick run of the benchmark suite, checking the shape of what it writes.

The full benchmark takes minutes and its numbers depend on the machine, so
this checks only that ``benchmarks/run.py --quick`` runs, writes every
field the figures and docs read, and that the figures render from it.
PyTorch is optional: without it the run must still succeed and note why
the PyTorch peer is missing.
"""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
NAMES = ("sigmoid", "relu")
QUICK_SIZES = [1000, 100000]


def _torch_installed():
    return importlib.util.find_spec("torch") is not None


def _run(*arguments, timeout=300):
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), *arguments],
        capture_output=True, text=True, timeout=timeout, check=False,
    )


@pytest.fixture(scope="module")
def quick_results(tmp_path_factory):
    output = tmp_path_factory.mktemp("bench") / "results.json"
    completed = _run("--quick", "--only", *NAMES, "--output", str(output))
    assert completed.returncode == 0, completed.stderr
    return json.loads(output.read_text(encoding="utf-8"))


def test_quick_run_metadata(quick_results):
    assert quick_results["schema_version"] == 1
    assert "--quick" in quick_results["command"]
    assert quick_results["duration_seconds"] > 0
    assert set(quick_results["machine"]) >= {"cpu_model", "logical_cores", "numpy_simd_dispatch"}
    assert set(quick_results["versions"]) == {"python", "numpy", "scipy", "torch", "nonlin"}
    assert quick_results["settings"]["sizes"] == QUICK_SIZES
    assert quick_results["settings"]["dtypes"] == ["float32", "float64"]


def test_quick_run_covers_every_case(quick_results):
    cases = {(r["name"], r["operation"], r["dtype"]) for r in quick_results["results"]}
    expected = {
        (name, operation, dtype)
        for name in NAMES
        for operation in ("function", "derivative")
        for dtype in ("float32", "float64")
    }
    assert cases == expected


def test_quick_run_record_fields(quick_results):
    for record in quick_results["results"]:
        label = f"{record['name']} {record['operation']} {record['dtype']}"
        assert {"nonlin", "textbook", "floor", "floor_fresh"} <= set(record["implementations"]), label
        assert record["errors"] == {}, label
        assert all(result["agrees"] for result in record["agreement"].values()), label
        # The result alone is one input's worth of memory.
        assert record["memory"]["nonlin"]["peak_in_inputs"] >= 1.0, label
        assert [measurement["size"] for measurement in record["sizes"]] == QUICK_SIZES, label
        for measurement in record["sizes"]:
            assert measurement["median_seconds"]["nonlin"] > 0, label
            for key in ("textbook", "floor", "fastest_peer"):
                ratio = measurement["ratios"][key]
                assert ratio["q1"] <= ratio["median"] <= ratio["q3"], (label, key)


def test_quick_run_torch_peer(quick_results):
    records = quick_results["results"]
    if _torch_installed():
        assert quick_results["versions"]["torch"] is not None
        assert all("torch" in measurement["ratios"] for r in records for measurement in r["sizes"])
    else:
        assert quick_results["versions"]["torch"] is None
        assert any("PyTorch is not installed" in note for note in quick_results["notes"])
        assert all("torch" in r["missing"] for r in records)


def test_skip_torch_notes_missing_peer(tmp_path):
    output = tmp_path / "results.json"
    completed = _run("--quick", "--only", "relu", "--dtypes", "float64", "--sizes", "1e3", "--skip-torch",
                     "--output", str(output))
    assert completed.returncode == 0, completed.stderr
    results = json.loads(output.read_text(encoding="utf-8"))
    assert results["notes"] == ["PyTorch peer skipped (--skip-torch)."]
    assert all("torch" in record["missing"] for record in results["results"])


def test_unknown_name_rejected(tmp_path):
    completed = _run("--only", "no_such_activation", "--output", str(tmp_path / "unused.json"))
    assert completed.returncode == 2
    assert "'no_such_activation' not in the catalogue" in completed.stderr


def test_figures_render_from_results(quick_results, tmp_path):
    spec = importlib.util.spec_from_file_location("bench_report", BENCHMARKS / "report.py")
    report = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(report)
    results_path = tmp_path / "results.json"
    results_path.write_text(json.dumps(quick_results), encoding="utf-8")
    written = report.render_figures(results_path, tmp_path / "figures")
    assert [path.name for path in written] == ["ratios_float32.png", "ratios_float64.png"]
    assert all(path.stat().st_size > 0 for path in written)

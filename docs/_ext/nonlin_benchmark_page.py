"""The benchmark page: figures and a table drawn from the committed benchmarks/results.json.

Nothing here times anything. The figures are redrawn only when the results
file is newer than them, so a no-op rebuild costs nothing.
"""

import importlib.util
import json
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results.json"
#: Generated figures, inside the source tree because the image directive reads from there.
FIGURE_DIR = ROOT / "docs" / "benchmarks" / "generated"
#: The size the table reports: the smallest one the speed goal covers.
TABLE_SIZE = 1_000_000


def _load_report_module():
    # report.py uses only matplotlib and the standard library, so it is
    # loaded by path instead of making benchmarks/ a package.
    spec = importlib.util.spec_from_file_location("nonlin_benchmark_report", ROOT / "benchmarks" / "report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render_if_stale(app):
    if not RESULTS.exists():
        return
    figures = sorted(FIGURE_DIR.glob("ratios_*.png"))
    if figures and all(f.stat().st_mtime >= RESULTS.stat().st_mtime for f in figures):
        return
    _load_report_module().render_figures(RESULTS, FIGURE_DIR)


def _ratio(record, peer):
    for entry in record["sizes"]:
        if entry["size"] == TABLE_SIZE:
            ratio = entry["ratios"].get(peer)
            return None if ratio is None else ratio["median"]
    return None


class BenchmarkTable(Directive):
    """Tabulate nonlin's time over the fastest peer's and the textbook form's at 1e6 elements."""

    def run(self):
        if not RESULTS.exists():
            return [nodes.paragraph(text="No benchmark results are committed yet: run make bench.")]
        document = json.loads(RESULTS.read_text(encoding="utf-8"))
        self.state.document.settings.record_dependencies.add(str(RESULTS))
        rows = {}
        for record in document["results"]:
            label = record["name"] + (f"[{record['variant']}]" if record.get("variant") else "")
            suffix = {"function": "", "derivative": " derivative", "vjp": " vjp"}[record["operation"]]
            rows.setdefault(label + suffix, {})[record["dtype"]] = (
                _ratio(record, "fastest_peer"),
                _ratio(record, "textbook"),
            )

        headers = ["function", "float32 / fastest peer", "float32 / textbook", "float64 / fastest peer",
                   "float64 / textbook"]
        table = nodes.table(classes=["nonlin-benchmark-table"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        for _ in headers:
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        group += head
        head += self._row(headers)
        body = nodes.tbody()
        group += body
        for label, by_dtype in rows.items():
            cells = [label]
            for dtype in ("float32", "float64"):
                peer, textbook = by_dtype.get(dtype, (None, None))
                cells += [self._format(peer), self._format(textbook)]
            body += self._row(cells)
        container = nodes.container(classes=["nonlin-scroll"])
        container += table
        return [container]

    @staticmethod
    def _format(ratio):
        return "n/a" if ratio is None else f"{ratio:.2f}"

    @staticmethod
    def _row(cells):
        row = nodes.row()
        for text in cells:
            entry = nodes.entry()
            entry += nodes.paragraph(text=text)
            row += entry
        return row


class BenchmarkFacts(Directive):
    """State the machine, the versions and the command of the committed run."""

    def run(self):
        if not RESULTS.exists():
            return []
        document = json.loads(RESULTS.read_text(encoding="utf-8"))
        machine = document["machine"]
        versions = ", ".join(f"{name} {version}" for name, version in document["versions"].items())
        items = [
            f"Machine: {machine.get('cpu_model', 'unknown CPU')}, {machine.get('logical_cores')} logical cores, "
            f"NumPy SIMD dispatch {', '.join(machine.get('numpy_simd_dispatch', []))}.",
            f"Versions: {versions}.",
            f"Run started {document['started']}, took {document['duration_seconds']:.0f} s.",
        ]
        bullets = nodes.bullet_list()
        for text in items:
            item = nodes.list_item()
            item += nodes.paragraph(text=text)
            bullets += item
        # The recorded command names the absolute path of the machine that ran it.
        recorded = re.sub(r"^\S*/(\.venv/bin/python)", r"\1", document["command"])
        command = nodes.literal_block(text=f"make bench    # runs: {recorded}")
        return [bullets, command]


def setup(app):
    app.connect("builder-inited", render_if_stale)
    app.add_directive("nonlin-benchmark-table", BenchmarkTable)
    app.add_directive("nonlin-benchmark-facts", BenchmarkFacts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""The benchmark page: figures and tables drawn from the committed benchmarks/results.json.

Nothing here times anything. The figures are redrawn only when the results
file is newer than them, so a no-op rebuild costs nothing. The tables of
primitives and of what is still slower come from benchmarks/report.py,
which ``report.py --slower`` prints as Markdown too, and the causes beside
them from benchmarks/causes.py.
"""

import importlib.util
import json
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results.json"
CAUSES = ROOT / "benchmarks" / "causes.py"
#: Generated figures, inside the source tree because the image directive reads from there.
FIGURE_DIR = ROOT / "docs" / "benchmarks" / "generated"
#: The size the table reports: the smallest one the speed goal covers.
TABLE_SIZE = 1_000_000
#: Wide tables go in this container, which scrolls sideways on its own (see _static/nonlin.css).
SCROLL_CLASS = "nonlin-table-scroll"


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
        document = _read_results(self)
        if document is None:
            return [nodes.paragraph(text="No benchmark results are committed yet: run make bench.")]
        report = _load_report_module()
        rows = {}
        for record in document["results"]:
            rows.setdefault(report.case_title(record), {})[record["dtype"]] = (
                _ratio(record, "fastest_peer"),
                _ratio(record, "textbook"),
            )

        headers = ["function", "float32 / fastest peer", "float32 / textbook", "float64 / fastest peer",
                   "float64 / textbook"]
        cells = []
        for label, by_dtype in rows.items():
            line = [label]
            for dtype in ("float32", "float64"):
                peer, textbook = by_dtype.get(dtype, (None, None))
                line += [_format_ratio(peer), _format_ratio(textbook)]
            cells.append(line)
        return [_scrolling_table(headers, cells)]


def _format_ratio(ratio):
    return "n/a" if ratio is None else f"{ratio:.2f}"


def _table_row(cells):
    """Return a table row. A cell is a text, or a list of texts shown as one paragraph each."""
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        for text in [cell] if isinstance(cell, str) else cell:
            entry += nodes.paragraph(text=text)
        row += entry
    return row


def _scrolling_table(headers, cells, classes=()):
    table = nodes.table(classes=["nonlin-benchmark-table", *classes])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for _ in headers:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    group += head
    head += _table_row(headers)
    body = nodes.tbody()
    group += body
    for line in cells:
        body += _table_row(line)
    container = nodes.container(classes=[SCROLL_CLASS])
    container += table
    return container


def _read_results(directive):
    """Return the committed results, recording them (and causes.py) as dependencies of the page."""
    if not RESULTS.exists():
        return None
    directive.state.document.settings.record_dependencies.add(str(RESULTS))
    directive.state.document.settings.record_dependencies.add(str(CAUSES))
    return json.loads(RESULTS.read_text(encoding="utf-8"))


def _not_measured(document, consequence):
    version = document.get("schema_version", 1)
    return nodes.paragraph(text=(
        f"The committed run (results schema version {version}) did not time the primitives, {consequence}. "
        "The next full run of make bench adds them."
    ))


class PrimitiveTable(Directive):
    """Tabulate each primitive's ns per element in NumPy and PyTorch, and their ratio, per dtype."""

    def run(self):
        document = _read_results(self)
        if document is None:
            return [nodes.paragraph(text="No benchmark results are committed yet: run make bench.")]
        report = _load_report_module()
        if "primitives" not in document:
            return [_not_measured(document, "so there is no table of them yet")]
        output = []
        for dtype in document["primitives"]["dtypes"]:
            headers, cells = report.primitive_table(document, dtype)
            output.append(nodes.rubric(text=f"{dtype} input: ns per element, and NumPy time / PyTorch time"))
            output.append(_scrolling_table(headers, cells))
        headers, cells = report.primitive_code_table(document)
        output.append(nodes.rubric(text="What each primitive runs"))
        output.append(_scrolling_table(headers, cells))
        return output


class SlowerTable(Directive):
    """Tabulate every case still slower than its fastest peer at 1e6 or 1e7 elements, with its cause."""

    def run(self):
        document = _read_results(self)
        if document is None:
            return []
        report = _load_report_module()
        rows = report.slower_rows(document, report.load_causes(CAUSES))
        output = []
        if "primitives" not in document:
            output.append(_not_measured(document, "so the last column cannot give their ratios yet"))
        if not rows:
            output.append(nodes.paragraph(text="Nothing is slower than its fastest peer at 1e6 and 1e7 elements."))
            return output
        headers, cells = report.slower_table(rows)
        output.append(_scrolling_table(headers, cells, classes=["nonlin-slower-table"]))
        return output


class TemporaryMemory(Directive):
    """State the largest peaks of temporaries per call, for nonlin and for the textbook forms."""

    def run(self):
        document = _read_results(self)
        if document is None:
            return []
        report = _load_report_module()
        peaks = {"nonlin": [], "textbook": []}
        size = None
        for record in document["results"]:
            memory = record.get("memory", {})
            size = memory.get("size", size)
            for key, found in peaks.items():
                if key in memory:
                    label = f"{report.case_title(record)}, {record['dtype']}"
                    found.append((memory[key]["temporaries_in_inputs"], label))
        if not peaks["nonlin"]:
            return []
        largest = sorted(peaks["nonlin"], reverse=True)[:3]
        text = (
            f"In the committed run, on {size:,} elements, the largest peaks of temporaries, in multiples "
            "of the input's size, were "
            + ", ".join(f"{count:.1f} ({label})" for count, label in largest)
        )
        if peaks["textbook"]:
            count, label = max(peaks["textbook"])
            text += f". The largest for a textbook form was {count:.1f} ({label})"
        return [nodes.paragraph(text=text + ".")]


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
    app.add_directive("nonlin-benchmark-primitives", PrimitiveTable)
    app.add_directive("nonlin-benchmark-slower", SlowerTable)
    app.add_directive("nonlin-benchmark-temporaries", TemporaryMemory)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""Draw the benchmark figures, and tabulate what is still slower, from a results file written by run.py.

Nothing here times anything: the figures show the committed measurements,
so that a documentation build is quick and shows the numbers the README
describes. Usage from the repository root:

    python benchmarks/report.py benchmarks/results.json OUT_DIR
    python benchmarks/report.py --slower benchmarks/results.json

The first draws the figures, as ``render_figures("benchmarks/results.json",
"OUT_DIR")`` does from Python. The second prints, as a Markdown table, every
function, derivative and vector-Jacobian product still slower than its
fastest peer at 1e6 or 1e7 elements, with the cause from causes.py and the
measured NumPy / PyTorch ratio of the primitive that limits it. This module
uses only the standard library and matplotlib, so it can be loaded by path
without the benchmark's other modules (causes.py is plain data).
"""

import argparse
import importlib.util
import json
import math
from pathlib import Path

from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

__all__ = [
    "SLOWER_SIZES",
    "case_label",
    "case_title",
    "format_slower_markdown",
    "load_causes",
    "primitive_code_table",
    "primitive_table",
    "render_figures",
    "slower_rows",
    "slower_table",
]

#: The two panels of each figure: the ratio key in the results and its axis label.
PANELS = (
    ("fastest_peer", "nonlin time / fastest peer's time"),
    ("floor", "nonlin time / bandwidth floor's time"),
)
_OPERATION_SUFFIX = {"function": "", "derivative": "′", "vjp": " vjp"}
_ROW_HEIGHT = 0.26


def render_figures(results_path, out_dir):
    """Draw one PNG per dtype comparing nonlin with its fastest peer and the bandwidth floor.

    Each figure has one row per function, derivative and vector-Jacobian
    product, grouped by family, and two panels: nonlin's time over the
    fastest peer's (textbook NumPy, scipy.special or PyTorch, whichever
    was fastest) and over a single streaming pass through memory. Each
    size is a dot at the median of the paired ratios, with a bar across
    the interquartile range. Ratios above 1 mean nonlin is slower.

    Parameters
    ----------
    results_path : str or Path
        A JSON file written by ``benchmarks/run.py``.
    out_dir : str or Path
        Directory for the figures; created if missing.

    Returns
    -------
    list of Path
        The files written, ``ratios_<dtype>.png`` for each dtype measured.
    """
    document = json.loads(Path(results_path).read_text(encoding="utf-8"))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for dtype in document["settings"]["dtypes"]:
        records = [record for record in document["results"] if record["dtype"] == dtype]
        if not records:
            continue
        figure = _draw(records, dtype, document)
        path = out_dir / f"ratios_{dtype}.png"
        figure.savefig(path, dpi=110)
        written.append(path)
    return written


def _row_label(record):
    name = record["name"] if record["variant"] is None else f"{record['name']}[{record['variant']}]"
    return name + _OPERATION_SUFFIX.get(record["operation"], f" {record['operation']}")


def _draw(records, dtype, document):
    sizes = document["settings"]["sizes"]
    palette = colormaps["viridis"]
    colours = {size: palette(0.85 * i / max(len(sizes) - 1, 1)) for i, size in enumerate(sizes)}
    rows, family_starts = _layout(records)
    height = 1.6 + _ROW_HEIGHT * (len(rows) + len(family_starts))
    figure = Figure(figsize=(11, height), layout="constrained")
    axes = figure.subplots(1, len(PANELS), sharey=True)

    positions = {}
    y = 0
    family_positions = []
    for index, record in enumerate(rows):
        if index in family_starts:
            family_positions.append((y, record["family"]))
            y += 1
        positions[index] = y
        y += 1

    # Sizes sit a little above and below the row's centre line so that
    # their bars do not hide one another.
    offsets = {size: 0.6 * (i - (len(sizes) - 1) / 2) / max(len(sizes), 1) for i, size in enumerate(sizes)}
    for axis, (key, label) in zip(axes, PANELS):
        for index, record in enumerate(rows):
            for measurement in record["sizes"]:
                ratio = measurement["ratios"].get(key)
                if ratio is None:
                    continue
                row = positions[index] + offsets.get(measurement["size"], 0)
                colour = colours.get(measurement["size"], "black")
                axis.plot([ratio["q1"], ratio["q3"]], [row, row], color=colour, linewidth=1.2)
                axis.plot(ratio["median"], row, "o", color=colour, markersize=3.5)
        axis.axvline(1.0, color="0.3", linewidth=0.8)
        axis.set_xscale("log")
        axis.set_xlabel(label + " (log scale; > 1: nonlin slower)")
        axis.grid(axis="x", which="major", color="0.85", linewidth=0.6)
        for position, _ in family_positions:
            axis.axhline(position, color="0.85", linewidth=0.6)
        _widen_log_limits(axis)

    ticks = [positions[index] for index in range(len(rows))] + [p for p, _ in family_positions]
    labels = [_row_label(record) for record in rows] + [family.replace("_", " ") for _, family in family_positions]
    axes[0].set_yticks(ticks, labels, fontsize=8)
    for tick in axes[0].get_yticklabels()[len(rows):]:
        tick.set_fontweight("bold")
    axes[0].set_ylim(y, -1)

    handles = [Line2D([], [], color=colours[size], marker="o", markersize=4, label=_size_label(size))
               for size in sizes]
    figure.legend(handles=handles, loc="outside lower center", ncols=len(sizes), fontsize=8, frameon=False)
    machine = document["machine"]
    versions = document["versions"]
    peers = "textbook NumPy, scipy.special" + ("" if versions.get("torch") is None else f", PyTorch {versions['torch']}")
    figure.suptitle(
        f"nonlin {versions['nonlin']}, {dtype}: median of paired ratios, bars from first to third quartile\n"
        f"peers: {peers}; NumPy {versions['numpy']}, {machine['cpu_model']}, one thread",
        fontsize=9,
    )
    return figure


def _size_label(size):
    exponent = round(math.log10(size))
    if 10**exponent == size:
        return f"$10^{{{exponent}}}$ elements"
    return f"{size:,} elements"


def _layout(records):
    """Return the records in family order and the row indices where a new family starts."""
    order = []
    for record in records:
        if record["family"] not in order:
            order.append(record["family"])
    rows = sorted(records, key=lambda record: order.index(record["family"]))
    starts = {index for index, record in enumerate(rows) if index == 0 or rows[index - 1]["family"] != record["family"]}
    return rows, starts


def _widen_log_limits(axis):
    """Keep 1 well inside the axis, and show at least one decade, so that small ratios stay readable."""
    low, high = axis.get_xlim()
    low = min(low, 0.5)
    high = max(high, 2.0)
    if math.log10(high / low) < 1:
        high = low * 10
    axis.set_xlim(low, high)




# Tables: what is still slower than the fastest peer, and the primitives' throughput

#: The sizes of the speed goal: nonlin at most the fastest peer's time from 1e6 elements on.
SLOWER_SIZES = (10**6, 10**7)
DTYPES = ("float32", "float64")
#: The size whose primitive ratio is quoted beside each cause, where the run measured it.
PRIMITIVE_SIZE = 10**6
_OPERATION_WORDS = {"function": "", "derivative": " derivative", "vjp": " vjp"}


def load_causes(path=None):
    """Return `CAUSES` from causes.py beside this file (or at `path`), loaded by path."""
    path = Path(__file__).with_name("causes.py") if path is None else Path(path)
    spec = importlib.util.spec_from_file_location("nonlin_benchmark_causes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CAUSES


def case_label(record):
    """Return the catalogue name of a results record, as ``name[variant]`` for a variant."""
    return record["name"] if record.get("variant") is None else f"{record['name']}[{record['variant']}]"


def case_title(record):
    """Return the label of a results record with its operation: ``gelu[tanh] derivative``, ``softmax vjp``."""
    return _title(case_label(record), record["operation"])


def _title(label, operation):
    return label + _OPERATION_WORDS.get(operation, " " + operation)


def slower_rows(document, causes=None, sizes=SLOWER_SIZES, dtypes=DTYPES):
    """Return one row per function, derivative or vjp that is slower than its fastest peer.

    A case is listed when the median of its paired ratios nonlin / fastest
    peer is above 1 at any of `sizes` in any of `dtypes`. Rows keep the
    order of the results. Each row is a dict with

    * ``label`` (``name`` or ``name[variant]``), ``operation`` and ``family``;
    * ``ratios[dtype][size]``: the ``fastest_peer`` summary (``median``,
      ``q1``, ``q3``, ``peer``), or None where the run did not measure it;
    * ``slower_dtypes``: the dtypes in which some size has a ratio above 1;
    * ``causes[dtype]``: the entry of `causes` (by default causes.py), or
      None where none is recorded;
    * ``primitives[dtype]``: the limiting primitive, its dtype and size and
      the median NumPy / PyTorch ratio of the document's ``"primitives"``
      section (None where that was not measured), or None without a cause.
    """
    causes = load_causes() if causes is None else causes
    primitive_records = {
        (record["key"], record["dtype"]): record for record in document.get("primitives", {}).get("records", [])
    }
    rows = {}
    for record in document["results"]:
        if record["dtype"] not in dtypes:
            continue
        key = (case_label(record), record["operation"])
        row = rows.setdefault(key, {
            "label": key[0],
            "operation": key[1],
            "family": record["family"],
            "ratios": {dtype: dict.fromkeys(sizes) for dtype in dtypes},
            "slower_dtypes": [],
            "causes": dict.fromkeys(dtypes),
            "primitives": dict.fromkeys(dtypes),
        })
        for measurement in record["sizes"]:
            ratio = measurement["ratios"].get("fastest_peer")
            if measurement["size"] in sizes and ratio is not None:
                row["ratios"][record["dtype"]][measurement["size"]] = ratio
        cause = causes.get(key[0], {}).get(key[1], {}).get(record["dtype"])
        row["causes"][record["dtype"]] = cause
        if cause is not None:
            row["primitives"][record["dtype"]] = _limiting_primitive(cause, primitive_records)

    slower = []
    for row in rows.values():
        row["slower_dtypes"] = [
            dtype for dtype in dtypes
            if any(ratio is not None and ratio["median"] > 1 for ratio in row["ratios"][dtype].values())
        ]
        if row["slower_dtypes"]:
            slower.append(row)
    return slower


def _limiting_primitive(cause, primitive_records):
    key = cause["primitives"][0]
    record = primitive_records.get((key, cause["computes_in"]))
    found = {"key": key, "dtype": cause["computes_in"], "size": None, "median": None}
    if record is None or not record["sizes"]:
        return found
    entries = {entry["size"]: entry for entry in record["sizes"]}
    entry = entries.get(PRIMITIVE_SIZE, record["sizes"][0])
    found["size"] = entry["size"]
    if "ratio" in entry:
        found["median"] = entry["ratio"]["median"]
    return found


def slower_table(rows, sizes=SLOWER_SIZES, dtypes=DTYPES):
    """Return ``(headers, cells)`` of text for the rows of `slower_rows`, for the docs page and --slower.

    Each cell is a list of lines: a cause that differs between the dtypes
    takes one line per dtype.
    """
    headers = ["activation"]
    headers += [f"{dtype}, {_short_size(size)}" for dtype in dtypes for size in sizes]
    headers += ["cause", "limiting primitive: NumPy / PyTorch time"]
    cells = []
    for row in rows:
        line = [[_title(row["label"], row["operation"])]]
        for dtype in dtypes:
            for size in sizes:
                ratio = row["ratios"][dtype][size]
                line.append(["n/a" if ratio is None else f"{ratio['median']:.2f} {ratio['peer']}"])
        line.append(_per_dtype(row, lambda dtype: _cause_text(row["causes"][dtype])))
        # Each primitive text names its dtype, so equal texts are one measurement.
        primitive_texts = [_primitive_text(row["primitives"][dtype]) for dtype in row["slower_dtypes"]]
        line.append(list(dict.fromkeys(primitive_texts)))
        cells.append(line)
    return headers, cells


def _per_dtype(row, describe):
    """Return one line where the slower dtypes share a text, else one line per dtype, prefixed by it."""
    texts = {dtype: describe(dtype) for dtype in row["slower_dtypes"]}
    if len(set(texts.values())) == 1:
        return [next(iter(texts.values()))]
    return [f"{dtype}: {text}" for dtype, text in texts.items()]


def _cause_text(cause):
    return "no cause recorded in benchmarks/causes.py" if cause is None else cause["reason"]


def _primitive_text(primitive):
    if primitive is None:
        return "n/a"
    if primitive["median"] is None:
        return f"{primitive['key']}: not measured"
    text = f"{primitive['key']}, {primitive['dtype']}: {primitive['median']:.2f}"
    if primitive["size"] != PRIMITIVE_SIZE:
        text += f" at {_short_size(primitive['size'])}"
    return text


def format_slower_markdown(document, causes=None):
    """Return the still-slower table of `document` as Markdown, one row per function, derivative or vjp."""
    rows = slower_rows(document, causes)
    if not rows:
        sizes = " and ".join(_short_size(size) for size in SLOWER_SIZES)
        return f"No function, derivative or vjp is slower than its fastest peer at {sizes} elements."
    headers, cells = slower_table(rows)
    lines = [_markdown_row(headers), _markdown_row(["---"] * len(headers))]
    lines += [_markdown_row("<br>".join(cell) for cell in line) for line in cells]
    return "\n".join(lines)


def _markdown_row(cells):
    return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in cells) + " |"


def primitive_table(document, dtype):
    """Return ``(headers, cells)`` for the primitives timed in `dtype`: ns per element and NumPy / PyTorch ratio.

    Returns None where the document has no ``"primitives"`` section, as
    results written before schema version 2 do not.
    """
    section = document.get("primitives")
    if section is None:
        return None
    sizes = section["sizes"]
    headers = ["primitive"]
    for size in sizes:
        suffix = f", {_short_size(size)}" if len(sizes) > 1 else ""
        headers += [f"NumPy ns{suffix}", f"PyTorch ns{suffix}", f"ratio{suffix}"]
    cells = []
    for record in section["records"]:
        if record["dtype"] != dtype:
            continue
        entries = {entry["size"]: entry for entry in record["sizes"]}
        line = [record["key"]]
        for size in sizes:
            entry = entries.get(size, {})
            nanoseconds = entry.get("ns_per_element", {})
            ratio = entry.get("ratio")
            line += [
                _format_number(nanoseconds.get("numpy")),
                _format_number(nanoseconds.get("torch")),
                _format_number(None if ratio is None else ratio["median"]),
            ]
        cells.append(line)
    return headers, cells


def primitive_code_table(document):
    """Return ``(headers, cells)`` naming the code each primitive key runs, or None without primitives."""
    section = document.get("primitives")
    if section is None:
        return None
    codes = {}
    for record in section["records"]:
        torch_code = record["implementations"].get("torch")
        if torch_code is None:
            reason = record["missing"].get("torch") or record["errors"].get("torch", "not timed")
            torch_code = f"not timed: {reason}"
        codes.setdefault(record["key"], [record["key"], record["implementations"].get("numpy", "n/a"), torch_code])
    return ["primitive", "NumPy or SciPy", "PyTorch"], list(codes.values())


def _format_number(value):
    return "n/a" if value is None else f"{value:.2f}"


def _short_size(size):
    exponent = round(math.log10(size))
    return f"1e{exponent}" if 10**exponent == size else f"{size:,}"


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Draw the benchmark figures from a results file, or print what is still slower as Markdown.",
    )
    parser.add_argument("results", type=Path, help="a JSON file written by benchmarks/run.py")
    parser.add_argument("out_dir", type=Path, nargs="?", help="directory for the figures (created if missing)")
    parser.add_argument(
        "--slower", action="store_true",
        help="print the functions still slower than their fastest peer at 1e6 or 1e7 elements, "
        "with their causes, as a Markdown table, instead of drawing the figures",
    )
    args = parser.parse_args(argv)
    if not args.results.is_file():
        parser.error(f"results file {str(args.results)!r} not found: run benchmarks/run.py first, or pass its --output")
    if args.slower:
        if args.out_dir is not None:
            parser.error(f"--slower prints to standard output and takes no OUT_DIR: drop {str(args.out_dir)!r}")
        document = json.loads(args.results.read_text(encoding="utf-8"))
        print(format_slower_markdown(document))
        return
    if args.out_dir is None:
        parser.error("OUT_DIR is missing: give a directory for the figures, or --slower for the Markdown table")
    for written_path in render_figures(args.results, args.out_dir):
        print(written_path)


if __name__ == "__main__":
    main()

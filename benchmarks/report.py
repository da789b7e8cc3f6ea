"""Draw the benchmark figures from a results file written by run.py.

Nothing here times anything: the figures show the committed measurements,
so that a documentation build is quick and shows the numbers the README
describes. Usage from the repository root:

    python benchmarks/report.py benchmarks/results.json OUT_DIR

or, from Python, ``render_figures("benchmarks/results.json", "OUT_DIR")``.
This module uses only the standard library and matplotlib, so it can be
loaded by path without the benchmark's other modules.
"""

import json
import math
import sys
from pathlib import Path

from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

__all__ = ["render_figures"]

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


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/report.py RESULTS_JSON OUT_DIR")
    for written_path in render_figures(sys.argv[1], sys.argv[2]):
        print(written_path)

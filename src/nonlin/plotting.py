r"""Figures and tables of activations in one shared style, as the gallery shows them.

Every figure uses `STYLE`: the colour-blind-safe palette of Okabe and Ito,
labelled axes, a grid, and an opaque white background that stays legible
on a dark page. Line styles differ as well as colours, so curves stay apart
in greyscale. Tables are objects with ``_repr_html_``, so a
notebook or a gallery page renders them, and a text ``repr`` for a console.

matplotlib is needed only for the figures (``pip install "nonlin[plot]"``),
and is imported inside the functions, so ``import nonlin`` never loads it.

>>> from nonlin.plotting import properties_table
>>> print(properties_table("relu"))  # doctest: +ELLIPSIS
Rectified linear unit (relu)
  range: [0, \infty)
  monotonic: non-decreasing
...
"""

import ast
import html
import inspect
import math
import textwrap

import numpy as np

from nonlin.catalogue import CATALOGUE, Activation

__all__ = [
    "LINESTYLES",
    "PALETTE",
    "STYLE",
    "PropertiesTable",
    "SourceListing",
    "ValueTable",
    "default_inputs",
    "get_entry",
    "plot_activation",
    "plot_grid",
    "plot_jacobian",
    "plot_overlay",
    "plot_parameter_sweep",
    "plot_vector_example",
    "properties_table",
    "source_listing",
    "style_context",
]

#: Okabe and Ito's palette (2008), distinguishable with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")

#: Line styles paired with `PALETTE`, so that curves differ without colour too.
LINESTYLES = ("-", "--", "-.", ":", (0, (6, 2, 1, 2, 1, 2)), (0, (1, 1)), (0, (8, 3)), (0, (3, 1, 1, 1)))

#: matplotlib rcParams of every figure here; `style_context` applies them.
STYLE = {
    # Opaque white, because the site's dark theme would otherwise show black
    # axes labels on a dark background.
    "figure.facecolor": "white",
    "figure.edgecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.edgecolor": "white",
    "savefig.transparent": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.constrained_layout.use": True,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "legend.fontsize": 9,
    "axes.grid": True,
    "grid.color": "#d0d0d0",
    "grid.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#404040",
    "axes.axisbelow": True,
    "lines.linewidth": 2.0,
    "legend.framealpha": 0.92,
    "image.cmap": "PuOr_r",
    # Fixed ids and no dates in SVG output, so that two builds write identical files.
    "svg.hashsalt": "nonlin",
}

#: Threshold of ``|f'(x)|`` below which figures shade the input as saturated.
SATURATION_THRESHOLD = 0.01

_SAMPLES = 4001
_FUNCTION_COLOUR = PALETTE[0]
_DERIVATIVE_COLOUR = PALETTE[1]
_KINK_COLOUR = "#000000"
_SATURATED_COLOUR = "#e4e4e4"


def style_context():
    """Return a context manager that applies `STYLE` to the figures made inside it.

    Returns
    -------
    contextlib.AbstractContextManager
        ``matplotlib.rc_context(STYLE)``.
    """
    import matplotlib

    return matplotlib.rc_context(_full_style())


def _full_style():
    from cycler import cycler

    style = dict(STYLE)
    style["axes.prop_cycle"] = cycler(color=PALETTE) + cycler(linestyle=LINESTYLES)
    return style


def get_entry(activation):
    """Return the catalogue entry of `activation`.

    Parameters
    ----------
    activation : str or Activation
        A catalogue name such as ``"relu"``, or an entry of the catalogue.

    Returns
    -------
    Activation
        The entry.

    Raises
    ------
    KeyError
        If `activation` is a name that is not in the catalogue.
    """
    if isinstance(activation, Activation):
        return activation
    for entry in CATALOGUE.values():
        if activation in entry.aliases:
            return entry
    try:
        return CATALOGUE[activation]
    except KeyError:
        known = ", ".join(sorted(CATALOGUE))
        raise KeyError(f"{activation!r} is not in the catalogue: use one of {known}.") from None


def default_inputs(activation, samples=_SAMPLES):
    """Return the inputs that figures of `activation` plot by default.

    The interval is [-5, 5], widened to keep every kink at least one unit
    from the edge. The grid is symmetric and contains 0 exactly.

    Parameters
    ----------
    activation : str or Activation
        A catalogue name or entry.
    samples : int, default 4001
        Number of points; an odd number keeps 0 on the grid.

    Returns
    -------
    ndarray
        float64 inputs in increasing order.
    """
    entry = get_entry(activation)
    half_width = 5.0
    for kink in entry.kinks:
        half_width = max(half_width, abs(kink.x) + 1.0)
    return np.linspace(-half_width, half_width, samples)


def _evaluate(entry, x, parameters):
    """Return ``(f, f')`` on `x`; a vector-valued entry is shown along its first output.

    For a vector-valued activation the input is the pair ``(x, 0)`` along
    the last axis, so the curve is the first output and the derivative the
    first diagonal element of the Jacobian.
    """
    parameters = {k: v for k, v in parameters.items() if k != "axis"}
    if entry.vector_valued:
        pairs = np.stack([x, np.zeros_like(x)], axis=-1)
        values = entry.function(pairs, **parameters)[..., 0]
        slopes = entry.derivative(pairs, **parameters)[..., 0, 0]
        return np.asarray(values, dtype=float), np.asarray(slopes, dtype=float)
    values = entry.function(x, **parameters)
    slopes = entry.derivative(x, **parameters)
    return np.asarray(values, dtype=float), np.asarray(slopes, dtype=float)


def _break_jumps(x, y):
    """Insert NaN where the curve jumps, so that no vertical segment is drawn across the jump.

    A step between neighbours is a jump when it exceeds 2 % of the curve's
    span and four times both neighbouring steps: a steep but continuous
    curve takes steps of similar size on either side.
    """
    finite = np.isfinite(y)
    if finite.sum() < 3:
        return x, y
    span = np.ptp(y[finite])
    if span == 0:
        return x, y
    steps = np.abs(np.diff(y))
    padded = np.concatenate([[0.0], steps, [0.0]])
    neighbours = np.maximum(padded[:-2], padded[2:])
    jumps = np.flatnonzero((steps > 0.02 * span) & (steps > 4 * neighbours))
    if jumps.size == 0:
        return x, y
    return np.insert(x, jumps + 1, np.nan), np.insert(y, jumps + 1, np.nan)


def _label(entry, derivative=False, parameters=None):
    name = entry.name
    if entry.vector_valued:
        base = f"{name}([x, 0])₀"
        text = f"∂{base}/∂x" if derivative else base
    else:
        text = f"{name}′(x)" if derivative else f"{name}(x)"
    if parameters:
        settings = ", ".join(f"{key}={value:g}" for key, value in parameters.items() if key != "axis")
        if settings:
            text += f", {settings}"
    return text


def _saturated_spans(x, slopes):
    """Return ``[(start, stop), ...]`` of the inputs where ``|f'| < SATURATION_THRESHOLD``.

    Spans narrower than 3 % of the plotted inputs are left out, because
    there the derivative of a non-monotonic function crosses 0 at an
    extremum, and the function does not saturate.
    """
    saturated = np.abs(slopes) < SATURATION_THRESHOLD
    spans = []
    start = None
    for value, flag in zip(x, saturated, strict=True):
        if flag and start is None:
            start = value
        elif not flag and start is not None:
            spans.append((start, value))
            start = None
    if start is not None:
        spans.append((start, x[-1]))
    minimum_width = 0.03 * (x[-1] - x[0])
    return [(start, stop) for start, stop in spans if stop - start >= minimum_width]


def plot_activation(activation, ax=None, *, x=None, derivative=True, saturation=True, **parameters):
    """Plot an activation (solid) and its derivative (dashed) on shared axes.

    Kinks are marked with the derivative value nonlin returns there, and
    inputs where ``|f'(x)| < 0.01`` are shaded as saturated. For a
    vector-valued activation the curve is the first output for the input
    ``(x, 0)``, and the derivative the matching diagonal Jacobian element.

    Parameters
    ----------
    activation : str or Activation
        A catalogue name or entry.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; by default a new figure.
    x : array_like, optional
        Inputs in increasing order; by default `default_inputs`.
    derivative : bool, default True
        Whether to draw the derivative.
    saturation : bool, default True
        Whether to shade the saturated inputs.
    **parameters
        Parameters of the activation, for example ``alpha=0.5``. Kinks are
        marked only with the default parameters, where the catalogue states them.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    entry = get_entry(activation)
    x = default_inputs(entry) if x is None else np.asarray(x, dtype=float)
    values, slopes = _evaluate(entry, x, parameters)

    with style_context():
        if ax is None:
            _, ax = _new_figure(figsize=(6.4, 4.0))
        if saturation and derivative:
            for number, (start, stop) in enumerate(_saturated_spans(x, slopes)):
                label = f"saturated: |f′| < {SATURATION_THRESHOLD:g}" if number == 0 else None
                ax.axvspan(start, stop, color=_SATURATED_COLOUR, zorder=0, label=label, linewidth=0)
        ax.plot(*_break_jumps(x, values), color=_FUNCTION_COLOUR, linestyle="-", label=_label(entry, False, parameters))
        if derivative:
            ax.plot(*_break_jumps(x, slopes), color=_DERIVATIVE_COLOUR, linestyle="--",
                    label=_label(entry, True, parameters))
        if not parameters and not entry.vector_valued:
            _mark_kinks(ax, entry, derivative)
        ax.axhline(0, color="#404040", linewidth=0.8, zorder=1)
        ax.axvline(0, color="#404040", linewidth=0.8, zorder=1)
        ax.set_xlabel("x")
        ax.set_ylabel("value")
        ax.set_title(entry.title)
        ax.legend(loc="best")
    return ax


def _mark_kinks(ax, entry, derivative):
    for number, kink in enumerate(entry.kinks):
        at = np.array([kink.x])
        value = float(np.asarray(entry.function(at))[0])
        ax.plot([kink.x], [value], marker="o", markersize=6, color=_KINK_COLOUR, linestyle="none",
                label="kink" if number == 0 else None, zorder=4)
        if derivative:
            slope = float(np.asarray(entry.derivative(at))[0])
            ax.plot([kink.x], [slope], marker="D", markersize=6, markerfacecolor="white",
                    markeredgecolor=_DERIVATIVE_COLOUR, markeredgewidth=1.8, linestyle="none",
                    label="f′ returned at the kink" if number == 0 else None, zorder=4)


def _new_figure(nrows=1, ncols=1, **kwargs):
    import matplotlib.pyplot as plt

    return plt.subplots(nrows, ncols, **kwargs)


def plot_parameter_sweep(activation, parameter=None, values=None, *, x=None):
    """Plot an activation and its derivative for several values of one parameter.

    Parameters
    ----------
    activation : str or Activation
        A catalogue name or entry.
    parameter : str, optional
        The parameter to vary; by default the first of the entry.
    values : sequence of float, optional
        The values; by default half, once and twice the default.
    x : array_like, optional
        Inputs in increasing order; by default `default_inputs`.

    Returns
    -------
    matplotlib.figure.Figure
        Two panels: the function on the left, the derivative on the right.

    Raises
    ------
    ValueError
        If the entry has no parameter of that name, or the default values
        cannot be derived because the default is 0 or not a number.
    """
    entry = get_entry(activation)
    names = [p.name for p in entry.parameters if p.name != "axis"]
    if parameter is None:
        if not names:
            raise ValueError(f"{entry.name} has no numeric parameter to sweep.")
        parameter = names[0]
    if parameter not in names:
        raise ValueError(f"{entry.name} has no parameter {parameter!r}: use one of {names}.")
    if values is None:
        default = next(p.default for p in entry.parameters if p.name == parameter)
        if not isinstance(default, (int, float)) or default == 0:
            raise ValueError(f"pass values for {parameter}: its default {default!r} cannot be scaled.")
        values = [0.5 * default, default, 2 * default]
    x = default_inputs(entry) if x is None else np.asarray(x, dtype=float)

    with style_context():
        fig, (left, right) = _new_figure(1, 2, figsize=(8.8, 3.8), sharex=True)
        for number, value in enumerate(values):
            curve, slope = _evaluate(entry, x, {parameter: value})
            style = _curve_style(number)
            left.plot(*_break_jumps(x, curve), label=f"{parameter} = {value:g}", **style)
            right.plot(*_break_jumps(x, slope), label=f"{parameter} = {value:g}", **style)
        left.set_title(f"{entry.name}(x)")
        right.set_title(f"{entry.name}′(x)" if not entry.vector_valued else f"∂{entry.name}₀/∂x₀")
        for ax in (left, right):
            ax.axhline(0, color="#404040", linewidth=0.8, zorder=1)
            ax.axvline(0, color="#404040", linewidth=0.8, zorder=1)
            ax.set_xlabel("x")
            ax.set_ylabel("value")
        left.legend(loc="best")
        fig.suptitle(f"{entry.title}: varying {parameter}")
    return fig


def plot_overlay(activations, ax=None, *, derivative=False, x=None):
    """Plot several activations, or their derivatives, on one axes.

    Parameters
    ----------
    activations : iterable of str or Activation
        Catalogue names or entries.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; by default a new figure.
    derivative : bool, default False
        Whether to draw the derivatives instead of the functions.
    x : array_like, optional
        Inputs in increasing order; by default [-5, 5].

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    entries = [get_entry(a) for a in activations]
    x = np.linspace(-5.0, 5.0, _SAMPLES) if x is None else np.asarray(x, dtype=float)
    with style_context():
        if ax is None:
            _, ax = _new_figure(figsize=(6.4, 4.2))
        for number, entry in enumerate(entries):
            values, slopes = _evaluate(entry, x, {})
            curve = slopes if derivative else values
            ax.plot(*_break_jumps(x, curve), label=_label(entry, derivative), **_curve_style(number))
        ax.axhline(0, color="#404040", linewidth=0.8, zorder=1)
        ax.axvline(0, color="#404040", linewidth=0.8, zorder=1)
        ax.set_xlabel("x")
        ax.set_ylabel("derivative" if derivative else "value")
        ax.legend(loc="best", ncols=2 if len(entries) > 5 else 1)
    return ax


def _curve_style(number):
    """Return the colour and line style of the curve `number`, unique for the first 64 curves.

    Past the eighth curve the colours repeat, so the line styles shift by
    three for each round of colours and no two curves look alike.
    """
    colours, styles = len(PALETTE), len(LINESTYLES)
    shift = 3 * (number // colours)
    return {"color": PALETTE[number % colours], "linestyle": LINESTYLES[(number + shift) % styles]}


def plot_grid(activations, *, ncols=4, derivative=True, title=None, panel_size=(2.6, 2.0), legend=True):
    """Plot one small panel per activation, each with its derivative dashed.

    Parameters
    ----------
    activations : iterable of str or Activation
        Catalogue names or entries, in panel order.
    ncols : int, default 4
        Panels per row.
    derivative : bool, default True
        Whether each panel also shows the derivative.
    title : str, optional
        A title over the whole figure.
    panel_size : tuple of float, default (2.6, 2.0)
        Width and height of one panel, in inches.
    legend : bool, default True
        Whether to explain the two line styles once, under the title.

    Returns
    -------
    matplotlib.figure.Figure
        The figure; empty cells of the last row are hidden.
    """
    entries = [get_entry(a) for a in activations]
    if not entries:
        raise ValueError("plot_grid needs at least one activation.")
    ncols = max(1, min(ncols, len(entries)))
    nrows = math.ceil(len(entries) / ncols)
    with style_context():
        fig, axes = _new_figure(nrows, ncols, figsize=(panel_size[0] * ncols, panel_size[1] * nrows + 0.5),
                                squeeze=False)
        for ax, entry in zip(axes.flat, entries, strict=False):
            x = default_inputs(entry, samples=1601)
            values, slopes = _evaluate(entry, x, {})
            ax.plot(*_break_jumps(x, values), color=_FUNCTION_COLOUR, linestyle="-", linewidth=1.6, label="f(x)")
            if derivative:
                ax.plot(*_break_jumps(x, slopes), color=_DERIVATIVE_COLOUR, linestyle="--", linewidth=1.4,
                        label="f′(x)")
            ax.axhline(0, color="#404040", linewidth=0.6, zorder=1)
            ax.axvline(0, color="#404040", linewidth=0.6, zorder=1)
            ax.set_title(entry.name, fontsize=10)
            ax.tick_params(labelsize=7)
        for ax in list(axes.flat)[len(entries):]:
            ax.set_visible(False)
        if title:
            fig.suptitle(title)
        if legend and derivative:
            handles, labels = axes.flat[0].get_legend_handles_labels()
            fig.legend(handles, labels, loc="outside upper right", ncols=2, fontsize=9)
    return fig


def plot_vector_example(activation, x, ax=None, **parameters):
    """Plot a vector-valued activation's input and output side by side as bars.

    Parameters
    ----------
    activation : str or Activation
        A vector-valued catalogue name or entry, such as ``"softmax"``.
    x : array_like
        A 1-d input vector.
    ax : sequence of two matplotlib.axes.Axes, optional
        The axes for the input and the output; by default a new figure.
    **parameters
        Parameters of the activation.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on.
    """
    entry = get_entry(activation)
    x = np.asarray(x, dtype=float)
    output = np.asarray(entry.function(x, **parameters))
    index = np.arange(x.size)
    with style_context():
        if ax is None:
            fig, ax = _new_figure(1, 2, figsize=(8.8, 3.4))
        left, right = ax
        left.bar(index, x, color=PALETTE[0], edgecolor="#202020", hatch="")
        right.bar(index, output, color=PALETTE[1], edgecolor="#202020", hatch="//")
        left.set_title("input x")
        right.set_title(f"output {entry.name}(x), sum = {output.sum():.6g}")
        for side in (left, right):
            side.set_xticks(index)
            side.set_xlabel("index i")
            side.axhline(0, color="#404040", linewidth=0.8)
        left.set_ylabel("x_i")
        right.set_ylabel(f"{entry.name}(x)_i")
    return left.figure


def plot_jacobian(activation, x, ax=None, **parameters):
    """Show the Jacobian matrix of a vector-valued activation at `x` as an image.

    Parameters
    ----------
    activation : str or Activation
        A vector-valued catalogue name or entry, such as ``"softmax"``.
    x : array_like
        A 1-d input vector.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; by default a new figure.
    **parameters
        Parameters of the activation.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on; each cell is labelled with its value.
    """
    entry = get_entry(activation)
    if not entry.vector_valued:
        raise ValueError(f"{entry.name} is elementwise, so its Jacobian is diagonal: plot its derivative instead.")
    jacobian = np.asarray(entry.derivative(np.asarray(x, dtype=float), **parameters))
    limit = float(np.max(np.abs(jacobian))) or 1.0
    rows, columns = jacobian.shape[-2:]
    with style_context():
        if ax is None:
            _, ax = _new_figure(figsize=(1.5 + 0.8 * columns, 1.3 + 0.8 * rows))
        image = ax.imshow(jacobian, cmap="PuOr_r", vmin=-limit, vmax=limit)
        ax.grid(False)
        for (row, column), value in np.ndenumerate(jacobian):
            shade = "white" if abs(value) > 0.6 * limit else "black"
            ax.text(column, row, f"{value:.3f}", ha="center", va="center", fontsize=8, color=shade)
        ax.set_xticks(range(jacobian.shape[1]))
        ax.set_yticks(range(jacobian.shape[0]))
        ax.set_xlabel("input index j")
        ax.set_ylabel("output index i")
        ax.set_title(f"Jacobian ∂{entry.name}(x)_i / ∂x_j")
        ax.figure.colorbar(image, ax=ax, shrink=min(1.0, max(0.3, rows / columns)))
    return ax


class PropertiesTable:
    """The properties of one activation, as the catalogue states them, for display.

    Renders as an HTML table in notebooks and gallery pages, and as plain
    text with `str`.
    """

    def __init__(self, entry):
        self.entry = entry

    def rows(self):
        """Return ``[(property, text, is_latex)]``, where `is_latex` marks `text` written in LaTeX."""
        entry = self.entry
        rows = [
            ("range", entry.output_range.latex, True),
            ("monotonic", entry.monotonic, False),
            ("smoothness", _smoothness_latex(entry.smoothness), True),
            ("zero-centred (f(0) = 0)", "yes" if entry.zero_centred else "no", False),
            ("bounded", _boundedness(entry), False),
            ("derivative at kinks", _kink_text(entry), False),
            ("parameters", _parameter_text(entry), False),
        ]
        if entry.aliases:
            rows.append(("aliases", ", ".join(entry.aliases), False))
        if entry.cost:
            rows.append(("cost per element", entry.cost, False))
        rows.append(("reference", entry.reference.citation, False))
        return rows

    def __repr__(self):
        lines = [f"{self.entry.title} ({self.entry.name})"]
        lines += [f"  {name}: {text}" for name, text, _ in self.rows()]
        lines.append(f"  link: {self.entry.reference.url}")
        return "\n".join(lines)

    def _repr_html_(self):
        body = []
        for name, text, is_latex in self.rows():
            if is_latex:
                cell = f'<span class="math notranslate nohighlight">\\({html.escape(text)}\\)</span>'
            elif name == "reference":
                url = html.escape(self.entry.reference.url, quote=True)
                cell = f'<a class="reference external" href="{url}">{html.escape(text)}</a>'
            else:
                cell = html.escape(text)
            body.append(f"<tr><th scope=\"row\">{html.escape(name)}</th><td>{cell}</td></tr>")
        return (
            '<div class="nonlin-table-scroll"><table class="nonlin-properties">'
            f"<caption>Properties of {html.escape(self.entry.name)}</caption>"
            f"<tbody>{''.join(body)}</tbody></table></div>"
        )


def _smoothness_latex(smoothness):
    if smoothness < 0:
        return r"\text{discontinuous}"
    if math.isinf(smoothness):
        return r"C^{\infty}"
    return f"C^{{{int(smoothness)}}}"


def _boundedness(entry):
    below, above = entry.bounded_below, entry.bounded_above
    if below and above:
        return "both sides"
    if below:
        return "below only"
    if above:
        return "above only"
    return "no"


def _kink_text(entry):
    if not entry.kinks:
        return "no kinks"
    return "; ".join(f"f′({kink.x:g}) = {kink.derivative:g} ({kink.convention})" for kink in entry.kinks)


def _parameter_text(entry):
    if not entry.parameters:
        return "none"
    return "; ".join(
        f"{p.name} = {p.default!r} ({p.description}; valid: {p.valid})" for p in entry.parameters
    )


def properties_table(activation):
    r"""Return the catalogue properties of an activation as a displayable table.

    Parameters
    ----------
    activation : str or Activation
        A catalogue name or entry.

    Returns
    -------
    PropertiesTable
        Range, monotonicity, smoothness, zero-centring, bounds, derivative
        at kinks, parameters with defaults, cost and the reference with its link.

    Examples
    --------
    >>> from nonlin.plotting import properties_table
    >>> table = properties_table("sigmoid")
    >>> table.rows()[0]
    ('range', '(0, 1)', True)
    """
    return PropertiesTable(get_entry(activation))


class ValueTable:
    """Columns of numbers shown side by side, with every digit a float64 holds.

    Parameters
    ----------
    columns : dict of str to array_like
        Column titles and values, all of one length.
    caption : str, optional
        A caption over the table.
    """

    def __init__(self, columns, caption=None):
        self.columns = {name: np.atleast_1d(np.asarray(values)) for name, values in columns.items()}
        lengths = {values.size for values in self.columns.values()}
        if len(lengths) != 1:
            raise ValueError(f"every column needs the same length, got lengths {sorted(lengths)}.")
        self.caption = caption

    def _cells(self):
        names = list(self.columns)
        rows = zip(*(self.columns[name] for name in names), strict=True)
        return names, [[_format_number(value) for value in row] for row in rows]

    def __repr__(self):
        names, rows = self._cells()
        widths = [max(len(name), *(len(row[i]) for row in rows)) for i, name in enumerate(names)]
        lines = ["  ".join(name.rjust(width) for name, width in zip(names, widths, strict=True))]
        lines += ["  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
        if self.caption:
            lines.insert(0, self.caption)
        return "\n".join(lines)

    def _repr_html_(self):
        names, rows = self._cells()
        head = "".join(f'<th scope="col">{html.escape(name)}</th>' for name in names)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return (
            '<div class="nonlin-table-scroll"><table class="nonlin-values">'
            f"{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        )


def _format_number(value):
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (str, np.str_)):
        return str(value)
    # A NumPy scalar keeps its dtype, so float32 values print with float32's shortest repr.
    value = np.asarray(value)[()]
    if value.dtype.kind == "f":
        return np.format_float_positional(value, unique=True, trim="-") if 1e-4 <= abs(value) < 1e6 \
            else np.format_float_scientific(value, unique=True, trim="-")
    return str(value)


def source_listing(*functions):
    """Return the source of functions, without their docstrings, for display.

    Private helpers of the same module that a function calls are listed
    after it, so the listing is complete apart from the input conversion in
    ``nonlin._validation``.

    Parameters
    ----------
    *functions : callable
        The functions to list, in order.

    Returns
    -------
    SourceListing
        Highlighted HTML in notebooks and gallery pages, plain text with `str`.

    Examples
    --------
    >>> import nonlin
    >>> from nonlin.plotting import source_listing
    >>> print(source_listing(nonlin.tanh))
    def tanh(x, *, out=None):
        x, dtype = as_float_array(x)
        return finish(np.tanh(x, out=direct_out(out, x, dtype)), dtype, out)
    """
    return SourceListing(functions)


class SourceListing:
    """The source code of functions, with docstrings removed, for display.

    Parameters
    ----------
    functions : sequence of callable
        The functions to list.
    """

    def __init__(self, functions):
        self.functions = _with_private_helpers(functions)

    @property
    def text(self):
        """The listing as Python source."""
        return "\n\n".join(_source_without_docstring(function) for function in self.functions)

    def __repr__(self):
        return self.text

    def _repr_html_(self):
        try:
            from pygments import highlight
            from pygments.formatters import HtmlFormatter
            from pygments.lexers import PythonLexer
        except ImportError:
            return f'<div class="highlight"><pre>{html.escape(self.text)}</pre></div>'
        # The markup of Sphinx's own code blocks, so the page's colours and copy buttons apply.
        code = highlight(self.text, PythonLexer(), HtmlFormatter(nowrap=True))
        return f'<div class="highlight-python notranslate"><div class="highlight"><pre>{code}</pre></div></div>'


def _with_private_helpers(functions):
    ordered = []
    pending = list(functions)
    while pending:
        function = inspect.unwrap(pending.pop(0))
        if function in ordered:
            continue
        ordered.append(function)
        module = inspect.getmodule(function)
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
        called = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and node.id.startswith("_")}
        for name in sorted(called):
            helper = getattr(module, name, None)
            if inspect.isfunction(helper) and helper.__module__ == function.__module__:
                pending.append(helper)
    return ordered


def _source_without_docstring(function):
    source = textwrap.dedent(inspect.getsource(function))
    tree = ast.parse(source)
    definition = tree.body[0]
    lines = source.splitlines()
    if ast.get_docstring(definition) is not None:
        docstring = definition.body[0]
        del lines[docstring.lineno - 1:docstring.end_lineno]
    return "\n".join(lines).rstrip()

r"""
Similar activations together
============================

Activations of one shape drawn on shared axes show where they differ: the
smooth rectifiers against ReLU, and the squashing functions against each
other, each with their derivatives beside them. The groups are the
families of the catalogue, so new activations appear here as they are added.
"""

# %%
import matplotlib.pyplot as plt
import numpy as np

from nonlin.catalogue import by_family
from nonlin.plotting import plot_overlay, style_context

families = by_family()


def overlay_pair(names, title, x=None):
    """Draw the functions on the left and their derivatives on the right."""
    with style_context():
        fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2), sharex=True)
    plot_overlay(names, ax=left, x=x)
    plot_overlay(names, ax=right, x=x, derivative=True)
    left.set_title(f"{title}: f(x)")
    right.set_title(f"{title}: f′(x)")
    # One legend under both panels, so that no curve is hidden behind it.
    for ax in (left, right):
        ax.get_legend().remove()
    handles, labels = left.get_legend_handles_labels()
    labels = [label.removesuffix("(x)") for label in labels]
    fig.legend(handles, labels, loc="outside lower center", ncols=min(len(labels), 5))
    return fig


# %%
# Smooth rectifiers and ReLU
# --------------------------
# Each smooth rectifier approaches the identity for large positive input and
# a small value for negative input; the derivatives show how gradually each
# one switches, while ReLU switches at once.
rectifier_like = ["relu"] + [entry.name for entry in families["smooth_rectifiers"]]
fig = overlay_pair(rectifier_like, "Smooth rectifiers", x=np.linspace(-4, 3, 2801))

# %%
# Rectifiers
# ----------
# The piecewise rectifiers differ in what they do with negative input.
fig = overlay_pair([entry.name for entry in families["rectifiers"]], "Rectifiers", x=np.linspace(-4, 3, 2801))

# %%
# Sigmoid-like functions
# ----------------------
# The bounded S-shaped functions differ in their range, their slope at 0 and
# how fast they saturate; the derivatives make the last visible.
sigmoid_like = [
    entry.name
    for entry in families["squashing"]
    if entry.output_range.bounded_below and entry.output_range.bounded_above
]
fig = overlay_pair(sigmoid_like, "Sigmoid-like functions", x=np.linspace(-6, 6, 2401))

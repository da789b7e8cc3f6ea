r"""
Every activation at a glance
============================

Each panel shows one activation of the catalogue (solid) and its derivative
(dashed) with the default parameters, on the inputs its own gallery page
plots. The first figure shows them all; the figures after it show one
family each, larger. Vector-valued activations are drawn along their first
output for the input :math:`(x, 0)`.
"""

# %%
from nonlin.catalogue import CATALOGUE, FAMILIES, by_family
from nonlin.plotting import plot_grid

fig = plot_grid(CATALOGUE.values(), ncols=6, panel_size=(1.9, 1.55), title="Every activation of nonlin")

# %%
# Family by family
# ----------------
for family, entries in by_family().items():
    if entries:
        fig = plot_grid(entries, ncols=4, title=FAMILIES[family])

# sphinx_gallery_thumbnail_number = 1

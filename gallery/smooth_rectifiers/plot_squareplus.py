r"""
Squareplus
==========

Squareplus is an algebraic smooth rectifier, :math:`(x + \sqrt{x^2 + b})/2`,
shaped like softplus but computed with one square root instead of an
exponential and a logarithm. Barron introduced it in `Squareplus: a
softplus-like algebraic rectifier <https://arxiv.org/abs/2112.11687>`__
(arXiv:2112.11687, 2021). API: :func:`nonlin.squareplus`,
:func:`nonlin.squareplus_derivative`.

.. math::

   \operatorname{squareplus}(x) = \frac{x + \sqrt{x^2 + b}}{2} \qquad b = 4

Derivative
----------

.. math::

   \operatorname{squareplus}'(x) &= \frac{1}{2}\Bigl(1 + \tfrac{d}{dx}\sqrt{x^2 + b}\Bigr) \\
   &= \frac{1}{2}\Bigl(1 + \frac{x}{\sqrt{x^2 + b}}\Bigr) \\
   &= \frac{\sqrt{x^2 + b} + x}{2\sqrt{x^2 + b}}
    = \frac{\operatorname{squareplus}(x)}{\sqrt{x^2 + b}}

With :math:`b = 0` squareplus is :math:`\max(x, 0)` with a kink at 0,
where nonlin returns 1/2, the limit of the formula as :math:`b \to 0`;
:func:`nonlin.relu_derivative` returns 0 there.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-1e9, -1.0, 0.0, 1.0])
print(nonlin.squareplus(x))
print(nonlin.squareplus_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("squareplus")

# %%
# Effect of b
# -----------
# :math:`b` sets the curvature near 0; the value at 0 is :math:`\sqrt{b}/2`.
plot_parameter_sweep("squareplus", "b", [0.25, 1.0, 4.0])

# %%
# Where the textbook formula fails
# --------------------------------
# For negative :math:`x`, :math:`x + \sqrt{x^2 + b}` adds numbers of opposite
# sign and nearly equal size: it is 0 at :math:`x = -10^9` in float64. nonlin
# uses the conjugate form :math:`b / (2(\sqrt{x^2 + b} - x))`, and
# ``hypot`` so that :math:`x^2` cannot overflow.
x = np.array([-1e3, -1e6, -1e9, -1e200])
with np.errstate(over="ignore"):  # the overflow is what this cell shows
    textbook = (x + np.sqrt(x * x + 4)) / 2
ValueTable({"x": x, "textbook (x + sqrt(x**2 + b)) / 2": textbook, "nonlin.squareplus": nonlin.squareplus(x)})

# %%
# Properties
# ----------
properties_table("squareplus")

# %%
# Source
# ------
source_listing(nonlin.squareplus, nonlin.squareplus_derivative)

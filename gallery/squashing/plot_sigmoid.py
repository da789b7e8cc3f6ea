r"""
Logistic sigmoid
================

The logistic sigmoid squashes any real number into :math:`(0, 1)`, which
makes it the output unit for probabilities. The logistic function goes back
to Verhulst (1845); as a unit of networks trained by back-propagation it
appears in Rumelhart, Hinton and Williams, `Learning representations by
back-propagating errors <https://doi.org/10.1038/323533a0>`__ (Nature 323,
1986). API: :func:`nonlin.sigmoid`, :func:`nonlin.sigmoid_derivative`.

.. math::

   \sigma(x) = \frac{1}{1 + e^{-x}}

Derivative
----------

The chain rule on :math:`(1 + e^{-x})^{-1}`, then two rearrangements:

.. math::

   \sigma'(x) &= -\bigl(1 + e^{-x}\bigr)^{-2} \cdot \tfrac{d}{dx}\bigl(1 + e^{-x}\bigr) \\
   &= -\bigl(1 + e^{-x}\bigr)^{-2} \cdot \bigl(-e^{-x}\bigr) \\
   &= \frac{e^{-x}}{\bigl(1 + e^{-x}\bigr)^{2}} \\
   &= \frac{1}{1 + e^{-x}} \cdot \frac{e^{-x}}{1 + e^{-x}}
    = \sigma(x)\,\bigl(1 - \sigma(x)\bigr) \\
   &= \frac{e^{-|x|}}{\bigl(1 + e^{-|x|}\bigr)^{2}}
   \quad \text{because } \sigma'(-x) = \sigma'(x)

nonlin computes the last form, in which the exponential never exceeds 1.
"""

# %%
import matplotlib.pyplot as plt
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing, style_context

x = np.array([-1234.1, -2.0, 0.0, 2.0, 40.0])
print(nonlin.sigmoid(x))
print(nonlin.sigmoid_derivative(x))

# %%
# Function and derivative
# -----------------------
# Beyond :math:`|x| \approx 4.6` the derivative is below 0.01: the shaded
# tails are where a sigmoid unit saturates and learns slowly.
plot_activation("sigmoid")

# %%
# Where the textbook formula fails
# --------------------------------
# The product :math:`\sigma(1 - \sigma)` needs :math:`1 - \sigma(x)`, which
# cancels once :math:`\sigma(x)` rounds to 1: in float64 it is exactly 0
# from :math:`x \approx 36.74` on, while the true derivative is about
# :math:`e^{-x}` and representable down to :math:`x \approx 745`.
x = np.linspace(0.0, 60.0, 601)
s = 1 / (1 + np.exp(-x))
textbook = s * (1 - s)
with style_context():
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    ax.semilogy(x, nonlin.sigmoid_derivative(x), label="nonlin.sigmoid_derivative")
    ax.semilogy(x[textbook > 0], textbook[textbook > 0], label="textbook s * (1 - s)")
    ax.axvline(x[textbook > 0][-1], color="#404040", linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_ylabel("σ′(x), float64")
    ax.set_title("The textbook derivative drops to 0 where σ rounds to 1")
    ax.legend()

# %%
# The same at a few inputs; for :math:`x \ge 20` the exact value agrees with
# :math:`e^{-x}` to at least eight digits.
x = np.array([10.0, 30.0, 36.0, 37.0, 40.0, 700.0])
s = 1 / (1 + np.exp(-x))
ValueTable(
    {
        "x": x,
        "textbook s * (1 - s)": s * (1 - s),
        "nonlin.sigmoid_derivative": nonlin.sigmoid_derivative(x),
    }
)

# %%
# Properties
# ----------
properties_table("sigmoid")

# %%
# Source
# ------
source_listing(nonlin.sigmoid, nonlin.sigmoid_derivative)

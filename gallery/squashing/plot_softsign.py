r"""
Softsign
========

Softsign is a tanh-like squashing function whose tails approach :math:`\pm 1`
polynomially rather than exponentially, so it saturates more slowly. Glorot
and Bengio studied it in `Understanding the difficulty of training deep
feedforward neural networks <https://proceedings.mlr.press/v9/glorot10a.html>`__
(AISTATS 2010). API: :func:`nonlin.softsign`,
:func:`nonlin.softsign_derivative`.

.. math::

   \operatorname{softsign}(x) = \frac{x}{1 + |x|}

Derivative
----------

The quotient rule on each side of 0, where :math:`|x|` is :math:`x` or
:math:`-x`:

.. math::

   x > 0: \quad \operatorname{softsign}'(x) &= \frac{(1 + x) - x}{(1 + x)^2} = \frac{1}{(1 + x)^2} \\
   x < 0: \quad \operatorname{softsign}'(x) &= \frac{(1 - x) + x}{(1 - x)^2} = \frac{1}{(1 - x)^2} \\
   \operatorname{softsign}'(x) &= \frac{1}{(1 + |x|)^2}

Both sides give 1 at 0, so there is no kink; the second derivative jumps
from 2 to -2 there, so softsign is :math:`C^1`.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([-np.inf, -1.0, 0.0, 3.0, np.inf])
print(nonlin.softsign(x))
print(nonlin.softsign_derivative(x))

# %%
# Function and derivative
# -----------------------
# The derivative decays like :math:`1/x^2`, so softsign saturates later
# than tanh, whose derivative decays like :math:`e^{-2|x|}`.
plot_activation("softsign")

# %%
# Where the textbook formulas fail
# --------------------------------
# At infinity :math:`x / (1 + |x|)` is :math:`\infty/\infty`, NaN, instead
# of the limit 1. In float32, :math:`(1 + |x|)^2` overflows beyond
# :math:`|x| \approx 1.8 \cdot 10^{19}` and the textbook derivative returns
# 0 where the true value is a representable float32 number.
x32 = np.array([1e3, 1e19, 1e20, 3e21, np.inf], dtype=np.float32)
with np.errstate(over="ignore", invalid="ignore"):  # the overflow is what this cell shows
    textbook = x32 / (1 + np.abs(x32))
    textbook_derivative = 1 / (1 + np.abs(x32)) ** 2
ValueTable(
    {
        "x (float32)": x32,
        "textbook f": textbook,
        "nonlin.softsign": nonlin.softsign(x32),
        "textbook f'": textbook_derivative,
        "nonlin.softsign_derivative": nonlin.softsign_derivative(x32),
    }
)

# %%
# Properties
# ----------
properties_table("softsign")

# %%
# Source
# ------
source_listing(nonlin.softsign, nonlin.softsign_derivative)

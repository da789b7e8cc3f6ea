r"""
Continuously differentiable ELU
===============================

CELU rescales the ELU so that its derivative is continuous at 0 for every
:math:`\alpha`, not only for :math:`\alpha = 1`. Barron introduced it in
`Continuously differentiable exponential linear units
<https://arxiv.org/abs/1704.07483>`__ (arXiv:1704.07483, 2017). API:
:func:`nonlin.celu`, :func:`nonlin.celu_derivative`.

.. math::

   \operatorname{celu}(x) = \max(0, x) + \min\bigl(0, \alpha\,(e^{x/\alpha} - 1)\bigr)
   \qquad \alpha = 1

Derivative
----------

For :math:`x > 0` the second term is 0 and the first is :math:`x`; for
:math:`x < 0` the first is 0:

.. math::

   x > 0: \quad \operatorname{celu}'(x) &= \tfrac{d}{dx}\,x = 1 \\
   x < 0: \quad \operatorname{celu}'(x) &= \tfrac{d}{dx}\,\alpha\,\bigl(e^{x/\alpha} - 1\bigr) \\
   &= \alpha\,e^{x/\alpha} \cdot \tfrac{d}{dx}\,\frac{x}{\alpha} \\
   &= \alpha\,e^{x/\alpha} \cdot \frac{1}{\alpha} = e^{x/\alpha}

Both one-sided derivatives at 0 equal :math:`e^{0} = 1`, so CELU is
:math:`C^1` for every :math:`\alpha` and has no kink.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-10.0, -1.0, 0.0, 2.0])
print(nonlin.celu(x))
print(nonlin.celu_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("celu")

# %%
# Effect of alpha
# ---------------
# Unlike the ELU's, the derivative stays continuous at 0 for every alpha.
plot_parameter_sweep("celu", "alpha", [0.5, 1.0, 2.0])

# %%
# Where the textbook formula fails
# --------------------------------
# :math:`e^{x/\alpha} - 1` cancels for small :math:`|x/\alpha|` and is 0
# once :math:`e^{x/\alpha}` rounds to 1. With a large :math:`\alpha` the
# quotient :math:`x/\alpha` can even be subnormal, so that ``expm1`` of it
# has lost bits that the multiplication by :math:`\alpha` cannot restore;
# nonlin returns :math:`x` itself there, the limit of CELU near 0.
alpha = 1e10
x = np.array([-1e-3, -1e-12, -1e-300, -1e-305])
ValueTable(
    {
        "x": x,
        "textbook alpha*(exp(x/alpha) - 1)": alpha * (np.exp(x / alpha) - 1),
        "alpha*expm1(x/alpha)": alpha * np.expm1(x / alpha),
        "nonlin.celu": nonlin.celu(x, alpha=alpha),
    },
    caption="alpha = 1e10, float64",
)

# %%
# Properties
# ----------
properties_table("celu")

# %%
# Source
# ------
source_listing(nonlin.celu, nonlin.celu_derivative)

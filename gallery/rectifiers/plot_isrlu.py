r"""
Inverse square root linear unit
===============================

ISRLU is the identity for non-negative input and saturates like an ELU for
negative input, using an inverse square root in place of the exponential.
Carlile, Delamarter, Kinney, Marti and Whitney introduced it in `Improving
deep learning by inverse square root linear units (ISRLUs)
<https://arxiv.org/abs/1710.09967>`__ (arXiv:1710.09967, 2017). API:
:func:`nonlin.isrlu`, :func:`nonlin.isrlu_derivative`.

.. math::

   \operatorname{isrlu}(x) = \begin{cases} x & x \ge 0 \\ \dfrac{x}{\sqrt{1 + \alpha x^2}} & x < 0 \end{cases}
   \qquad \alpha = 1

Derivative
----------

For :math:`x < 0`, the product rule on :math:`x\,(1 + \alpha x^2)^{-1/2}`:

.. math::

   \operatorname{isrlu}'(x) &= (1 + \alpha x^2)^{-1/2}
     + x \cdot \bigl(-\tfrac{1}{2}\bigr)(1 + \alpha x^2)^{-3/2} \cdot 2\alpha x \\
   &= (1 + \alpha x^2)^{-3/2}\,\bigl[(1 + \alpha x^2) - \alpha x^2\bigr] \\
   &= (1 + \alpha x^2)^{-3/2}

and 1 for :math:`x > 0`. Both sides give 1 at 0, and so do the second
derivatives (0 on both sides), so ISRLU is :math:`C^2` with no kink.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-100.0, -1.0, 0.0, 2.0])
print(nonlin.isrlu(x))
print(nonlin.isrlu_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("isrlu")

# %%
# Effect of alpha
# ---------------
# The negative side saturates at :math:`-1/\sqrt{\alpha}`.
plot_parameter_sweep("isrlu", "alpha", [0.5, 1.0, 3.0])

# %%
# Where the textbook formula fails
# --------------------------------
# :math:`x^2` overflows in float64 once :math:`|x|` exceeds about
# :math:`10^{154}`, and the textbook form then returns :math:`-0` instead of
# the limit :math:`-1/\sqrt{\alpha} = -1`.
x = np.array([-1e10, -1e150, -1e160, -1e300])
with np.errstate(over="ignore"):  # the overflow is what this cell shows
    textbook = x / np.sqrt(1 + x * x)
ValueTable({"x": x, "textbook x / sqrt(1 + x**2)": textbook, "nonlin.isrlu": nonlin.isrlu(x)})

# %%
# Properties
# ----------
properties_table("isrlu")

# %%
# Source
# ------
source_listing(nonlin.isrlu, nonlin.isrlu_derivative)

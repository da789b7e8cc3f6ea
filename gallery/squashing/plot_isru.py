r"""
Inverse square root unit
========================

ISRU is a tanh-like squashing function built from one inverse square root,
with range :math:`(-1/\sqrt{\alpha}, 1/\sqrt{\alpha})`. Carlile, Delamarter,
Kinney, Marti and Whitney introduced it together with ISRLU in `Improving
deep learning by inverse square root linear units (ISRLUs)
<https://arxiv.org/abs/1710.09967>`__ (2017). API: :func:`nonlin.isru`,
:func:`nonlin.isru_derivative`.

.. math::

   \operatorname{isru}(x) = \frac{x}{\sqrt{1 + \alpha x^2}} \qquad \alpha = 1

Derivative
----------

The product rule on :math:`x\,(1 + \alpha x^2)^{-1/2}`:

.. math::

   \operatorname{isru}'(x) &= (1 + \alpha x^2)^{-1/2}
     + x \cdot \bigl(-\tfrac{1}{2}\bigr)(1 + \alpha x^2)^{-3/2} \cdot 2\alpha x \\
   &= (1 + \alpha x^2)^{-3/2}\,\bigl[(1 + \alpha x^2) - \alpha x^2\bigr] \\
   &= (1 + \alpha x^2)^{-3/2}
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-1e300, -1.0, 0.0, 2.0])
print(nonlin.isru(x))
print(nonlin.isru_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("isru")

# %%
# Effect of alpha
# ---------------
# The bounds are :math:`\pm 1/\sqrt{\alpha}`, and the slope at 0 is 1 for every alpha.
plot_parameter_sweep("isru", "alpha", [0.25, 1.0, 4.0])

# %%
# Where the textbook formula fails
# --------------------------------
# :math:`x^2` overflows in float64 beyond :math:`|x| \approx 1.3 \cdot
# 10^{154}`, and :math:`x / \sqrt{1 + x^2}` then returns 0 instead of the
# limit 1.
x = np.array([1e10, 1e150, 1e160, 1e300])
with np.errstate(over="ignore"):  # the overflow is what this cell shows
    textbook = x / np.sqrt(1 + x * x)
ValueTable({"x": x, "textbook x / sqrt(1 + x**2)": textbook, "nonlin.isru": nonlin.isru(x)})

# %%
# Properties
# ----------
properties_table("isru")

# %%
# Source
# ------
source_listing(nonlin.isru, nonlin.isru_derivative)

r"""
Exponential linear unit
=======================

ELU is the identity for positive input and saturates smoothly to
:math:`-\alpha` for negative input, which pushes mean activations towards 0.
Clevert, Unterthiner and Hochreiter introduced it in `Fast and accurate deep
network learning by exponential linear units (ELUs)
<https://arxiv.org/abs/1511.07289>`__ (ICLR 2016). API: :func:`nonlin.elu`,
:func:`nonlin.elu_derivative`.

.. math::

   \operatorname{elu}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}
   \qquad \alpha = 1

Derivative
----------

.. math::

   x > 0: \quad \operatorname{elu}'(x) &= \tfrac{d}{dx}\,x = 1 \\
   x < 0: \quad \operatorname{elu}'(x) &= \tfrac{d}{dx}\,\alpha\,(e^{x} - 1) \\
   &= \alpha\,\tfrac{d}{dx}\,e^{x} - \alpha\,\tfrac{d}{dx}\,1 \\
   &= \alpha\,e^{x} \\
   &= \operatorname{elu}(x) + \alpha

At :math:`x = 0` the one-sided derivatives are :math:`\alpha` (left) and 1
(right). With the default :math:`\alpha = 1` they agree and ELU is
:math:`C^1`; otherwise nonlin returns :math:`\alpha`, the left derivative,
as PyTorch and JAX do.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-1000.0, -1.0, 0.0, 2.0])
print(nonlin.elu(x))
print(nonlin.elu_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("elu")

# %%
# Effect of alpha
# ---------------
# With :math:`\alpha \ne 1` the derivative jumps at 0, from :math:`\alpha` to 1.
plot_parameter_sweep("elu", "alpha", [0.5, 1.0, 2.0])

# %%
# Where the textbook formula fails
# --------------------------------
# For small negative :math:`x`, :math:`e^{x}` rounds to a number near 1 and
# the subtraction :math:`e^{x} - 1` keeps only the rounding error: in
# float32, ``exp(x) - 1`` is 0 at :math:`x = -10^{-8}`. nonlin uses
# ``expm1``. The reference column is float64 ``expm1``, far more accurate
# than float32.
x32 = np.array([-1e-3, -1e-5, -3e-7, -1e-8, -1e-20], dtype=np.float32)
ValueTable(
    {
        "x (float32)": x32,
        "textbook exp(x) - 1": np.exp(x32) - 1,
        "nonlin.elu": nonlin.elu(x32),
        "reference": np.expm1(x32.astype(np.float64)).astype(np.float32),
    }
)

# %%
# Properties
# ----------
properties_table("elu")

# %%
# Source
# ------
source_listing(nonlin.elu, nonlin.elu_derivative)

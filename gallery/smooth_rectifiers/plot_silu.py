r"""
Sigmoid linear unit
===================

SiLU, also called swish, multiplies the input by its own sigmoid: a smooth
rectifier that dips below zero, close to GELU. Elfwing, Uchibe and Doya
studied it in `Sigmoid-weighted linear units for neural network function
approximation in reinforcement learning <https://arxiv.org/abs/1702.03118>`__
(Neural Networks 107, 2018). ``nonlin.swish`` is the same function, as in
PyTorch (``torch.nn.SiLU``), JAX (``jax.nn.swish``) and Keras (``silu``).
API: :func:`nonlin.silu`, :func:`nonlin.silu_derivative`.

.. math::

   \operatorname{silu}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}

Derivative
----------

The product rule, with :math:`\sigma' = \sigma(1 - \sigma)`:

.. math::

   \operatorname{silu}'(x) &= \sigma(x) + x\,\sigma'(x) \\
   &= \sigma(x) + x\,\sigma(x)\bigl(1 - \sigma(x)\bigr) \\
   &= \sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr) \\
   &= \frac{e^{x}\,(1 + x + e^{x})}{(1 + e^{x})^2}

The last form, which nonlin uses for :math:`x < 0`, keeps the factor
:math:`1 + x + e^{x}` accurate near the zero of the derivative at
:math:`x \approx -1.27846`.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([-800.0, -1.27846, 0.0, 2.0])
print(nonlin.silu(x))
print(nonlin.silu_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("silu")

# %%
# Where the textbook formulas fail
# --------------------------------
# In float32, ``x / (1 + exp(-x))`` overflows :math:`e^{-x}` below
# :math:`x \approx -88.7` and returns :math:`-0`, where SiLU is still a
# (subnormal) number; and :math:`\sigma(1 + x(1 - \sigma))` loses digits
# near the zero of the derivative. The reference is nonlin's float64 result
# rounded to float32.
x32 = np.array([-1.2784, -1.2785, -50.0, -95.0, -100.0], dtype=np.float32)
with np.errstate(over="ignore"):  # the overflow is what this cell shows
    s = 1 / (1 + np.exp(-x32))
    textbook = x32 / (1 + np.exp(-x32))
ValueTable(
    {
        "x (float32)": x32,
        "textbook f": textbook,
        "nonlin.silu": nonlin.silu(x32),
        "textbook f'": s * (1 + x32 * (1 - s)),
        "nonlin.silu_derivative": nonlin.silu_derivative(x32),
        "reference f'": nonlin.silu_derivative(x32.astype(np.float64)).astype(np.float32),
    }
)

# %%
# Properties
# ----------
properties_table("silu")

# %%
# Source
# ------
source_listing(nonlin.silu, nonlin.silu_derivative)

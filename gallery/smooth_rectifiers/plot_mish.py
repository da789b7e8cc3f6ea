r"""
Mish
====

Mish multiplies the input by the tanh of its softplus: a smooth,
non-monotonic rectifier close to SiLU. Misra introduced it in `Mish: a self
regularized non-monotonic activation function
<https://arxiv.org/abs/1908.08681>`__ (arXiv:1908.08681, 2019). API: :func:`nonlin.mish`,
:func:`nonlin.mish_derivative`.

.. math::

   \operatorname{mish}(x) = x \tanh\bigl(\operatorname{softplus}(x)\bigr)
   = x \tanh\bigl(\ln(1 + e^{x})\bigr)

Derivative
----------

With :math:`s = \operatorname{softplus}(x)`, :math:`s' = \sigma(x)` and
:math:`\tanh' = \operatorname{sech}^2 = 1 - \tanh^2`:

.. math::

   \operatorname{mish}'(x) &= \tanh(s) + x \cdot \tfrac{d}{dx}\tanh(s) \\
   &= \tanh(s) + x\,\operatorname{sech}^2(s)\,s' \\
   &= \tanh(s) + x\,\sigma(x)\operatorname{sech}^2(s)

Writing :math:`\tanh(\ln(1 + e^x)) = n/(n + 2)` with :math:`n = e^x(e^x + 2)`
turns this into one rational function of :math:`e^x`:

.. math::

   \operatorname{mish}'(x) = \frac{e^{x}\,\omega}{\delta^2}, \quad
   \omega = 4(x + 1) + e^{x}(4x + 6) + 4e^{2x} + e^{3x}, \quad
   \delta = e^{2x} + 2e^{x} + 2
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([-100.0, -1.19243, 0.0, 2.0])
print(nonlin.mish(x))
print(nonlin.mish_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("mish")

# %%
# Where the textbook formula fails
# --------------------------------
# ``x * tanh(log1p(exp(x)))`` overflows :math:`e^x` in float32 above
# :math:`x \approx 88.7`, and in the negative tail, where Mish is about
# :math:`x e^x`, the float32 exponential becomes subnormal and loses its
# digits long before the result does. The reference is nonlin's float64
# result rounded to float32.
x32 = np.array([-20.0, -90.0, -100.0, 100.0], dtype=np.float32)
with np.errstate(over="ignore"):  # the overflow is what this cell shows
    textbook = x32 * np.tanh(np.log1p(np.exp(x32)))
ValueTable(
    {
        "x (float32)": x32,
        "textbook x tanh(log1p(exp(x)))": textbook,
        "nonlin.mish": nonlin.mish(x32),
        "reference": nonlin.mish(x32.astype(np.float64)).astype(np.float32),
    }
)

# %%
# Properties
# ----------
properties_table("mish")

# %%
# Source
# ------
source_listing(nonlin.mish, nonlin.mish_derivative)

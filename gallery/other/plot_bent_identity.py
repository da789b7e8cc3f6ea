r"""
Bent identity
=============

The bent identity is a smooth, unbounded curve with slope 1/2 far to the
left and 3/2 far to the right, a smooth cousin of the leaky ReLU. It appears
in tables of activation functions such as Wikipedia's `Activation function
<https://en.wikipedia.org/wiki/Activation_function>`__. API:
:func:`nonlin.bent_identity`, :func:`nonlin.bent_identity_derivative`.

.. math::

   \mathrm{bent\_identity}(x) = \frac{\sqrt{x^2 + 1} - 1}{2} + x

Derivative
----------

.. math::

   \mathrm{bent\_identity}'(x) &= \frac{1}{2}\,\tfrac{d}{dx}\sqrt{x^2 + 1} + \tfrac{d}{dx}\,x \\
   &= \frac{1}{2} \cdot \frac{2x}{2\sqrt{x^2 + 1}} + 1 \\
   &= 1 + \frac{x}{2\sqrt{x^2 + 1}}

which tends to :math:`1 \mp 1/2` as :math:`x \to \mp\infty`.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([-1e300, -1.0, 0.0, 1.0, 1e300])
print(nonlin.bent_identity(x))
print(nonlin.bent_identity_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("bent_identity")

# %%
# Where the textbook formula fails
# --------------------------------
# :math:`x^2` overflows beyond :math:`|x| \approx 1.3 \cdot 10^{154}` in
# float64, and the textbook form returns :math:`+\infty` on both sides,
# where the function is about :math:`1.5x` or :math:`0.5x`; nonlin computes
# :math:`\sqrt{x^2 + 1}` as ``hypot(x, 1)``.
x = np.array([-1e200, -1e160, 1e160, 1e200])
with np.errstate(over="ignore"):  # the overflow is what this cell shows
    textbook = (np.sqrt(x * x + 1) - 1) / 2 + x
ValueTable({"x": x, "textbook": textbook, "nonlin.bent_identity": nonlin.bent_identity(x)})

# %%
# Properties
# ----------
properties_table("bent_identity")

# %%
# Source
# ------
source_listing(nonlin.bent_identity, nonlin.bent_identity_derivative)

r"""
Inverse tangent
===============

The inverse tangent is a zero-centred squashing function with range
:math:`(-\pi/2, \pi/2)` and algebraic tails. nonlin computes it with
`numpy.arctan
<https://numpy.org/doc/stable/reference/generated/numpy.arctan.html>`__ and
pairs it with an accurate derivative; PyTorch, JAX and Keras offer it only as
a math function, not as a named activation. API: :func:`nonlin.arctan`,
:func:`nonlin.arctan_derivative`.

.. math::

   \operatorname{arctan}(x) = \tan^{-1}(x)

Derivative
----------

Differentiate :math:`x = \tan y` with respect to :math:`y = \arctan x` and
invert:

.. math::

   \frac{dx}{dy} &= \frac{d}{dy} \tan y = \sec^2 y = 1 + \tan^2 y = 1 + x^2 \\
   \operatorname{arctan}'(x) &= \frac{dy}{dx} = \frac{1}{1 + x^2}
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([-1e300, -1.0, 0.0, 1.0, 1e300])
print(nonlin.arctan(x))
print(nonlin.arctan_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("arctan")

# %%
# Where the textbook formula fails
# --------------------------------
# :math:`1 + x^2` overflows in float32 beyond :math:`|x| \approx 1.8 \cdot
# 10^{19}`, and the textbook derivative returns 0 where the true value,
# about :math:`1/x^2`, is still a (subnormal) float32 number.
x32 = np.array([1e10, 1e19, 1e20, 1e21, 1e22], dtype=np.float32)
with np.errstate(over="ignore"):  # the overflow is what this cell shows
    textbook = 1 / (1 + x32 * x32)
ValueTable(
    {
        "x (float32)": x32,
        "textbook 1 / (1 + x**2)": textbook,
        "nonlin.arctan_derivative": nonlin.arctan_derivative(x32),
        "reference": (1 / (1 + x32.astype(np.float64) ** 2)).astype(np.float32),
    }
)

# %%
# Properties
# ----------
properties_table("arctan")

# %%
# Source
# ------
source_listing(nonlin.arctan, nonlin.arctan_derivative)

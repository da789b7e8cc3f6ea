r"""
Tanh shrinkage
==============

Tanh shrinkage is the identity minus tanh: flat near 0, where it is about
:math:`x^3/3`, and parallel to the identity in the tails. It is PyTorch's
`torch.nn.Tanhshrink
<https://pytorch.org/docs/stable/generated/torch.nn.Tanhshrink.html>`__ and
Keras 3's ``tanh_shrink``. API: :func:`nonlin.tanhshrink`,
:func:`nonlin.tanhshrink_derivative`.

.. math::

   \operatorname{tanhshrink}(x) = x - \tanh(x)

Derivative
----------

.. math::

   \operatorname{tanhshrink}'(x) &= \tfrac{d}{dx}\,x - \tfrac{d}{dx}\tanh(x) \\
   &= 1 - \bigl(1 - \tanh^2(x)\bigr) \\
   &= \tanh^2(x)

The middle line is the form automatic differentiation of
``x - tanh(x)`` builds; it cancels for small :math:`|x|`, where the last
line keeps full relative accuracy.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([-3.0, -1e-3, 0.0, 1e-3, 3.0])
print(nonlin.tanhshrink(x))
print(nonlin.tanhshrink_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("tanhshrink")

# %%
# Where the textbook formula fails
# --------------------------------
# ``x - tanh(x)`` subtracts two nearly equal numbers for small :math:`|x|`:
# it loses about :math:`\log_2(3/x^2)` bits and is 0 in float64 below
# about :math:`10^{-8}`. The series
# :math:`x^3/3 - 2x^5/15 + 17x^7/315` is accurate to float64 precision on
# these inputs.
x = np.array([1e-2, 1e-4, 1e-6, 1e-8, 1e-100])
series = x**3 / 3 - 2 * x**5 / 15 + 17 * x**7 / 315
ValueTable(
    {
        "x": x,
        "textbook x - tanh(x)": x - np.tanh(x),
        "nonlin.tanhshrink": nonlin.tanhshrink(x),
        "series": series,
    }
)

# %%
# Properties
# ----------
properties_table("tanhshrink")

# %%
# Source
# ------
source_listing(nonlin.tanhshrink, nonlin.tanhshrink_derivative)

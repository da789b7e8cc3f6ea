r"""
Threshold
=========

Threshold keeps input above a threshold :math:`t` and replaces the rest by a
value :math:`v`; with the defaults :math:`t = v = 0` it is the ReLU. It is
PyTorch's `torch.nn.Threshold
<https://pytorch.org/docs/stable/generated/torch.nn.Threshold.html>`__, which
requires both parameters; JAX and Keras have no such activation. API:
:func:`nonlin.threshold`, :func:`nonlin.threshold_derivative`.

.. math::

   \operatorname{threshold}(x) = \begin{cases} x & x > t \\ v & x \le t \end{cases}

Derivative
----------

.. math::

   \operatorname{threshold}'(x) &= \begin{cases} \tfrac{d}{dx}\,x & x > t \\ \tfrac{d}{dx}\,v & x < t \end{cases} \\
   &= \begin{cases} 1 & x > t \\ 0 & x < t \end{cases}

At :math:`x = t` nonlin returns **0**, the left derivative, as PyTorch
does. With :math:`v \ne t` the function itself jumps at :math:`t`, and 0 is
the derivative of the constant side.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, properties_table, source_listing

x = np.array([-1.0, 0.0, 0.5, 2.0])
print(nonlin.threshold(x, 1.0, -0.5))
print(nonlin.threshold_derivative(x, 1.0, -0.5))

# %%
# Function and derivative with the defaults
# -----------------------------------------
plot_activation("threshold")

# %%
# A threshold with a jump
# -----------------------
# With :math:`t = 1` and :math:`v = -0.5` the function jumps from
# :math:`-0.5` to 1 at :math:`x = 1`.
plot_activation("threshold", threshold=1.0, value=-0.5)

# %%
# Properties
# ----------
properties_table("threshold")

# %%
# Source
# ------
source_listing(nonlin.threshold, nonlin.threshold_derivative)

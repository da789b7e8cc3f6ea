r"""
Hard tanh
=========

Hard tanh clips its input to :math:`[a, b]`, by default :math:`[-1, 1]`: a
piecewise-linear tanh. Collobert, Weston, Bottou, Karlen, Kavukcuoglu and
Kuksa used it in `Natural language processing (almost) from scratch
<https://jmlr.org/papers/v12/collobert11a.html>`__ (JMLR 12, 2011). API:
:func:`nonlin.hard_tanh`, :func:`nonlin.hard_tanh_derivative`.

.. math::

   \mathrm{hard\_tanh}(x) = \min\bigl(\max(x, a), b\bigr)
   \qquad a = -1, \; b = 1

Derivative
----------

.. math::

   \mathrm{hard\_tanh}(x) &= \begin{cases} a & x < a \\ x & a < x < b \\ b & x > b \end{cases} \\
   \mathrm{hard\_tanh}'(x) &= \begin{cases} 0 & x < a \\ 1 & a < x < b \\ 0 & x > b \end{cases}

At the kinks :math:`x = a` and :math:`x = b` nonlin returns **0**, the
derivative from the flat side, as PyTorch's ``hardtanh`` does. JAX's
``hard_tanh`` selects :math:`x` on the closed interval, and Keras 3 with
the TensorFlow backend clips with ``tf.clip_by_value``, whose gradient
passes at the clip values: both return 1 there.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-2.0, -1.0, 0.5, 1.0, 2.0])
print(nonlin.hard_tanh(x))
print(nonlin.hard_tanh_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("hard_tanh")

# %%
# Effect of the upper bound
# -------------------------
plot_parameter_sweep("hard_tanh", "max_value", [0.5, 1.0, 2.0])

# %%
# Properties
# ----------
properties_table("hard_tanh")

# %%
# Source
# ------
source_listing(nonlin.hard_tanh, nonlin.hard_tanh_derivative)

r"""
Hard sigmoid
============

The hard sigmoid is a piecewise-linear sigmoid, by default
:math:`\mathrm{relu6}(x + 3)/6`, cheap enough for mobile networks.
Howard et al. used this form in `Searching for MobileNetV3
<https://arxiv.org/abs/1905.02244>`__ (ICCV 2019). API:
:func:`nonlin.hard_sigmoid`, :func:`nonlin.hard_sigmoid_derivative`.

.. math::

   \mathrm{hard\_sigmoid}(x) = \min\bigl(\max(s x + \tfrac{1}{2}, 0), 1\bigr)
   \qquad s = \texttt{slope} = \tfrac{1}{6}

Derivative
----------

The clamps switch at :math:`s x + \tfrac12 = 0` and :math:`= 1`, that is at
:math:`x = \pm c` with :math:`c = 1/(2s)` (3 by default):

.. math::

   \mathrm{hard\_sigmoid}(x) &= \begin{cases} 0 & x < -c \\ s x + \tfrac12 & |x| < c \\ 1 & x > c \end{cases} \\
   \mathrm{hard\_sigmoid}'(x) &= \begin{cases} 0 & x < -c \\ s & |x| < c \\ 0 & x > c \end{cases}

At the kinks :math:`x = \pm c` nonlin returns **0**, the derivative from the
flat side, as PyTorch, JAX and Keras 3 do. Keras 2 uses :math:`s = 0.2`
and clips with ``tf.clip_by_value``, whose gradient passes at the clip
values, so it returns 0.2 there.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-4.0, -3.0, 0.0, 3.0, 4.0])
print(nonlin.hard_sigmoid(x))
print(nonlin.hard_sigmoid_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("hard_sigmoid")

# %%
# Effect of the slope
# -------------------
# 1/6 is the slope of PyTorch, JAX and Keras 3; 0.2 that of Keras 2.
plot_parameter_sweep("hard_sigmoid", "slope", [1 / 6, 0.2, 0.5])

# %%
# Properties
# ----------
properties_table("hard_sigmoid")

# %%
# Source
# ------
source_listing(nonlin.hard_sigmoid, nonlin.hard_sigmoid_derivative)

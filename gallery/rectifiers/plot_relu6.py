r"""
ReLU6
=====

ReLU6 is a ReLU capped at 6, which keeps activations in a range that
low-precision arithmetic holds. Krizhevsky used it in `Convolutional deep
belief networks on CIFAR-10
<https://www.cs.toronto.edu/~kriz/conv-cifar10-aug2010.pdf>`__ (unpublished
manuscript, 2010); MobileNets made it common. API: :func:`nonlin.relu6`,
:func:`nonlin.relu6_derivative`.

.. math::

   \mathrm{relu6}(x) = \min\bigl(\max(x, 0), 6\bigr)

Derivative
----------

The two clamps split the line into three open intervals, each with a
constant or linear branch:

.. math::

   \mathrm{relu6}(x) &= \begin{cases} 0 & x < 0 \\ x & 0 < x < 6 \\ 6 & x > 6 \end{cases} \\
   \mathrm{relu6}'(x) &= \begin{cases} \tfrac{d}{dx}\,0 = 0 & x < 0 \\
        \tfrac{d}{dx}\,x = 1 & 0 < x < 6 \\ \tfrac{d}{dx}\,6 = 0 & x > 6 \end{cases}

There are kinks at :math:`x = 0` and :math:`x = 6`. nonlin returns **0** at
both, the derivative of the flat side, as PyTorch, JAX and TensorFlow do.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, properties_table, source_listing

x = np.array([-1.0, 0.0, 3.0, 6.0, 7.0])
print(nonlin.relu6(x))
print(nonlin.relu6_derivative(x))

# %%
# Function and derivative
# -----------------------
# Both flat parts pass no gradient, so both are shaded.
plot_activation("relu6")

# %%
# Properties
# ----------
properties_table("relu6")

# %%
# Source
# ------
source_listing(nonlin.relu6, nonlin.relu6_derivative)

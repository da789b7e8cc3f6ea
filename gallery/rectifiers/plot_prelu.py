r"""
Parametric ReLU
===============

PReLU is a leaky ReLU whose negative slope :math:`w` is learned, often one
slope per channel. He, Zhang, Ren and Sun introduced it in `Delving deep into
rectifiers: surpassing human-level performance on ImageNet classification
<https://arxiv.org/abs/1502.01852>`__ (ICCV 2015). API:
:func:`nonlin.prelu`, :func:`nonlin.prelu_derivative`.

.. math::

   \operatorname{prelu}(x) = \begin{cases} x & x > 0 \\ w x & x \le 0 \end{cases}
   \qquad w = \texttt{weight} = 0.25

Derivative
----------

With respect to the input, branch by branch:

.. math::

   \frac{\partial \operatorname{prelu}}{\partial x}
   &= \begin{cases} \tfrac{\partial}{\partial x}\,x & x > 0 \\ \tfrac{\partial}{\partial x}\,(w x) & x < 0 \end{cases} \\
   &= \begin{cases} 1 & x > 0 \\ w & x < 0 \end{cases}

Training also needs the derivative with respect to the weight:

.. math::

   \frac{\partial \operatorname{prelu}}{\partial w}
   = \begin{cases} \tfrac{\partial}{\partial w}\,x = 0 & x > 0 \\ \tfrac{\partial}{\partial w}\,(w x) = x & x \le 0 \end{cases}
   = \min(x, 0)

summed over the axes along which one weight is broadcast. At the kink
:math:`x = 0` nonlin returns :math:`w`, the left derivative, as PyTorch
does; Keras builds PReLU from two ReLUs and returns 0 there, and Flax's
``nn.PReLU`` returns 1.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-2.0, 0.0, 3.0])
print(nonlin.prelu(x))
print(nonlin.prelu_derivative(x))

# %%
# One slope per channel: for input of shape ``(channels, n)`` a weight of
# shape ``(channels, 1)`` broadcasts along each row.
channels = np.array([[-2.0, -1.0, 1.0], [-2.0, -1.0, 1.0], [-2.0, -1.0, 1.0]])
weight = np.array([[0.0], [0.25], [1.0]])
print(nonlin.prelu(channels, weight=weight))

# %%
# Function and derivative
# -----------------------
plot_activation("prelu")

# %%
# Effect of the weight
# --------------------
plot_parameter_sweep("prelu", "weight", [0.1, 0.25, 0.5])

# %%
# Properties
# ----------
properties_table("prelu")

# %%
# Source
# ------
source_listing(nonlin.prelu, nonlin.prelu_derivative)

r"""
Rectified linear unit
=====================

ReLU passes positive input through and sets the rest to 0. Nair and Hinton
introduced it in `Rectified linear units improve restricted Boltzmann
machines <https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf>`__ (ICML
2010); it is now the default hidden unit of deep networks. API:
:func:`nonlin.relu`, :func:`nonlin.relu_derivative`.

.. math::

   \operatorname{relu}(x) = \max(x, 0)

Derivative
----------

Each branch of the maximum is differentiated on its own open half-line:

.. math::

   \operatorname{relu}(x) &= \begin{cases} x & x > 0 \\ 0 & x < 0 \end{cases} \\
   \operatorname{relu}'(x) &= \begin{cases} \tfrac{d}{dx}\,x & x > 0 \\
        \tfrac{d}{dx}\,0 & x < 0 \end{cases} \\
   &= \begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases}

At the kink :math:`x = 0` the one-sided derivatives are 0 (left) and 1
(right), so there is no derivative. nonlin returns **0**, the left
derivative, as PyTorch, JAX and TensorFlow do.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, properties_table, source_listing

x = np.array([-2.0, -0.0, 0.0, 0.5, 3.0])
print(nonlin.relu(x))
print(nonlin.relu_derivative(x))

# %%
# Function and derivative
# -----------------------
# The shaded half-line has derivative 0: a unit whose input stays there
# receives no gradient at all.
plot_activation("relu")

# %%
# Properties
# ----------
properties_table("relu")

# %%
# Source
# ------
source_listing(nonlin.relu, nonlin.relu_derivative)

r"""
Leaky ReLU
==========

Leaky ReLU keeps a small slope :math:`a` for negative input, so a unit whose
input stays negative still receives a gradient. Maas, Hannun and Ng
introduced it in `Rectifier nonlinearities improve neural network acoustic
models <https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf>`__
(ICML workshop 2013). API: :func:`nonlin.leaky_relu`,
:func:`nonlin.leaky_relu_derivative`.

.. math::

   \mathrm{leaky\_relu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}
   \qquad a = \texttt{negative\_slope} = 0.01

Derivative
----------

Each branch is a line, differentiated on its own open half-line:

.. math::

   \mathrm{leaky\_relu}'(x) &= \begin{cases} \tfrac{d}{dx}\,x & x > 0 \\
        \tfrac{d}{dx}\,(a x) & x < 0 \end{cases} \\
   &= \begin{cases} 1 & x > 0 \\ a & x < 0 \end{cases}

At the kink :math:`x = 0` the one-sided derivatives are :math:`a` (left) and
1 (right). nonlin returns :math:`a`, the left derivative, as PyTorch does
and as :func:`nonlin.relu_derivative` does for :math:`a = 0`; JAX returns 1.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-2.0, 0.0, 3.0])
print(nonlin.leaky_relu(x))
print(nonlin.leaky_relu_derivative(x))

# %%
# Function and derivative
# -----------------------
# With the default slope of 0.01 the negative side looks flat, but its
# derivative is 0.01, not 0, so the input is never shaded as saturated.
plot_activation("leaky_relu")

# %%
# Effect of negative_slope
# ------------------------
# The three slopes are the defaults of PyTorch, JAX and Keras 3 (0.01), of
# TensorFlow's ``tf.nn.leaky_relu`` (0.2) and of Keras 2's ``LeakyReLU`` (0.3).
plot_parameter_sweep("leaky_relu", "negative_slope", [0.01, 0.2, 0.3])

# %%
# Properties
# ----------
properties_table("leaky_relu")

# %%
# Source
# ------
source_listing(nonlin.leaky_relu, nonlin.leaky_relu_derivative)

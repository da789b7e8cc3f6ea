r"""
Sparse plus
===========

Sparse plus is a piecewise-quadratic rectifier that is exactly 0 below -1
and the identity above 1, joined by a parabola: a softplus with exact
zeros, whose derivative is the sparse sigmoid. JAX offers it as
`jax.nn.sparse_plus
<https://docs.jax.dev/en/latest/_autosummary/jax.nn.sparse_plus.html>`__,
and Keras as ``sparse_plus``. API: :func:`nonlin.sparse_plus`,
:func:`nonlin.sparse_plus_derivative`.

.. math::

   \mathrm{sparse\_plus}(x) = \begin{cases} 0 & x \le -1 \\ \tfrac{1}{4}(x + 1)^2 & -1 < x < 1 \\ x & x \ge 1 \end{cases}

Derivative
----------

Piece by piece:

.. math::

   \mathrm{sparse\_plus}'(x) &= \begin{cases} \tfrac{d}{dx}\,0 & x < -1 \\
       \tfrac{d}{dx}\,\tfrac14 (x + 1)^2 & |x| < 1 \\ \tfrac{d}{dx}\,x & x > 1 \end{cases} \\
   &= \begin{cases} 0 & x < -1 \\ \tfrac{1}{2}(x + 1) & |x| < 1 \\ 1 & x > 1 \end{cases}

The pieces join with equal values (0 and 1) and equal slopes (0 and 1) at
:math:`x = \mp 1`, so there is no kink: sparse plus is :math:`C^1`, and
only the second derivative jumps. Its derivative is the
:func:`sparse sigmoid <nonlin.sparse_sigmoid>`.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, properties_table, source_listing

x = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
print(nonlin.sparse_plus(x))
print(nonlin.sparse_plus_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("sparse_plus")

# %%
# Properties
# ----------
properties_table("sparse_plus")

# %%
# Source
# ------
source_listing(nonlin.sparse_plus, nonlin.sparse_plus_derivative)

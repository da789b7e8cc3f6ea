r"""
Sparse sigmoid
==============

The sparse sigmoid is a piecewise-linear sigmoid that reaches exactly 0 and
1 outside :math:`[-1, 1]`; it is the derivative of the sparse plus function.
Blondel, Martins and Niculae derive it in `Learning with Fenchel-Young
losses <https://arxiv.org/abs/1901.02324>`__ (JMLR 21, 2020); JAX and Keras 3
offer it as ``sparse_sigmoid``. API: :func:`nonlin.sparse_sigmoid`,
:func:`nonlin.sparse_sigmoid_derivative`.

.. math::

   \mathrm{sparse\_sigmoid}(x) = \begin{cases} 0 & x \le -1 \\ (x + 1)/2 & -1 < x < 1 \\ 1 & x \ge 1 \end{cases}

Derivative
----------

.. math::

   \mathrm{sparse\_sigmoid}'(x) &= \begin{cases} \tfrac{d}{dx}\,0 & x < -1 \\
       \tfrac{d}{dx}\,\tfrac{x + 1}{2} & |x| < 1 \\ \tfrac{d}{dx}\,1 & x > 1 \end{cases} \\
   &= \begin{cases} 0 & x < -1 \\ \tfrac12 & |x| < 1 \\ 0 & x > 1 \end{cases}

At the kinks :math:`x = \pm 1` nonlin returns **0**, the derivative from the
flat side, as Keras 3 with the TensorFlow backend does. JAX computes
``0.5 * clip(x + 1, 0, 2)``, whose gradient rules split a tie between the
two arguments of the maximum or minimum, and returns 1/4 there.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, properties_table, source_listing

x = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
print(nonlin.sparse_sigmoid(x))
print(nonlin.sparse_sigmoid_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("sparse_sigmoid")

# %%
# Properties
# ----------
properties_table("sparse_sigmoid")

# %%
# Source
# ------
source_listing(nonlin.sparse_sigmoid, nonlin.sparse_sigmoid_derivative)

r"""
Binary step
===========

The binary step outputs 1 for input at or above 0 and 0 below: the
threshold unit of McCulloch and Pitts, `A logical calculus of the ideas
immanent in nervous activity <https://doi.org/10.1007/BF02478259>`__
(Bulletin of Mathematical Biophysics 5, 1943), and of Rosenblatt's
perceptron. API: :func:`nonlin.binary_step`,
:func:`nonlin.binary_step_derivative`.

.. math::

   \mathrm{binary\_step}(x) = \begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases}

Derivative
----------

Both pieces are constant:

.. math::

   \mathrm{binary\_step}'(x) = \begin{cases} \tfrac{d}{dx}\,1 = 0 & x > 0 \\ \tfrac{d}{dx}\,0 = 0 & x < 0 \end{cases}

At :math:`x = 0` the function jumps from 0 to 1 and has no derivative;
nonlin returns 0, the slope of both pieces. Because the derivative is 0
wherever it exists, gradient descent cannot train a binary step unit:
straight-through estimators replace it with the derivative of a smooth
surrogate. :func:`numpy.heaviside`, ``torch.heaviside`` and
``jax.numpy.heaviside`` make the caller choose the value at 0; nonlin
returns 1 there.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, properties_table, source_listing

x = np.array([-1.0, -0.0, 0.0, 2.0])
print(nonlin.binary_step(x))
print(nonlin.binary_step_derivative(x))

# %%
# Function and derivative
# -----------------------
# The derivative is 0 everywhere, so the whole line is shaded as saturated.
plot_activation("binary_step")

# %%
# Properties
# ----------
properties_table("binary_step")

# %%
# Source
# ------
source_listing(nonlin.binary_step, nonlin.binary_step_derivative)

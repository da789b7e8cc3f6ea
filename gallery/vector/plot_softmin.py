r"""
Softmin
=======

Softmin is the softmax of the negated input: probabilities that favour the
smallest scores, as for distances or costs. It is PyTorch's
`torch.nn.Softmin
<https://pytorch.org/docs/stable/generated/torch.nn.Softmin.html>`__. API:
:func:`nonlin.softmin`, :func:`nonlin.softmin_jacobian`,
:func:`nonlin.softmin_jvp`, :func:`nonlin.softmin_vjp`.

.. math::

   \operatorname{softmin}(x)_i = \frac{e^{-x_i}}{\sum_k e^{-x_k}} = \operatorname{softmax}(-x)_i

Derivative
----------

The chain rule through :math:`y = -x`, with the softmax Jacobian
:math:`s_i (\delta_{ij} - s_j)` at :math:`y` and
:math:`s = \operatorname{softmin}(x)`:

.. math::

   \frac{\partial s_i}{\partial x_j}
   &= \sum_k \frac{\partial \operatorname{softmax}(y)_i}{\partial y_k} \cdot \frac{\partial y_k}{\partial x_j} \\
   &= \sum_k s_i\,(\delta_{ik} - s_k) \cdot (-\delta_{kj}) \\
   &= -s_i\,(\delta_{ij} - s_j)
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, plot_jacobian, plot_vector_example, properties_table, source_listing

x = np.array([1.0, 2.0, 0.5, -1.0, 3.0])
v = np.array([1.0, 0.0, 0.0, 0.0, 0.0])
print(nonlin.softmin(x))
print(nonlin.softmin_jacobian(x).shape)
print(nonlin.softmin_jvp(x, v))
print(nonlin.softmin_vjp(x, v))

# %%
# Effect on a vector
# ------------------
# The smallest score takes the most probability.
plot_vector_example("softmin", x)

# %%
# The Jacobian as a picture
# -------------------------
# The negative of the softmax Jacobian at :math:`-x`: raising a score lowers
# its own probability.
plot_jacobian("softmin", x)

# %%
# Along one input
# ---------------
# For the input :math:`(x, 0)` the first output is :math:`\sigma(-x)`.
plot_activation("softmin")

# %%
# Properties
# ----------
properties_table("softmin")

# %%
# Source
# ------
source_listing(nonlin.softmin, nonlin.softmin_jacobian, nonlin.softmin_jvp, nonlin.softmin_vjp)

# sphinx_gallery_thumbnail_number = 3

r"""
Log-softmax
===========

The log-softmax is the logarithm of the softmax; it stays finite where the
softmax underflows and feeds the log-likelihood loss directly. It is
PyTorch's `torch.nn.LogSoftmax
<https://pytorch.org/docs/stable/generated/torch.nn.LogSoftmax.html>`__,
JAX's ``jax.nn.log_softmax`` and Keras' ``log_softmax``. API:
:func:`nonlin.log_softmax`, :func:`nonlin.log_softmax_jacobian`,
:func:`nonlin.log_softmax_jvp`, :func:`nonlin.log_softmax_vjp`.

.. math::

   \mathrm{log\_softmax}(x)_i = \log \frac{e^{x_i}}{\sum_k e^{x_k}}
   = x_i - \log \sum_k e^{x_k}

Derivative
----------

With :math:`s = \operatorname{softmax}(x)`:

.. math::

   \frac{\partial \mathrm{log\_softmax}(x)_i}{\partial x_j}
   &= \frac{\partial x_i}{\partial x_j} - \frac{1}{\sum_k e^{x_k}} \cdot \frac{\partial}{\partial x_j} \sum_k e^{x_k} \\
   &= \delta_{ij} - \frac{e^{x_j}}{\sum_k e^{x_k}} \\
   &= \delta_{ij} - s_j

so :math:`J = I - \mathbf{1} s^{\mathsf T}`, and the products with a
vector are :math:`(J v)_i = v_i - \sum_j s_j v_j` and
:math:`(v^{\mathsf T} J)_j = v_j - s_j \sum_i v_i`.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, plot_jacobian, properties_table, source_listing

x = np.array([1.0, 2.0, 0.5, -1.0, 3.0])
v = np.array([1.0, 0.0, 0.0, 0.0, 0.0])
print(nonlin.log_softmax(x))
print(nonlin.log_softmax_jacobian(x).shape)
print(nonlin.log_softmax_jvp(x, v))
print(nonlin.log_softmax_vjp(x, v))

# %%
# The Jacobian as a picture
# -------------------------
# Each column :math:`j` contains :math:`-s_j`, plus 1 on the diagonal, so
# the matrix is not symmetric.
plot_jacobian("log_softmax", x)

# %%
# Along one input
# ---------------
# For the input :math:`(x, 0)` the first output is :math:`\log \sigma(x)`,
# the log-sigmoid.
plot_activation("log_softmax")

# %%
# Where the textbook formula fails
# --------------------------------
# ``log(softmax(x))`` is :math:`-\infty` wherever the softmax underflows, for
# an entry about 745 below the maximum in float64; the log-softmax itself is
# an ordinary number there.
scores = np.array([0.0, -500.0, -800.0])
with np.errstate(divide="ignore"):  # log(0) is what this cell shows
    textbook = np.log(nonlin.softmax(scores))
ValueTable({"x": scores, "log(softmax(x))": textbook, "nonlin.log_softmax": nonlin.log_softmax(scores)})

# %%
# Properties
# ----------
properties_table("log_softmax")

# %%
# Source
# ------
source_listing(nonlin.log_softmax, nonlin.log_softmax_jacobian, nonlin.log_softmax_jvp, nonlin.log_softmax_vjp)

# sphinx_gallery_thumbnail_number = 2

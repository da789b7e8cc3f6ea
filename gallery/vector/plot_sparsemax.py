r"""
Sparsemax
=========

Sparsemax is the Euclidean projection of the scores onto the probability
simplex: like softmax it returns probabilities, but with exact zeros for
low scores. Martins and Astudillo introduced it in `From softmax to
sparsemax: a sparse model of attention and multi-label classification
<https://arxiv.org/abs/1602.02068>`__ (ICML 2016); Keras offers it as
``sparsemax``. API: :func:`nonlin.sparsemax`,
:func:`nonlin.sparsemax_jacobian`, :func:`nonlin.sparsemax_jvp`,
:func:`nonlin.sparsemax_vjp`.

.. math::

   \operatorname{sparsemax}(x) = \operatorname*{arg\,min}_{p \in \Delta} \lVert p - x \rVert^2
   = \max(x - \tau, 0)

where the threshold :math:`\tau` makes the outputs sum to 1.

Derivative
----------

On the support :math:`S = \{i : p_i > 0\}`, with :math:`s_i = 1` for
:math:`i \in S` and 0 otherwise, the outputs are :math:`x_i - \tau` and sum
to 1, which fixes :math:`\tau`:

.. math::

   \sum_{k \in S} (x_k - \tau) = 1
   \;&\Rightarrow\; \tau = \frac{\sum_{k \in S} x_k - 1}{\lvert S \rvert}
   \;\Rightarrow\; \frac{\partial \tau}{\partial x_j} = \frac{s_j}{\lvert S \rvert} \\
   \frac{\partial p_i}{\partial x_j} &= s_i \Bigl(\delta_{ij} - \frac{\partial \tau}{\partial x_j}\Bigr) \\
   &= \delta_{ij}\,s_i - \frac{s_i\,s_j}{\lvert S \rvert}

Sparsemax is piecewise linear and has no derivative where an entry sits
exactly on the threshold (:math:`x_i = \tau`). There nonlin returns the
Jacobian of the piece in which that entry is outside the support. This is
the convention of Martins and Astudillo, who define :math:`S` by
:math:`p_i > 0`.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, plot_jacobian, plot_vector_example, properties_table, source_listing

x = np.array([1.0, 2.0, 0.5, -1.0, 2.2])
v = np.array([1.0, 0.0, 0.0, 0.0, 0.0])
print(nonlin.sparsemax(x))
print(nonlin.sparsemax_jacobian(x).shape)
print(nonlin.sparsemax_jvp(x, v))
print(nonlin.sparsemax_vjp(x, v))

# %%
# Effect on a vector
# ------------------
# Compare with :func:`nonlin.softmax` on the same scores: sparsemax gives the
# low scores exactly 0.
plot_vector_example("sparsemax", x)

# %%
print(nonlin.softmax(x).round(3))

# %%
# The Jacobian as a picture
# -------------------------
# Rows and columns outside the support are 0; inside it the Jacobian is
# :math:`I - \mathbf{1}\mathbf{1}^{\mathsf T}/\lvert S \rvert`.
plot_jacobian("sparsemax", x)

# %%
# Along one input
# ---------------
# For the input :math:`(x, 0)` the first output is :math:`(x + 1)/2`
# clipped to :math:`[0, 1]`, the sparse sigmoid.
plot_activation("sparsemax")

# %%
# Properties
# ----------
properties_table("sparsemax")

# %%
# Source
# ------
source_listing(nonlin.sparsemax, nonlin.sparsemax_jacobian, nonlin.sparsemax_jvp, nonlin.sparsemax_vjp)

# sphinx_gallery_thumbnail_number = 3

r"""
Softmax
=======

Softmax turns a vector of scores into probabilities that sum to 1, and is
the output layer of classifiers. Bridle introduced the name in
`Probabilistic interpretation of feedforward classification network
outputs, with relationships to statistical pattern recognition
<https://doi.org/10.1007/978-3-642-76153-9_28>`__ (1990). API:
:func:`nonlin.softmax`, :func:`nonlin.softmax_jacobian`,
:func:`nonlin.softmax_jvp`, :func:`nonlin.softmax_vjp`.

.. math::

   s_i = \operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_k e^{x_k}}

Derivative
----------

Every output depends on every input, so the derivative is the Jacobian
matrix :math:`J_{ij} = \partial s_i / \partial x_j`. With
:math:`Z = \sum_k e^{x_k}` and :math:`\partial Z / \partial x_j = e^{x_j}`,
the quotient rule gives

.. math::

   \frac{\partial s_i}{\partial x_j}
   &= \frac{\delta_{ij}\,e^{x_i}\,Z - e^{x_i}\,e^{x_j}}{Z^2} \\
   &= \delta_{ij}\,\frac{e^{x_i}}{Z} - \frac{e^{x_i}}{Z}\,\frac{e^{x_j}}{Z} \\
   &= s_i\,\bigl(\delta_{ij} - s_j\bigr)

so :math:`J = \operatorname{diag}(s) - s\,s^{\mathsf T}`, a symmetric
matrix. Its products with a vector :math:`v` need only :math:`O(n)` work:

.. math::

   (J v)_i &= \sum_j s_i\,(\delta_{ij} - s_j)\,v_j \\
   &= s_i\,\Bigl(v_i - \sum_j s_j v_j\Bigr) \\
   (v^{\mathsf T} J)_j &= (J v)_j \quad \text{because } J = J^{\mathsf T}
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import (
    ValueTable,
    plot_activation,
    plot_jacobian,
    plot_vector_example,
    properties_table,
    source_listing,
)

x = np.array([1.0, 2.0, 0.5, -1.0, 3.0])
print(nonlin.softmax(x))
print(nonlin.softmax_jacobian(x).shape)
v = np.array([1.0, 0.0, 0.0, 0.0, 0.0])
print(nonlin.softmax_jvp(x, v))
print(nonlin.softmax_vjp(x, v))

# %%
# Effect on a vector
# ------------------
# Softmax keeps the order of the scores, makes every output positive and
# scales them to sum to 1; the largest score takes most of the probability.
plot_vector_example("softmax", x)

# %%
# The Jacobian as a picture
# -------------------------
# The diagonal :math:`s_i(1 - s_i)` is positive and every other entry
# :math:`-s_i s_j` negative: raising one score raises its own probability
# and lowers all the others.
plot_jacobian("softmax", x)

# %%
# Along one input
# ---------------
# For the input :math:`(x, 0)` the first output is :math:`\sigma(x)`, the
# logistic sigmoid, and the first diagonal entry of the Jacobian its
# derivative.
plot_activation("softmax")

# %%
# Where the textbook formula fails
# --------------------------------
# ``exp(x) / exp(x).sum()`` overflows as soon as a score exceeds about 709
# (float64) or 88 (float32), and returns NaN where the result is plain.
# nonlin subtracts the maximum first, so every exponent is at most 0.
scores = np.array([1000.0, 1001.0, 1002.0])
with np.errstate(over="ignore", invalid="ignore"):  # the overflow is what this cell shows
    textbook = np.exp(scores) / np.exp(scores).sum()
ValueTable({"x": scores, "textbook exp(x) / sum": textbook, "nonlin.softmax": nonlin.softmax(scores)})

# %%
# Properties
# ----------
properties_table("softmax")

# %%
# Source
# ------
source_listing(nonlin.softmax, nonlin.softmax_jacobian, nonlin.softmax_jvp, nonlin.softmax_vjp)

# sphinx_gallery_thumbnail_number = 3

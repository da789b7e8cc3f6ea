r"""
Randomized leaky ReLU
=====================

RReLU is a leaky ReLU whose negative slope is drawn at random for each
element during training, from :math:`U(l, u)`, and fixed to the mean slope
in evaluation. Xu, Wang, Chen and Li evaluated it in `Empirical evaluation
of rectified activations in convolutional network
<https://arxiv.org/abs/1505.00853>`__ (arXiv:1505.00853, 2015). API:
:func:`nonlin.rrelu`, :func:`nonlin.rrelu_derivative`.

.. math::

   \operatorname{rrelu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}
   \qquad a \sim U(l, u) \text{ in training}, \quad
   a = \frac{l + u}{2} \text{ in evaluation}

with :math:`l = 1/8` and :math:`u = 1/3` by default, as in PyTorch.

Derivative
----------

For a fixed slope :math:`a` (drawn or mean), branch by branch:

.. math::

   \operatorname{rrelu}'(x) &= \begin{cases} \tfrac{d}{dx}\,x & x > 0 \\ \tfrac{d}{dx}\,(a x) & x < 0 \end{cases} \\
   &= \begin{cases} 1 & x > 0 \\ a & x < 0 \end{cases}

In training the derivative must use the same slopes as the forward pass:
a ``numpy.random.Generator`` in the same state reproduces them. At the kink
:math:`x = 0` nonlin returns :math:`a` (in evaluation
:math:`(l + u)/2 \approx 0.229`), the left derivative, as PyTorch does.
"""

# %%
import matplotlib.pyplot as plt
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, plot_parameter_sweep, properties_table, source_listing, style_context

x = np.array([-2.0, 0.0, 3.0])
print(nonlin.rrelu(x))
print(nonlin.rrelu_derivative(x))

# %%
# Function and derivative in evaluation
# -------------------------------------
plot_activation("rrelu")

# %%
# Random slopes in training
# -------------------------
# Each negative input gets its own slope between :math:`l` and :math:`u`, so
# the outputs fill a wedge; the derivative drawn with a generator in the
# same state returns the same slopes.
x = np.linspace(-4.0, 2.0, 400)
outputs = nonlin.rrelu(x, training=True, rng=np.random.default_rng(0))
slopes = nonlin.rrelu_derivative(x, training=True, rng=np.random.default_rng(0))
with style_context():
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.8, 3.6))
    left.plot(x, outputs, linestyle="none", marker=".", markersize=3, label="rrelu(x), training")
    left.plot(x, nonlin.rrelu(x), linestyle="--", label="rrelu(x), evaluation")
    right.plot(x, slopes, linestyle="none", marker=".", markersize=3, label="rrelu′(x), training")
    for ax in (left, right):
        ax.set_xlabel("x")
        ax.legend()
    left.set_ylabel("value")
    right.set_ylabel("slope")

# %%
# Effect of the upper bound
# -------------------------
# In evaluation only the mean slope :math:`(l + u)/2` matters.
plot_parameter_sweep("rrelu", "upper", [0.2, 1 / 3, 0.6])

# %%
# Properties
# ----------
properties_table("rrelu")

# %%
# Source
# ------
source_listing(nonlin.rrelu, nonlin.rrelu_derivative)

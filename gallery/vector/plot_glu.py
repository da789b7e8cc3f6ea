r"""
Gated linear unit
=================

GLU splits its input along one axis into halves :math:`a` and :math:`b` and
returns :math:`a \odot \sigma(b)`: each value gets a learned gate. Dauphin,
Fan, Auli and Grangier introduced it in `Language modeling with gated
convolutional networks <https://arxiv.org/abs/1612.08083>`__ (ICML 2017).
As in PyTorch, JAX and Keras, the first half is the value and the second
the gate. API: :func:`nonlin.glu`, :func:`nonlin.glu_jacobian`,
:func:`nonlin.glu_jvp`, :func:`nonlin.glu_vjp`.

.. math::

   \operatorname{glu}(x) = a \odot \sigma(b), \qquad x = [a, b]

Derivative
----------

Output :math:`i` depends only on :math:`a_i` and :math:`b_i`:

.. math::

   \frac{\partial\,\operatorname{glu}_i}{\partial a_j} &= \delta_{ij}\,\sigma(b_i) \\
   \frac{\partial\,\operatorname{glu}_i}{\partial b_j} &= \delta_{ij}\,a_i\,\sigma'(b_i)
   = \delta_{ij}\,a_i\,\sigma(b_i)\bigl(1 - \sigma(b_i)\bigr)

so the Jacobian, of shape :math:`n/2 \times n`, is two diagonal blocks side
by side.
"""

# %%
import matplotlib.pyplot as plt
import numpy as np

import nonlin
from nonlin.plotting import plot_jacobian, properties_table, source_listing, style_context

x = np.array([1.0, -2.0, 0.5, 3.0, 0.0, -1.0])
tangent = np.ones(6)
cotangent = np.ones(3)
print(nonlin.glu(x))
print(nonlin.glu_jacobian(x).shape)
print(nonlin.glu_jvp(x, tangent))
print(nonlin.glu_vjp(x, cotangent))

# %%
# The gate
# --------
# For a fixed value :math:`a`, the output follows :math:`a\,\sigma(b)` as
# the gate :math:`b` varies; with :math:`a = b = t` it is
# :math:`t\,\sigma(t)`, the SiLU.
gate = np.linspace(-6.0, 6.0, 601)
with style_context():
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    for value in (-1.0, 1.0, 2.0):
        pairs = np.stack([np.full_like(gate, value), gate], axis=-1)
        ax.plot(gate, nonlin.glu(pairs)[:, 0], label=f"glu([a, b]), a = {value:g}")
    same = np.stack([gate, gate], axis=-1)
    ax.plot(gate, nonlin.glu(same)[:, 0], label="glu([t, t]) = t σ(t)")
    ax.set_xlabel("gate b (or t)")
    ax.set_ylabel("output")
    ax.set_ylim(-2.5, 4.0)
    ax.legend()

# %%
# The Jacobian as a picture
# -------------------------
# The left block holds :math:`\sigma(b_i)` on its diagonal, the right block
# :math:`a_i \sigma'(b_i)`.
plot_jacobian("glu", x)

# %%
# Properties
# ----------
properties_table("glu")

# %%
# Source
# ------
source_listing(nonlin.glu, nonlin.glu_jacobian, nonlin.glu_jvp, nonlin.glu_vjp)

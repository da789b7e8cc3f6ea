r"""
Scaled exponential linear unit
==============================

SELU is an ELU scaled by :math:`\lambda \approx 1.0507` with
:math:`\alpha \approx 1.6733`, constants chosen so that activations keep
zero mean and unit variance through deep fully connected networks.
Klambauer, Unterthiner, Mayr and Hochreiter introduced it in
`Self-normalizing neural networks <https://arxiv.org/abs/1706.02515>`__
(NeurIPS 2017). API: :func:`nonlin.selu`, :func:`nonlin.selu_derivative`.

.. math::

   \operatorname{selu}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}

Derivative
----------

.. math::

   x > 0: \quad \operatorname{selu}'(x) &= \lambda\,\tfrac{d}{dx}\,x = \lambda \\
   x < 0: \quad \operatorname{selu}'(x) &= \lambda\alpha\,\tfrac{d}{dx}\bigl(e^{x} - 1\bigr) \\
   &= \lambda\alpha\,e^{x}

At the kink :math:`x = 0` the one-sided derivatives are
:math:`\lambda\alpha \approx 1.7581` (left) and :math:`\lambda \approx 1.0507`
(right). nonlin returns :math:`\lambda\alpha`, the left derivative, as
PyTorch and JAX do; TensorFlow's ``SeluGrad``, which Keras uses with that
backend, returns :math:`\lambda`.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([-1.0, 0.0, 1.0])
print(nonlin.selu(x))
print(nonlin.selu_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("selu")

# %%
# Where the textbook formula fails
# --------------------------------
# As for the ELU, :math:`e^{x} - 1` cancels for small negative :math:`x`;
# nonlin uses ``expm1``. The reference is the float64 result rounded to
# float32.
x32 = np.array([-1e-3, -1e-6, -1e-8, -1e-30], dtype=np.float32)
scale, alpha = np.float32(1.0507009873554805), np.float32(1.6732632423543772)
ValueTable(
    {
        "x (float32)": x32,
        "textbook": scale * alpha * (np.exp(x32) - 1),
        "nonlin.selu": nonlin.selu(x32),
        "reference": nonlin.selu(x32.astype(np.float64)).astype(np.float32),
    }
)

# %%
# Properties
# ----------
properties_table("selu")

# %%
# Source
# ------
source_listing(nonlin.selu, nonlin.selu_derivative)

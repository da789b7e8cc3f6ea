r"""
Gaussian error linear unit
==========================

GELU weights its input by the probability that a standard normal variable
is below it, :math:`x\,\Phi(x)`: a smooth rectifier with a small negative
dip, the default activation of Transformer models. Hendrycks and Gimpel
introduced it in `Gaussian error linear units (GELUs)
<https://arxiv.org/abs/1606.08415>`__ (2016), together with a tanh
approximation that nonlin offers as ``approximate="tanh"``. API:
:func:`nonlin.gelu`, :func:`nonlin.gelu_derivative`.

.. math::

   \operatorname{gelu}(x) = x\,\Phi(x) = \frac{x}{2}\operatorname{erfc}\Bigl(-\frac{x}{\sqrt 2}\Bigr),
   \qquad \Phi(x) = \int_{-\infty}^{x} \varphi(t)\,dt, \quad \varphi(t) = \frac{e^{-t^2/2}}{\sqrt{2\pi}}

Derivative
----------

The product rule, with :math:`\Phi' = \varphi` (the fundamental theorem of
calculus):

.. math::

   \operatorname{gelu}'(x) &= \tfrac{d}{dx}\,x \cdot \Phi(x) + x \cdot \tfrac{d}{dx}\,\Phi(x) \\
   &= \Phi(x) + x\,\varphi(x) \\
   &= \Phi(x) + \frac{x\,e^{-x^2/2}}{\sqrt{2\pi}}

The tanh form writes :math:`\tfrac12(1 + \tanh u) = \sigma(2u)`, so with
:math:`v = 2\sqrt{2/\pi}\,(x + 0.044715\,x^3)`:

.. math::

   \operatorname{gelu}_{\tanh}(x) &= \frac{x}{2}\bigl(1 + \tanh\tfrac{v}{2}\bigr) = x\,\sigma(v) \\
   \operatorname{gelu}_{\tanh}'(x) &= \sigma(v) + x\,\sigma'(v)\,v' \\
   &= \sigma(v) + x\,\sigma(v)\bigl(1 - \sigma(v)\bigr)\,2\sqrt{2/\pi}\,\bigl(1 + 0.134145\,x^2\bigr)
"""

# %%
import matplotlib.pyplot as plt
import numpy as np
from scipy.special import erf

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing, style_context

x = np.array([-3.0, -0.75179, 0.0, 1.0])
print(nonlin.gelu(x))
print(nonlin.gelu_derivative(x))
print(nonlin.gelu(x, approximate="tanh"))
print(nonlin.gelu_derivative(x, approximate="tanh"))

# %%
# Function and derivative
# -----------------------
# The derivative is negative below :math:`x \approx -0.752`, where GELU dips
# to its minimum of about :math:`-0.170`.
plot_activation("gelu")

# %%
# Exact form against the tanh approximation
# -----------------------------------------
# The two differ by at most about :math:`4.7 \cdot 10^{-4}`, near
# :math:`x = \pm 2.7`. PyTorch (``approximate="none"``), TensorFlow and
# ``keras.activations.gelu`` default to the exact form; ``jax.nn.gelu`` and
# ``keras.ops.gelu`` default to the approximation.
x = np.linspace(-6.0, 6.0, 2401)
with style_context():
    fig, (left, right) = plt.subplots(1, 2, figsize=(8.8, 3.6))
    left.plot(x, nonlin.gelu(x) - nonlin.gelu(x, approximate="tanh"))
    right.plot(x, nonlin.gelu_derivative(x) - nonlin.gelu_derivative(x, approximate="tanh"), linestyle="--")
    left.set_title("gelu(x): exact minus tanh form")
    right.set_title("gelu′(x): exact minus tanh form")
    for ax in (left, right):
        ax.set_xlabel("x")
        ax.set_ylabel("difference")

# %%
# Where the textbook formula fails
# --------------------------------
# :math:`\tfrac{x}{2}(1 + \operatorname{erf}(x/\sqrt 2))` adds two numbers of
# opposite sign in the negative tail: in float32 it is 0 from about
# :math:`x = -5.9` on, while GELU is still about :math:`-5 \cdot 10^{-9}`
# there and reaches the subnormals only near :math:`x = -14`. The reference
# is nonlin's float64 result rounded to float32.
x32 = np.array([-3.0, -5.0, -5.9, -7.0, -10.0, -13.0], dtype=np.float32)
textbook = x32 / 2 * (1 + erf(x32 / np.sqrt(np.float32(2))))
ValueTable(
    {
        "x (float32)": x32,
        "textbook x/2 (1 + erf(x/√2))": textbook,
        "nonlin.gelu": nonlin.gelu(x32),
        "reference": nonlin.gelu(x32.astype(np.float64)).astype(np.float32),
    }
)

# %%
# Properties
# ----------
properties_table("gelu")

# %%
# Source
# ------
source_listing(nonlin.gelu, nonlin.gelu_derivative)

r"""
Log-sigmoid
===========

The log-sigmoid is the logarithm of the logistic sigmoid, the
log-probability a logistic model outputs; losses use it directly because it
stays accurate where the sigmoid itself underflows. It is PyTorch's
`torch.nn.LogSigmoid
<https://pytorch.org/docs/stable/generated/torch.nn.LogSigmoid.html>`__;
JAX and Keras 3 call it ``log_sigmoid``. API: :func:`nonlin.log_sigmoid`,
:func:`nonlin.log_sigmoid_derivative`.

.. math::

   \log \sigma(x) = -\log\bigl(1 + e^{-x}\bigr)
   = \min(x, 0) - \log\bigl(1 + e^{-|x|}\bigr)

Derivative
----------

.. math::

   \frac{d}{dx} \log \sigma(x) &= -\frac{1}{1 + e^{-x}} \cdot \tfrac{d}{dx}\bigl(1 + e^{-x}\bigr) \\
   &= -\frac{1}{1 + e^{-x}} \cdot \bigl(-e^{-x}\bigr) \\
   &= \frac{e^{-x}}{1 + e^{-x}} = \frac{1}{e^{x} + 1} \\
   &= \sigma(-x) = 1 - \sigma(x)

nonlin computes :math:`\sigma(-x)`, which keeps the right tail
:math:`\approx e^{-x}` accurate where :math:`1 - \sigma(x)` cancels.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([-1000.0, -1.0, 0.0, 1.0, 50.0])
print(nonlin.log_sigmoid(x))
print(nonlin.log_sigmoid_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("log_sigmoid")

# %%
# Where the textbook formula fails
# --------------------------------
# ``log(sigmoid(x))`` is :math:`-\infty` once :math:`\sigma(x)` underflows
# (near :math:`x = -745` in float64), and :math:`-\log(1 + e^{-x})` overflows
# :math:`e^{-x}` below :math:`x \approx -709.8`; the true value is about
# :math:`x`. On the right, ``log(sigmoid(x))`` is 0 once :math:`\sigma`
# rounds to 1, while the true value is about :math:`-e^{-x}`.
x = np.array([-800.0, -710.0, -30.0, 40.0])
with np.errstate(over="ignore", divide="ignore"):  # the overflow is what this cell shows
    textbook = -np.log(1 + np.exp(-x))
    log_of_sigmoid = np.log(nonlin.sigmoid(x))
ValueTable(
    {
        "x": x,
        "textbook -log(1 + exp(-x))": textbook,
        "log(sigmoid(x))": log_of_sigmoid,
        "nonlin.log_sigmoid": nonlin.log_sigmoid(x),
    }
)

# %%
# Properties
# ----------
properties_table("log_sigmoid")

# %%
# Source
# ------
source_listing(nonlin.log_sigmoid, nonlin.log_sigmoid_derivative)

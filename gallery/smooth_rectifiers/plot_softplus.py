r"""
Softplus
========

Softplus is a smooth approximation of the ReLU, :math:`\ln(1 + e^{x})`,
positive everywhere; its derivative is the logistic sigmoid. Dugas, Bengio,
Bélisle, Nadeau and Garcia used it in `Incorporating functional knowledge in
neural networks <https://www.jmlr.org/papers/v10/dugas09a.html>`__ (JMLR 10,
2009). API: :func:`nonlin.softplus`,
:func:`nonlin.softplus_derivative`.

.. math::

   \operatorname{softplus}(x) = \frac{1}{\beta}\ln\bigl(1 + e^{\beta x}\bigr)
   = \max(x, 0) + \frac{1}{\beta}\ln\bigl(1 + e^{-\beta |x|}\bigr)
   \qquad \beta = 1

Derivative
----------

.. math::

   \operatorname{softplus}'(x) &= \frac{1}{\beta} \cdot \frac{1}{1 + e^{\beta x}} \cdot \tfrac{d}{dx}\,e^{\beta x} \\
   &= \frac{1}{\beta} \cdot \frac{\beta\,e^{\beta x}}{1 + e^{\beta x}} \\
   &= \frac{1}{1 + e^{-\beta x}} = \sigma(\beta x)
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-800.0, -1.0, 0.0, 1.0, 800.0])
print(nonlin.softplus(x))
print(nonlin.softplus_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("softplus")

# %%
# Effect of beta
# --------------
# A larger :math:`\beta` brings softplus closer to the ReLU.
plot_parameter_sweep("softplus", "beta", [0.5, 1.0, 4.0])

# %%
# Where the textbook formula fails
# --------------------------------
# :math:`\ln(1 + e^x)` overflows :math:`e^x` above :math:`x \approx 709.8` in
# float64 and returns :math:`\infty` where the result is about :math:`x`. For
# :math:`x` below about -37, :math:`1 + e^x` rounds to 1 and the logarithm
# returns 0, where the result is about :math:`e^x`. PyTorch's
# ``softplus(x, beta, threshold=20)`` returns :math:`x` where
# :math:`\beta x > 20`, an absolute error of up to :math:`2 \cdot 10^{-9}`;
# nonlin needs no such cut-off.
x = np.array([-40.0, -745.0, 20.0, 710.0])
with np.errstate(over="ignore"):  # the overflow is what this cell shows
    textbook = np.log(1 + np.exp(x))
ValueTable({"x": x, "textbook log(1 + exp(x))": textbook, "nonlin.softplus": nonlin.softplus(x)})

# %%
# Properties
# ----------
properties_table("softplus")

# %%
# Source
# ------
source_listing(nonlin.softplus, nonlin.softplus_derivative)

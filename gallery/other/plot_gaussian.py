r"""
Gaussian
========

The Gaussian is a bump that is 1 at 0 and falls to 0 on both sides, the
unit of radial basis function networks. It appears in tables of activation
functions such as Wikipedia's `Activation function
<https://en.wikipedia.org/wiki/Activation_function>`__. API:
:func:`nonlin.gaussian`, :func:`nonlin.gaussian_derivative`.

.. math::

   \operatorname{gaussian}(x) = e^{-x^2}

Derivative
----------

.. math::

   \operatorname{gaussian}'(x) &= e^{-x^2} \cdot \tfrac{d}{dx}\bigl(-x^2\bigr) \\
   &= -2x\,e^{-x^2}
"""

# %%
from decimal import Decimal, localcontext

import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([-1e200, -1.0, 0.0, 0.5, 27.0])
print(nonlin.gaussian(x))
print(nonlin.gaussian_derivative(x))

# %%
# Function and derivative
# -----------------------
# The Gaussian is not monotonic: the derivative changes sign at 0.
plot_activation("gaussian")

# %%
# Where the textbook formula fails
# --------------------------------
# ``exp(-x*x)`` rounds :math:`x^2` first, and the exponential multiplies the
# relative error of that rounding by :math:`x^2`, so the error grows to
# hundreds of ULP as :math:`|x|` approaches 27. The reference is computed
# with Python's ``decimal`` module at 120 digits, enough to hold :math:`x^2`
# exactly for any float64 :math:`x` here.
def exact_gaussian(value):
    with localcontext() as context:
        context.prec = 120
        return float((-Decimal(value) * Decimal(value)).exp())


x = np.array([3.827703, 10.197394, 20.32683, 25.770685, 26.472482])
reference = np.array([exact_gaussian(value) for value in x])
textbook = np.exp(-x * x)
ValueTable(
    {
        "x": x,
        "textbook exp(-x*x)": textbook,
        "nonlin.gaussian": nonlin.gaussian(x),
        "reference": reference,
        "textbook error (ULP)": np.abs(textbook - reference) / np.spacing(reference),
        "nonlin error (ULP)": np.abs(nonlin.gaussian(x) - reference) / np.spacing(reference),
    }
)

# %%
# Properties
# ----------
properties_table("gaussian")

# %%
# Source
# ------
source_listing(nonlin.gaussian, nonlin.gaussian_derivative)

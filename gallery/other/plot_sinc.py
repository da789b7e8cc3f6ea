r"""
Sinc
====

The unnormalised sinc :math:`\sin(x)/x` is 1 at 0 and oscillates with
decaying amplitude on both sides, with zeros at :math:`k\pi`. It appears in
tables of activation functions such as Wikipedia's `Activation function
<https://en.wikipedia.org/wiki/Activation_function>`__. :func:`numpy.sinc`,
``torch.sinc`` and ``jax.numpy.sinc`` compute the normalised sinc, which is
``nonlin.sinc(np.pi * x)``. API: :func:`nonlin.sinc`,
:func:`nonlin.sinc_derivative`.

.. math::

   \operatorname{sinc}(x) = \begin{cases} \dfrac{\sin x}{x} & x \ne 0 \\ 1 & x = 0 \end{cases}

Derivative
----------

The quotient rule for :math:`x \ne 0`, and the series at 0:

.. math::

   \operatorname{sinc}'(x) &= \frac{x \cos x - \sin x}{x^2} \\
   &= \frac{\cos x - \operatorname{sinc}(x)}{x} \\
   \operatorname{sinc}(x) &= 1 - \frac{x^2}{6} + \frac{x^4}{120} - \dots
   \;\Rightarrow\; \operatorname{sinc}'(x) = -\frac{x}{3} + \frac{x^3}{30} - \dots,
   \quad \operatorname{sinc}'(0) = 0
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([0.0, 1e-8, np.pi, 10.0])
print(nonlin.sinc(x))
print(nonlin.sinc_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("sinc", x=np.linspace(-15.0, 15.0, 3001))

# %%
# Where the textbook formula fails
# --------------------------------
# :math:`x \cos x - \sin x` cancels near 0, where it is about
# :math:`-x^3/3`: the textbook derivative is noise or 0 for small
# :math:`|x|`. The series :math:`-x/3 + x^3/30 - x^5/840` is accurate to
# float64 precision on these inputs.
x = np.array([1e-2, 1e-4, 1e-5, 1e-6, 1e-8])
ValueTable(
    {
        "x": x,
        "textbook (x cos x - sin x) / x**2": (x * np.cos(x) - np.sin(x)) / x**2,
        "nonlin.sinc_derivative": nonlin.sinc_derivative(x),
        "series": -x / 3 + x**3 / 30 - x**5 / 840,
    }
)

# %%
# Properties
# ----------
properties_table("sinc")

# %%
# Source
# ------
source_listing(nonlin.sinc, nonlin.sinc_derivative)

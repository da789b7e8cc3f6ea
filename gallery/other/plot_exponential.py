r"""
Exponential
===========

The exponential :math:`e^x` is a positive, unbounded, convex activation,
which Keras offers as ``exponential`` (`Keras activation functions
<https://keras.io/api/layers/activations/>`__); it turns scores into
positive rates, as in Poisson regression. API: :func:`nonlin.exponential`,
:func:`nonlin.exponential_derivative`.

.. math::

   \operatorname{exponential}(x) = e^{x}

Derivative
----------

.. math::

   \operatorname{exponential}'(x) &= \lim_{h \to 0} \frac{e^{x + h} - e^{x}}{h}
   = e^{x} \lim_{h \to 0} \frac{e^{h} - 1}{h} \\
   &= e^{x}
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, properties_table, source_listing

x = np.array([-800.0, 0.0, 1.0, 700.0])
print(nonlin.exponential(x))
print(nonlin.exponential_derivative(x))

# %%
# Function and derivative
# -----------------------
# The function and its derivative are the same curve.
plot_activation("exponential", x=np.linspace(-5.0, 2.5, 1501))

# %%
# Properties
# ----------
properties_table("exponential")

# %%
# Source
# ------
source_listing(nonlin.exponential, nonlin.exponential_derivative)

r"""
Hyperbolic tangent
==================

The hyperbolic tangent is a zero-centred sigmoid with range :math:`(-1, 1)`,
long the default hidden unit of recurrent networks; LeCun, Bottou, Orr and
Müller recommend it over the logistic sigmoid in `Efficient BackProp
<https://doi.org/10.1007/3-540-49430-8_2>`__ (1998). API:
:func:`nonlin.tanh`, :func:`nonlin.tanh_derivative`.

.. math::

   \tanh(x) = \frac{\sinh x}{\cosh x} = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}

Derivative
----------

The quotient rule, with :math:`\sinh' = \cosh` and :math:`\cosh' = \sinh`:

.. math::

   \tanh'(x) &= \frac{\cosh x \cdot \cosh x - \sinh x \cdot \sinh x}{\cosh^2 x} \\
   &= \frac{1}{\cosh^2 x}
   \quad \text{because } \cosh^2 x - \sinh^2 x = 1 \\
   &= 1 - \tanh^2(x) \\
   &= \frac{4}{\bigl(e^{x} + e^{-x}\bigr)^2}
    = \frac{4\,e^{-2|x|}}{\bigl(1 + e^{-2|x|}\bigr)^{2}}

nonlin computes the last form, in which the exponential never exceeds 1.
"""

# %%
import matplotlib.pyplot as plt
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing, style_context

x = np.array([-1000.0, -1.0, 0.0, 0.5, 20.0])
print(nonlin.tanh(x))
print(nonlin.tanh_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("tanh")

# %%
# Where the textbook formula fails
# --------------------------------
# :math:`1 - \tanh^2(x)` subtracts two numbers near 1: it loses relative
# accuracy as soon as :math:`|x|` grows and is exactly 0 in float64 from
# :math:`|x| \approx 19` on, although the derivative is about
# :math:`4e^{-2|x|}` and representable up to :math:`|x| \approx 372`.
x = np.linspace(0.0, 30.0, 601)
textbook = 1 - np.tanh(x) ** 2
with style_context():
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    ax.semilogy(x, nonlin.tanh_derivative(x), label="nonlin.tanh_derivative")
    ax.semilogy(x[textbook > 0], textbook[textbook > 0], label="textbook 1 - tanh(x)**2")
    ax.set_xlabel("x")
    ax.set_ylabel("tanh′(x), float64")
    ax.set_title("The textbook derivative drops to 0 where tanh rounds to 1")
    ax.legend()

# %%
x = np.array([5.0, 10.0, 18.0, 19.0, 20.0, 300.0])
ValueTable(
    {
        "x": x,
        "textbook 1 - tanh(x)**2": 1 - np.tanh(x) ** 2,
        "nonlin.tanh_derivative": nonlin.tanh_derivative(x),
    }
)

# %%
# Properties
# ----------
properties_table("tanh")

# %%
# Source
# ------
source_listing(nonlin.tanh, nonlin.tanh_derivative)

r"""
Sinusoid
========

The sine as an activation: periodic, bounded and smooth, used in implicit
neural representations, where networks of sines fit signals and their
derivatives. Sitzmann, Martel, Bergman, Lindell and Wetzstein introduced
such networks (SIREN) in `Implicit neural representations with periodic
activation functions <https://arxiv.org/abs/2006.09661>`__ (NeurIPS 2020).
API: :func:`nonlin.sinusoid`, :func:`nonlin.sinusoid_derivative`.

.. math::

   \operatorname{sinusoid}(x) = \sin x

Derivative
----------

From the addition formula and the limits :math:`\sin h / h \to 1` and
:math:`(\cos h - 1)/h \to 0`:

.. math::

   \operatorname{sinusoid}'(x) &= \lim_{h \to 0} \frac{\sin(x + h) - \sin x}{h} \\
   &= \lim_{h \to 0} \Bigl(\sin x\,\frac{\cos h - 1}{h} + \cos x\,\frac{\sin h}{h}\Bigr) \\
   &= \cos x

SIREN scales the input first, :math:`\sin(\omega_0 x)` with
:math:`\omega_0 = 30`; pass ``omega_0 * x`` and multiply the derivative by
:math:`\omega_0`.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, properties_table, source_listing

x = np.array([0.0, np.pi / 6, np.pi / 2, np.pi])
print(nonlin.sinusoid(x))
print(nonlin.sinusoid_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("sinusoid", x=np.linspace(-2 * np.pi, 2 * np.pi, 2001))

# %%
# Properties
# ----------
properties_table("sinusoid")

# %%
# Source
# ------
source_listing(nonlin.sinusoid, nonlin.sinusoid_derivative)

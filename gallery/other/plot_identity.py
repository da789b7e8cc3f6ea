r"""
Identity
========

The identity passes its input through unchanged; it is the linear output
unit of regression models, which Keras calls ``linear`` (`Keras activation
functions <https://keras.io/api/layers/activations/>`__) and PyTorch offers
as the module ``torch.nn.Identity``. API: :func:`nonlin.identity`,
:func:`nonlin.identity_derivative`.

.. math::

   \operatorname{identity}(x) = x

Derivative
----------

.. math::

   \operatorname{identity}'(x) = \tfrac{d}{dx}\,x = \lim_{h \to 0} \frac{(x + h) - x}{h} = 1
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, properties_table, source_listing

x = np.array([-2.0, 0.0, 3.5], dtype=np.float32)
print(nonlin.identity(x))
print(nonlin.identity_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("identity")

# %%
# Properties
# ----------
properties_table("identity")

# %%
# Source
# ------
source_listing(nonlin.identity, nonlin.identity_derivative)

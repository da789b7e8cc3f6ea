r"""
Hard shrinkage
==============

Hard shrinkage sets input within :math:`\pm\lambda` to 0 and passes the
rest unchanged: hard thresholding, as in wavelet denoising. Donoho and
Johnstone analysed it in `Ideal spatial adaptation by wavelet shrinkage
<https://doi.org/10.1093/biomet/81.3.425>`__ (Biometrika 81, 1994). API:
:func:`nonlin.hardshrink`, :func:`nonlin.hardshrink_derivative`.

.. math::

   \operatorname{hardshrink}(x) = \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}
   \qquad \lambda = \texttt{threshold} = 0.5

Derivative
----------

.. math::

   \operatorname{hardshrink}'(x) &= \begin{cases} \tfrac{d}{dx}\,x & |x| > \lambda \\ \tfrac{d}{dx}\,0 & |x| < \lambda \end{cases} \\
   &= \begin{cases} 1 & |x| > \lambda \\ 0 & |x| < \lambda \end{cases}

The function jumps at :math:`x = \pm\lambda` (from 0 to :math:`\pm\lambda`),
so it has no derivative there. nonlin returns the value 0 and the
derivative 0 from inside, as PyTorch and Keras 3 do.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-1.0, -0.5, 0.2, 0.5, 0.7])
print(nonlin.hardshrink(x))
print(nonlin.hardshrink_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("hardshrink")

# %%
# Effect of the threshold
# -----------------------
plot_parameter_sweep("hardshrink", "threshold", [0.25, 0.5, 1.0])

# %%
# Properties
# ----------
properties_table("hardshrink")

# %%
# Source
# ------
source_listing(nonlin.hardshrink, nonlin.hardshrink_derivative)

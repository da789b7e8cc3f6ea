r"""
Soft shrinkage
==============

Soft shrinkage sets input within :math:`\pm\lambda` to 0 and moves the rest
towards 0 by :math:`\lambda`: soft thresholding, the proximal operator of
the :math:`\ell_1` norm. Donoho analysed it in `De-noising by
soft-thresholding <https://doi.org/10.1109/18.382009>`__ (IEEE Transactions
on Information Theory 41, 1995). API: :func:`nonlin.softshrink`,
:func:`nonlin.softshrink_derivative`.

.. math::

   \operatorname{softshrink}(x) = \operatorname{sign}(x)\,\max(|x| - \lambda, 0)
   \qquad \lambda = \texttt{threshold} = 0.5

Derivative
----------

.. math::

   \operatorname{softshrink}(x) &= \begin{cases} x - \lambda & x > \lambda \\ 0 & |x| < \lambda \\ x + \lambda & x < -\lambda \end{cases} \\
   \operatorname{softshrink}'(x) &= \begin{cases} 1 & x > \lambda \\ 0 & |x| < \lambda \\ 1 & x < -\lambda \end{cases}

At the kinks :math:`x = \pm\lambda` nonlin returns **0**, the derivative
from inside, as PyTorch's ``softshrink`` and Keras 3's ``soft_shrink``
(TensorFlow backend) do.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, plot_parameter_sweep, properties_table, source_listing

x = np.array([-1.0, -0.5, 0.2, 0.5, 0.7])
print(nonlin.softshrink(x))
print(nonlin.softshrink_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("softshrink")

# %%
# Effect of the threshold
# -----------------------
plot_parameter_sweep("softshrink", "threshold", [0.25, 0.5, 1.0])

# %%
# Where the textbook formula fails
# --------------------------------
# float32 cannot hold 0.1: it rounds to 0.100000001490116. Subtracting the
# rounded threshold from float32 input near it returns 0 or a number with
# no correct digit. nonlin subtracts the threshold as given, in float64,
# and rounds once.
x32 = np.array([0.1, 0.10000002, 0.1000001], dtype=np.float32)
textbook = np.sign(x32) * np.maximum(np.abs(x32) - np.float32(0.1), 0)
ValueTable(
    {
        "x (float32)": x32,
        "textbook with threshold float32(0.1)": textbook,
        "nonlin.softshrink(x, 0.1)": nonlin.softshrink(x32, 0.1),
        "reference": (x32.astype(np.float64) - 0.1).astype(np.float32),
    }
)

# %%
# Properties
# ----------
properties_table("softshrink")

# %%
# Source
# ------
source_listing(nonlin.softshrink, nonlin.softshrink_derivative)

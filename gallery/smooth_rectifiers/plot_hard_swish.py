r"""
Hard swish
==========

Hard swish replaces the sigmoid of SiLU by the hard sigmoid,
:math:`x\,\mathrm{relu6}(x + 3)/6`: a piecewise-quadratic SiLU that
mobile hardware computes cheaply. Howard et al. introduced it in
`Searching for MobileNetV3 <https://arxiv.org/abs/1905.02244>`__ (ICCV 2019).
``nonlin.hard_silu`` is the same function, under the name JAX and Keras use;
PyTorch calls it ``Hardswish``. API: :func:`nonlin.hard_swish`,
:func:`nonlin.hard_swish_derivative`.

.. math::

   \mathrm{hard\_swish}(x) = x\,\frac{\mathrm{relu6}(x + 3)}{6}
   = \begin{cases} 0 & x \le -3 \\ x (x + 3) / 6 & -3 < x < 3 \\ x & x \ge 3 \end{cases}

Derivative
----------

.. math::

   \mathrm{hard\_swish}'(x) &= \begin{cases} \tfrac{d}{dx}\,0 & x < -3 \\
       \tfrac{d}{dx}\,\tfrac{x^2 + 3x}{6} & |x| < 3 \\ \tfrac{d}{dx}\,x & x > 3 \end{cases} \\
   &= \begin{cases} 0 & x < -3 \\ (2x + 3)/6 & |x| < 3 \\ 1 & x > 3 \end{cases}

At :math:`x = -3` the one-sided derivatives are 0 and :math:`-1/2`, and at
:math:`x = 3` they are :math:`3/2` and 1. nonlin returns the value of the
flat side, **0** and **1**, as JAX and Keras on its JAX and TensorFlow
backends do; PyTorch's ``Hardswish`` returns the inner side's values,
:math:`-1/2` and :math:`3/2`.
"""

# %%
import numpy as np

import nonlin
from nonlin.plotting import ValueTable, plot_activation, properties_table, source_listing

x = np.array([-4.0, -3.0, -1.5, 3.0, 4.0])
print(nonlin.hard_swish(x))
print(nonlin.hard_swish_derivative(x))

# %%
# Function and derivative
# -----------------------
plot_activation("hard_swish")

# %%
# Where another formula fails
# ---------------------------
# PyTorch computes the middle piece of the derivative as :math:`x/3 + 1/2`,
# which cancels near its zero at :math:`x = -1.5`; :math:`(2x + 3)/6` is
# exact there up to one rounding. The reference is the float64 value rounded
# to float32.
x32 = np.array([-1.5, -1.4999999, -1.5000001, -1.4999], dtype=np.float32)
ValueTable(
    {
        "x (float32)": x32,
        "x/3 + 1/2": x32 / 3 + np.float32(0.5),
        "nonlin.hard_swish_derivative": nonlin.hard_swish_derivative(x32),
        "reference": ((2 * x32.astype(np.float64) + 3) / 6).astype(np.float32),
    }
)

# %%
# Properties
# ----------
properties_table("hard_swish")

# %%
# Source
# ------
source_listing(nonlin.hard_swish, nonlin.hard_swish_derivative)

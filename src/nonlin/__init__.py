"""Activation functions and their exact derivatives for NumPy.

Every function takes array_like input and computes elementwise (or along
one axis, for the vector-valued activations), keeping float16, float32 and
float64 dtypes and computing integer and bool input in float64. Each
activation ``f`` has its derivative ``f_derivative``; the vector-valued ones
have ``f_jacobian``, ``f_jvp`` and ``f_vjp``. :mod:`nonlin.catalogue`
lists them all with their formulas and properties.

>>> import nonlin
>>> nonlin.sigmoid(0.0)
np.float64(0.5)
"""

from nonlin import _other, _rectifiers, _shrinkage, _smooth, _squashing, _vector
from nonlin._other import *  # noqa: F403
from nonlin._rectifiers import *  # noqa: F403
from nonlin._shrinkage import *  # noqa: F403
from nonlin._smooth import *  # noqa: F403
from nonlin._squashing import *  # noqa: F403
from nonlin._vector import *  # noqa: F403

__version__ = "0.1.0"

__all__ = sorted(
    _rectifiers.__all__
    + _smooth.__all__
    + _squashing.__all__
    + _shrinkage.__all__
    + _other.__all__
    + _vector.__all__
)

"""The textbook NumPy forms of each activation, as people write them by hand.

These are the formulas of papers and tutorials typed straight into NumPy:
``1 / (1 + np.exp(-x))``, ``s * (1 - s)``, ``1 - np.tanh(x)**2``. Many of
them overflow, cancel or lose the tails that nonlin keeps, which is the
point of the comparison: the benchmark shows what accuracy costs in time
next to the form a reader would otherwise copy. The benchmark records the
source of each function below as its description, so keep each body to the
formula itself.

Tables are keyed by catalogue name. Elementwise forms take ``(x, **params)``
with the catalogue's parameter names, and vector-valued forms take
``(x, axis, **params)`` for the function and ``(x, cotangent, axis, **params)``
for the vector-Jacobian product. A catalogue entry missing here is reported
in the results as having no textbook form.
"""

import inspect

import numpy as np
from scipy.special import erf

# The Gaussian error function is not in NumPy, so textbook GELU code
# imports it from SciPy.
_SQRT_2 = np.sqrt(2.0)
_SQRT_2_OVER_PI = np.sqrt(2.0 / np.pi)
_SQRT_2PI = np.sqrt(2.0 * np.pi)
_SELU_ALPHA = 1.6732632423543772
_SELU_SCALE = 1.0507009873554805


# Rectifiers

def relu(x):
    return np.maximum(x, 0)


def relu_derivative(x):
    return (x > 0).astype(x.dtype)


def relu6(x):
    return np.minimum(np.maximum(x, 0), 6)


def relu6_derivative(x):
    return ((x > 0) & (x < 6)).astype(x.dtype)


def leaky_relu(x, negative_slope=0.01):
    return np.where(x > 0, x, negative_slope * x)


def leaky_relu_derivative(x, negative_slope=0.01):
    return np.where(x > 0, 1.0, negative_slope).astype(x.dtype)


def elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * (np.exp(x) - 1))


def elu_derivative(x, alpha=1.0):
    return np.where(x > 0, 1, alpha * np.exp(x)).astype(x.dtype)


def selu(x):
    return _SELU_SCALE * np.where(x > 0, x, _SELU_ALPHA * (np.exp(x) - 1))


def selu_derivative(x):
    return _SELU_SCALE * np.where(x > 0, 1, _SELU_ALPHA * np.exp(x)).astype(x.dtype)


def prelu(x, weight=0.25):
    return np.where(x > 0, x, weight * x)


def prelu_derivative(x, weight=0.25):
    return np.where(x > 0, 1.0, weight).astype(x.dtype)


def rrelu(x, lower=0.125, upper=1 / 3, training=False, rng=None):
    return np.where(x > 0, x, (lower + upper) / 2 * x)


def rrelu_derivative(x, lower=0.125, upper=1 / 3, training=False, rng=None):
    return np.where(x > 0, 1.0, (lower + upper) / 2).astype(x.dtype)


def threshold(x, threshold=0.0, value=0.0):
    return np.where(x > threshold, x, value)


def threshold_derivative(x, threshold=0.0, value=0.0):
    return (x > threshold).astype(x.dtype)


def isrlu(x, alpha=1.0):
    return np.where(x >= 0, x, x / np.sqrt(1 + alpha * x**2))


def isrlu_derivative(x, alpha=1.0):
    return np.where(x >= 0, 1, (1 + alpha * x**2) ** -1.5).astype(x.dtype)


def celu(x, alpha=1.0):
    return np.maximum(0, x) + np.minimum(0, alpha * (np.exp(x / alpha) - 1))


def celu_derivative(x, alpha=1.0):
    return np.where(x > 0, 1, np.exp(x / alpha)).astype(x.dtype)


# Smooth rectifiers

def softplus(x, beta=1.0):
    return np.log(1 + np.exp(beta * x)) / beta


def softplus_derivative(x, beta=1.0):
    return 1 / (1 + np.exp(-beta * x))


def sparse_plus(x):
    return np.where(x <= -1, 0, np.where(x >= 1, x, (x + 1) ** 2 / 4)).astype(x.dtype)


def sparse_plus_derivative(x):
    return np.clip((x + 1) / 2, 0, 1)


def gelu(x, approximate="none"):
    if approximate == "tanh":
        return 0.5 * x * (1 + np.tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x**3)))
    return 0.5 * x * (1 + erf(x / _SQRT_2))


def gelu_derivative(x, approximate="none"):
    if approximate == "tanh":
        t = np.tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x**3))
        return 0.5 * (1 + t) + 0.5 * x * (1 - t**2) * _SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x**2)
    return 0.5 * (1 + erf(x / _SQRT_2)) + x * np.exp(-(x**2) / 2) / _SQRT_2PI


def silu(x):
    return x / (1 + np.exp(-x))


def silu_derivative(x):
    s = 1 / (1 + np.exp(-x))
    return s * (1 + x * (1 - s))


def mish(x):
    return x * np.tanh(np.log(1 + np.exp(x)))


def mish_derivative(x):
    t = np.tanh(np.log(1 + np.exp(x)))
    s = 1 / (1 + np.exp(-x))
    return t + x * s * (1 - t**2)


def squareplus(x, b=4.0):
    return (x + np.sqrt(x**2 + b)) / 2


def squareplus_derivative(x, b=4.0):
    return (1 + x / np.sqrt(x**2 + b)) / 2


# Squashing functions

def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    s = 1 / (1 + np.exp(-x))
    return s * (1 - s)


def tanh(x):
    return np.tanh(x)


def tanh_derivative(x):
    return 1 - np.tanh(x) ** 2


def log_sigmoid(x):
    return np.log(1 / (1 + np.exp(-x)))


def log_sigmoid_derivative(x):
    return 1 - 1 / (1 + np.exp(-x))


def hard_tanh(x, min_value=-1.0, max_value=1.0):
    return np.clip(x, min_value, max_value)


def hard_tanh_derivative(x, min_value=-1.0, max_value=1.0):
    return ((x > min_value) & (x < max_value)).astype(x.dtype)


def hard_sigmoid(x, slope=1 / 6):
    return np.clip(slope * x + 0.5, 0, 1)


def hard_sigmoid_derivative(x, slope=1 / 6):
    return np.where(np.abs(x) < 0.5 / slope, slope, 0).astype(x.dtype)


def sparse_sigmoid(x):
    return np.clip((x + 1) / 2, 0, 1)


def sparse_sigmoid_derivative(x):
    return np.where(np.abs(x) < 1, 0.5, 0).astype(x.dtype)


def hard_swish(x):
    return x * np.clip(x + 3, 0, 6) / 6


def hard_swish_derivative(x):
    return np.where(x < -3, 0, np.where(x > 3, 1, (2 * x + 3) / 6)).astype(x.dtype)


def softsign(x):
    return x / (1 + np.abs(x))


def softsign_derivative(x):
    return 1 / (1 + np.abs(x)) ** 2


def arctan(x):
    return np.arctan(x)


def arctan_derivative(x):
    return 1 / (1 + x**2)


def isru(x, alpha=1.0):
    return x / np.sqrt(1 + alpha * x**2)


def isru_derivative(x, alpha=1.0):
    return (1 + alpha * x**2) ** -1.5


# Shrinkage functions

def softshrink(x, threshold=0.5):
    return np.sign(x) * np.maximum(np.abs(x) - threshold, 0)


def softshrink_derivative(x, threshold=0.5):
    return (np.abs(x) > threshold).astype(x.dtype)


def hardshrink(x, threshold=0.5):
    return np.where(np.abs(x) > threshold, x, 0).astype(x.dtype)


def hardshrink_derivative(x, threshold=0.5):
    return (np.abs(x) > threshold).astype(x.dtype)


def tanhshrink(x):
    return x - np.tanh(x)


def tanhshrink_derivative(x):
    return np.tanh(x) ** 2


# Other activations

def identity(x):
    return x.copy()


def identity_derivative(x):
    return np.ones_like(x)


def binary_step(x):
    return (x >= 0).astype(x.dtype)


def binary_step_derivative(x):
    return np.zeros_like(x)


def bent_identity(x):
    return (np.sqrt(x**2 + 1) - 1) / 2 + x


def bent_identity_derivative(x):
    return 1 + x / (2 * np.sqrt(x**2 + 1))


def gaussian(x):
    return np.exp(-(x**2))


def gaussian_derivative(x):
    return -2 * x * np.exp(-(x**2))


def sinusoid(x):
    return np.sin(x)


def sinusoid_derivative(x):
    return np.cos(x)


def sinc(x):
    return np.sin(x) / x


def sinc_derivative(x):
    return (x * np.cos(x) - np.sin(x)) / x**2


def exponential(x):
    return np.exp(x)


def exponential_derivative(x):
    return np.exp(x)


# Vector-valued activations

def softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def softmax_vjp(x, cotangent, axis):
    s = softmax(x, axis)
    return s * (cotangent - (cotangent * s).sum(axis=axis, keepdims=True))


def log_softmax(x, axis):
    return np.log(softmax(x, axis))


def log_softmax_vjp(x, cotangent, axis):
    return cotangent - softmax(x, axis) * cotangent.sum(axis=axis, keepdims=True)


def softmin(x, axis):
    return softmax(-x, axis)


def softmin_vjp(x, cotangent, axis):
    return -softmax_vjp(-x, cotangent, axis)


def sparsemax(x, axis):
    z = np.moveaxis(x, axis, -1)
    descending = -np.sort(-z, axis=-1)
    cumulative = np.cumsum(descending, axis=-1)
    k = np.arange(1, z.shape[-1] + 1)
    support_size = np.sum(1 + k * descending > cumulative, axis=-1, keepdims=True)
    tau = (np.take_along_axis(cumulative, support_size - 1, axis=-1) - 1) / support_size
    return np.moveaxis(np.maximum(z - tau, 0), -1, axis)


def sparsemax_vjp(x, cotangent, axis):
    support = sparsemax(x, axis) > 0
    mean = np.sum(cotangent * support, axis=axis, keepdims=True) / np.sum(support, axis=axis, keepdims=True)
    return np.where(support, cotangent - mean, 0).astype(x.dtype)


def glu(x, axis):
    a, b = np.split(x, 2, axis=axis)
    return a / (1 + np.exp(-b))


def glu_vjp(x, cotangent, axis):
    a, b = np.split(x, 2, axis=axis)
    s = 1 / (1 + np.exp(-b))
    return np.concatenate([cotangent * s, cotangent * a * s * (1 - s)], axis=axis)


def _forms(suffix):
    """Collect this module's functions named ``<catalogue name><suffix>``."""
    functions = {
        name: value
        for name, value in globals().items()
        if inspect.isfunction(value) and value.__module__ == __name__ and not name.startswith("_")
    }
    if suffix:
        return {name.removesuffix(suffix): f for name, f in functions.items() if name.endswith(suffix)}
    return {name: f for name, f in functions.items() if not name.endswith(("_derivative", "_vjp"))}


#: Forms of the function, of its derivative and of the vector-Jacobian
#: product (vector-valued entries only), keyed by catalogue name.
FUNCTIONS = _forms("")
DERIVATIVES = _forms("_derivative")
VJPS = _forms("_vjp")

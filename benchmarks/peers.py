"""The library peers: scipy.special and PyTorch on the CPU.

Each table is keyed by catalogue name (or alias) and contains the callable
and the code it runs, as the results record it. Forms take the catalogue's
parameter names as keyword arguments, so a renamed parameter fails loudly
(the results record the error) instead of timing the default silently.

SciPy forms exist where one `scipy.special` function does the work:
the function itself (expit, log_expit, softmax), that function times x
(silu, GELU) or of -x (softplus), and derivatives that are one special
function (softplus' = expit). PyTorch forms come in pairs: `fresh`
allocates its output as ``torch.sigmoid(x)`` does, and `out` writes into a
preallocated tensor where PyTorch has an ``out=`` form. Derivatives use
the fused backward kernels that autograd itself calls
(``aten.sigmoid_backward`` and so on), fed a cotangent of ones, and fall
back to autograd where no such kernel is listed.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

from scipy import special


@dataclass(frozen=True)
class Form:
    """A callable peer implementation and the code it runs, for the results."""

    function: Callable
    code: str


# SciPy

SCIPY_FUNCTIONS = {
    "sigmoid": Form(lambda x: special.expit(x), "scipy.special.expit(x)"),
    "log_sigmoid": Form(lambda x: special.log_expit(x), "scipy.special.log_expit(x)"),
    "softplus": Form(
        lambda x, beta=1.0: -special.log_expit(-beta * x) / beta, "-scipy.special.log_expit(-beta * x) / beta"
    ),
    "silu": Form(lambda x: x * special.expit(x), "x * scipy.special.expit(x)"),
    "gelu": Form(
        lambda x, approximate="none": _scipy_gelu(x, approximate),
        "x * scipy.special.ndtr(x)  (the exact, erf-based GELU; no SciPy form for approximate='tanh')",
    ),
}

SCIPY_DERIVATIVES = {
    "softplus": Form(lambda x, beta=1.0: special.expit(beta * x), "scipy.special.expit(beta * x)"),
    "log_sigmoid": Form(lambda x: special.expit(-x), "scipy.special.expit(-x)"),
}

SCIPY_VECTOR_FUNCTIONS = {
    "softmax": Form(lambda x, axis: special.softmax(x, axis=axis), "scipy.special.softmax(x, axis=axis)"),
    "log_softmax": Form(
        lambda x, axis: special.log_softmax(x, axis=axis), "scipy.special.log_softmax(x, axis=axis)"
    ),
}


def _scipy_gelu(x, approximate):
    if approximate != "none":
        raise NotImplementedError(f"scipy.special has no GELU with approximate={approximate!r}")
    return x * special.ndtr(x)


# PyTorch
#
# The forward forms call the public functions (torch.sigmoid,
# torch.nn.functional) and, for out=, the bindings torch.nn.functional
# itself calls (torch._C._nn), because calls through torch.ops cost several
# microseconds more per call, which would dominate at 1e3 elements. The
# backward kernels are reachable only through torch.ops.aten.


@dataclass(frozen=True)
class TorchForm:
    """PyTorch's forward operator and the backward kernel autograd pairs with it.

    `fresh(x, **params)` allocates its output and `out(x, y, **params)`
    writes into `y`. `backward(x, ones, **params)` computes the derivative
    as autograd's backward kernel does with a cotangent of ones, and
    `backward_out(x, ones, y, scratch, **params)` writes it into `y`, using
    `scratch` for the forward output where the kernel needs it. Any of the
    out forms and backward forms is None where PyTorch has no such call, and
    a form without `backward` is differentiated through autograd.
    """

    fresh: Callable
    code: str
    out: Callable | None = None
    backward: Callable | None = None
    backward_code: str = ""
    backward_out: Callable | None = None
    #: Why PyTorch has no derivative to time, where it has none.
    no_derivative: str = ""


def _torch():
    import torch

    return torch


def _aten():
    return _torch().ops.aten


def _nn():
    return _torch()._C._nn


def _functional():
    return _torch().nn.functional


# SELU's constants, as torch.selu uses them.
_SELU_ALPHA = 1.6732632423543772
_SELU_SCALE = 1.0507009873554805


def _rrelu_evaluation(x, lower, upper, training):
    if training:
        raise NotImplementedError("the benchmark times rrelu in evaluation mode only (training=False)")
    return _functional().rrelu(x, lower, upper, training=False)


def _torch_slope_check(slope):
    """Return None, or raise where PyTorch's fixed hard sigmoid slope of 1/6 differs from `slope`."""
    if not math.isclose(slope, 1 / 6):
        raise NotImplementedError(f"torch.nn.functional.hardsigmoid has slope 1/6 only, not {slope}")


def _tanhshrink_out(x, y):
    torch = _torch()
    torch.tanh(x, out=y)
    return torch.sub(x, y, out=y)


def _log_sigmoid_backward(x, ones):
    aten = _aten()
    _, scratch = aten.log_sigmoid_forward.default(x)
    return aten.log_sigmoid_backward.default(ones, x, scratch)


def _log_sigmoid_backward_out(x, ones, y, scratch):
    aten = _aten()
    aten.log_sigmoid_forward.output(x, output=y, buffer=scratch)
    return aten.log_sigmoid_backward.grad_input(ones, x, scratch, grad_input=y)


TORCH_ELEMENTWISE = {
    "relu": TorchForm(
        lambda x: _torch().relu(x), "torch.relu(x)",
        lambda x, y: _torch().clamp_min(x, 0, out=y),
        lambda x, ones: _aten().threshold_backward.default(ones, x, 0),
        "aten.threshold_backward(ones, x, 0)",
        lambda x, ones, y, scratch: _aten().threshold_backward.grad_input(ones, x, 0, grad_input=y),
    ),
    "relu6": TorchForm(
        lambda x: _functional().relu6(x), "torch.nn.functional.relu6(x)",
        lambda x, y: _nn().hardtanh(x, 0.0, 6.0, out=y),
        lambda x, ones: _aten().hardtanh_backward.default(ones, x, 0.0, 6.0),
        "aten.hardtanh_backward(ones, x, 0, 6)",
        lambda x, ones, y, scratch: _aten().hardtanh_backward.grad_input(ones, x, 0.0, 6.0, grad_input=y),
    ),
    "leaky_relu": TorchForm(
        lambda x, negative_slope=0.01: _functional().leaky_relu(x, negative_slope),
        "torch.nn.functional.leaky_relu(x, negative_slope)",
        lambda x, y, negative_slope=0.01: _nn().leaky_relu(x, negative_slope, out=y),
        lambda x, ones, negative_slope=0.01: _aten().leaky_relu_backward.default(ones, x, negative_slope, False),
        "aten.leaky_relu_backward(ones, x, negative_slope, False)",
        lambda x, ones, y, scratch, negative_slope=0.01: _aten().leaky_relu_backward.grad_input(
            ones, x, negative_slope, False, grad_input=y
        ),
    ),
    "elu": TorchForm(
        lambda x, alpha=1.0: _functional().elu(x, alpha), "torch.nn.functional.elu(x, alpha)",
        lambda x, y, alpha=1.0: _nn().elu(x, alpha, 1, 1, out=y),
        lambda x, ones, alpha=1.0: _aten().elu_backward.default(ones, alpha, 1, 1, False, x),
        "aten.elu_backward(ones, alpha, 1, 1, False, x)",
        lambda x, ones, y, scratch, alpha=1.0: _aten().elu_backward.grad_input(
            ones, alpha, 1, 1, False, x, grad_input=y
        ),
    ),
    "selu": TorchForm(
        lambda x: _torch().selu(x), "torch.selu(x)",
        # torch.selu is ELU with fixed scales, and only ELU has an out= form.
        lambda x, y: _nn().elu(x, _SELU_ALPHA, _SELU_SCALE, 1, out=y),
        lambda x, ones: _aten().elu_backward.default(ones, _SELU_ALPHA, _SELU_SCALE, 1, False, x),
        "aten.elu_backward(ones, 1.6733, 1.0507, 1, False, x)",
        lambda x, ones, y, scratch: _aten().elu_backward.grad_input(
            ones, _SELU_ALPHA, _SELU_SCALE, 1, False, x, grad_input=y
        ),
    ),
    "prelu": TorchForm(
        lambda x, weight=0.25: _functional().prelu(x, _torch().tensor([weight], dtype=x.dtype)),
        "torch.nn.functional.prelu(x, torch.tensor([weight]))",
    ),
    "rrelu": TorchForm(
        lambda x, lower=0.125, upper=1 / 3, training=False, rng=None: _rrelu_evaluation(x, lower, upper, training),
        "torch.nn.functional.rrelu(x, lower, upper, training=False)",
        None,
        lambda x, ones, lower=0.125, upper=1 / 3, training=False, rng=None: _aten().leaky_relu_backward.default(
            ones, x, (lower + upper) / 2, False
        ),
        "aten.leaky_relu_backward(ones, x, (lower + upper) / 2, False)  (what rrelu's backward is in evaluation)",
        lambda x, ones, y, scratch, lower=0.125, upper=1 / 3, training=False, rng=None: (
            _aten().leaky_relu_backward.grad_input(ones, x, (lower + upper) / 2, False, grad_input=y)
        ),
    ),
    "threshold": TorchForm(
        lambda x, threshold=0.0, value=0.0: _functional().threshold(x, threshold, value),
        "torch.nn.functional.threshold(x, threshold, value)",
        lambda x, y, threshold=0.0, value=0.0: _torch().threshold(x, threshold, value, out=y),
        lambda x, ones, threshold=0.0, value=0.0: _aten().threshold_backward.default(ones, x, threshold),
        "aten.threshold_backward(ones, x, threshold)",
        lambda x, ones, y, scratch, threshold=0.0, value=0.0: _aten().threshold_backward.grad_input(
            ones, x, threshold, grad_input=y
        ),
    ),
    "celu": TorchForm(
        lambda x, alpha=1.0: _torch().celu(x, alpha), "torch.celu(x, alpha)",
        # CELU is ELU with input scale 1/alpha, and only ELU has an out= form.
        lambda x, y, alpha=1.0: _nn().elu(x, alpha, 1, 1 / alpha, out=y),
        lambda x, ones, alpha=1.0: _aten().elu_backward.default(ones, alpha, 1, 1 / alpha, False, x),
        "aten.elu_backward(ones, alpha, 1, 1 / alpha, False, x)",
        lambda x, ones, y, scratch, alpha=1.0: _aten().elu_backward.grad_input(
            ones, alpha, 1, 1 / alpha, False, x, grad_input=y
        ),
    ),
    "gelu": TorchForm(
        lambda x, approximate="none": _functional().gelu(x, approximate=approximate),
        "torch.nn.functional.gelu(x, approximate=approximate)",
        lambda x, y, approximate="none": _nn().gelu(x, approximate=approximate, out=y),
        lambda x, ones, approximate="none": _aten().gelu_backward.default(ones, x, approximate=approximate),
        "aten.gelu_backward(ones, x, approximate=approximate)",
        lambda x, ones, y, scratch, approximate="none": _aten().gelu_backward.grad_input(
            ones, x, approximate=approximate, grad_input=y
        ),
    ),
    "silu": TorchForm(
        lambda x: _functional().silu(x), "torch.nn.functional.silu(x)",
        lambda x, y: _nn().silu(x, out=y),
        lambda x, ones: _aten().silu_backward.default(ones, x), "aten.silu_backward(ones, x)",
        lambda x, ones, y, scratch: _aten().silu_backward.grad_input(ones, x, grad_input=y),
    ),
    "mish": TorchForm(
        lambda x: _functional().mish(x), "torch.nn.functional.mish(x)",
        lambda x, y: _nn().mish(x, out=y),
        lambda x, ones: _aten().mish_backward.default(ones, x), "aten.mish_backward(ones, x)",
    ),
    "softplus": TorchForm(
        lambda x, beta=1.0: _functional().softplus(x, beta), "torch.nn.functional.softplus(x, beta)  (threshold=20)",
        lambda x, y, beta=1.0: _nn().softplus(x, beta, 20, out=y),
        lambda x, ones, beta=1.0: _aten().softplus_backward.default(ones, x, beta, 20),
        "aten.softplus_backward(ones, x, beta, 20)",
        lambda x, ones, y, scratch, beta=1.0: _aten().softplus_backward.grad_input(ones, x, beta, 20, grad_input=y),
    ),
    "sigmoid": TorchForm(
        lambda x: _torch().sigmoid(x), "torch.sigmoid(x)",
        lambda x, y: _torch().sigmoid(x, out=y),
        lambda x, ones: _aten().sigmoid_backward.default(ones, _torch().sigmoid(x)),
        "aten.sigmoid_backward(ones, torch.sigmoid(x))",
        lambda x, ones, y, scratch: _aten().sigmoid_backward.grad_input(
            ones, _torch().sigmoid(x, out=scratch), grad_input=y
        ),
    ),
    "tanh": TorchForm(
        lambda x: _torch().tanh(x), "torch.tanh(x)",
        lambda x, y: _torch().tanh(x, out=y),
        lambda x, ones: _aten().tanh_backward.default(ones, _torch().tanh(x)),
        "aten.tanh_backward(ones, torch.tanh(x))",
        lambda x, ones, y, scratch: _aten().tanh_backward.grad_input(
            ones, _torch().tanh(x, out=scratch), grad_input=y
        ),
    ),
    "log_sigmoid": TorchForm(
        lambda x: _functional().logsigmoid(x), "torch.nn.functional.logsigmoid(x)",
        lambda x, y: _nn().log_sigmoid(x, out=y),
        _log_sigmoid_backward, "aten.log_sigmoid_backward(ones, x, buffer of aten.log_sigmoid_forward(x))",
        _log_sigmoid_backward_out,
    ),
    "hard_tanh": TorchForm(
        lambda x, min_value=-1.0, max_value=1.0: _functional().hardtanh(x, min_value, max_value),
        "torch.nn.functional.hardtanh(x, min_value, max_value)",
        lambda x, y, min_value=-1.0, max_value=1.0: _nn().hardtanh(x, min_value, max_value, out=y),
        lambda x, ones, min_value=-1.0, max_value=1.0: _aten().hardtanh_backward.default(
            ones, x, min_value, max_value
        ),
        "aten.hardtanh_backward(ones, x, min_value, max_value)",
        lambda x, ones, y, scratch, min_value=-1.0, max_value=1.0: _aten().hardtanh_backward.grad_input(
            ones, x, min_value, max_value, grad_input=y
        ),
    ),
    "hard_sigmoid": TorchForm(
        lambda x, slope=1 / 6: _torch_slope_check(slope) or _functional().hardsigmoid(x),
        "torch.nn.functional.hardsigmoid(x)  (slope 1/6 only)",
        lambda x, y, slope=1 / 6: _torch_slope_check(slope) or _nn().hardsigmoid(x, out=y),
        lambda x, ones, slope=1 / 6: _torch_slope_check(slope) or _aten().hardsigmoid_backward.default(ones, x),
        "aten.hardsigmoid_backward(ones, x)",
        lambda x, ones, y, scratch, slope=1 / 6: _torch_slope_check(slope) or _aten().hardsigmoid_backward.grad_input(
            ones, x, grad_input=y
        ),
    ),
    "hard_swish": TorchForm(
        lambda x: _functional().hardswish(x), "torch.nn.functional.hardswish(x)",
        lambda x, y: _nn().hardswish(x, out=y),
        lambda x, ones: _aten().hardswish_backward.default(ones, x), "aten.hardswish_backward(ones, x)",
        lambda x, ones, y, scratch: _aten().hardswish_backward.out(ones, x, out=y),
    ),
    "softsign": TorchForm(lambda x: _functional().softsign(x), "torch.nn.functional.softsign(x)"),
    "arctan": TorchForm(lambda x: _torch().atan(x), "torch.atan(x)", lambda x, y: _torch().atan(x, out=y)),
    "softshrink": TorchForm(
        lambda x, threshold=0.5: _functional().softshrink(x, threshold),
        "torch.nn.functional.softshrink(x, threshold)",
        lambda x, y, threshold=0.5: _nn().softshrink(x, threshold, out=y),
        lambda x, ones, threshold=0.5: _aten().softshrink_backward.default(ones, x, threshold),
        "aten.softshrink_backward(ones, x, threshold)",
        lambda x, ones, y, scratch, threshold=0.5: _aten().softshrink_backward.grad_input(
            ones, x, threshold, grad_input=y
        ),
    ),
    "hardshrink": TorchForm(
        lambda x, threshold=0.5: _functional().hardshrink(x, threshold),
        "torch.nn.functional.hardshrink(x, threshold)",
        lambda x, y, threshold=0.5: _torch().hardshrink(x, threshold, out=y),
        lambda x, ones, threshold=0.5: _aten().hardshrink_backward.default(ones, x, threshold),
        "aten.hardshrink_backward(ones, x, threshold)",
        lambda x, ones, y, scratch, threshold=0.5: _aten().hardshrink_backward.grad_input(
            ones, x, threshold, grad_input=y
        ),
    ),
    "tanhshrink": TorchForm(
        lambda x: _functional().tanhshrink(x), "torch.nn.functional.tanhshrink(x)  (x - tanh(x))",
        _tanhshrink_out,
    ),
    "binary_step": TorchForm(
        lambda x: _torch().heaviside(x, _torch().ones((), dtype=x.dtype)), "torch.heaviside(x, 1)",
        lambda x, y: _torch().heaviside(x, _torch().ones((), dtype=x.dtype), out=y),
        no_derivative="autograd has no derivative for torch.heaviside",
    ),
    "gaussian": TorchForm(lambda x: _torch().exp(-x * x), "torch.exp(-x * x)"),
    "sinusoid": TorchForm(lambda x: _torch().sin(x), "torch.sin(x)", lambda x, y: _torch().sin(x, out=y)),
    # torch.sinc is the normalised sin(pi x) / (pi x).
    "sinc": TorchForm(lambda x: _torch().sinc(x / math.pi), "torch.sinc(x / pi)"),
    "exponential": TorchForm(lambda x: _torch().exp(x), "torch.exp(x)", lambda x, y: _torch().exp(x, out=y)),
}
# Other names under which the catalogue may list the same activations.
TORCH_ELEMENTWISE["hardsigmoid"] = TORCH_ELEMENTWISE["hard_sigmoid"]
TORCH_ELEMENTWISE["hardtanh"] = TORCH_ELEMENTWISE["hard_tanh"]
TORCH_ELEMENTWISE["hardswish"] = TORCH_ELEMENTWISE["hard_swish"]
TORCH_ELEMENTWISE["logsigmoid"] = TORCH_ELEMENTWISE["log_sigmoid"]


def torch_autograd_derivative(form):
    """Return ``derivative(x, ones, **params)`` through autograd, for forms without a backward kernel."""

    def derivative(x, ones, **params):
        torch = _torch()
        leaf = x.detach().requires_grad_()
        (gradient,) = torch.autograd.grad(form.fresh(leaf, **params), leaf, ones)
        return gradient

    return derivative


@dataclass(frozen=True)
class TorchVectorForm:
    """PyTorch's kernels for an activation along one axis, and its vector-Jacobian product.

    `fresh(x, axis)` and `out(x, axis, y)` compute the function, and `out`
    and `vjp_out` are None where PyTorch has no ``out=`` form.
    `vjp(x, cotangent, axis)` and `vjp_out(x, cotangent, axis, y, scratch)`
    run the forward and then the backward kernel, as nonlin's vjp does,
    because the backward kernel takes the forward output.
    """

    fresh: Callable
    code: str
    out: Callable | None
    vjp: Callable
    vjp_code: str
    vjp_out: Callable | None


def _softmax_vjp(x, cotangent, axis):
    torch = _torch()
    return torch._softmax_backward_data(cotangent, torch._softmax(x, axis, False), axis, x.dtype)


def _softmax_vjp_out(x, cotangent, axis, y, scratch):
    torch = _torch()
    torch._softmax(x, axis, False, out=scratch)
    return torch._softmax_backward_data(cotangent, scratch, axis, x.dtype, grad_input=y)


def _log_softmax_vjp(x, cotangent, axis):
    torch = _torch()
    return torch._log_softmax_backward_data(cotangent, torch._log_softmax(x, axis, False), axis, x.dtype)


def _log_softmax_vjp_out(x, cotangent, axis, y, scratch):
    torch = _torch()
    torch._log_softmax(x, axis, False, out=scratch)
    return torch._log_softmax_backward_data(cotangent, scratch, axis, x.dtype, out=y)


def _softmin_vjp(x, cotangent, axis):
    # softmin(x) = softmax(-x), so its vjp is minus softmax's vjp at -x.
    torch = _torch()
    return -torch._softmax_backward_data(cotangent, torch.softmax(-x, axis), axis, x.dtype)


def _softmin_vjp_out(x, cotangent, axis, y, scratch):
    torch = _torch()
    torch.neg(x, out=y)
    torch._softmax(y, axis, False, out=scratch)
    torch._softmax_backward_data(cotangent, scratch, axis, x.dtype, grad_input=y)
    return torch.neg(y, out=y)


TORCH_VECTOR = {
    "softmax": TorchVectorForm(
        lambda x, axis: _torch().softmax(x, axis), "torch.softmax(x, axis)",
        lambda x, axis, y: _torch()._softmax(x, axis, False, out=y),
        _softmax_vjp, "torch._softmax_backward_data(cotangent, torch.softmax(x, axis), axis, x.dtype)",
        _softmax_vjp_out,
    ),
    "log_softmax": TorchVectorForm(
        lambda x, axis: _torch().log_softmax(x, axis), "torch.log_softmax(x, axis)",
        lambda x, axis, y: _torch()._log_softmax(x, axis, False, out=y),
        _log_softmax_vjp, "torch._log_softmax_backward_data(cotangent, torch.log_softmax(x, axis), axis, x.dtype)",
        _log_softmax_vjp_out,
    ),
    "softmin": TorchVectorForm(
        lambda x, axis: _functional().softmin(x, axis), "torch.nn.functional.softmin(x, axis)",
        None,
        _softmin_vjp, "-torch._softmax_backward_data(cotangent, torch.softmax(-x, axis), axis, x.dtype)",
        _softmin_vjp_out,
    ),
    "glu": TorchVectorForm(
        lambda x, axis: _functional().glu(x, axis), "torch.nn.functional.glu(x, axis)",
        lambda x, axis, y: _nn().glu(x, axis, out=y),
        lambda x, cotangent, axis: _aten().glu_backward.default(cotangent, x, axis),
        "aten.glu_backward(cotangent, x, axis)",
        lambda x, cotangent, axis, y, scratch: _aten().glu_backward.grad_input(cotangent, x, axis, grad_input=y),
    ),
}

"""The library peers: scipy.special and PyTorch on the CPU.

Each table is keyed by catalogue name and holds a `Form`: the callable and
the code it runs, as the results record it. Forms take the catalogue's
parameter names as keyword arguments, so a renamed parameter fails loudly
(the results record the error) instead of timing the default silently.

SciPy forms exist only where `scipy.special` has the function itself, or
the derivative is a single special function (softplus' = expit). PyTorch
forms come in pairs: `fresh` allocates its output as ``torch.sigmoid(x)``
does, and `out` writes into a preallocated tensor where the ATen operator
has an ``out=`` overload. Derivatives use the fused backward kernels that
autograd itself calls (``aten.sigmoid_backward`` and so on), fed a
cotangent of ones, and fall back to autograd where no such kernel fits.
"""

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
    "softplus": Form(lambda x: -special.log_expit(-x), "-scipy.special.log_expit(-x)"),
    "silu": Form(lambda x: x * special.expit(x), "x * scipy.special.expit(x)"),
    "gelu": Form(
        lambda x, approximate="none": _scipy_gelu(x, approximate),
        "x * scipy.special.ndtr(x)  (the exact, erf-based GELU; no SciPy form for approximate='tanh')",
    ),
}

SCIPY_DERIVATIVES = {
    "softplus": Form(lambda x: special.expit(x), "scipy.special.expit(x)"),
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


@dataclass(frozen=True)
class TorchForm:
    """PyTorch's forward operator and the backward kernel autograd pairs with it.

    `forward(x, out=None, **params)` computes the function, into `out` when
    given. `backward(x, ones, out=None, buffer=None, **params)` computes the
    derivative as autograd's backward kernel does with a cotangent of ones;
    `buffer` is scratch space for kernels that need the forward output.
    `has_out` says whether the forward has an ``out=`` overload and
    `backward_has_out` the same for the backward.
    """

    forward: Callable
    forward_code: str
    has_out: bool
    backward: Callable | None = None
    backward_code: str = ""
    backward_has_out: bool = False


def _torch():
    import torch

    return torch


def _aten():
    return _torch().ops.aten


def _unary(op_name, *scalars):
    """Return ``forward(x, out=None)`` for ``aten.<op_name>(x, *scalars)``."""

    def forward(x, out=None):
        op = getattr(_aten(), op_name)
        if out is None:
            return op.default(x, *scalars)
        return op.out(x, *scalars, out=out)

    return forward


def _backward_on_input(op_name, *scalars):
    """Return a backward that calls ``aten.<op_name>(ones, x, *scalars)`` on the input."""

    def backward(x, ones, out=None, buffer=None):
        op = getattr(_aten(), op_name)
        if out is None:
            return op.default(ones, x, *scalars)
        overload = op.grad_input if "grad_input" in op.overloads() else op.out
        keyword = "grad_input" if overload is op.grad_input else "out"
        return overload(ones, x, *scalars, **{keyword: out})

    return backward


def _backward_on_output(forward_name, backward_name):
    """Return a backward whose kernel takes the forward output, as sigmoid's and tanh's do."""

    def backward(x, ones, out=None, buffer=None):
        aten = _aten()
        if out is None:
            return getattr(aten, backward_name).default(ones, getattr(aten, forward_name).default(x))
        getattr(aten, forward_name).out(x, out=buffer)
        return getattr(aten, backward_name).grad_input(ones, buffer, grad_input=out)

    return backward


def _torch_leaky_relu(x, out=None, negative_slope=0.01):
    return _unary("leaky_relu", negative_slope)(x, out)


def _torch_leaky_relu_backward(x, ones, out=None, buffer=None, negative_slope=0.01):
    return _backward_on_input("leaky_relu_backward", negative_slope, False)(x, ones, out)


def _torch_elu(x, out=None, alpha=1.0):
    return _unary("elu", alpha, 1, 1)(x, out)


def _torch_elu_backward(x, ones, out=None, buffer=None, alpha=1.0):
    aten = _aten()
    if out is None:
        return aten.elu_backward.default(ones, alpha, 1, 1, False, x)
    return aten.elu_backward.grad_input(ones, alpha, 1, 1, False, x, grad_input=out)


def _torch_celu(x, out=None, alpha=1.0):
    return _unary("celu", alpha)(x, out)


def _torch_gelu(x, out=None, approximate="none"):
    aten = _aten()
    if out is None:
        return aten.gelu.default(x, approximate=approximate)
    return aten.gelu.out(x, approximate=approximate, out=out)


def _torch_gelu_backward(x, ones, out=None, buffer=None, approximate="none"):
    aten = _aten()
    if out is None:
        return aten.gelu_backward.default(ones, x, approximate=approximate)
    return aten.gelu_backward.grad_input(ones, x, approximate=approximate, grad_input=out)


def _torch_hardtanh(x, out=None, min_val=-1.0, max_val=1.0):
    return _unary("hardtanh", min_val, max_val)(x, out)


def _torch_hardtanh_backward(x, ones, out=None, buffer=None, min_val=-1.0, max_val=1.0):
    return _backward_on_input("hardtanh_backward", min_val, max_val)(x, ones, out)


def _torch_shrink(op_name):
    def forward(x, out=None, lambd=0.5):
        return _unary(op_name, lambd)(x, out)

    def backward(x, ones, out=None, buffer=None, lambd=0.5):
        return _backward_on_input(f"{op_name}_backward", lambd)(x, ones, out)

    return forward, backward


def _torch_log_sigmoid_backward(x, ones, out=None, buffer=None):
    aten = _aten()
    if out is None:
        _, scratch = aten.log_sigmoid_forward.default(x)
        return aten.log_sigmoid_backward.default(ones, x, scratch)
    aten.log_sigmoid_forward.output(x, output=out, buffer=buffer)
    return aten.log_sigmoid_backward.grad_input(ones, x, buffer, grad_input=out)


# SELU's constants, as torch.selu uses them.
_SELU_ALPHA = 1.6732632423543772
_SELU_SCALE = 1.0507009873554805


def _torch_selu(x, out=None):
    # torch.selu is ELU with fixed scales, and aten.selu has no out= overload
    # while aten.elu has.
    return _unary("elu", _SELU_ALPHA, _SELU_SCALE, 1)(x, out)


def _torch_selu_backward(x, ones, out=None, buffer=None):
    aten = _aten()
    if out is None:
        return aten.elu_backward.default(ones, _SELU_ALPHA, _SELU_SCALE, 1, False, x)
    return aten.elu_backward.grad_input(ones, _SELU_ALPHA, _SELU_SCALE, 1, False, x, grad_input=out)


def _torch_tanhshrink(x, out=None):
    torch = _torch()
    if out is None:
        return x - torch.tanh(x)
    torch.tanh(x, out=out)
    return torch.sub(x, out, out=out)


_softshrink, _softshrink_backward = _torch_shrink("softshrink")
_hardshrink, _hardshrink_backward = _torch_shrink("hardshrink")

TORCH_ELEMENTWISE = {
    "relu": TorchForm(
        _unary("relu"), "aten.relu(x)", True,
        lambda x, ones, out=None, buffer=None: _backward_on_input("threshold_backward", 0)(x, ones, out),
        "aten.threshold_backward(ones, x, 0)", True,
    ),
    "leaky_relu": TorchForm(
        _torch_leaky_relu, "aten.leaky_relu(x, negative_slope)", True,
        _torch_leaky_relu_backward, "aten.leaky_relu_backward(ones, x, negative_slope, False)", True,
    ),
    "elu": TorchForm(
        _torch_elu, "aten.elu(x, alpha, 1, 1)", True,
        _torch_elu_backward, "aten.elu_backward(ones, alpha, 1, 1, False, x)", True,
    ),
    "selu": TorchForm(
        _torch_selu, "aten.elu(x, 1.6733, 1.0507, 1)  (what torch.selu computes)", True,
        _torch_selu_backward, "aten.elu_backward(ones, 1.6733, 1.0507, 1, False, x)", True,
    ),
    "celu": TorchForm(_torch_celu, "aten.celu(x, alpha)", True),
    "relu6": TorchForm(
        _unary("hardtanh", 0.0, 6.0), "aten.hardtanh(x, 0, 6)  (what torch.nn.functional.relu6 computes)", True,
        lambda x, ones, out=None, buffer=None: _backward_on_input("hardtanh_backward", 0.0, 6.0)(x, ones, out),
        "aten.hardtanh_backward(ones, x, 0, 6)", True,
    ),
    "gelu": TorchForm(
        _torch_gelu, "aten.gelu(x, approximate=approximate)", True,
        _torch_gelu_backward, "aten.gelu_backward(ones, x, approximate=approximate)", True,
    ),
    "silu": TorchForm(
        _unary("silu"), "aten.silu(x)", True,
        _backward_on_input("silu_backward"), "aten.silu_backward(ones, x)", True,
    ),
    "mish": TorchForm(
        _unary("mish"), "aten.mish(x)", True,
        _backward_on_input("mish_backward"), "aten.mish_backward(ones, x)", False,
    ),
    "softplus": TorchForm(
        _unary("softplus", 1, 20), "aten.softplus(x, 1, 20)", True,
        lambda x, ones, out=None, buffer=None: _backward_on_input("softplus_backward", 1, 20)(x, ones, out),
        "aten.softplus_backward(ones, x, 1, 20)", True,
    ),
    "sigmoid": TorchForm(
        _unary("sigmoid"), "aten.sigmoid(x)", True,
        _backward_on_output("sigmoid", "sigmoid_backward"), "aten.sigmoid_backward(ones, aten.sigmoid(x))", True,
    ),
    "tanh": TorchForm(
        _unary("tanh"), "aten.tanh(x)", True,
        _backward_on_output("tanh", "tanh_backward"), "aten.tanh_backward(ones, aten.tanh(x))", True,
    ),
    "log_sigmoid": TorchForm(
        _unary("log_sigmoid"), "aten.log_sigmoid(x)", True,
        _torch_log_sigmoid_backward, "aten.log_sigmoid_backward(ones, x, buffer from aten.log_sigmoid_forward(x))",
        True,
    ),
    "hardtanh": TorchForm(
        _torch_hardtanh, "aten.hardtanh(x, min_val, max_val)", True,
        _torch_hardtanh_backward, "aten.hardtanh_backward(ones, x, min_val, max_val)", True,
    ),
    "hard_sigmoid": TorchForm(
        _unary("hardsigmoid"), "aten.hardsigmoid(x)", True,
        _backward_on_input("hardsigmoid_backward"), "aten.hardsigmoid_backward(ones, x)", True,
    ),
    "hard_swish": TorchForm(
        _unary("hardswish"), "aten.hardswish(x)", True,
        _backward_on_input("hardswish_backward"), "aten.hardswish_backward(ones, x)", True,
    ),
    "softsign": TorchForm(
        lambda x, out=None: _torch().nn.functional.softsign(x), "torch.nn.functional.softsign(x)", False,
    ),
    "softshrink": TorchForm(
        _softshrink, "aten.softshrink(x, lambd)", True,
        _softshrink_backward, "aten.softshrink_backward(ones, x, lambd)", True,
    ),
    "hardshrink": TorchForm(
        _hardshrink, "aten.hardshrink(x, lambd)", True,
        _hardshrink_backward, "aten.hardshrink_backward(ones, x, lambd)", True,
    ),
    "tanhshrink": TorchForm(_torch_tanhshrink, "x - aten.tanh(x)  (what torch.nn.functional.tanhshrink computes)", True),
}
# Names under which the catalogue may list the same activations.
TORCH_ELEMENTWISE["hardsigmoid"] = TORCH_ELEMENTWISE["hard_sigmoid"]
TORCH_ELEMENTWISE["hardswish"] = TORCH_ELEMENTWISE["hard_swish"]
TORCH_ELEMENTWISE["logsigmoid"] = TORCH_ELEMENTWISE["log_sigmoid"]


@dataclass(frozen=True)
class TorchVectorForm:
    """PyTorch's forward and backward kernels for an activation along one axis.

    `forward(x, axis, out=None)` and `vjp(x, cotangent, axis, out=None,
    buffer=None)`; the vjp runs the forward too, as nonlin's does, because
    both kernels take the forward output.
    """

    forward: Callable
    forward_code: str
    vjp: Callable
    vjp_code: str


def _softmax_like(forward_name, backward_name):
    def forward(x, axis, out=None):
        op = getattr(_aten(), forward_name)
        if out is None:
            return op.default(x, axis, False)
        return op.out(x, axis, False, out=out)

    def vjp(x, cotangent, axis, out=None, buffer=None):
        aten = _aten()
        if out is None:
            y = getattr(aten, forward_name).default(x, axis, False)
            return getattr(aten, backward_name).default(cotangent, y, axis, x.dtype)
        getattr(aten, forward_name).out(x, axis, False, out=buffer)
        return getattr(aten, backward_name).out(cotangent, buffer, axis, x.dtype, **{_OUT_NAMES[backward_name]: out})

    return forward, vjp


_OUT_NAMES = {"_softmax_backward_data": "grad_input", "_log_softmax_backward_data": "out"}

_softmax_forward, _softmax_vjp = _softmax_like("_softmax", "_softmax_backward_data")
_log_softmax_forward, _log_softmax_vjp = _softmax_like("_log_softmax", "_log_softmax_backward_data")

TORCH_VECTOR = {
    "softmax": TorchVectorForm(
        _softmax_forward, "aten._softmax(x, axis, False)",
        _softmax_vjp, "aten._softmax_backward_data(cotangent, aten._softmax(x, axis, False), axis, dtype)",
    ),
    "log_softmax": TorchVectorForm(
        _log_softmax_forward, "aten._log_softmax(x, axis, False)",
        _log_softmax_vjp,
        "aten._log_softmax_backward_data(cotangent, aten._log_softmax(x, axis, False), axis, dtype)",
    ),
}


def torch_autograd_derivative(form):
    """Return a derivative through autograd, for forms without a backward kernel listed."""

    def derivative(x, ones, out=None, buffer=None, **params):
        torch = _torch()
        leaf = x.detach().requires_grad_()
        (gradient,) = torch.autograd.grad(form.forward(leaf, **params), leaf, ones)
        return gradient

    return derivative


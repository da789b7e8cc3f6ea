"""Catalogue entries of the shrinkage functions."""

import math

import nonlin
from nonlin.catalogue._types import Activation, Interval, Kink, Parameter, Reference

_THRESHOLD = Parameter(
    "threshold",
    0.5,
    "threshold lambda below which |x| is shrunk to 0 (PyTorch: lambd)",
    "finite, >= 0",
)

ENTRIES = (
    Activation(
        name="hardshrink",
        title="Hard shrinkage",
        family="shrinkage",
        function=nonlin.hardshrink,
        derivative=nonlin.hardshrink_derivative,
        summary="Zeroes inputs within the threshold and passes the rest unchanged (hard thresholding).",
        formula=(
            r"\operatorname{hardshrink}(x) = \begin{cases} x & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}"
        ),
        derivative_formula=(
            r"\operatorname{hardshrink}'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}"
        ),
        parameters=(_THRESHOLD,),
        output_range=Interval(
            -math.inf, math.inf, False, False, r"(-\infty, -\lambda) \cup \{0\} \cup (\lambda, \infty)"
        ),
        monotonic="non-decreasing",
        # The function jumps from 0 to +-lambda at x = +-lambda.
        smoothness=-1,
        zero_centred=True,
        kinks=(
            Kink(-0.5, 0.0, "0, the derivative from inside, as PyTorch and Keras 3"),
            Kink(0.5, 0.0, "0, the derivative from inside, as PyTorch and Keras 3"),
        ),
        cost="1 absolute value, 1 comparison",
        reference=Reference(
            "D. L. Donoho and I. M. Johnstone (1994), Ideal spatial adaptation by wavelet shrinkage, Biometrika 81",
            "https://doi.org/10.1093/biomet/81.3.425",
        ),
    ),
    Activation(
        name="softshrink",
        title="Soft shrinkage",
        family="shrinkage",
        function=nonlin.softshrink,
        derivative=nonlin.softshrink_derivative,
        summary="Zeroes inputs within the threshold and moves the rest towards 0 by it (soft thresholding).",
        formula=r"\operatorname{softshrink}(x) = \operatorname{sign}(x)\,\max(|x| - \lambda, 0)",
        derivative_formula=(
            r"\operatorname{softshrink}'(x) = \begin{cases} 1 & |x| > \lambda \\ 0 & |x| \le \lambda \end{cases}"
        ),
        parameters=(_THRESHOLD,),
        output_range=Interval(-math.inf, math.inf, False, False, r"(-\infty, \infty)"),
        monotonic="non-decreasing",
        smoothness=0,
        zero_centred=True,
        kinks=(
            Kink(-0.5, 0.0, "0 from inside, as PyTorch and Keras 3"),
            Kink(0.5, 0.0, "0 from inside, as PyTorch and Keras 3"),
        ),
        cost="1 clip, 1 subtraction",
        reference=Reference(
            "D. L. Donoho (1995), De-noising by soft-thresholding, IEEE Transactions on Information Theory 41",
            "https://doi.org/10.1109/18.382009",
        ),
    ),
    Activation(
        name="tanhshrink",
        title="Tanh shrinkage",
        family="shrinkage",
        function=nonlin.tanhshrink,
        derivative=nonlin.tanhshrink_derivative,
        summary="The identity minus tanh: flat, about x^3/3, near 0 and parallel to the identity in the tails.",
        formula=r"\operatorname{tanhshrink}(x) = x - \tanh(x)",
        derivative_formula=r"\operatorname{tanhshrink}'(x) = \tanh^2(x)",
        output_range=Interval(-math.inf, math.inf, False, False, r"(-\infty, \infty)"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=True,
        cost="1 tanh, 1 subtraction; up to 12 divisions near 0",
        reference=Reference(
            "PyTorch documentation, torch.nn.Tanhshrink",
            "https://pytorch.org/docs/stable/generated/torch.nn.Tanhshrink.html",
        ),
    ),
)

"""Catalogue entries of the rectifiers."""

import math

import nonlin
from nonlin.catalogue._types import Activation, Interval, Kink, Parameter, Reference

ENTRIES = (
    Activation(
        name="relu",
        title="Rectified linear unit",
        family="rectifiers",
        function=nonlin.relu,
        derivative=nonlin.relu_derivative,
        summary="Passes positive inputs and zeroes the rest; the default hidden unit of deep networks.",
        formula=r"\operatorname{relu}(x) = \max(x, 0)",
        derivative_formula=r"\operatorname{relu}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
        output_range=Interval(0.0, math.inf, True, False, r"[0, \infty)"),
        monotonic="non-decreasing",
        smoothness=0,
        zero_centred=False,
        kinks=(Kink(0.0, 0.0, "left derivative, as PyTorch, JAX and TensorFlow"),),
        cost="1 comparison",
        reference=Reference(
            "V. Nair and G. E. Hinton (2010), Rectified linear units improve restricted Boltzmann machines, ICML",
            "https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf",
        ),
    ),
    Activation(
        name="leaky_relu",
        title="Leaky ReLU",
        family="rectifiers",
        function=nonlin.leaky_relu,
        derivative=nonlin.leaky_relu_derivative,
        summary="A ReLU with a small slope for negative inputs, so that no unit stops learning.",
        formula=r"\operatorname{leaky\_relu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}",
        derivative_formula=r"\operatorname{leaky\_relu}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}",
        parameters=(Parameter("negative_slope", 0.01, "slope a for negative input", "any finite value"),),
        output_range=Interval(-math.inf, math.inf, False, False, r"(-\infty, \infty)"),
        monotonic="increasing",
        smoothness=0,
        zero_centred=True,
        kinks=(Kink(0.0, 0.01, "left derivative (negative_slope), as PyTorch; JAX gives 1"),),
        cost="1 comparison, 1 multiplication",
        reference=Reference(
            "A. L. Maas, A. Y. Hannun and A. Y. Ng (2013), Rectifier nonlinearities improve "
            "neural network acoustic models, ICML workshop",
            "https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf",
        ),
    ),
    Activation(
        name="elu",
        title="Exponential linear unit",
        family="rectifiers",
        function=nonlin.elu,
        derivative=nonlin.elu_derivative,
        summary="Identity for positive inputs and a smooth exponential saturation to -alpha for negative ones.",
        formula=r"\operatorname{elu}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        derivative_formula=(
            r"\operatorname{elu}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}"
        ),
        parameters=(Parameter("alpha", 1.0, "negative saturation value", "finite, > 0"),),
        output_range=Interval(-1.0, math.inf, False, False, r"(-\alpha, \infty)"),
        monotonic="increasing",
        # With the default alpha = 1 both one-sided derivatives at 0 are 1,
        # and the second derivatives (0 and 1) differ.
        smoothness=1,
        zero_centred=True,
        kinks=(),
        cost="1 expm1, 1 comparison",
        reference=Reference(
            "D.-A. Clevert, T. Unterthiner and S. Hochreiter (2016), Fast and accurate deep network "
            "learning by exponential linear units (ELUs), ICLR",
            "https://arxiv.org/abs/1511.07289",
        ),
    ),
)

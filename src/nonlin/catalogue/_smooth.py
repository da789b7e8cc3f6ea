"""Catalogue entries of the smooth rectifiers."""

import math

import nonlin
from nonlin.catalogue._types import Activation, Interval, Kink, Parameter, Reference

# The minima of the non-monotonic entries, rounded toward -inf so that the
# stated range contains every value: gelu(-0.75179) = -0.1699712074799...,
# silu(-1.27846) = -0.2784645427610... and mish(-1.19243) = -0.3088434130172...
_GELU_MINIMUM = -0.169971208
_SILU_MINIMUM = -0.278464543
_MISH_MINIMUM = -0.308843414

ENTRIES = (
    Activation(
        name="gelu",
        title="Gaussian error linear unit",
        family="smooth_rectifiers",
        function=nonlin.gelu,
        derivative=nonlin.gelu_derivative,
        summary="Weights the input by the probability that a standard normal variable lies below it.",
        formula=r"\operatorname{gelu}(x) = x\,\Phi(x) = \frac{x}{2}\operatorname{erfc}\left(-\frac{x}{\sqrt{2}}\right)",
        derivative_formula=(
            r"\operatorname{gelu}'(x) = \Phi(x) + x\,\varphi(x), \quad \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}"
        ),
        parameters=(
            Parameter(
                "approximate",
                "none",
                "'none' for the exact form, 'tanh' for the tanh approximation",
                "'none' or 'tanh'",
            ),
        ),
        output_range=Interval(_GELU_MINIMUM, math.inf, True, False, r"[-0.169971\ldots, \infty)"),
        monotonic="no",
        smoothness=math.inf,
        zero_centred=True,
        kinks=(),
        cost="1 exp and 1 erfcx, or an 18-term series (about 100 operations)",
        variants={"tanh": {"approximate": "tanh"}},
        reference=Reference(
            "D. Hendrycks and K. Gimpel (2016), Gaussian error linear units (GELUs), arXiv:1606.08415",
            "https://arxiv.org/abs/1606.08415",
        ),
    ),
    Activation(
        name="silu",
        title="Sigmoid linear unit (swish)",
        family="smooth_rectifiers",
        function=nonlin.silu,
        derivative=nonlin.silu_derivative,
        summary="Multiplies the input by its logistic sigmoid: a smooth ReLU that dips below zero.",
        formula=r"\operatorname{silu}(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}",
        derivative_formula=r"\operatorname{silu}'(x) = \sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr)",
        output_range=Interval(_SILU_MINIMUM, math.inf, True, False, r"[-0.278464\ldots, \infty)"),
        monotonic="no",
        smoothness=math.inf,
        zero_centred=True,
        kinks=(),
        aliases=("swish",),
        cost="1 exp, 1 division, 1 multiplication",
        reference=Reference(
            "S. Elfwing, E. Uchibe and K. Doya (2018), Sigmoid-weighted linear units for neural network "
            "function approximation in reinforcement learning, Neural Networks 107",
            "https://arxiv.org/abs/1702.03118",
        ),
    ),
    Activation(
        name="mish",
        title="Mish",
        family="smooth_rectifiers",
        function=nonlin.mish,
        derivative=nonlin.mish_derivative,
        summary="Multiplies the input by the tanh of its softplus: a smooth ReLU close to SiLU.",
        formula=r"\operatorname{mish}(x) = x \tanh\bigl(\ln(1 + e^{x})\bigr)",
        derivative_formula=(
            r"\operatorname{mish}'(x) = \tanh(s) + x\,\sigma(x)\operatorname{sech}^2(s), "
            r"\quad s = \ln(1 + e^{x})"
        ),
        output_range=Interval(_MISH_MINIMUM, math.inf, True, False, r"[-0.308843\ldots, \infty)"),
        monotonic="no",
        smoothness=math.inf,
        zero_centred=True,
        kinks=(),
        cost="1 exp and about 40 operations (double-double)",
        reference=Reference(
            "D. Misra (2019), Mish: a self regularized non-monotonic activation function, arXiv:1908.08681",
            "https://arxiv.org/abs/1908.08681",
        ),
    ),
    Activation(
        name="softplus",
        title="Softplus",
        family="smooth_rectifiers",
        function=nonlin.softplus,
        derivative=nonlin.softplus_derivative,
        summary="A smooth ReLU: the logarithm of 1 + exp(beta x), divided by beta.",
        formula=r"\operatorname{softplus}(x) = \frac{1}{\beta}\ln\bigl(1 + e^{\beta x}\bigr)",
        derivative_formula=r"\operatorname{softplus}'(x) = \sigma(\beta x) = \frac{1}{1 + e^{-\beta x}}",
        parameters=(Parameter("beta", 1.0, "sharpness beta; large values approach ReLU", "finite, > 0"),),
        output_range=Interval(0.0, math.inf, False, False, r"(0, \infty)"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=False,
        kinks=(),
        cost="1 exp, 1 log1p, 1 division",
        reference=Reference(
            "C. Dugas, Y. Bengio, F. Belisle, C. Nadeau and R. Garcia (2009), Incorporating functional "
            "knowledge in neural networks, JMLR 10",
            "https://www.jmlr.org/papers/v10/dugas09a.html",
        ),
    ),
    Activation(
        name="squareplus",
        title="Squareplus",
        family="smooth_rectifiers",
        function=nonlin.squareplus,
        derivative=nonlin.squareplus_derivative,
        summary="An algebraic softplus that needs only a square root: (x + sqrt(x^2 + b)) / 2.",
        formula=r"\operatorname{squareplus}(x) = \frac{x + \sqrt{x^2 + b}}{2}",
        derivative_formula=r"\operatorname{squareplus}'(x) = \frac{1}{2}\left(1 + \frac{x}{\sqrt{x^2 + b}}\right)",
        parameters=(Parameter("b", 4.0, "curvature b; 0 gives ReLU", "finite, >= 0"),),
        output_range=Interval(0.0, math.inf, False, False, r"(0, \infty)"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=False,
        kinks=(),
        cost="1 hypot, 1 division",
        reference=Reference(
            "J. T. Barron (2021), Squareplus: a softplus-like algebraic rectifier, arXiv:2112.11687",
            "https://arxiv.org/abs/2112.11687",
        ),
    ),
    Activation(
        name="sparse_plus",
        title="Sparse plus",
        family="smooth_rectifiers",
        function=nonlin.sparse_plus,
        derivative=nonlin.sparse_plus_derivative,
        summary="Zero below -1, the identity above 1 and a parabola between: a softplus with exact zeros.",
        formula=(
            r"\mathrm{sparse\_plus}(x) = \begin{cases} 0 & x \le -1 \\ "
            r"\tfrac{1}{4}(x + 1)^2 & -1 < x < 1 \\ x & x \ge 1 \end{cases}"
        ),
        derivative_formula=(
            r"\mathrm{sparse\_plus}'(x) = \begin{cases} 0 & x \le -1 \\ "
            r"\tfrac{1}{2}(x + 1) & -1 < x < 1 \\ 1 & x \ge 1 \end{cases}"
        ),
        output_range=Interval(0.0, math.inf, True, False, r"[0, \infty)"),
        monotonic="non-decreasing",
        # The pieces join with equal slopes (0 at -1, 1 at 1); only the
        # second derivative jumps.
        smoothness=1,
        zero_centred=False,
        kinks=(),
        cost="2 comparisons, 2 multiplications",
        reference=Reference(
            "JAX documentation, jax.nn.sparse_plus",
            "https://docs.jax.dev/en/latest/_autosummary/jax.nn.sparse_plus.html",
        ),
    ),
    Activation(
        name="hard_swish",
        title="Hard swish",
        family="smooth_rectifiers",
        function=nonlin.hard_swish,
        derivative=nonlin.hard_swish_derivative,
        summary="A piecewise-quadratic SiLU for mobile networks: x relu6(x + 3) / 6.",
        formula=(
            r"\mathrm{hard\_swish}(x) = x\,\frac{\mathrm{relu6}(x + 3)}{6} = "
            r"\begin{cases} 0 & x \le -3 \\ x(x + 3)/6 & -3 < x < 3 \\ x & x \ge 3 \end{cases}"
        ),
        derivative_formula=(
            r"\mathrm{hard\_swish}'(x) = \begin{cases} 0 & x \le -3 \\ "
            r"(2x + 3)/6 & -3 < x < 3 \\ 1 & x \ge 3 \end{cases}"
        ),
        output_range=Interval(-0.375, math.inf, True, False, r"[-0.375, \infty)"),
        monotonic="no",
        smoothness=0,
        zero_centred=True,
        kinks=(
            Kink(-3.0, 0.0, "flat side, as JAX and TensorFlow; PyTorch gives -1/2"),
            Kink(3.0, 1.0, "flat side, as JAX and TensorFlow; PyTorch gives 3/2"),
        ),
        aliases=("hard_silu",),
        cost="2 comparisons, 2 multiplications, 1 division",
        reference=Reference(
            "A. Howard et al. (2019), Searching for MobileNetV3, ICCV",
            "https://arxiv.org/abs/1905.02244",
        ),
    ),
)

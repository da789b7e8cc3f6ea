"""Catalogue entries of the other elementwise activations."""

import math

import nonlin
from nonlin.catalogue._types import Activation, Interval, Kink, Reference

_WIKIPEDIA_TABLE = Reference(
    "Wikipedia, Activation function: table of activation functions",
    "https://en.wikipedia.org/wiki/Activation_function",
)

ENTRIES = (
    Activation(
        name="identity",
        title="Identity",
        family="other",
        function=nonlin.identity,
        derivative=nonlin.identity_derivative,
        summary="Passes its input through unchanged; the linear output unit of regression models.",
        formula=r"\operatorname{identity}(x) = x",
        derivative_formula=r"\operatorname{identity}'(x) = 1",
        output_range=Interval(-math.inf, math.inf, False, False, r"(-\infty, \infty)"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=True,
        cost="1 copy",
        reference=Reference(
            "Keras documentation, Layer activation functions: linear",
            "https://keras.io/api/layers/activations/",
        ),
    ),
    Activation(
        name="binary_step",
        title="Binary step",
        family="other",
        function=nonlin.binary_step,
        derivative=nonlin.binary_step_derivative,
        summary="Outputs 1 for inputs at or above 0 and 0 below; the threshold unit of the perceptron.",
        formula=r"\mathrm{binary\_step}(x) = \begin{cases} 1 & x \ge 0 \\ 0 & x < 0 \end{cases}",
        derivative_formula=r"\mathrm{binary\_step}'(x) = 0 \quad (x \ne 0)",
        output_range=Interval(0.0, 1.0, True, True, "[0, 1]"),
        monotonic="non-decreasing",
        smoothness=-1,
        zero_centred=False,
        kinks=(Kink(0.0, 0.0, "0, the slope of both constant pieces; the jump has no derivative"),),
        cost="1 comparison",
        reference=Reference(
            "W. S. McCulloch and W. Pitts (1943), A logical calculus of the ideas immanent in "
            "nervous activity, Bulletin of Mathematical Biophysics 5",
            "https://doi.org/10.1007/BF02478259",
        ),
    ),
    Activation(
        name="bent_identity",
        title="Bent identity",
        family="other",
        function=nonlin.bent_identity,
        derivative=nonlin.bent_identity_derivative,
        summary="A smooth, unbounded curve with slope 1/2 far left and 3/2 far right; a smooth leaky ReLU.",
        formula=r"\mathrm{bent\_identity}(x) = \frac{\sqrt{x^2 + 1} - 1}{2} + x",
        derivative_formula=r"\mathrm{bent\_identity}'(x) = 1 + \frac{x}{2\sqrt{x^2 + 1}}",
        output_range=Interval(-math.inf, math.inf, False, False, r"(-\infty, \infty)"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=True,
        cost="1 hypot, 1 division, 2 multiplications",
        reference=_WIKIPEDIA_TABLE,
    ),
    Activation(
        name="gaussian",
        title="Gaussian",
        family="other",
        function=nonlin.gaussian,
        derivative=nonlin.gaussian_derivative,
        summary="A bump that is 1 at 0 and falls to 0 on both sides, as in radial basis function networks.",
        formula=r"\operatorname{gaussian}(x) = e^{-x^2}",
        derivative_formula=r"\operatorname{gaussian}'(x) = -2x\,e^{-x^2}",
        output_range=Interval(0.0, 1.0, False, True, "(0, 1]"),
        monotonic="no",
        smoothness=math.inf,
        zero_centred=False,
        cost="1 exp, 1 exact square (7 multiplications)",
        reference=_WIKIPEDIA_TABLE,
    ),
    Activation(
        name="sinusoid",
        title="Sinusoid",
        family="other",
        function=nonlin.sinusoid,
        derivative=nonlin.sinusoid_derivative,
        summary="The sine, a periodic activation used in implicit neural representations such as SIREN.",
        formula=r"\operatorname{sinusoid}(x) = \sin x",
        derivative_formula=r"\operatorname{sinusoid}'(x) = \cos x",
        output_range=Interval(-1.0, 1.0, True, True, "[-1, 1]"),
        monotonic="no",
        smoothness=math.inf,
        zero_centred=True,
        cost="1 sin",
        reference=Reference(
            "V. Sitzmann, J. N. P. Martel, A. W. Bergman, D. B. Lindell and G. Wetzstein (2020), "
            "Implicit neural representations with periodic activation functions, NeurIPS",
            "https://arxiv.org/abs/2006.09661",
        ),
    ),
    Activation(
        name="sinc",
        title="Sinc",
        family="other",
        function=nonlin.sinc,
        derivative=nonlin.sinc_derivative,
        summary="The unnormalised sinc sin(x)/x: 1 at 0, with decaying oscillations on both sides.",
        formula=(
            r"\operatorname{sinc}(x) = \begin{cases} \dfrac{\sin x}{x} & x \ne 0 \\ 1 & x = 0 \end{cases}"
        ),
        derivative_formula=(
            r"\operatorname{sinc}'(x) = \begin{cases} \dfrac{x \cos x - \sin x}{x^2} & x \ne 0 \\ "
            r"0 & x = 0 \end{cases}"
        ),
        # The minimum is sinc(4.4934...) = cos(4.4934...), at the first
        # positive root of tan x = x; the bound is its float64 value
        # rounded down.
        output_range=Interval(-0.21723362821122166, 1.0, True, True, r"[-0.2172\ldots, 1]"),
        monotonic="no",
        smoothness=math.inf,
        zero_centred=False,
        cost="1 sin, 1 division",
        reference=_WIKIPEDIA_TABLE,
    ),
    Activation(
        name="exponential",
        title="Exponential",
        family="other",
        function=nonlin.exponential,
        derivative=nonlin.exponential_derivative,
        summary="The exponential e^x, a positive, unbounded activation that Keras offers as exponential.",
        formula=r"\operatorname{exponential}(x) = e^{x}",
        derivative_formula=r"\operatorname{exponential}'(x) = e^{x}",
        output_range=Interval(0.0, math.inf, False, False, r"(0, \infty)"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=False,
        cost="1 exp",
        reference=Reference(
            "Keras documentation, Layer activation functions: exponential",
            "https://keras.io/api/layers/activations/",
        ),
    ),
)

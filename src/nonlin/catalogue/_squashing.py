"""Catalogue entries of the squashing functions."""

import math

import nonlin
from nonlin.catalogue._types import Activation, Interval, Kink, Parameter, Reference

ENTRIES = (
    Activation(
        name="sigmoid",
        title="Logistic sigmoid",
        family="squashing",
        function=nonlin.sigmoid,
        derivative=nonlin.sigmoid_derivative,
        summary="Squashes any real number into (0, 1); the classic output unit for probabilities.",
        formula=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        derivative_formula=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        output_range=Interval(0.0, 1.0, False, False, "(0, 1)"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=False,
        cost="1 exp, 1 division",
        reference=Reference(
            "P.-F. Verhulst (1845), the logistic function; D. E. Rumelhart, G. E. Hinton "
            "and R. J. Williams (1986), Learning representations by back-propagating errors, Nature 323",
            "https://doi.org/10.1038/323533a0",
        ),
    ),
    Activation(
        name="tanh",
        title="Hyperbolic tangent",
        family="squashing",
        function=nonlin.tanh,
        derivative=nonlin.tanh_derivative,
        summary="A zero-centred sigmoid with range (-1, 1), long the default hidden unit of recurrent networks.",
        formula=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
        derivative_formula=r"\tanh'(x) = 1 - \tanh^2(x)",
        output_range=Interval(-1.0, 1.0, False, False, "(-1, 1)"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=True,
        cost="1 tanh",
        reference=Reference(
            "Y. LeCun, L. Bottou, G. B. Orr and K.-R. Müller (1998), Efficient BackProp",
            "https://doi.org/10.1007/3-540-49430-8_2",
        ),
    ),
    Activation(
        name="log_sigmoid",
        title="Log-sigmoid",
        family="squashing",
        function=nonlin.log_sigmoid,
        derivative=nonlin.log_sigmoid_derivative,
        summary="The logarithm of the sigmoid, the log-probability that a logistic model outputs; "
        "accurate where the sigmoid itself underflows.",
        formula=r"\log \sigma(x) = -\log\bigl(1 + e^{-x}\bigr)",
        derivative_formula=r"\frac{d}{dx} \log \sigma(x) = \sigma(-x) = \frac{1}{1 + e^{x}}",
        output_range=Interval(-math.inf, 0.0, False, False, r"(-\infty, 0)"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=False,
        cost="1 exp, 1 log1p",
        reference=Reference(
            "PyTorch documentation, torch.nn.LogSigmoid",
            "https://pytorch.org/docs/stable/generated/torch.nn.LogSigmoid.html",
        ),
    ),
    Activation(
        name="hard_sigmoid",
        title="Hard sigmoid",
        family="squashing",
        function=nonlin.hard_sigmoid,
        derivative=nonlin.hard_sigmoid_derivative,
        summary="A piecewise-linear sigmoid, relu6(x + 3) / 6 by default, "
        "cheap enough for mobile networks.",
        formula=r"\mathrm{hard\_sigmoid}(x) = \min\bigl(\max(s x + \tfrac{1}{2}, 0), 1\bigr)",
        derivative_formula=(
            r"\mathrm{hard\_sigmoid}'(x) = \begin{cases} s & |x| < 1/(2s) \\ 0 & |x| \ge 1/(2s) \end{cases}"
        ),
        parameters=(
            Parameter(
                "slope",
                1 / 6,
                "slope s between the kinks at +-1/(2s); 1/6 as PyTorch, JAX and Keras 3, 0.2 as Keras 2",
                "finite, > 0",
            ),
        ),
        output_range=Interval(0.0, 1.0, True, True, "[0, 1]"),
        monotonic="non-decreasing",
        smoothness=0,
        zero_centred=False,
        kinks=(
            Kink(-3.0, 0.0, "0 from the flat side, as PyTorch, JAX and Keras 3; Keras 2 gives its slope 0.2"),
            Kink(3.0, 0.0, "0 from the flat side, as PyTorch, JAX and Keras 3; Keras 2 gives its slope 0.2"),
        ),
        cost="1 clip, 1 addition, 1 division",
        reference=Reference(
            "A. Howard et al. (2019), Searching for MobileNetV3, ICCV",
            "https://arxiv.org/abs/1905.02244",
        ),
    ),
    Activation(
        name="sparse_sigmoid",
        title="Sparse sigmoid",
        family="squashing",
        function=nonlin.sparse_sigmoid,
        derivative=nonlin.sparse_sigmoid_derivative,
        summary="A piecewise-linear sigmoid that reaches exactly 0 and 1 outside [-1, 1]; "
        "the derivative of sparse plus.",
        formula=(
            r"\mathrm{sparse\_sigmoid}(x) = "
            r"\begin{cases} 0 & x \le -1 \\ (x + 1)/2 & -1 < x < 1 \\ 1 & x \ge 1 \end{cases}"
        ),
        derivative_formula=(
            r"\mathrm{sparse\_sigmoid}'(x) = \begin{cases} 1/2 & |x| < 1 \\ 0 & |x| \ge 1 \end{cases}"
        ),
        output_range=Interval(0.0, 1.0, True, True, "[0, 1]"),
        monotonic="non-decreasing",
        smoothness=0,
        zero_centred=False,
        kinks=(
            Kink(-1.0, 0.0, "0 from the flat side, as Keras 3 (TensorFlow backend); JAX gives 1/4"),
            Kink(1.0, 0.0, "0 from the flat side, as Keras 3 (TensorFlow backend); JAX gives 1/4"),
        ),
        cost="1 clip, 1 addition, 1 multiplication",
        reference=Reference(
            "M. Blondel, A. F. T. Martins and V. Niculae (2020), Learning with Fenchel-Young losses, JMLR 21",
            "https://arxiv.org/abs/1901.02324",
        ),
    ),
    Activation(
        name="hard_tanh",
        title="Hard tanh",
        family="squashing",
        function=nonlin.hard_tanh,
        derivative=nonlin.hard_tanh_derivative,
        summary="Clips the input to [min_value, max_value], a piecewise-linear tanh.",
        formula=r"\mathrm{hard\_tanh}(x) = \min\bigl(\max(x, a), b\bigr)",
        derivative_formula=(
            r"\mathrm{hard\_tanh}'(x) = \begin{cases} 1 & a < x < b \\ 0 & x \le a \text{ or } x \ge b \end{cases}"
        ),
        parameters=(
            Parameter("min_value", -1.0, "lower bound a (PyTorch: min_val)", "finite, <= max_value"),
            Parameter("max_value", 1.0, "upper bound b (PyTorch: max_val)", "finite, >= min_value"),
        ),
        output_range=Interval(-1.0, 1.0, True, True, "[-1, 1]"),
        monotonic="non-decreasing",
        smoothness=0,
        zero_centred=True,
        kinks=(
            Kink(-1.0, 0.0, "0 from the flat side, as PyTorch; JAX and Keras 3 (TensorFlow backend) give 1"),
            Kink(1.0, 0.0, "0 from the flat side, as PyTorch; JAX and Keras 3 (TensorFlow backend) give 1"),
        ),
        cost="1 clip",
        reference=Reference(
            "R. Collobert, J. Weston, L. Bottou, M. Karlen, K. Kavukcuoglu and P. Kuksa (2011), "
            "Natural language processing (almost) from scratch, JMLR 12",
            "https://jmlr.org/papers/v12/collobert11a.html",
        ),
    ),
    Activation(
        name="softsign",
        title="Softsign",
        family="squashing",
        function=nonlin.softsign,
        derivative=nonlin.softsign_derivative,
        summary="A tanh-like squashing function whose tails approach -1 and 1 polynomially, not exponentially.",
        formula=r"\operatorname{softsign}(x) = \frac{x}{1 + |x|}",
        derivative_formula=r"\operatorname{softsign}'(x) = \frac{1}{(1 + |x|)^2}",
        output_range=Interval(-1.0, 1.0, False, False, "(-1, 1)"),
        monotonic="increasing",
        # The derivative is continuous at 0 (1 from both sides); the second derivative jumps from 2 to -2.
        smoothness=1,
        zero_centred=True,
        cost="1 absolute value, 1 addition, 1 division",
        reference=Reference(
            "X. Glorot and Y. Bengio (2010), Understanding the difficulty of training deep "
            "feedforward neural networks, AISTATS",
            "https://proceedings.mlr.press/v9/glorot10a.html",
        ),
    ),
    Activation(
        name="arctan",
        title="Inverse tangent",
        family="squashing",
        function=nonlin.arctan,
        derivative=nonlin.arctan_derivative,
        summary="The inverse tangent as an activation: zero-centred, range (-pi/2, pi/2), with algebraic tails.",
        formula=r"\operatorname{arctan}(x) = \tan^{-1}(x)",
        derivative_formula=r"\operatorname{arctan}'(x) = \frac{1}{1 + x^2}",
        output_range=Interval(-math.pi / 2, math.pi / 2, False, False, r"(-\pi/2, \pi/2)"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=True,
        cost="1 arctan",
        reference=Reference(
            "NumPy documentation, numpy.arctan",
            "https://numpy.org/doc/stable/reference/generated/numpy.arctan.html",
        ),
    ),
    Activation(
        name="isru",
        title="Inverse square root unit",
        family="squashing",
        function=nonlin.isru,
        derivative=nonlin.isru_derivative,
        summary="A tanh-like squashing function built from one inverse square root, "
        "with range (-1/sqrt(alpha), 1/sqrt(alpha)).",
        formula=r"\operatorname{isru}(x) = \frac{x}{\sqrt{1 + \alpha x^2}}",
        derivative_formula=r"\operatorname{isru}'(x) = \bigl(1 + \alpha x^2\bigr)^{-3/2}",
        parameters=(Parameter("alpha", 1.0, "scale of the quadratic term", "finite, > 0"),),
        output_range=Interval(-1.0, 1.0, False, False, r"(-1/\sqrt{\alpha}, 1/\sqrt{\alpha})"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=True,
        cost="2 multiplications, 1 addition, 1 square root, 1 division",
        reference=Reference(
            "B. Carlile, G. Delamarter, P. Kinney, A. Marti and B. Whitney (2017), "
            "Improving deep learning by inverse square root linear units (ISRLUs)",
            "https://arxiv.org/abs/1710.09967",
        ),
    ),
)

"""Catalogue entries of the vector-valued activations.

For these entries the elementwise properties are read per component along
the axis, with the other inputs fixed. `monotonic` describes output i as a
function of input i (softmax_i increases with x_i). `output_range` bounds
every component, and `zero_centred` states whether f(0) is the zero vector
and the components take both signs.
"""

import math

import nonlin
from nonlin.catalogue._types import Activation, Interval, Parameter, Reference

ENTRIES = (
    Activation(
        name="softmax",
        title="Softmax",
        family="vector",
        function=nonlin.softmax,
        derivative=nonlin.softmax_jacobian,
        jvp=nonlin.softmax_jvp,
        vjp=nonlin.softmax_vjp,
        vector_valued=True,
        summary="Turns a vector of scores into probabilities that sum to 1; the output layer of classifiers.",
        formula=r"\operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}",
        derivative_formula=r"\frac{\partial s_i}{\partial x_j} = s_i\,(\delta_{ij} - s_j)",
        parameters=(Parameter("axis", -1, "axis along which the outputs sum to 1", "any axis of x"),),
        output_range=Interval(0.0, 1.0, True, True, "[0, 1]"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=False,
        cost="n exp, 1 sum, n divisions",
        reference=Reference(
            "J. S. Bridle (1990), Probabilistic interpretation of feedforward classification "
            "network outputs, with relationships to statistical pattern recognition",
            "https://doi.org/10.1007/978-3-642-76153-9_28",
        ),
    ),
    Activation(
        name="log_softmax",
        title="Log-softmax",
        family="vector",
        function=nonlin.log_softmax,
        derivative=nonlin.log_softmax_jacobian,
        jvp=nonlin.log_softmax_jvp,
        vjp=nonlin.log_softmax_vjp,
        vector_valued=True,
        summary="The logarithm of the softmax, finite where the softmax underflows; feeds the log-likelihood loss.",
        formula=r"\mathrm{log\_softmax}(x)_i = x_i - \log \sum_j e^{x_j}",
        derivative_formula=r"\frac{\partial \mathrm{log\_softmax}(x)_i}{\partial x_j} = \delta_{ij} - s_j",
        parameters=(Parameter("axis", -1, "axis along which the softmax is taken", "any axis of x"),),
        # Every component is at most 0, and exactly 0 only for an axis of
        # length 1. Component i increases with x_i, at rate 1 - s_i > 0.
        output_range=Interval(-math.inf, 0.0, False, True, r"(-\infty, 0]"),
        monotonic="increasing",
        smoothness=math.inf,
        zero_centred=False,
        cost="n exp, 1 sum, 1 log1p, n subtractions",
        reference=Reference(
            "PyTorch documentation, torch.nn.LogSoftmax",
            "https://pytorch.org/docs/stable/generated/torch.nn.LogSoftmax.html",
        ),
    ),
    Activation(
        name="softmin",
        title="Softmin",
        family="vector",
        function=nonlin.softmin,
        derivative=nonlin.softmin_jacobian,
        jvp=nonlin.softmin_jvp,
        vjp=nonlin.softmin_vjp,
        vector_valued=True,
        summary="The softmax of the negated input: probabilities that favour the smallest scores.",
        formula=r"\operatorname{softmin}(x)_i = \frac{e^{-x_i}}{\sum_j e^{-x_j}}",
        derivative_formula=r"\frac{\partial s_i}{\partial x_j} = -s_i\,(\delta_{ij} - s_j)",
        parameters=(Parameter("axis", -1, "axis along which the outputs sum to 1", "any axis of x"),),
        output_range=Interval(0.0, 1.0, True, True, "[0, 1]"),
        # Component i strictly decreases with x_i; the catalogue has no
        # "decreasing" value, and non-increasing is true.
        monotonic="non-increasing",
        smoothness=math.inf,
        zero_centred=False,
        cost="n exp, 1 sum, n divisions",
        reference=Reference(
            "PyTorch documentation, torch.nn.Softmin",
            "https://pytorch.org/docs/stable/generated/torch.nn.Softmin.html",
        ),
    ),
    Activation(
        name="sparsemax",
        title="Sparsemax",
        family="vector",
        function=nonlin.sparsemax,
        derivative=nonlin.sparsemax_jacobian,
        jvp=nonlin.sparsemax_jvp,
        vjp=nonlin.sparsemax_vjp,
        vector_valued=True,
        summary="The Euclidean projection onto the probability simplex: probabilities with exact zeros.",
        formula=r"\operatorname{sparsemax}(x) = \operatorname*{arg\,min}_{p \in \Delta} \lVert p - x \rVert^2"
        r" = \max(x - \tau, 0)",
        derivative_formula=r"\frac{\partial p_i}{\partial x_j} = \delta_{ij} s_i - \frac{s_i s_j}{\lvert S \rvert}",
        parameters=(Parameter("axis", -1, "axis along which the outputs sum to 1", "any axis of x"),),
        output_range=Interval(0.0, 1.0, True, True, "[0, 1]"),
        # Component i is piecewise linear in x_i with slope 1 - 1/|S| >= 0,
        # and flat (0) while x_i is outside the support.
        monotonic="non-decreasing",
        # Continuous, with kinks where an entry crosses the threshold.
        smoothness=0,
        zero_centred=False,
        cost="1 sort, 1 cumulative sum, n comparisons",
        reference=Reference(
            "A. F. T. Martins and R. F. Astudillo (2016), From softmax to sparsemax: a sparse model "
            "of attention and multi-label classification, ICML",
            "https://arxiv.org/abs/1602.02068",
        ),
    ),
    Activation(
        name="glu",
        title="Gated linear unit",
        family="vector",
        function=nonlin.glu,
        derivative=nonlin.glu_jacobian,
        jvp=nonlin.glu_jvp,
        vjp=nonlin.glu_vjp,
        vector_valued=True,
        summary="Splits the axis into halves a and b and returns a * sigmoid(b), a learned gate on each value.",
        formula=r"\operatorname{glu}(x) = a \odot \sigma(b), \quad x = [a, b]",
        derivative_formula=(
            r"\frac{\partial\, \operatorname{glu}_i}{\partial a_j} = \delta_{ij}\,\sigma(b_i), \quad "
            r"\frac{\partial\, \operatorname{glu}_i}{\partial b_j} = \delta_{ij}\,a_i\,\sigma'(b_i)"
        ),
        parameters=(Parameter("axis", -1, "axis split into the value and gate halves", "an axis of even length"),),
        output_range=Interval(-math.inf, math.inf, False, False, r"(-\infty, \infty)"),
        # Output i increases with a_i, but moves with b_i in the direction of
        # the sign of a_i, so it is not monotonic in its inputs.
        monotonic="no",
        smoothness=math.inf,
        # glu(0) = 0 * sigmoid(0) = 0, and the outputs take both signs.
        zero_centred=True,
        cost="n/2 exp, n/2 divisions, n/2 multiplications",
        reference=Reference(
            "Y. N. Dauphin, A. Fan, M. Auli and D. Grangier (2017), Language modeling with gated "
            "convolutional networks, ICML",
            "https://arxiv.org/abs/1612.08083",
        ),
    ),
)

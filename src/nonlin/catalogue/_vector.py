"""Catalogue entries of the vector-valued activations."""

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
)

"""Catalogue entries of the squashing functions."""

import math

import nonlin
from nonlin.catalogue._types import Activation, Interval, Reference

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
)

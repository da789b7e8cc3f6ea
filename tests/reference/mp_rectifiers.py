"""Exact mpmath formulas for the rectifiers, with the parameters the accuracy test uses.

Parameters are converted with ``mpmath.mpf(float)``, so each formula uses
the same binary64 value that nonlin receives (0.1 is the double nearest to
one tenth). Derivatives take the value nonlin documents at each kink.
"""

import mpmath

from reference.cases import ReferenceCase

ZERO = mpmath.mpf(0)
ONE = mpmath.mpf(1)


def _constant(value):
    return lambda x: mpmath.mpf(value)


# ReLU, ReLU6 and the fixed-slope rectifiers.


def _relu(x):
    return max(x, ZERO)


def _step(x):
    return ONE if x > 0 else ZERO


def _relu6(x):
    return min(max(x, ZERO), mpmath.mpf(6))


def _relu6_derivative(x):
    return ONE if 0 < x < 6 else ZERO


def _linear_below_zero(slope):
    a = mpmath.mpf(slope)
    return lambda x: x if x > 0 else a * x


def _step_below_zero(slope):
    a = mpmath.mpf(slope)
    return lambda x: ONE if x > 0 else a


def _mean_slope(lower, upper):
    return (mpmath.mpf(lower) + mpmath.mpf(upper)) / 2


def _slope_cases(name, parameter_sets, slope_of):
    """Return one case per parameter set of an activation that is x or slope * x."""
    cases = []
    for parameters in parameter_sets:
        slope = slope_of(parameters)
        cases.append(
            ReferenceCase(
                name,
                _linear_below_zero(slope),
                _step_below_zero(slope),
                parameters=parameters,
                special_points=(0.0,),
                second_derivative=_constant(0),
            )
        )
    return cases


# Threshold.


def _threshold(limit, value):
    t = mpmath.mpf(limit)
    v = mpmath.mpf(value)
    return lambda x: x if x > t else v


def _threshold_derivative(limit):
    t = mpmath.mpf(limit)
    return lambda x: ONE if x > t else ZERO


# The exponential family: ELU, CELU, SELU.


def _elu(alpha):
    a = mpmath.mpf(alpha)
    return lambda x: x if x > 0 else a * mpmath.expm1(x)


def _elu_derivative(alpha):
    a = mpmath.mpf(alpha)
    return lambda x: ONE if x > 0 else a * mpmath.exp(x)


def _elu_second_derivative(alpha):
    a = mpmath.mpf(alpha)
    return lambda x: ZERO if x > 0 else a * mpmath.exp(x)


def _celu(alpha):
    a = mpmath.mpf(alpha)
    return lambda x: x if x > 0 else a * mpmath.expm1(x / a)


def _celu_derivative(alpha):
    a = mpmath.mpf(alpha)
    return lambda x: ONE if x > 0 else mpmath.exp(x / a)


def _celu_second_derivative(alpha):
    a = mpmath.mpf(alpha)
    return lambda x: ZERO if x > 0 else mpmath.exp(x / a) / a


def _selu_constants():
    # Parsed at the working precision of each call; the published 32 digits
    # define the function.
    alpha = mpmath.mpf("1.6732632423543772848170429916717")
    scale = mpmath.mpf("1.0507009873554804934193349852946")
    return alpha, scale


def _selu(x):
    alpha, scale = _selu_constants()
    return scale * x if x > 0 else scale * alpha * mpmath.expm1(x)


def _selu_derivative(x):
    alpha, scale = _selu_constants()
    return scale if x > 0 else scale * alpha * mpmath.exp(x)


def _selu_second_derivative(x):
    alpha, scale = _selu_constants()
    return ZERO if x > 0 else scale * alpha * mpmath.exp(x)


# ISRLU.


def _isrlu(alpha):
    a = mpmath.mpf(alpha)
    return lambda x: x if x >= 0 else x / mpmath.sqrt(1 + a * x * x)


def _isrlu_derivative(alpha):
    a = mpmath.mpf(alpha)
    return lambda x: ONE if x >= 0 else (1 + a * x * x) ** mpmath.mpf(-1.5)


def _isrlu_second_derivative(alpha):
    a = mpmath.mpf(alpha)
    return lambda x: ZERO if x >= 0 else -3 * a * x * (1 + a * x * x) ** mpmath.mpf(-2.5)


CASES = [
    ReferenceCase("relu", _relu, _step, special_points=(0.0,), second_derivative=_constant(0)),
    ReferenceCase("relu6", _relu6, _relu6_derivative, special_points=(0.0, 6.0), second_derivative=_constant(0)),
    *_slope_cases(
        "leaky_relu",
        [{}, {"negative_slope": 0.2}],
        lambda p: p.get("negative_slope", 0.01),
    ),
    *_slope_cases("prelu", [{}, {"weight": 0.1}], lambda p: p.get("weight", 0.25)),
    *_slope_cases(
        "rrelu",
        [{}, {"lower": 0.1, "upper": 0.3}],
        lambda p: _mean_slope(p.get("lower", 1 / 8), p.get("upper", 1 / 3)),
    ),
    ReferenceCase(
        "threshold",
        _threshold(0.0, 0.0),
        _threshold_derivative(0.0),
        special_points=(0.0,),
        second_derivative=_constant(0),
    ),
    ReferenceCase(
        "threshold",
        _threshold(0.1, 20.0),
        _threshold_derivative(0.1),
        parameters={"threshold": 0.1, "value": 20.0},
        special_points=(0.1,),
        second_derivative=_constant(0),
    ),
    *[
        ReferenceCase(
            "elu",
            _elu(alpha),
            _elu_derivative(alpha),
            parameters=parameters,
            special_points=(0.0,),
            second_derivative=_elu_second_derivative(alpha),
        )
        for alpha, parameters in [(1.0, {}), (0.5, {"alpha": 0.5})]
    ],
    *[
        ReferenceCase(
            "celu",
            _celu(alpha),
            _celu_derivative(alpha),
            parameters=parameters,
            special_points=(0.0,),
            second_derivative=_celu_second_derivative(alpha),
        )
        for alpha, parameters in [(1.0, {}), (0.5, {"alpha": 0.5}), (3.0, {"alpha": 3.0})]
    ],
    ReferenceCase(
        "selu",
        _selu,
        _selu_derivative,
        special_points=(0.0,),
        second_derivative=_selu_second_derivative,
    ),
    *[
        ReferenceCase(
            "isrlu",
            _isrlu(alpha),
            _isrlu_derivative(alpha),
            parameters=parameters,
            special_points=(0.0,),
            second_derivative=_isrlu_second_derivative(alpha),
        )
        for alpha, parameters in [(1.0, {}), (3.0, {"alpha": 3.0})]
    ],
]

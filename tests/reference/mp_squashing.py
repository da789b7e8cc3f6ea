"""Exact mpmath formulas for the squashing activations."""

import mpmath

from reference.cases import ReferenceCase


def _zero(x):
    """Second derivative of a piecewise-linear function: 0 away from its kinks."""
    return mpmath.mpf(0)


def _sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def _sigmoid_derivative(x):
    return 1 / ((1 + mpmath.exp(-x)) * (1 + mpmath.exp(x)))


def _sigmoid_second_derivative(x):
    return _sigmoid_derivative(x) * (_sigmoid(-x) - _sigmoid(x))


def _log_sigmoid(x):
    return -mpmath.log1p(mpmath.exp(-x))


def _log_sigmoid_second_derivative(x):
    return -_sigmoid_derivative(x)


def _tanh_derivative(x):
    return mpmath.sech(x) ** 2


def _tanh_second_derivative(x):
    return -2 * mpmath.tanh(x) * mpmath.sech(x) ** 2


def _hard_sigmoid_case(kink, parameters):
    """Return the case for slope = 1/(2 * kink), where `kink` is exact in binary, such as 3.0 or 2.5."""

    def function(x):
        slope = 1 / (2 * mpmath.mpf(kink))
        return min(max(slope * x + mpmath.mpf(1) / 2, mpmath.mpf(0)), mpmath.mpf(1))

    def derivative(x):
        if -kink < x < kink:
            return 1 / (2 * mpmath.mpf(kink))
        return mpmath.mpf(0)

    return ReferenceCase(
        "hard_sigmoid",
        function,
        derivative,
        parameters=parameters,
        special_points=(-kink, kink),
        second_derivative=_zero,
    )


def _sparse_sigmoid(x):
    return min(max((x + 1) / 2, mpmath.mpf(0)), mpmath.mpf(1))


def _sparse_sigmoid_derivative(x):
    return mpmath.mpf(1) / 2 if -1 < x < 1 else mpmath.mpf(0)


def _hard_tanh_case(low, high, parameters):
    def function(x):
        return min(max(x, mpmath.mpf(low)), mpmath.mpf(high))

    def derivative(x):
        return mpmath.mpf(1) if low < x < high else mpmath.mpf(0)

    return ReferenceCase(
        "hard_tanh",
        function,
        derivative,
        parameters=parameters,
        special_points=(low, high),
        second_derivative=_zero,
    )


def _softsign(x):
    return x / (1 + abs(x))


def _softsign_derivative(x):
    return 1 / (1 + abs(x)) ** 2


def _softsign_second_derivative(x):
    return -2 * mpmath.sign(x) / (1 + abs(x)) ** 3


def _arctan_derivative(x):
    return 1 / (1 + x * x)


def _arctan_second_derivative(x):
    return -2 * x / (1 + x * x) ** 2


def _isru_case(alpha, parameters):
    def function(x):
        return x / mpmath.sqrt(1 + alpha * x * x)

    def derivative(x):
        return (1 + alpha * x * x) ** (-mpmath.mpf(3) / 2)

    def second_derivative(x):
        return -3 * alpha * x * (1 + alpha * x * x) ** (-mpmath.mpf(5) / 2)

    return ReferenceCase(
        "isru",
        function,
        derivative,
        parameters=parameters,
        special_points=(0.0,),
        second_derivative=second_derivative,
    )


CASES = [
    ReferenceCase(
        "sigmoid",
        _sigmoid,
        _sigmoid_derivative,
        special_points=(0.0,),
        second_derivative=_sigmoid_second_derivative,
    ),
    ReferenceCase(
        "tanh",
        mpmath.tanh,
        _tanh_derivative,
        special_points=(0.0,),
        second_derivative=_tanh_second_derivative,
    ),
    ReferenceCase(
        "log_sigmoid",
        _log_sigmoid,
        lambda x: _sigmoid(-x),
        special_points=(0.0,),
        second_derivative=_log_sigmoid_second_derivative,
    ),
    # The default slope 1/6 (kinks at +-3) and the Keras 2 slope 0.2 (kinks at +-2.5).
    _hard_sigmoid_case(3.0, {}),
    _hard_sigmoid_case(2.5, {"slope": 0.2}),
    ReferenceCase(
        "sparse_sigmoid",
        _sparse_sigmoid,
        _sparse_sigmoid_derivative,
        special_points=(-1.0, 1.0),
        second_derivative=_zero,
    ),
    _hard_tanh_case(-1.0, 1.0, {}),
    # float32 rounds the lower bound inwards (float32(-0.7) > -0.7), so comparing with the exact bound matters.
    _hard_tanh_case(-0.7, 2.0, {"min_value": -0.7, "max_value": 2.0}),
    ReferenceCase(
        "softsign",
        _softsign,
        _softsign_derivative,
        special_points=(0.0,),
        second_derivative=_softsign_second_derivative,
    ),
    ReferenceCase(
        "arctan",
        mpmath.atan,
        _arctan_derivative,
        special_points=(0.0,),
        second_derivative=_arctan_second_derivative,
    ),
    _isru_case(1.0, {}),
    _isru_case(0.1, {"alpha": 0.1}),
]

"""The input and output rules that every activation in the catalogue follows.

Each test runs over every catalogue entry, so a new activation is held to
these rules as soon as it is catalogued: dtypes kept, integers computed in
float64, no RuntimeWarning and no NaN for any non-NaN input, NaN
propagated, clear errors for unsupported dtypes, inputs never modified.
"""

import inspect
import warnings

import numpy as np
import pytest

import nonlin
from nonlin._validation import BLOCK_SIZE
from nonlin.catalogue import CATALOGUE
from reference.generate import load_cases
from sampling import ELEMENTWISE, VECTOR, default_arguments, extreme_values

#: Activations with no limit at +-inf (sin, for example), whose result there is NaN.
NAN_AT_INFINITY = {case.name for case in load_cases().values() if case.nan_at_infinity}


def assert_same_zero_signs(actual, expected):
    """Compare signs, which assert_array_equal ignores for zeros; a NaN's sign bit carries no meaning."""
    numbers = ~np.isnan(expected)
    np.testing.assert_array_equal(np.signbit(actual[numbers]), np.signbit(expected[numbers]))


def both_functions(entry):
    return [entry.function, entry.derivative]


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_keeps_float_dtype(name, float_dtype):
    entry = CATALOGUE[name]
    x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0], dtype=float_dtype)
    for function in both_functions(entry):
        result = function(x, **default_arguments(entry))
        assert isinstance(result, np.ndarray), f"{function.__name__} returned {type(result).__name__}"
        assert result.dtype == float_dtype, f"{function.__name__} turned {x.dtype} into {result.dtype}"
        assert result.shape == x.shape


@pytest.mark.parametrize("name", ELEMENTWISE)
@pytest.mark.parametrize("integer_dtype", [np.int8, np.int64, np.uint16, np.bool_])
def test_elementwise_integers_give_float64(name, integer_dtype):
    entry = CATALOGUE[name]
    x = np.array([0, 1, 1], dtype=integer_dtype)
    for function in both_functions(entry):
        result = function(x, **default_arguments(entry))
        assert result.dtype == np.float64
        expected = function(x.astype(np.float64), **default_arguments(entry))
        np.testing.assert_array_equal(result, expected)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_accepts_lists_and_scalars(name):
    entry = CATALOGUE[name]
    for function in both_functions(entry):
        from_list = function([[-1.0, 0.5], [2.0, 0.0]], **default_arguments(entry))
        assert from_list.shape == (2, 2)
        scalar = function(0.5, **default_arguments(entry))
        assert isinstance(scalar, np.float64), f"{function.__name__}(0.5) returned {type(scalar).__name__}"
        zero_d = function(np.array(0.5, dtype=np.float32), **default_arguments(entry))
        assert isinstance(zero_d, np.float32)
        assert scalar == function(np.array([0.5]), **default_arguments(entry))[0]


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_no_warning_or_nan_over_whole_range(name, float_dtype):
    entry = CATALOGUE[name]
    x = extreme_values(float_dtype)
    for function in both_functions(entry):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            result = function(x, **default_arguments(entry))
        expected_nan = np.isnan(x)
        if name in NAN_AT_INFINITY:
            expected_nan |= np.isinf(x)
        assert np.isnan(result[np.isnan(x)]).all(), f"{function.__name__}(nan) is not NaN"
        unexpected = np.isnan(result) & ~expected_nan
        assert not unexpected.any(), f"{function.__name__} gave NaN for {x[unexpected][:5]}"


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_leaves_input_unchanged(name, float_dtype):
    entry = CATALOGUE[name]
    x = np.linspace(-4, 4, 9).astype(float_dtype)
    before = x.copy()
    for function in both_functions(entry):
        result = function(x, **default_arguments(entry))
        np.testing.assert_array_equal(x, before)
        assert not np.shares_memory(result, x), f"{function.__name__} returned a view of its input"


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_out_matches_fresh_result(name, float_dtype):
    entry = CATALOGUE[name]
    x = extreme_values(float_dtype).reshape(1, -1)
    for function in both_functions(entry):
        expected = function(x, **default_arguments(entry))
        out = np.full_like(x, 7)
        returned = function(x, **default_arguments(entry), out=out)
        assert returned is out, f"{function.__name__} did not return out"
        np.testing.assert_array_equal(out, expected, err_msg=f"{function.__name__} with out=")
        assert_same_zero_signs(out, expected)


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_large_input_matches_small_pieces(name, float_dtype):
    # Large inputs may be evaluated in blocks, in place and into out=, and
    # must give the same bits as the same values in small arrays. The
    # input is not a whole number of blocks, and it is transposed, so that
    # the blocks cross rows and the memory order differs from the logical one.
    entry = CATALOGUE[name]
    pieces = extreme_values(float_dtype)
    repeats = -(-(2 * BLOCK_SIZE + 123) // pieces.size)
    x = np.tile(pieces, (repeats, 1)).T
    for function in both_functions(entry):
        expected = np.tile(function(pieces, **default_arguments(entry)), (repeats, 1)).T
        result = function(x, **default_arguments(entry))
        np.testing.assert_array_equal(result, expected, err_msg=function.__name__)
        assert_same_zero_signs(result, expected)
        into = np.empty_like(x)
        assert function(x, **default_arguments(entry), out=into) is into
        np.testing.assert_array_equal(into, expected, err_msg=f"{function.__name__} with out=")
        inplace = x.copy()
        function(inplace, **default_arguments(entry), out=inplace)
        np.testing.assert_array_equal(inplace, expected, err_msg=f"{function.__name__} with out=x")


@pytest.mark.parametrize("name", ELEMENTWISE)
@pytest.mark.parametrize("size", [500, 2 * BLOCK_SIZE + 7])
def test_elementwise_out_overlapping_input(name, float_dtype, size):
    # As with NumPy's ufuncs, out may overlap x at an offset in either
    # direction; the result is as if x had been copied first.
    entry = CATALOGUE[name]
    x = np.linspace(-5.0, 5.0, size).astype(float_dtype)
    for function in both_functions(entry):
        ahead = x.copy()
        function(ahead[:-1], **default_arguments(entry), out=ahead[1:])
        np.testing.assert_array_equal(ahead[1:], function(x[:-1], **default_arguments(entry)))
        behind = x.copy()
        function(behind[1:], **default_arguments(entry), out=behind[:-1])
        np.testing.assert_array_equal(behind[:-1], function(x[1:], **default_arguments(entry)))


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_out_may_be_the_input(name, float_dtype):
    entry = CATALOGUE[name]
    x = extreme_values(float_dtype)
    for function in both_functions(entry):
        expected = function(x, **default_arguments(entry))
        inplace = x.copy()
        assert function(inplace, **default_arguments(entry), out=inplace) is inplace
        np.testing.assert_array_equal(inplace, expected, err_msg=f"{function.__name__} with out=x")
        assert_same_zero_signs(inplace, expected)


@pytest.mark.parametrize("name", ELEMENTWISE)
@pytest.mark.parametrize(
    ("make_out", "error", "message"),
    [
        (lambda x: np.empty(x.shape, np.float64), TypeError, "out has dtype float64, but the result has dtype float32"),
        (lambda x: np.empty(x.shape[0] + 1, np.float32), ValueError, r"out has shape \(4,\), but the result has shape \(3,\)"),
        (lambda x: [0.0] * x.shape[0], TypeError, "out must be a NumPy array, got list"),
        (lambda x: np.broadcast_to(np.float32(0), x.shape), ValueError, "out is read-only"),
    ],
    ids=["dtype", "shape", "list", "read-only"],
)
def test_elementwise_bad_out_raises(name, make_out, error, message):
    entry = CATALOGUE[name]
    x = np.array([-1.0, 0.0, 1.0], dtype=np.float32)
    for function in both_functions(entry):
        with pytest.raises(error, match=message):
            function(x, **default_arguments(entry), out=make_out(x))


@pytest.mark.parametrize("name", ELEMENTWISE + VECTOR)
@pytest.mark.parametrize(
    "bad_input",
    [np.array([1 + 2j]), np.array(["1.0"]), np.array([1.0], dtype=object), np.array([1.0], dtype=np.longdouble)],
    ids=["complex", "string", "object", "longdouble"],
)
def test_unsupported_dtype_raises_type_error(name, bad_input):
    entry = CATALOGUE[name]
    if bad_input.dtype == np.longdouble and np.dtype(np.longdouble) == np.float64:
        pytest.skip("longdouble is float64 on this platform")
    for function in both_functions(entry):
        with pytest.raises(TypeError, match=str(bad_input.dtype)):
            function(bad_input, **default_arguments(entry))


@pytest.mark.parametrize("name", ELEMENTWISE + VECTOR)
def test_signature_defaults_match_catalogue(name):
    entry = CATALOGUE[name]
    for function in both_functions(entry):
        signature = inspect.signature(function)
        for parameter in entry.parameters:
            assert parameter.name in signature.parameters, f"{function.__name__} has no parameter {parameter.name}"
            default = signature.parameters[parameter.name].default
            if default is not inspect.Parameter.empty:
                assert default == parameter.default, (
                    f"{function.__name__}: catalogue default {parameter.name}={parameter.default!r}, "
                    f"signature {default!r}"
                )


@pytest.mark.parametrize("name", ELEMENTWISE + VECTOR)
def test_entry_names_its_public_functions(name):
    entry = CATALOGUE[name]
    assert getattr(nonlin, name) is entry.function
    if entry.vector_valued:
        assert getattr(nonlin, f"{name}_jacobian") is entry.derivative
        assert getattr(nonlin, f"{name}_jvp") is entry.jvp
        assert getattr(nonlin, f"{name}_vjp") is entry.vjp
    else:
        assert getattr(nonlin, f"{name}_derivative") is entry.derivative
    for alias in entry.aliases:
        assert getattr(nonlin, alias) is entry.function, f"alias {alias} is not {name}"
    assert entry.reference.url.startswith("https://"), f"{name} reference has no https URL"
    assert entry.formula, f"{name} has no formula"
    assert entry.derivative_formula, f"{name} has no derivative formula"
    assert entry.summary, f"{name} has no summary"
    assert entry.title, f"{name} has no title"


def test_every_public_function_is_catalogued():
    catalogued = set()
    for entry in CATALOGUE.values():
        catalogued.add(entry.function.__name__)
        catalogued.add(entry.derivative.__name__)
        for product in (entry.jvp, entry.vjp):
            if product is not None:
                catalogued.add(product.__name__)
    public = {getattr(nonlin, name).__name__ for name in nonlin.__all__}
    assert public <= catalogued, f"public functions missing from the catalogue: {sorted(public - catalogued)}"


@pytest.mark.parametrize("name", VECTOR)
def test_vector_keeps_dtype_along_axis(name, float_dtype):
    entry = CATALOGUE[name]
    # Every axis has even length, because glu splits its axis in halves.
    x = np.linspace(-3, 3, 48).reshape(2, 4, 6).astype(float_dtype)
    for axis in (-1, 0, 1):
        result = entry.function(x, axis=axis)
        assert result.dtype == float_dtype
        tangent = np.ones(result.shape, dtype=float_dtype)
        assert entry.vjp(x, tangent, axis=axis).dtype == float_dtype
        assert entry.derivative(x, axis=axis).dtype == float_dtype


@pytest.mark.parametrize("name", VECTOR)
def test_vector_no_warning_on_extreme_rows(name, float_dtype):
    entry = CATALOGUE[name]
    info = np.finfo(float_dtype)
    rows = np.array(
        [
            [-np.inf, 0.0, 1.0, 2.0],
            [info.max, -info.max, 0.0, 1.0],
            [np.inf, np.inf, 0.0, -np.inf],
            [np.nan, 0.0, 1.0, 2.0],
            [info.smallest_subnormal, 0.0, -0.0, 1.0],
        ],
        dtype=float_dtype,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = entry.function(rows)
        entry.derivative(rows)
        entry.vjp(rows, np.ones_like(result))
    assert np.isnan(result[3]).all() or np.isnan(result[3]).any(), "a NaN row gave no NaN"
    assert not np.isnan(result[[0, 1, 4]]).any(), f"{name} gave NaN for finite rows: {result}"


@pytest.mark.parametrize("name", VECTOR)
def test_vector_integers_give_float64(name):
    entry = CATALOGUE[name]
    assert entry.function([[1, 2, 3, 4], [2, 4, 5, 6]]).dtype == np.float64


def test_parameter_beyond_float64_names_parameter():
    with pytest.raises(ValueError, match=r"alpha is an integer of 401 digits, beyond the float64 range"):
        nonlin.elu(np.array([1.0]), alpha=10**400)


def test_parameter_as_zero_d_array_accepted():
    x = np.array([-1.0, 2.0])
    np.testing.assert_array_equal(nonlin.elu(x, alpha=np.array(0.5)), nonlin.elu(x, alpha=0.5))

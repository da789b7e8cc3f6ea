"""Why each nonlin function is slower than its fastest peer: the primitives it is bound by.

`CAUSES[label][operation][dtype]` is a dict with

* ``reason``: one line, naming the primitives the implementation calls and
  what the accuracy bar (4 ULP over the whole range of the dtype) makes it
  do, such as computing float32 in float64 or carrying double-double
  products;
* ``primitives``: keys of primitives.py, the limiting one first, so that
  the benchmark page can show the measured NumPy / PyTorch ratio of that
  primitive beside the reason;
* ``computes_in``: the dtype the primitives run in, which is float64 for
  float32 input that is widened and rounded once at the end.

`label` is the catalogue name, or ``name[variant]`` for a variant, and
`operation` is ``function``, ``derivative`` or ``vjp``, as in the results
of run.py. Each reason describes the code in src/nonlin, with the default
parameters and the benchmark's input; change it with that code. "In
blocks" means the function runs through ``in_blocks`` or ``blockwise``
(src/nonlin/_validation.py), which evaluate 65536 elements at a time so
that the temporaries stay in cache. A pass is one NumPy call over every
element, or over every element of a block, and a call on the elements of
one branch counts in proportion. Pass counts leave out the conversions at
the ends: the astype of float32 input, the rounding of a float32 result
and the copy of a block's float64 result into the output.

This module is plain data and the standard library, because report.py
(standard library and matplotlib only) loads it by path.
"""

__all__ = ["CAUSES", "DTYPES", "cause"]

DTYPES = ("float32", "float64")


def _cause(reason, primitives, computes_in):
    return {"reason": reason, "primitives": tuple(primitives), "computes_in": computes_in}


def _same(reason, *primitives):
    """Return one cause for both dtypes, each computed in its own dtype."""
    return {dtype: _cause(reason, primitives, dtype) for dtype in DTYPES}


def _widened(reason, *primitives):
    """Return one cause for both dtypes, with float32 computed in float64 and rounded once."""
    return {dtype: _cause(reason, primitives, "float64") for dtype in DTYPES}


def _cast(reason, *primitives):
    """Return one cause for both dtypes computed in float64, where float32 input is first converted by astype."""
    return {
        "float32": _cause(reason, (*primitives, "astype_float64"), "float64"),
        "float64": _cause(reason, primitives, "float64"),
    }


def _split(float32, float64):
    """Return separate causes for float32 and float64: ``(reason, primitives, computes_in)`` each."""
    return {"float32": _cause(*float32), "float64": _cause(*float64)}


# Reasons shared by several entries.
_STEP = "a comparison, a NaN test (isnan and any) and the cast of the mask to the dtype"
_LIFTED_STEP = _STEP + ", then a clip that lifts the 0s to the slope in place of a select: five passes"
_WIDE = "float32 is computed in float64 for the 4-ULP bar"
_SIGN_MAXIMUM = "np.maximum of e and the 0/1 sign mask"

CAUSES = {
    # Rectifiers
    "relu": {
        "function": _split(
            ("np.clip to [0, inf), because np.maximum with a scalar misses NumPy's float32 SIMD loop, and an "
             "addition of +0 that turns -0.0 into +0: two passes",
             ("clip",), "float32"),
            ("one np.maximum(x, 0) into a new array", ("maximum",), "float64"),
        ),
        "derivative": _same(_STEP + ": four passes", "greater"),
    },
    "leaky_relu": {
        "function": _same("slope times x, then np.maximum with x in place of a select: two passes",
                          "multiply", "maximum"),
        "derivative": _same(_LIFTED_STEP, "greater", "clip"),
    },
    "elu": {
        "function": _same(
            "expm1 of min(x, 0), because exp(x) - 1 cancels near 0, then np.maximum with x in place of a "
            "select: three passes",
            "expm1", "maximum",
        ),
        "derivative": _same(
            "exp of the negative side (one exp and one clip), then np.maximum with the 0/1 mask of x > 0 in "
            "place of a select: four passes",
            "exp", "maximum", "greater",
        ),
    },
    "relu6": {
        "function": _same("np.clip to [0, 6] and an addition of +0 that turns -0.0 into +0: two passes", "clip"),
        "derivative": _same(
            "two comparisons and their logical and, then a NaN test (isnan and any) and the cast of the mask "
            "to the dtype: six passes",
            "greater",
        ),
    },
    "prelu": {
        "function": _same(
            "with the default scalar weight, weight times x and np.maximum with x: two passes; an array "
            "weight takes two data-dependent selects (np.where) and a NaN test",
            "multiply", "maximum",
        ),
        "derivative": _same("with the default scalar weight, " + _LIFTED_STEP, "greater", "clip"),
    },
    "rrelu": {
        "function": _same(
            "evaluation mode is leaky ReLU with the mean slope: slope times x and np.maximum with x, two passes",
            "multiply", "maximum",
        ),
        "derivative": _same("in evaluation mode (leaky ReLU with the mean slope), " + _LIFTED_STEP,
                            "greater", "clip"),
    },
    "threshold": {
        "function": _split(
            ("with the default value = threshold, np.clip to [0, inf) and an addition of +0 that turns -0.0 "
             "into +0: two passes; other values take a branch-free bitwise select on the comparison mask",
             ("clip",), "float32"),
            ("with the default value = threshold, one np.maximum into a new array; other values take a "
             "branch-free bitwise select on the comparison mask",
             ("maximum",), "float64"),
        ),
        "derivative": _same(_STEP + ": four passes", "greater"),
    },
    "celu": {
        "function": _same(
            "expm1 of x / alpha clipped to [-800 alpha, 0] (no division at the default alpha = 1), plus "
            "max(x, 0) from a second clip in place of a select, and a mask of tiny negative quotients that "
            "take x: eight passes",
            "expm1", "clip",
        ),
        "derivative": _split(
            ("exp of x / alpha clipped to [-800 alpha, 0], which is exactly 1 for x > 0 (no division at the "
             "default alpha = 1): two passes",
             ("exp", "clip"), "float32"),
            ("exp of x / alpha (no division at the default alpha = 1) clipped to [0, 1], then np.maximum "
             "with the 0/1 mask of x > 0 in place of a select: four passes",
             ("exp", "maximum", "greater"), "float64"),
        ),
    },
    "selu": {
        "function": _same(
            "expm1 of min(x, 0) for accuracy near 0, scaled and added to scale * max(x, 0) from a clip, in "
            "place of a select: six passes",
            "expm1", "clip", "multiply",
        ),
        "derivative": _split(
            ("exp of the negative side (a clip and exp), times a factor from the 0/1 mask of x <= 0 that a "
             "clip raises to the positive slope, with no select: six passes",
             ("exp", "multiply"), "float32"),
            ("exp of the negative side (exp and a clip), scaled, then the minimum with a factor from the 0/1 "
             "mask of x <= 0, with no select: seven passes",
             ("exp", "multiply"), "float64"),
        ),
    },
    "isrlu": {
        "function": _same(
            "a min-reduction that checks that no x^2 can overflow, then min(x, 0) / sqrt(1 + alpha min(x, 0)^2) "
            "and np.maximum with x in place of a select: seven passes",
            "sqrt", "divide", "maximum",
        ),
        "derivative": _split(
            ("a min-reduction that checks that no x^2 can overflow, then (1 / b) / sqrt(b) with "
             "b = 1 + alpha min(x, 0)^2, which is 1 for x >= 0: seven passes",
             ("sqrt", "divide"), "float32"),
            ("a min-reduction that checks that no x^2 can overflow, then np.power(b, -1.5) with "
             "b = 1 + alpha min(x, 0)^2, which is 1 for x >= 0: five passes",
             ("power",), "float64"),
        ),
    },
    # Smooth rectifiers
    "gelu": {
        "function": _split(
            ("in blocks: x * ndtr(x) in float64 (astype, a floor at -40, ndtr and a product), rounded once, "
             "because float32 arithmetic cannot reach the subnormal tail (gelu(-14) is about 1e-43) within 4 ULP",
             ("ndtr", "astype_float64"), "float64"),
            ("in blocks: a NaN-zeroing select (np.where) and a split at |x| = 6 by boolean indexing; for "
             "|x| <= 6 a 16-term polynomial around the nearest of 49 table points plus double-double table "
             "values (21 gathers) and a sign select (np.where), erfcx beyond: about 75 passes",
             ("take", "multiply", "boolean_index", "where"), "float64"),
        ),
        "derivative": _split(
            ("in blocks: x phi(x) + ndtr(x) in float64 from one exp and scipy's ndtr, after a clip to +-40: "
             "eight passes; " + _WIDE,
             ("ndtr", "exp"), "float64"),
            ("in blocks: a NaN-zeroing select (np.where) and a split at |x| = 6 by boolean indexing; for "
             "|x| <= 6 two 16-term polynomials around the nearest of 49 table points (38 gathers), a "
             "double-double product and a sign select (np.where), erfcx beyond: about 145 passes",
             ("take", "multiply", "boolean_index", "where"), "float64"),
        ),
    },
    "gelu[tanh]": {
        "function": _split(
            ("in blocks: exp of the tanh argument and a division, with two data-dependent selects (np.where) "
             "and one that zeroes NaN: 20 passes; " + _WIDE,
             ("where", "exp", "astype_float64"), "float64"),
            ("in blocks: the tanh argument and the final quotient in double-double (Dekker products), because "
             "one rounding of x^3 would break the bar: about 145 passes around one exp, five of them selects "
             "(np.where)",
             ("multiply", "where", "exp"), "float64"),
        ),
        "derivative": _split(
            ("in blocks: exp of the tanh argument, a numerator for each sign merged by a data-dependent select "
             "(np.where) over (1 + e)^2, and a select that zeroes NaN: 30 passes; " + _WIDE,
             ("exp", "multiply", "where", "astype_float64"), "float64"),
            ("in blocks: split by sign with boolean indexing, each side with exp and a double-double argument, "
             "the negative side also a double-double product and quotient: about 220 passes",
             ("multiply", "exp", "boolean_index"), "float64"),
        ),
    },
    "silu": {
        "function": _cast(
            "in blocks: exp(-|x|), then 1 or e (" + _SIGN_MAXIMUM + ") over 1 + e, times max(x, -800): "
            "nine passes; " + _WIDE,
            "exp", "divide",
        ),
        "derivative": _split(
            ("in blocks: (x e + e + max(e^2, sign mask)) / (1 + e)^2 with e = exp(-|x|), one branch-free form "
             "for both signs: 13 passes; " + _WIDE,
             ("exp", "divide", "multiply"), "float64"),
            ("in blocks: a NaN-zeroing select (np.where), then a split by sign with boolean indexing; the "
             "negative side, where the derivative crosses zero, takes a double-double product and quotient: "
             "about 57 passes",
             ("multiply", "exp", "boolean_index"), "float64"),
        ),
    },
    "mish": {
        "function": _split(
            ("in blocks: exp(-|x|) and a rational form for each sign merged by a data-dependent select "
             "(np.where), plus selects that zero NaN and pass x beyond 800: 24 passes; " + _WIDE,
             ("exp", "where", "divide", "astype_float64"), "float64"),
            ("in blocks: split by sign with boolean indexing; exp, then double-double sums, products and a "
             "quotient on each side, so that tanh(softplus(x)) does not cancel: about 95 passes",
             ("multiply", "exp", "boolean_index"), "float64"),
        ),
        "derivative": _split(
            ("in blocks: exp(-|x|) and a rational form for each sign, both on every element and merged by a "
             "data-dependent select (np.where), plus a select that zeroes NaN: 44 passes; " + _WIDE,
             ("multiply", "exp", "where", "divide", "astype_float64"), "float64"),
            ("in blocks: split by sign with boolean indexing; the negative side in double-double, where the "
             "derivative crosses zero: about 100 passes",
             ("multiply", "exp", "boolean_index"), "float64"),
        ),
    },
    "softplus": {
        "function": _cast(
            "in blocks: max(x, 0) + log(u) + c/u with u = 1 + exp(-|x|) and c the rounding error of u, in "
            "place of NumPy's slower log1p: 15 passes; " + _WIDE,
            "exp", "log", "divide",
        ),
        "derivative": _cast(
            "in blocks: exp(-|x|), then 1 or e (" + _SIGN_MAXIMUM + ") over 1 + e: nine passes; " + _WIDE,
            "exp", "divide",
        ),
    },
    "squareplus": {
        "function": _split(
            ("in blocks: one float64 sqrt(x^2 + b), then (|x| + root) / 2 and its conjugate "
             "b / (2 (|x| + root)) picked by a sign trick with np.maximum, with no select: 13 passes; " + _WIDE,
             ("multiply", "sqrt", "divide", "astype_float64"), "float64"),
            ("in blocks: one sqrt(x^2 + b), then (|x| + root) / 2 and its conjugate b / (2 (|x| + root)) "
             "picked by a sign trick with np.maximum, with no select, and a test for |x| > 2^500: 16 passes",
             ("multiply", "sqrt", "divide"), "float64"),
        ),
        "derivative": _split(
            ("in blocks: the function's 13 passes, then the slope as the value over the root: 14 passes; " + _WIDE,
             ("multiply", "sqrt", "divide", "astype_float64"), "float64"),
            ("in blocks: sqrt(x^2 + b), the value and the slope in double-double, because one rounding of x^2 "
             "would break the slope's bound, with five selects (np.where), one of them zeroing NaN: about "
             "165 passes",
             ("multiply", "where", "divide", "sqrt"), "float64"),
        ),
    },
    "sparse_plus": {
        "function": _cast(
            "np.maximum of x and the quadratic (clip(x, -1, 1) + 1)^2 / 4, with no select: five passes; " + _WIDE,
            "clip", "maximum", "multiply",
        ),
        "derivative": _same("clip, shift and halve in the dtype of x: three passes", "clip"),
    },
    "hard_swish": {
        "function": _same(
            "shift, three clamps (np.maximum and two np.clip), a division and a product: six passes against "
            "one fused kernel",
            "maximum", "clip", "multiply", "divide",
        ),
        "derivative": _same(
            "a clipped ramp (clip, scale, shift and divide) times the 0/1 mask of -3 < x < 3, plus the 0/1 "
            "mask of x >= 3, each mask compared and cast to the dtype: 12 passes",
            "greater", "clip", "multiply",
        ),
    },
    # Squashing
    "sigmoid": {
        "function": _same(
            "in blocks: exp(-|x|), then 1 or e (" + _SIGN_MAXIMUM + ") over 1 + e: seven passes",
            "exp", "divide", "maximum",
        ),
        "derivative": _same("in blocks: e / (1 + e)^2 with e = exp(-|x|), because s (1 - s) cancels: six passes",
                            "exp", "divide"),
    },
    "tanh": {
        "function": _same("np.tanh alone: NumPy's tanh kernel against PyTorch's", "tanh"),
        "derivative": _same(
            "4e / (1 + e)^2 with e = exp(-|x|) squared, because 1 - tanh^2 cancels: nine passes, each into "
            "a new array",
            "exp", "divide", "multiply",
        ),
    },
    "log_sigmoid": {
        "function": _split(
            ("in blocks: exp(-|x|) in float32, then log1p(e) = 2 atanh(e / (2 + e)) from a 9-term series in "
             "float64, because NumPy's float32 log1p is slow, and min(x, 0): 27 passes",
             ("multiply", "exp"), "float64"),
            ("min(x, 0) - log1p(exp(-|x|)), so that nothing overflows or cancels: six passes, each into a new "
             "array",
             ("log1p", "exp"), "float64"),
        ),
        "derivative": _same(
            "in blocks: the logistic of -x, as in sigmoid: exp(-|x|), then 1 or e over 1 + e, seven passes",
            "exp", "divide", "maximum",
        ),
    },
    "hard_sigmoid": {
        "function": _split(
            ("clip to the kinks +-3 in float32, then the shift and the division in a new float64 array, "
             "rounded once, because in float32 the kink 1/(2 slope) overflows or turns subnormal for extreme slopes: "
             "three passes",
             ("divide", "clip"), "float64"),
            ("clip, shift and divide, in place in one new array: three passes", ("clip", "divide"), "float64"),
        ),
        "derivative": _same("|x|, " + _STEP + ", then a scale: six passes", "greater"),
    },
    "sparse_sigmoid": {
        "function": _same("clip, shift and scale, each into a new array: three passes", "clip"),
        "derivative": _same("|x|, " + _STEP + ", then a scale: six passes", "greater"),
    },
    "hard_tanh": {
        "function": _same("one np.clip into a new array, as the textbook form", "clip"),
        "derivative": _same(
            "two comparisons and their logical and, then a NaN test (isnan and any) and the cast of the mask "
            "to the dtype: six passes",
            "greater",
        ),
    },
    "softsign": {
        "function": _same(
            "clip to the finite range (so that inf gives 1), |x|, 1 + |x| and a division, each into a new "
            "array: four passes",
            "divide", "clip",
        ),
        "derivative": _split(
            ("in blocks: 1 / (1 + |x|)^2 in float64, where it needs no correction: four passes; " + _WIDE,
             ("divide", "multiply"), "float64"),
            ("in blocks: 1 / (1 + |x|)^2 with a first-order correction for the rounding of 1 + |x| and a "
             "rescaling by a 0/1 mask where the square would overflow, with no select: 19 passes",
             ("multiply", "divide"), "float64"),
        ),
    },
    "arctan": {
        "function": _same("np.arctan alone: NumPy's arctan kernel against PyTorch's", "arctan"),
        "derivative": _split(
            ("in blocks: 1 / (1 + x^2) in float64, where the square of a float32 is exact and finite: three "
             "passes; " + _WIDE,
             ("divide", "multiply"), "float64"),
            ("in blocks: 1 / (1 + x^2) with |x| rescaled by a 0/1 mask from 2^511 on, where x^2 would "
             "overflow, and the scale taken out by two products, with no select: nine passes",
             ("multiply", "divide"), "float64"),
        ),
    },
    "isru": {
        "function": _widened(
            "in blocks: x / sqrt(1 + alpha x^2) after a clip against overflow: six passes; float32 is "
            "computed in float64, because alpha x^2 spans more than float32's exponent range",
            "sqrt", "divide",
        ),
        "derivative": _split(
            ("in blocks: (1 / sqrt(b)) / b with b = 1 + alpha x^2, after a clip against overflow: seven "
             "passes; float32 is computed in float64, because alpha x^2 spans more than float32's exponent range",
             ("sqrt", "divide"), "float64"),
            ("in blocks: (1 + alpha x^2)^-1.5 by np.power, after a clip against overflow: five passes",
             ("power",), "float64"),
        ),
    },
    # Shrinkage
    "hardshrink": {
        "function": _same(
            "|x|, a comparison written into the result as 0.0 and 1.0, x times that mask in place of a "
            "select, and + 0 for the sign of zero: four passes",
            "multiply", "greater",
        ),
        "derivative": _same(
            "|x|, a comparison written into the result as 0.0 and 1.0, and a NaN test (isnan and any): "
            "four passes",
            "greater",
        ),
    },
    "softshrink": {
        "function": _same("clip and subtract, in a new array: two passes", "clip"),
        "derivative": _same(
            "|x|, a comparison written into the result as 0.0 and 1.0, and a NaN test (isnan and any): "
            "four passes",
            "greater",
        ),
    },
    "tanhshrink": {
        "function": _split(
            ("in blocks: x - tanh(x) cancels for |x| < 2, so a 7-level continued fraction (7 divisions) runs "
             "beside tanh on every element, blended by a 0/1 mask product: 26 passes",
             ("tanh", "divide"), "float32"),
            ("in blocks: a 12-level continued fraction for |x| < 2, where x - tanh(x) cancels, beside "
             "(|x| - 1) + 2e / (1 + e) with e = exp(-|x|)^2 on every element, blended by a 0/1 mask product: "
             "44 passes, 13 of them divisions",
             ("divide", "exp"), "float64"),
        ),
        "derivative": _same("tanh(x)^2: np.tanh and a product", "tanh"),
    },
    # Other
    "identity": {
        "function": _same("a copy into a new array, because nonlin never returns its input", "copy"),
        "derivative": _same("one np.clip(x, 1, 1) into a new array, which gives 1 for every number and NaN for NaN",
                            "clip"),
    },
    "binary_step": {
        "function": _same(_STEP + ": four passes", "greater"),
        "derivative": _same("zeros written into a new array, then a NaN test (isnan and any) to restore NaN", "copy"),
    },
    "bent_identity": {
        "function": _widened(
            "in blocks: sqrt(x^2 + 1) after a clip against overflow, then a quotient and a product: nine "
            "passes; " + _WIDE,
            "sqrt", "divide",
        ),
        "derivative": _widened(
            "in blocks: sqrt(x^2 + 1) after a clip against overflow, then a quotient: seven passes; " + _WIDE,
            "sqrt", "divide",
        ),
    },
    "gaussian": {
        "function": _split(
            ("in blocks: exp(-x^2) in float64, where the square of a float32 is exact: three passes; " + _WIDE,
             ("exp", "multiply"), "float64"),
            ("in blocks: x^2 exactly as a double-double (Veltkamp split), a range shift by a 0/1 mask and "
             "products instead of selects, exp with a first-order correction and a scale: 24 passes, because "
             "one rounding of x^2 would cost up to x^2 ULP",
             ("exp", "multiply"), "float64"),
        ),
        "derivative": _split(
            ("in blocks: -2x exp(-x^2) in float64 after a clip, where the square of a float32 is exact: six "
             "passes; " + _WIDE,
             ("exp", "multiply"), "float64"),
            ("in blocks: the function's double-double square, masked range shift and corrected exp, times -2x: "
             "26 passes",
             ("exp", "multiply"), "float64"),
        ),
    },
    "sinusoid": {
        "function": _same("np.sin alone: NumPy's sin kernel against PyTorch's", "sin"),
        "derivative": _same("np.cos alone: NumPy's cos kernel against PyTorch's", "cos"),
    },
    "sinc": {
        "function": _widened(
            "in blocks: sin(|x|) / |x| with |x| raised to 2^-30 and capped at the largest float, so that 0 "
            "and inf need no special case: five passes; " + _WIDE,
            "sin", "divide",
        ),
        "derivative": _widened(
            "in blocks: sin and cos with (cos - sinc) / x, and a 12-term series for |x| < 1.5, where that "
            "difference cancels, both on every element and blended by a 0/1 mask product, and an isinf test: "
            "about 42 passes; " + _WIDE,
            "cos", "sin", "multiply",
        ),
    },
    "exponential": {
        "function": _widened(
            "np.exp alone, which casts float32 input to float64 inside the ufunc loop and rounds once into "
            "the result; " + _WIDE,
            "exp",
        ),
        "derivative": _widened(
            "np.exp alone, which casts float32 input to float64 inside the ufunc loop and rounds once into "
            "the result; " + _WIDE,
            "exp",
        ),
    },
    # Vector-valued
    "softmax": {
        "function": _widened(
            "for |x| <= 700, as in the benchmark, exp without the max-shift: a min and a max pass for that "
            "check, exp, sum and division, five passes; " + _WIDE,
            "exp",
        ),
        "vjp": _widened("the softmax passes, then s (u - sum(s u)): nine passes; " + _WIDE, "exp", "multiply"),
    },
    "log_softmax": {
        "function": _widened(
            "argmax for the first maximum and a min pass for the range check, exp without the max-shift "
            "(|x| <= 700 in the benchmark), the sum of the other terms with log1p per row, then x minus the "
            "double-double log-sum: six passes; " + _WIDE,
            "exp",
        ),
        "vjp": _widened(
            "the softmax passes (range check, exp without the max-shift, sum and division), then u - s sum(u): "
            "nine passes; " + _WIDE,
            "exp", "multiply",
        ),
    },
    "softmin": {
        "function": _widened(
            "softmax of -x: a negation and the softmax passes, with exp without the max-shift (|x| <= 700 "
            "in the benchmark): six passes; " + _WIDE,
            "exp",
        ),
        "vjp": _widened("the softmin passes, then the product with u: ten passes; " + _WIDE, "exp", "multiply"),
    },
    "sparsemax": {
        "function": _widened(
            "the row maximum and x - max in float64, then only the entries within 2 of the maximum (about 2% "
            "in the benchmark) gathered, sorted and summed for the threshold, and max(z - threshold, 0): "
            "about ten passes; " + _WIDE,
            "maximum", "take", "where",
        ),
        "vjp": _widened(
            "the sparsemax threshold as for the function, then the support mask and s (u - mean of u over the "
            "support): about 14 passes; " + _WIDE,
            "maximum", "take", "multiply",
        ),
    },
    "glu": {
        "function": _split(
            ("a min pass that checks b >= -80, where the float32 gate stays normal, then the sigmoid of the "
             "second half b in float32 (exp(-|b|), then 1 or e over 1 + e) times the first half: about five "
             "passes over x",
             ("exp", "divide"), "float32"),
            ("the sigmoid of the second half b (exp(-|b|), then 1 or e over 1 + e) times the first half, and "
             "an isinf test of the first half for the limit inf * 0: about five passes over x",
             ("exp", "divide"), "float64"),
        ),
        "vjp": _split(
            ("a min and a max pass that check |b| <= 80, then the sigmoid and its derivative of the second "
             "half b in float32 from one exp(-|b|), and products with the first half (in float64) and u written "
             "into the two halves of the result: about seven passes over x",
             ("exp", "divide", "multiply"), "float32"),
            ("the sigmoid and its derivative of the second half b from one exp(-|b|), the first half times "
             "the slope with an isinf test for the limit inf * 0, and products with u written into the two "
             "halves of the result: about seven passes over x",
             ("exp", "divide", "multiply"), "float64"),
        ),
    },
}


def cause(label, operation, dtype):
    """Return the cause for one row of the results, or None where none is recorded."""
    return CAUSES.get(label, {}).get(operation, {}).get(dtype)

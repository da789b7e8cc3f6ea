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
of run.py. Each reason describes the code in src/nonlin; change it with
that code. This module is plain data and the standard library, because
report.py (standard library and matplotlib only) loads it by path.
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


def _split(float32, float64):
    """Return separate causes for float32 and float64: ``(reason, primitives, computes_in)`` each."""
    return {"float32": _cause(*float32), "float64": _cause(*float64)}


# Reasons shared by several entries.
_STEP = "step from a comparison: compare, cast the mask to the dtype and restore NaN, one pass each"
_SELECT = "data-dependent select (np.where, or a lookup by the mask) and a NaN-restoring pass"
_WIDE = "float32 is computed in float64 for the 4-ULP bar"

CAUSES = {
    # Rectifiers
    "relu": {
        "function": _same("one branch-free clamp to x >= 0 into a new array", "maximum", "clip"),
        "derivative": _same(_STEP, "greater"),
    },
    "leaky_relu": {
        "function": _same("slope times x, then a branch-free select (np.maximum): two passes", "maximum", "multiply"),
        "derivative": _same(_SELECT, "where"),
    },
    "elu": {
        "function": _same(
            "expm1 of min(x, 0), because exp(x) - 1 cancels near 0, then scale and select: four passes",
            "expm1", "maximum",
        ),
        "derivative": _same("exp of min(x, 0) times a " + _SELECT, "exp", "where"),
    },
    "relu6": {
        "function": _same("branch-free clamps to [0, 6] into a new array", "clip", "maximum"),
        "derivative": _same("two comparisons and their logical and, then the cast and NaN-restoring passes", "greater"),
    },
    "prelu": {
        "function": _same(
            "with a scalar weight, weight times x and a branch-free select; an array weight adds a " + _SELECT,
            "maximum", "multiply",
        ),
        "derivative": _same(_SELECT, "where"),
    },
    "rrelu": {
        "function": _same("evaluation mode is leaky ReLU with the mean slope: a multiply and a select pass",
                          "maximum", "multiply"),
        "derivative": _same(_SELECT, "where"),
    },
    "threshold": {
        "function": _same(
            "np.maximum where value equals threshold (the defaults), else a data-dependent select (np.where)",
            "maximum", "where",
        ),
        "derivative": _same(_STEP, "greater"),
    },
    "celu": {
        "function": _same(
            "expm1(x / alpha) for accuracy near 0, a clip against overflow and two data-dependent selects (np.where)",
            "expm1", "where", "divide",
        ),
        "derivative": _same("exp of x / alpha after a clip against overflow: clip, divide and exp passes",
                            "exp", "divide"),
    },
    "selu": {
        "function": _same("expm1 of min(x, 0) for accuracy near 0, then a " + _SELECT, "expm1", "where"),
        "derivative": _same("exp of min(x, 0) times a " + _SELECT, "exp", "where"),
    },
    "isrlu": {
        "function": _same(
            "x / sqrt(1 + alpha x^2) in two forms so that x^2 cannot overflow, both computed everywhere "
            "and merged by data-dependent selects (np.where)",
            "where", "sqrt", "divide",
        ),
        "derivative": _same(
            "(1 + alpha x^2)^-1.5 by np.power beside an overflow-safe form for large |x|, merged by "
            "data-dependent selects (np.where)",
            "power", "where",
        ),
    },
    # Smooth rectifiers
    "gelu": {
        "function": _split(
            ("x * ndtr(x) in float64, rounded once, because float32 arithmetic cannot reach the "
             "subnormal tail (gelu(-14) is about 1e-43) within 4 ULP",
             ("ndtr", "astype_float64"), "float64"),
            ("|x| <= 6: a 16-term polynomial around the nearest of 49 table points (16 gathers) added to "
             "double-double table values; |x| > 6: erfcx; split by boolean indexing; about 90 NumPy passes",
             ("take", "multiply", "boolean_index", "erfcx"), "float64"),
        ),
        "derivative": _split(
            ("erfcx, exp of a Dekker-split square and a data-dependent select (np.where), about 40 NumPy "
             "passes; " + _WIDE,
             ("erfcx", "exp", "where", "astype_float64"), "float64"),
            ("|x| <= 6: two 16-term polynomials around the nearest of 49 table points (32 gathers) and a "
             "double-double product; |x| > 6: erfcx; split by boolean indexing; about 140 NumPy passes",
             ("take", "multiply", "boolean_index", "erfcx"), "float64"),
        ),
    },
    "gelu[tanh]": {
        "function": _split(
            ("exp of the tanh argument, two data-dependent selects (np.where) and a division; " + _WIDE,
             ("exp", "where", "astype_float64"), "float64"),
            ("the tanh argument and the final quotient in double-double (Dekker products), because one "
             "rounding of x^3 would break the bar: about 140 NumPy passes around one exp",
             ("multiply", "exp", "where"), "float64"),
        ),
        "derivative": _split(
            ("exp and a polynomial with two data-dependent selects (np.where) and a division; " + _WIDE,
             ("exp", "where", "astype_float64"), "float64"),
            ("split by sign with boolean indexing, each side with exp and a double-double argument, the "
             "negative side also a double-double product and quotient: about 430 NumPy calls",
             ("multiply", "exp", "boolean_index"), "float64"),
        ),
    },
    "silu": {
        "function": _widened(
            "exp(-|x|), a data-dependent select (np.where), a division and a product; " + _WIDE,
            "exp", "where", "astype_float64",
        ),
        "derivative": _split(
            ("exp(-|x|), two branch formulas merged by a data-dependent select (np.where); " + _WIDE,
             ("exp", "where", "astype_float64"), "float64"),
            ("split by sign with boolean indexing; exp, then a double-double product and quotient on the "
             "negative side, where the derivative crosses zero: about 100 NumPy passes",
             ("multiply", "exp", "boolean_index"), "float64"),
        ),
    },
    "mish": {
        "function": _split(
            ("exp(-|x|), rational forms for each sign merged by a data-dependent select (np.where); " + _WIDE,
             ("exp", "where", "divide", "astype_float64"), "float64"),
            ("split by sign with boolean indexing; exp, then double-double sums, products and a quotient "
             "on each side, so that tanh(softplus(x)) does not cancel: about 180 NumPy passes",
             ("multiply", "exp", "boolean_index"), "float64"),
        ),
        "derivative": _split(
            ("exp(-|x|), two polynomial quotients merged by a data-dependent select (np.where); " + _WIDE,
             ("exp", "where", "divide", "astype_float64"), "float64"),
            ("split by sign with boolean indexing; the negative side in double-double, where the "
             "derivative crosses zero: about 180 NumPy passes",
             ("multiply", "exp", "boolean_index"), "float64"),
        ),
    },
    "softplus": {
        "function": _widened(
            "log1p(exp(-|x|)) plus max(x, 0), so that nothing overflows or cancels; " + _WIDE,
            "log1p", "exp", "astype_float64",
        ),
        "derivative": _widened(
            "exp(-|x|), a data-dependent select (np.where) and a division; " + _WIDE,
            "exp", "where", "astype_float64",
        ),
    },
    "squareplus": {
        "function": _split(
            ("sqrt(x^2 + b) in forms safe from overflow and cancellation for both signs, merged by "
             "data-dependent selects (np.where); " + _WIDE,
             ("where", "hypot", "astype_float64"), "float64"),
            ("x^2 + b and its square root in double-double (Dekker products), then a "
             "cancellation-free quotient for x < 0 and data-dependent selects (np.where)",
             ("multiply", "where", "sqrt"), "float64"),
        ),
        "derivative": _split(
            ("the overflow-safe forms of the function plus their slopes, merged by data-dependent "
             "selects (np.where); " + _WIDE,
             ("where", "hypot", "astype_float64"), "float64"),
            ("the double-double root of the function plus two double-double quotients, merged by "
             "data-dependent selects (np.where)",
             ("multiply", "where", "divide"), "float64"),
        ),
    },
    "sparse_plus": {
        "function": _widened("clip, square and a data-dependent select (np.where); " + _WIDE,
                             "where", "clip", "astype_float64"),
        "derivative": _widened("clip and scale; " + _WIDE,
                               "clip", "astype_float64"),
    },
    "hard_swish": {
        "function": _same("shift, two clamps, a division and a product: about six passes against one fused kernel",
                          "maximum", "multiply", "divide"),
        "derivative": _same(
            "a clipped ramp and two comparison masks cast to the dtype: about ten passes",
            "greater", "clip", "multiply",
        ),
    },
    # Squashing
    "sigmoid": {
        "function": _same("exp(-|x|), then 1 or e over 1 + e by a branch-free select: six passes", "exp", "divide"),
        "derivative": _same("e / (1 + e)^2 with e = exp(-|x|), because s (1 - s) cancels: six passes",
                            "exp", "divide"),
    },
    "tanh": {
        "function": _same("np.tanh alone: NumPy's tanh kernel against PyTorch's", "tanh"),
        "derivative": _same("4e / (1 + e)^2 with e = exp(-2|x|), because 1 - tanh^2 cancels: about seven passes",
                            "exp", "divide"),
    },
    "log_sigmoid": {
        "function": _same("min(x, 0) - log1p(exp(-|x|)), so that nothing overflows or cancels: six passes",
                          "log1p", "exp"),
        "derivative": _same("the logistic of -x: exp(-|x|) and a division, six passes", "exp", "divide"),
    },
    "hard_sigmoid": {
        "function": _widened(
            "clip, shift and divide in float64, because in float32 the kink 1/(2 slope) overflows or turns "
            "subnormal for extreme slopes",
            "clip", "astype_float64",
        ),
        "derivative": _same(_STEP + ", then a scale", "greater"),
    },
    "sparse_sigmoid": {
        "function": _same("clip, shift and scale: three passes", "clip"),
        "derivative": _same(_STEP + ", then a scale", "greater"),
    },
    "hard_tanh": {
        "function": _same("one np.clip into a new array, as the textbook form", "clip"),
        "derivative": _same("two comparisons and their logical and, then the cast and NaN-restoring passes",
                            "greater"),
    },
    "softsign": {
        "function": _same("clip to the finite range (so that inf gives 1), |x|, 1 + |x| and a division",
                          "divide", "clip"),
        "derivative": _same(
            "1 / (1 + |x|)^2 with a correction for the rounding of 1 + |x| and an overflow-safe square, "
            "merged by a data-dependent select (np.where)",
            "where", "divide",
        ),
    },
    "arctan": {
        "function": _same("np.arctan alone: NumPy's arctan kernel against PyTorch's", "arctan"),
        "derivative": _same("1 / (1 + x^2) beside an overflow-safe 1 / |x| / |x|, merged by a data-dependent "
                            "select (np.where)", "where", "divide"),
    },
    "isru": {
        "function": _widened("x / sqrt(1 + alpha x^2) after a clip against overflow; " + _WIDE,
                             "sqrt", "astype_float64"),
        "derivative": _widened("(1 + alpha x^2)^-1.5 by np.power after a clip against overflow; " + _WIDE,
                               "power", "astype_float64"),
    },
    # Shrinkage
    "hardshrink": {
        "function": _same("|x|, a comparison and a data-dependent select (np.where)", "where"),
        "derivative": _same("|x| and a " + _STEP, "greater"),
    },
    "softshrink": {
        "function": _same("clip and subtract, in a new array", "clip"),
        "derivative": _same("|x| and a " + _STEP, "greater"),
    },
    "tanhshrink": {
        "function": _same(
            "x - tanh(x) cancels for |x| < 2, so a continued fraction (5 or 10 divisions) runs beside tanh "
            "on every element, merged by a data-dependent select (np.where)",
            "tanh", "divide", "where",
        ),
        "derivative": _same("tanh(x)^2: np.tanh and a product", "tanh"),
    },
    # Other
    "identity": {
        "function": _same("a copy into a new array, because nonlin never returns its input", "copy"),
        "derivative": _same("an array of ones, then a NaN test and a masked copy to restore NaN", "copy"),
    },
    "binary_step": {
        "function": _same(_STEP, "greater"),
        "derivative": _same("an array of zeros, then a NaN test and a masked copy to restore NaN", "copy"),
    },
    "bent_identity": {
        "function": _widened("np.hypot(x, 1) after a clip against overflow, then a quotient and a product; " + _WIDE,
                             "hypot", "divide", "astype_float64"),
        "derivative": _widened("np.hypot(x, 1) after a clip against overflow, then a quotient; " + _WIDE,
                               "hypot", "divide", "astype_float64"),
    },
    "gaussian": {
        "function": _split(
            ("exp(-x^2), where the square of a float32 is exact in float64; " + _WIDE,
             ("exp", "astype_float64"), "float64"),
            ("x^2 exactly as a double-double (Dekker split), three selects for the range shift, exp "
             "and ldexp: one rounding of x^2 would cost x^2 ULP",
             ("exp", "multiply", "where"), "float64"),
        ),
        "derivative": _split(
            ("-2x exp(-x^2), where the square of a float32 is exact in float64; " + _WIDE,
             ("exp", "astype_float64"), "float64"),
            ("x^2 exactly as a double-double (Dekker split), three selects for the range shift, exp, "
             "a product and ldexp",
             ("exp", "multiply", "where"), "float64"),
        ),
    },
    "sinusoid": {
        "function": _same("np.sin alone: NumPy's sin kernel against PyTorch's", "sin"),
        "derivative": _same("np.cos alone: NumPy's cos kernel against PyTorch's", "cos"),
    },
    "sinc": {
        "function": _widened("sin(x) / x with masked copies for x = 0 and infinite x; " + _WIDE,
                             "sin", "divide", "astype_float64"),
        "derivative": _widened(
            "sin and cos, (cos - sinc) / x, and a 12-term series on every element for |x| < 1.5, where "
            "that difference cancels; " + _WIDE,
            "cos", "sin", "multiply", "astype_float64",
        ),
    },
    "exponential": {
        "function": _widened("np.exp alone; " + _WIDE, "exp", "astype_float64"),
        "derivative": _widened("np.exp alone; " + _WIDE, "exp", "astype_float64"),
    },
    # Vector-valued
    "softmax": {
        "function": _split(
            ("max-shift, exp, sum and division; " + _WIDE, ("exp", "astype_float64"), "float64"),
            ("max-shift with its rounding error carried (three passes), exp corrected by that error, "
             "sum and division", ("exp", "multiply"), "float64"),
        ),
        "vjp": _split(
            ("the softmax passes, then s (u - sum(s u)); " + _WIDE, ("exp", "astype_float64"), "float64"),
            ("the error-carrying softmax passes, then s (u - sum(s u))", ("exp", "multiply"), "float64"),
        ),
    },
    "log_softmax": {
        "function": _split(
            ("max-shift, exp, a mask for the first maximum, sum, log1p and subtract; " + _WIDE,
             ("exp", "log1p", "astype_float64"), "float64"),
            ("max-shift with its rounding error carried, exp, a mask for the first maximum (cumsum), "
             "sum and log1p", ("exp", "log1p"), "float64"),
        ),
        "vjp": _split(
            ("the softmax passes, then u - s sum(u); " + _WIDE, ("exp", "astype_float64"), "float64"),
            ("the error-carrying softmax passes, then u - s sum(u)", ("exp", "multiply"), "float64"),
        ),
    },
    "softmin": {
        "function": _split(
            ("softmax of -x: max-shift, exp, sum and division; " + _WIDE,
             ("exp", "astype_float64"), "float64"),
            ("softmax of -x with the max-shift's rounding error carried", ("exp", "multiply"), "float64"),
        ),
        "vjp": _split(
            ("the softmax passes on -x, then the product with u: " + _WIDE,
             ("exp", "astype_float64"), "float64"),
            ("the error-carrying softmax passes on -x, then the product with u", ("exp", "multiply"), "float64"),
        ),
    },
    "sparsemax": {
        "function": _widened(
            "a sort of each row, a cumulative sum and several data-dependent selects (np.where) that keep "
            "infinite and NaN rows right; " + _WIDE,
            "where", "astype_float64",
        ),
        "vjp": _widened("sparsemax itself, then the mean of u over the support; " + _WIDE,
                        "where", "astype_float64"),
    },
    "glu": {
        "function": _widened(
            "the sigmoid of one half (six passes) times the other, with a select for infinite values; " + _WIDE,
            "exp", "where", "astype_float64",
        ),
        "vjp": _widened(
            "the sigmoid and its derivative of one half, products with u, a select for infinite values and "
            "a concatenation; " + _WIDE,
            "exp", "where", "astype_float64",
        ),
    },
}


def cause(label, operation, dtype):
    """Return the cause for one row of the results, or None where none is recorded."""
    return CAUSES.get(label, {}).get(operation, {}).get(dtype)

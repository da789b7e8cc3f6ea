"""Catalogue entries of the rectifiers."""

import math

import nonlin
from nonlin._rectifiers import _SELU_SCALE_ALPHA
from nonlin.catalogue._types import Activation, Interval, Kink, Parameter, Reference

ENTRIES = (
    Activation(
        name="relu",
        title="Rectified linear unit",
        family="rectifiers",
        function=nonlin.relu,
        derivative=nonlin.relu_derivative,
        summary="Passes positive inputs and zeroes the rest; the default hidden unit of deep networks.",
        formula=r"\operatorname{relu}(x) = \max(x, 0)",
        derivative_formula=r"\operatorname{relu}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
        output_range=Interval(0.0, math.inf, True, False, r"[0, \infty)"),
        monotonic="non-decreasing",
        smoothness=0,
        zero_centred=False,
        kinks=(Kink(0.0, 0.0, "left derivative, as PyTorch, JAX and TensorFlow"),),
        cost="1 comparison",
        reference=Reference(
            "V. Nair and G. E. Hinton (2010), Rectified linear units improve restricted Boltzmann machines, ICML",
            "https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf",
        ),
    ),
    Activation(
        name="leaky_relu",
        title="Leaky ReLU",
        family="rectifiers",
        function=nonlin.leaky_relu,
        derivative=nonlin.leaky_relu_derivative,
        summary="A ReLU with a small slope for negative inputs, so that no unit stops learning.",
        formula=r"\mathrm{leaky\_relu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases}",
        derivative_formula=r"\mathrm{leaky\_relu}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}",
        parameters=(Parameter("negative_slope", 0.01, "slope a for negative input", "any finite value"),),
        output_range=Interval(-math.inf, math.inf, False, False, r"(-\infty, \infty)"),
        monotonic="increasing",
        smoothness=0,
        zero_centred=True,
        kinks=(Kink(0.0, 0.01, "left derivative (negative_slope), as PyTorch; JAX gives 1"),),
        cost="1 comparison, 1 multiplication",
        reference=Reference(
            "A. L. Maas, A. Y. Hannun and A. Y. Ng (2013), Rectifier nonlinearities improve "
            "neural network acoustic models, ICML workshop",
            "https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf",
        ),
    ),
    Activation(
        name="elu",
        title="Exponential linear unit",
        family="rectifiers",
        function=nonlin.elu,
        derivative=nonlin.elu_derivative,
        summary="Identity for positive inputs and a smooth exponential saturation to -alpha for negative ones.",
        formula=r"\operatorname{elu}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
        derivative_formula=(
            r"\operatorname{elu}'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}"
        ),
        parameters=(Parameter("alpha", 1.0, "negative saturation value", "finite, > 0"),),
        output_range=Interval(-1.0, math.inf, False, False, r"(-\alpha, \infty)"),
        monotonic="increasing",
        # With the default alpha = 1 both one-sided derivatives at 0 are 1,
        # and the second derivatives (0 and 1) differ.
        smoothness=1,
        zero_centred=True,
        kinks=(),
        cost="1 expm1, 1 comparison",
        reference=Reference(
            "D.-A. Clevert, T. Unterthiner and S. Hochreiter (2016), Fast and accurate deep network "
            "learning by exponential linear units (ELUs), ICLR",
            "https://arxiv.org/abs/1511.07289",
        ),
    ),
    Activation(
        name="relu6",
        title="ReLU6",
        family="rectifiers",
        function=nonlin.relu6,
        derivative=nonlin.relu6_derivative,
        summary="A ReLU capped at 6, which keeps activations in a range that low-precision arithmetic holds.",
        formula=r"\mathrm{relu6}(x) = \min(\max(x, 0), 6)",
        derivative_formula=(
            r"\mathrm{relu6}'(x) = \begin{cases} 1 & 0 < x < 6 \\ 0 & \text{otherwise} \end{cases}"
        ),
        output_range=Interval(0.0, 6.0, True, True, "[0, 6]"),
        monotonic="non-decreasing",
        smoothness=0,
        zero_centred=False,
        kinks=(
            Kink(0.0, 0.0, "0 at both kinks, as PyTorch, JAX and TensorFlow"),
            Kink(6.0, 0.0, "0 at both kinks, as PyTorch, JAX and TensorFlow"),
        ),
        cost="2 comparisons",
        reference=Reference(
            "A. Krizhevsky (2010), Convolutional deep belief networks on CIFAR-10, unpublished manuscript",
            "https://www.cs.toronto.edu/~kriz/conv-cifar10-aug2010.pdf",
        ),
    ),
    Activation(
        name="prelu",
        title="Parametric ReLU",
        family="rectifiers",
        function=nonlin.prelu,
        derivative=nonlin.prelu_derivative,
        summary="A leaky ReLU whose negative slope is learned, often one slope per channel.",
        formula=r"\operatorname{prelu}(x) = \begin{cases} x & x > 0 \\ w x & x \le 0 \end{cases}",
        derivative_formula=(
            r"\frac{\partial \operatorname{prelu}}{\partial x} = \begin{cases} 1 & x > 0 \\ w & x \le 0 \end{cases}"
        ),
        parameters=(
            Parameter(
                "weight",
                0.25,
                "negative slope w: a scalar, or an array that broadcasts to x (shape (C, 1, 1) for one "
                "slope per channel of (N, C, H, W) input); 0.25 is the initial value of PyTorch's nn.PReLU",
                "finite values",
            ),
        ),
        output_range=Interval(-math.inf, math.inf, False, False, r"(-\infty, \infty)"),
        monotonic="increasing",
        smoothness=0,
        zero_centred=True,
        kinks=(Kink(0.0, 0.25, "left derivative (the weight), as PyTorch; Keras gives 0"),),
        cost="1 comparison, 1 multiplication",
        reference=Reference(
            "K. He, X. Zhang, S. Ren and J. Sun (2015), Delving deep into rectifiers: surpassing "
            "human-level performance on ImageNet classification, ICCV",
            "https://arxiv.org/abs/1502.01852",
        ),
    ),
    Activation(
        name="rrelu",
        title="Randomized leaky ReLU",
        family="rectifiers",
        function=nonlin.rrelu,
        derivative=nonlin.rrelu_derivative,
        summary=(
            "A leaky ReLU whose slope is drawn at random for each element in training "
            "and fixed to the mean slope in evaluation."
        ),
        formula=(
            r"\operatorname{rrelu}(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases},"
            r"\quad a \sim U(l, u) \text{ in training}, \quad a = \tfrac{l + u}{2} \text{ in evaluation}"
        ),
        derivative_formula=r"\operatorname{rrelu}'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}",
        parameters=(
            Parameter("lower", 1 / 8, "lower bound l of the slopes", "finite, >= 0"),
            Parameter("upper", 1 / 3, "upper bound u of the slopes", "finite, >= lower"),
            Parameter("training", False, "draw one random slope per element instead of the mean", "True or False"),
            Parameter(
                "rng",
                None,
                "numpy.random.Generator that the training slopes are drawn from",
                "a Generator, required when training is True",
            ),
        ),
        output_range=Interval(-math.inf, math.inf, False, False, r"(-\infty, \infty)"),
        monotonic="increasing",
        smoothness=0,
        zero_centred=True,
        kinks=(Kink(0.0, 11 / 48, "left derivative (the mean slope (l + u) / 2), as PyTorch"),),
        cost="1 comparison, 1 multiplication (and 1 uniform draw in training)",
        reference=Reference(
            "B. Xu, N. Wang, T. Chen and M. Li (2015), Empirical evaluation of rectified activations "
            "in convolutional network, arXiv:1505.00853",
            "https://arxiv.org/abs/1505.00853",
        ),
    ),
    Activation(
        name="threshold",
        title="Threshold",
        family="rectifiers",
        function=nonlin.threshold,
        derivative=nonlin.threshold_derivative,
        summary="Keeps inputs above a threshold and replaces the rest by a fixed value; the defaults give the ReLU.",
        formula=r"\operatorname{threshold}(x) = \begin{cases} x & x > t \\ v & x \le t \end{cases}",
        derivative_formula=r"\operatorname{threshold}'(x) = \begin{cases} 1 & x > t \\ 0 & x \le t \end{cases}",
        parameters=(
            Parameter(
                "threshold",
                0.0,
                "threshold t; PyTorch's nn.Threshold has no default, and 0 here gives the ReLU",
                "any finite value",
            ),
            Parameter("value", 0.0, "replacement v for inputs at or below t", "finite, within the dtype of x"),
        ),
        output_range=Interval(0.0, math.inf, True, False, r"[0, \infty)"),
        monotonic="non-decreasing",
        # With the defaults t = v = 0 the function is continuous; any v != t
        # makes it jump at t.
        smoothness=0,
        zero_centred=False,
        kinks=(Kink(0.0, 0.0, "left derivative, 0 at the threshold, as PyTorch"),),
        cost="1 comparison",
        reference=Reference(
            "PyTorch documentation, torch.nn.Threshold",
            "https://pytorch.org/docs/stable/generated/torch.nn.Threshold.html",
        ),
    ),
    Activation(
        name="celu",
        title="Continuously differentiable ELU",
        family="rectifiers",
        function=nonlin.celu,
        derivative=nonlin.celu_derivative,
        summary="An ELU rescaled so that its derivative is continuous at 0 for every alpha.",
        formula=r"\operatorname{celu}(x) = \max(0, x) + \min\bigl(0, \alpha\,(e^{x/\alpha} - 1)\bigr)",
        derivative_formula=(
            r"\operatorname{celu}'(x) = \begin{cases} 1 & x > 0 \\ e^{x/\alpha} & x \le 0 \end{cases}"
        ),
        parameters=(Parameter("alpha", 1.0, "negative saturation value", "finite, > 0"),),
        output_range=Interval(-1.0, math.inf, False, False, r"(-\alpha, \infty)"),
        monotonic="increasing",
        # f' is 1 on both sides of 0 for every alpha, and f'' jumps from 1/alpha to 0.
        smoothness=1,
        zero_centred=True,
        kinks=(),
        cost="1 division, 1 expm1, 1 comparison",
        reference=Reference(
            "J. T. Barron (2017), Continuously differentiable exponential linear units, arXiv:1704.07483",
            "https://arxiv.org/abs/1704.07483",
        ),
    ),
    Activation(
        name="selu",
        title="Scaled exponential linear unit",
        family="rectifiers",
        function=nonlin.selu,
        derivative=nonlin.selu_derivative,
        summary="A scaled ELU whose constants keep activations at zero mean and unit variance through deep networks.",
        formula=(
            r"\operatorname{selu}(x) = \lambda \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}"
        ),
        derivative_formula=(
            r"\operatorname{selu}'(x) = \begin{cases} \lambda & x > 0 \\ \lambda\alpha\,e^{x} & x \le 0 \end{cases}"
        ),
        output_range=Interval(-_SELU_SCALE_ALPHA, math.inf, False, False, r"(-\lambda\alpha, \infty)"),
        monotonic="increasing",
        smoothness=0,
        zero_centred=True,
        kinks=(
            Kink(0.0, _SELU_SCALE_ALPHA, "left derivative (scale * alpha), as PyTorch and JAX; TensorFlow gives scale"),
        ),
        cost="1 expm1, 1 multiplication, 1 comparison",
        reference=Reference(
            "G. Klambauer, T. Unterthiner, A. Mayr and S. Hochreiter (2017), Self-normalizing neural networks, NeurIPS",
            "https://arxiv.org/abs/1706.02515",
        ),
    ),
    Activation(
        name="isrlu",
        title="Inverse square root linear unit",
        family="rectifiers",
        function=nonlin.isrlu,
        derivative=nonlin.isrlu_derivative,
        summary="Identity for positive inputs and an ELU-like saturation built from an inverse square root.",
        formula=(
            r"\operatorname{isrlu}(x) = \begin{cases} x & x \ge 0 \\ \dfrac{x}{\sqrt{1 + \alpha x^2}} & x < 0 \end{cases}"
        ),
        derivative_formula=(
            r"\operatorname{isrlu}'(x) = \begin{cases} 1 & x \ge 0 \\ (1 + \alpha x^2)^{-3/2} & x < 0 \end{cases}"
        ),
        parameters=(Parameter("alpha", 1.0, "sets the negative saturation value -1/sqrt(alpha)", "finite, > 0"),),
        output_range=Interval(-1.0, math.inf, False, False, r"(-1/\sqrt{\alpha}, \infty)"),
        monotonic="increasing",
        # f' (1) and f'' (0) agree on both sides of 0; the third derivative
        # jumps from -3 alpha to 0.
        smoothness=2,
        zero_centred=True,
        kinks=(),
        cost="1 square root, 1 division, 2 multiplications, 1 comparison",
        reference=Reference(
            "B. Carlile, G. Delamarter, P. Kinney, A. Marti and B. Whitney (2017), Improving deep learning "
            "by inverse square root linear units (ISRLUs), arXiv:1710.09967",
            "https://arxiv.org/abs/1710.09967",
        ),
    ),
)

"""Shared fixtures."""

import numpy as np
import pytest

from sampling import FLOAT_DTYPES


@pytest.fixture(params=FLOAT_DTYPES, ids=lambda d: np.dtype(d).name)
def float_dtype(request):
    return request.param

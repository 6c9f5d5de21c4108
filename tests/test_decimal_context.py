"""The caller's decimal context never changes a result.

Every public calculation is run twice, in the default context and in a hostile one (three
digits of precision, rounding toward -∞, traps on Inexact and Rounded), and the two
outcomes (values, messages, frames, or the errors raised) must be identical.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics import _decimal
from lawgov_metrics.results import CheckResult
from lawgov_metrics.rounding import SCHEMES

HOSTILE = decimal.Context(
    prec=3,
    rounding=decimal.ROUND_FLOOR,
    traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation, decimal.DivisionByZero,
           decimal.Overflow],
)  # fmt: skip


def _plain(value: object) -> object:
    """A comparable form that keeps what == would hide (Decimal('12.50') vs '12.5')."""
    if isinstance(value, CheckResult):
        details = sorted((k, repr(v)) for k, v in value.details.items())
        return (value.check, value.status, value.reason, value.message, repr(value.observed),
                repr(value.expected), details)  # fmt: skip
    if isinstance(value, pd.DataFrame):
        return {col: [repr(v) for v in value[col].tolist()] for col in value.columns}
    return repr(value)


def _outcome(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> object:
    try:
        return ("value", _plain(fn(*args, **kwargs)))
    except Exception as exc:  # the error raised is part of the outcome
        return ("raised", type(exc).__name__, str(exc))


def assert_context_free(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    normal = _outcome(fn, *args, **kwargs)
    with decimal.localcontext(HOSTILE):
        hostile = _outcome(fn, *args, **kwargs)
    assert hostile == normal, (fn.__name__, args, kwargs)


# --- the cases of the report ----------------------------------------------------------------


def test_reported_cases_under_precision_3() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        assert lm.round_fraction("12345.678", 2) == Decimal("12345.68")
        assert str(lm.round_fraction("12345.678", 2)) == "12345.68"
        share = pd.DataFrame({"total": [1497], "reported": [Decimal("98.73")]})
        assert list(lm.check_share_frame(share)["status"]) == ["pass"]
        rows = [(466, 786, Decimal("68.67")), (1000, 1631, Decimal("63.10")),
                (80, 70, Decimal("-12.5")), (123457, 234568, Decimal("90.00"))]  # fmt: skip
        growth = pd.DataFrame(rows, columns=["prior", "current", "reported"])
        assert list(lm.verify_growth_frame(growth)["status"]) == ["pass"] * 4
        assert lm.pp_change("62.1", "65.3") == Decimal("3.2")
        assert lm.parse_quantity("12345.678%").negated().value == Decimal("-12345.678")


def test_helpers_ignore_the_context() -> None:
    with decimal.localcontext(HOSTILE):
        assert _decimal.subtract(Decimal("12345.678"), Decimal("0.001")) == Decimal("12345.677")
        assert _decimal.dsum([Decimal("1234.5"), Decimal("0.05")]) == Decimal("1234.55")
        assert str(_decimal.negate(Decimal("98765.4321"))) == "-98765.4321"
        assert str(_decimal.normalize(Decimal("12345.6780"))) == "12345.678"
        assert str(_decimal.quantize(Decimal("68.665"), 2)) == "68.66"  # half to even
        assert str(_decimal.scaled(-1234567, -3)) == "-1234.567"


# --- properties ----------------------------------------------------------------------------

decimals_text = st.builds(
    lambda n, d: format(Decimal(n).scaleb(-d), "f"), st.integers(-(10**9), 10**9),
    st.integers(0, 6),
)  # fmt: skip
rates = st.one_of(
    decimals_text, decimals_text.map(Decimal), st.integers(-200, 10**6), st.floats(-1e6, 1e6),
    st.sampled_from(["", "x", None, "６８．６７%"]),
)  # fmt: skip
counts = st.one_of(st.integers(-5, 10**7), st.integers(2**60, 2**70), decimals_text.map(Decimal))
schemes = st.sampled_from(SCHEMES)


@given(prior=counts, current=counts, reported=rates, scheme=schemes)
def test_growth_calculations_are_context_free(
    prior: object, current: object, reported: object, scheme: str
) -> None:
    assert_context_free(lm.verify_growth, prior=prior, current=current, reported=reported,
                        scheme=scheme)  # fmt: skip
    assert_context_free(lm.implied_prior, current, reported, scheme=scheme)
    assert_context_free(lm.integer_priors, current, reported, scheme=scheme)
    assert_context_free(lm.growth_rate, prior, current)
    assert_context_free(lm.check_share, prior, reported, current, scheme=scheme)
    assert_context_free(lm.share_counts, prior, reported, scheme=scheme)


@given(a=rates, b=rates, c=rates, scheme=schemes)
def test_rate_calculations_are_context_free(a: object, b: object, c: object, scheme: str) -> None:
    assert_context_free(lm.pp_change, a, b)
    assert_context_free(lm.verify_pp_change, prior_rate=a, current_rate=b, reported=c,
                        scheme=scheme)  # fmt: skip
    assert_context_free(lm.unround, a, scheme=scheme)
    assert_context_free(lm.rounds_to, Fraction(1, 3), a, scheme=scheme)


@given(x=st.one_of(decimals_text, st.fractions(), st.integers()), places=st.integers(-12, 12),
       scheme=schemes)  # fmt: skip
def test_rounding_is_context_free(x: object, places: int, scheme: str) -> None:
    assert_context_free(lm.round_fraction, x, places, scheme)
    assert_context_free(lm.unround, x, decimals=abs(places), scheme=scheme)


@given(text=st.sampled_from(["27亿条", "1.2万件", "28300余条", "68.67%", "12345.678万元",
                             "三万五千人次", "约1.25万", "0.0100%", "98765.4321件"]))  # fmt: skip
def test_quantities_are_context_free(text: str) -> None:
    assert_context_free(lambda: _quantity_facts(lm.parse_quantity(text)))


def _quantity_facts(q: lm.Quantity) -> tuple[object, ...]:
    return (q.value, q.resolution, q.decimals, q.negated().value, str(q.bounds()),
            str(q.bounds("half_even")))  # fmt: skip


@given(
    rows=st.lists(st.tuples(counts, counts, rates), min_size=1, max_size=30),
    scheme=schemes,
    exact=st.sampled_from([False, True, "int64"]),
)
def test_frames_are_context_free(
    rows: list[tuple[object, object, object]], scheme: str, exact: object
) -> None:
    df = pd.DataFrame(rows, columns=["prior", "current", "reported"], dtype=object)
    assert_context_free(lm.verify_growth_frame, df, scheme=scheme, exact=exact)
    share = df.rename(columns={"prior": "total", "current": "count"})
    assert_context_free(lm.check_share_frame, share, count="count", scheme=scheme, exact=exact)


TEXT = (
    "2023年,全区共收到行政复议申请786宗,同比增长68.67%;其中,新收12345件,上年结转30件。"
    "办结率达98.73%,比上年提高3.2个百分点。共办理政府信息公开申请1497件,其中予以公开1478件。"
)


@pytest.mark.parametrize("scheme", ["half_up", "half_even"])
def test_a_report_reads_the_same(scheme: str) -> None:
    assert_context_free(lambda: lm.extract(TEXT).to_frame())
    assert_context_free(lambda: [str(q.bounds(scheme)) for q in
                                 (f.quantity for f in lm.extract(TEXT).figures)])  # fmt: skip


SEED = Path(__file__).parent / "data" / "huadu-2023.txt"


def test_the_check_catalogue_is_context_free() -> None:
    def run() -> list[tuple[str, str, str]]:
        report = lm.read_report(SEED)
        return [(r.check, r.status.value, r.message) for r in lm.check([report, report])]

    assert_context_free(run)

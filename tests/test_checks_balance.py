"""Tests of :mod:`lawgov_metrics.checks.balance`: received + carried in = concluded +
carried out (= handled). The oracle is integer arithmetic on generated balances."""

from __future__ import annotations

from check_builders import ARITHMETIC, POSITIONAL, STATED, balance_doc, only
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.results import Status

FAST = settings(max_examples=200, deadline=None)


def balanced(rep: lm.Report) -> lm.CheckResult:
    return only(checks.check_balance_sum(rep), "balance.sum")


def test_balance_holds_and_names_every_term() -> None:
    """受理申请870件（未包含上年结转25件），其中已办结880件，结转下年15件: 870 + 25 = 880 + 15."""
    r = balanced(balance_doc(870, 25, 880, 15))
    assert (r.status, r.reason) == (Status.PASS, "")
    for shown in ("received “870件” (870)", "carried in “25件” (25)", "concluded “880件” (880)",
                  "carried out “15件” (15)", "handled not printed"):  # fmt: skip
        assert shown in r.message
    assert [f.value for f in r.figures] == [870, 25, 880, 15]


def test_balance_that_does_not_hold_fails_when_stated() -> None:
    r = balanced(balance_doc(870, 25, 880, 16))
    assert (r.status, r.reason) == (Status.FAIL, "balance_mismatch")
    assert "received + carried in = 895 but concluded + carried out = 896" in r.message
    assert "the reading is certain: the text states the balance" in r.message


def test_handled_total() -> None:
    """办理申请152件(含上年结转6件): handled = received + carried in."""
    assert balanced(balance_doc(146, 6, 150, 2, handled=152)).status is Status.PASS
    r = balanced(balance_doc(146, 6, None, None, handled=150))
    assert (r.status, r.reason) == (Status.FAIL, "balance_mismatch")
    assert "handled = 150 but received + carried in = 152" in r.message
    assert balanced(balance_doc(None, None, 150, 2, handled=152)).status is Status.PASS


def test_missing_terms_check_what_can_be_checked() -> None:
    # no carry-in printed: 870 received can still not exceed 880 + 15
    assert balanced(balance_doc(870, None, 880, 15)).status is Status.PASS
    r = balanced(balance_doc(900, None, 880, 15))
    assert (r.status, r.reason) == (Status.FAIL, "balance_mismatch")
    assert "carried in (not printed)" in r.message
    # one side only: nothing to compare
    for rep in (balance_doc(870, 25, None, None), balance_doc(None, None, 880, 15)):
        u = balanced(rep)
        assert (u.status, u.reason) == (Status.UNDECIDABLE, "balance_incomplete")


def test_units_that_do_not_count_alike_are_undecidable() -> None:
    d = balance_doc(870, 25, 880, 15)
    (claim,) = d.claims
    assert isinstance(claim, lm.BalanceClaim)
    assert claim.carried_out is not None
    people = lm.Figure(quantity=lm.parse_quantity("15人"), subject="结转", quote="15人")
    odd = lm.Report(text=d.text, claims=[lm.BalanceClaim(
        received=claim.received, carried_in=claim.carried_in, concluded=claim.concluded,
        carried_out=people)])  # fmt: skip
    r = balanced(odd)
    assert (r.status, r.reason) == (Status.UNDECIDABLE, "unit_mismatch")


def test_a_balance_that_is_not_stated_never_fails() -> None:
    for binding in (POSITIONAL, ARITHMETIC):
        r = balanced(balance_doc(870, 25, 880, 16, binding=binding))
        assert (r.status, r.reason) == (Status.WARN, "balance_mismatch")
    # the configured statuses of the other families do not reach it
    rep = balance_doc(870, 25, 880, 16, binding=POSITIONAL)
    res = lm.check(rep, checks=["balance"], inferred_sum_status=Status.FAIL,
                   inferred_share_status=Status.FAIL)  # fmt: skip
    assert [r.status for r in res] == [Status.WARN]


def test_positional_balance_tries_the_alternatives() -> None:
    r = balanced(balance_doc(870, 25, 880, 16, binding=POSITIONAL, others=[30]))
    assert (r.status, r.reason) == (Status.WARN, "balance_mismatch")
    assert "“30件” (does not balance in place of any term)" in r.message
    ok = balanced(balance_doc(870, 25, 880, 16, binding=POSITIONAL, others=[30, 15]))
    assert (ok.status, ok.reason) == (Status.PASS, "alternative_fits")


balances = st.tuples(st.integers(0, 5000), st.integers(0, 300), st.integers(0, 300)).map(
    lambda t: (t[0], t[1], t[0] + t[1] - min(t[2], t[0] + t[1]), min(t[2], t[0] + t[1]))
)


@FAST
@given(
    terms=balances,
    shown=st.tuples(*[st.booleans()] * 5),
    handled=st.booleans(),
    binding=st.sampled_from([STATED, POSITIONAL, ARITHMETIC]),
)
def test_property_genuine_balances_never_fail(
    terms: tuple[int, int, int, int],
    shown: tuple[bool, ...],
    handled: bool,
    binding: lm.Binding,
) -> None:
    received, carried_in, _, _ = terms
    values = [v if keep else None for v, keep in zip(terms, shown, strict=False)]
    rep = balance_doc(*values, handled=received + carried_in if handled else None, binding=binding)
    assert balanced(rep).status in (Status.PASS, Status.UNDECIDABLE)


@FAST
@given(
    terms=balances,
    which=st.integers(0, 4),
    delta=st.integers(1, 50),
    up=st.booleans(),
    binding=st.sampled_from([STATED, POSITIONAL, ARITHMETIC]),
)
def test_property_mutated_balances_are_flagged(
    terms: tuple[int, int, int, int], which: int, delta: int, up: bool, binding: lm.Binding
) -> None:
    """All five terms printed, one of them changed: FAIL when STATED, else WARN."""
    values = [*terms, terms[0] + terms[1]]  # received, in, concluded, out, handled
    values[which] = max(0, values[which] + (delta if up else -delta))
    assume(values != [*terms, terms[0] + terms[1]])  # not clipped back to the truth at zero
    received, carried_in, concluded, carried_out, handled = values
    rep = balance_doc(
        received, carried_in, concluded, carried_out, handled=handled, binding=binding
    )
    r = balanced(rep)
    assert r.status is (Status.FAIL if binding is STATED else Status.WARN)

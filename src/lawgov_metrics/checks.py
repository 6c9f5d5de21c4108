"""The catalogue of consistency checks, and :func:`check` to run it.

Each check finds figures that cannot all be true and says why, with the numbers and the
quotes it used. Every check has a stable id, is a documented public function usable on its
own (``check_growth_implied_prior(report)``), and is listed in :data:`CHECKS`. Checks that
compare reports (``growth.prior_report``, ``streak.sequence``, ``restated.figure`` and the
cross-report halves of ``growth.direction`` and ``pp_change.rates``) run on every pair of
reports that line up: the same jurisdiction (or no jurisdiction on any report) and
consecutive years (equal years for ``restated.figure``).

============================ ======= ==========================================================
id                           scope   what it finds
============================ ======= ==========================================================
growth.implied_prior         report  a growth rate no integer prior-year count can produce
                                     (FAIL); otherwise the implied prior (PASS, INFO); with a
                                     printed basis (较2022年558件) the growth is verified directly
growth.prior_report          pair    a growth claim against last year's report's own figure
growth.direction             both    同比增长 with a current value below last year's (or 下降 above)
share.granularity            report  a rate of a stated count no integer numerator can produce
                                     (GRIM); a count tied to the rate only by inference: WARN
share.range                  report  a share (a rate in %) below 0% or above 100%
share.all_100                report  100% written next to counts that say not all
breakdown.part_exceeds_whole report  a part larger than its whole (same unit only)
breakdown.sum                report  parts that should add up to their total but do not
duplicate.value              report  one value on two different indicators (WARN)
pp_change.rates              both    a percentage-point change against the two rates
streak.sequence              pair    连续N年 that does not follow last year's 连续N-1年
restated.figure              pair    a later report restating a figure for an earlier year
                                     differently (a printed basis, a carry-over)
============================ ======= ==========================================================

Statuses: FAIL means the figures cannot all be true under the rounding scheme; WARN means
they are suspicious or the tie between them is only inferred; PASS means the check was made
and held; UNDECIDABLE means the check could not be made (the ``reason`` says why). A check
that raises unexpectedly gives one UNDECIDABLE result with reason ``internal_error`` rather
than stopping the run.

Examples:
    >>> from decimal import Decimal
    >>> import lawgov_metrics as lm
    >>> fig = lm.Figure(quantity=lm.Quantity(value=Decimal(786), unit="宗", text="786宗"),
    ...                 subject="收到行政复议申请", quote="786宗", span=(0, 4))
    >>> rate = lm.Quantity(value=Decimal("68.67"), unit="%", text="68.67%",
    ...                    resolution=Decimal("0.01"), rounded=True)
    >>> claim = lm.GrowthClaim(figure=fig, rate=rate, subject="收到行政复议申请",
    ...                        quote="同比增长68.67%", span=(5, 15))
    >>> report = lm.Report(text="786宗,同比增长68.67%", figures=[fig], claims=[claim],
    ...                    jurisdiction="花都区", year=2023)
    >>> [r] = check_growth_implied_prior(report)
    >>> r.status, r.details["candidates"]
    (<Status.PASS: 'pass'>, range(466, 467))
"""

from __future__ import annotations

import functools
import math
import re
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, NamedTuple, Protocol, TypeVar, overload

import attrs

from .records import (
    BreakdownClaim,
    Figure,
    GrowthClaim,
    PPChangeClaim,
    Qualifier,
    Quantity,
    Report,
    ShareClaim,
    StreakClaim,
)
from .results import CheckReport, CheckResult, Severity, Status
from .rounding import SCHEMES, Interval, Scheme, positive_part

__all__ = [
    "CHECKS",
    "CheckConfig",
    "CheckSpec",
    "check",
    "check_breakdown_part_exceeds_whole",
    "check_breakdown_sum",
    "check_duplicate_value",
    "check_growth_direction",
    "check_growth_implied_prior",
    "check_growth_prior_report",
    "check_pp_change_rates",
    "check_restated_figure",
    "check_share_all_100",
    "check_share_granularity",
    "check_share_range",
    "check_streak_sequence",
    "line_up",
    "subject_key",
]


def _to_status(value: Status | str) -> Status:
    return value if isinstance(value, Status) else Status(value)


def _to_severity_map(
    value: Mapping[str | Status, Severity] | None,
) -> Mapping[str | Status, Severity]:
    return types.MappingProxyType(dict(value or {}))


def _check_scheme(_inst: object, _attribute: object, value: str) -> None:
    if value not in SCHEMES:
        raise ValueError(f"unknown rounding scheme {value!r}; expected one of {', '.join(SCHEMES)}")


def _check_more_than(_inst: object, _attribute: object, value: str) -> None:
    if value not in ("next_unit", "unbounded"):
        raise ValueError(f"more_than must be 'next_unit' or 'unbounded', got {value!r}")


def _check_digits(_inst: object, _attribute: object, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"duplicate_min_digits must be an int >= 1, got {value!r}")


@attrs.frozen(kw_only=True)
class CheckConfig:
    """Settings shared by every check (the keyword arguments of :func:`check`).

    Attributes:
        scheme: Rounding scheme used to unround every written figure (default ``half_up``,
            四舍五入).
        more_than: How 余/多/逾/超 widen a figure: ``"next_unit"`` (``28300余`` is
            ``[28300, 28400)``) or ``"unbounded"`` (``[28300, ∞)``).
        duplicate_min_digits: ``duplicate.value`` only looks at values with at least this
            many significant digits (trailing zeros of an integer do not count).
        inferred_share_status: Status given by ``share.granularity`` and ``share.all_100``
            when a rate fails but its count was only inferred from a neighbouring sentence
            (default WARN).
        inferred_sum_status: Status given by ``breakdown.sum`` when a breakdown whose
            completeness was only inferred from the shape of its list
            (``confidence="inferred"``, e.g. several outcomes of a disposed total) does not
            add up (default WARN); a list the text says is complete still FAILs.
        severity: Severity overrides. A key that is a check id sets the severity of that
            check's FAIL and WARN results; a key that is a :class:`Status` sets it for every
            result with that status (a check id wins over a status).

    Examples:
        >>> CheckConfig().scheme
        'half_up'
        >>> CheckConfig(scheme="sideways")
        Traceback (most recent call last):
        ...
        ValueError: unknown rounding scheme 'sideways'; expected one of half_up, ...
    """

    scheme: Scheme = attrs.field(default="half_up", validator=_check_scheme)
    more_than: Literal["next_unit", "unbounded"] = attrs.field(
        default="next_unit", validator=_check_more_than
    )
    duplicate_min_digits: int = attrs.field(default=3, validator=_check_digits)
    inferred_share_status: Status = attrs.field(default=Status.WARN, converter=_to_status)
    inferred_sum_status: Status = attrs.field(default=Status.WARN, converter=_to_status)
    severity: Mapping[str | Status, Severity] = attrs.field(
        factory=dict, converter=_to_severity_map
    )


ReportCheck = Callable[[Report, CheckConfig], list[CheckResult]]
PairCheck = Callable[[Report, Report, CheckConfig], list[CheckResult]]
_C = TypeVar("_C")


@attrs.frozen(kw_only=True)
class CheckSpec:
    """One entry of the catalogue.

    Attributes:
        id: The stable id (``"growth.implied_prior"``).
        title: One line saying what the check finds.
        scope: ``"report"`` (one report at a time), ``"pair"`` (two reports that line up)
            or ``"both"``.
        function: The public function running the check alone on a report or a list of
            reports.
        per_report: The single-report half, if any.
        per_pair: The cross-report half, if any, called as ``per_pair(earlier, later,
            config)``.
    """

    id: str
    title: str
    scope: Literal["report", "pair", "both"]
    function: Callable[..., list[CheckResult]]
    per_report: ReportCheck | None = None
    per_pair: PairCheck | None = None


# ---------------------------------------------------------------------------------------
# exact numbers and intervals (rounding.Interval) for messages and comparisons


def _entirely_above(a: Interval, b: Interval) -> bool:
    """Whether every number of ``a`` exceeds every number of ``b``."""
    return (
        a.lower is not None
        and b.upper is not None
        and (a.lower > b.upper or (a.lower == b.upper and not (a.lower_closed and b.upper_closed)))
    )


def _integers_within(iv: Interval, lo: int, hi: int | None = None) -> range:
    """The integers of ``iv`` in ``[lo, hi]`` (``hi=None``: no upper limit beyond ``iv``'s).

    Examples:
        >>> _integers_within(Interval(lower="1.5", upper=None), 0, 4)
        range(2, 5)
        >>> _integers_within(Interval(lower=-3, upper=2, upper_closed=False), 0)
        range(0, 2)
    """
    first, last = lo, hi
    if iv.lower is not None and iv.lower >= lo:
        first = math.ceil(iv.lower) if iv.lower_closed else math.floor(iv.lower) + 1
    if iv.upper is not None and (hi is None or iv.upper <= hi):
        last = math.floor(iv.upper) if iv.upper_closed else math.ceil(iv.upper) - 1
    assert last is not None, "an unbounded interval needs an upper limit"
    return range(first, max(first, last + 1))


def _fmt(x: Fraction | Decimal | int, places: int = 3) -> str:
    """An exact decimal when ``x`` has one, else ``places`` decimals followed by ``…``.

    Examples:
        >>> _fmt(Fraction(1373, 20)), _fmt(Fraction(786) / Fraction(168675, 100000))
        ('68.65', '465.984…')
    """
    f = Fraction(x)
    sign = "-" if f < 0 else ""
    f = abs(f)
    d = f.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1:
        text = format(Decimal(f.numerator) / Decimal(f.denominator), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return sign + text
    scaled = f.numerator * 10**places // f.denominator
    whole, frac = divmod(scaled, 10**places)
    return f"{sign}{whole}.{frac:0{places}d}…"


def _pct(g: Fraction) -> str:
    return _fmt(g * 100) + "%"


def _show(iv: Interval) -> str:
    """An interval for a message, its ends written by :func:`_fmt`.

    Examples:
        >>> _show(Interval(lower=Fraction(2, 3), upper=None, lower_closed=False))
        '(0.666…, ∞)'
    """
    lo = "-∞" if iv.lower is None else _fmt(iv.lower)
    hi = "∞" if iv.upper is None else _fmt(iv.upper)
    return f"{'[' if iv.lower_closed else '('}{lo}, {hi}{']' if iv.upper_closed else ')'}"


def _bounds(q: Quantity, config: CheckConfig) -> Interval:
    return q.bounds(config.scheme, more_than=config.more_than)


def _is_exact_count(fig: Figure) -> bool:
    q = fig.quantity
    return (
        q.qualifier is Qualifier.EXACT
        and not q.rounded
        and q.value == q.value.to_integral_value()
        and q.unit not in _RATE_UNITS
        and fig.kind in ("count", "other", "")
    )


def _is_rate(fig: Figure) -> bool:
    return fig.quantity.unit == "%"


_RATE_UNITS = frozenset({"%", "个百分点", "倍", "番"})
_CASE_UNITS = frozenset({"件", "宗", "起", "件次"})


def _units_compatible(a: str, b: str) -> bool:
    """Units that may measure the same indicator across reports (件 = 宗 = 起)."""
    if a == b:
        return True
    if a in _RATE_UNITS or b in _RATE_UNITS:
        return False
    return (a in _CASE_UNITS and b in _CASE_UNITS) or a == "" or b == ""


# ---------------------------------------------------------------------------------------
# subjects


_VERB_RE = re.compile(r"收到|受理|办理|新收|共计|共|累计|全年|合计|总计")
_NOISE_RE = re.compile(r"[\s,，、。;；:：()（）“”\"'‘’《》【】\[\]]+")
# What is left at the start of a subject when extraction cuts a verb in two (全年新|收…).
_LEAD_VERB_RE = re.compile(
    r"^(?:收(?![费缴入益])|到(?=[\u4e00-\u9fff]{2})|理(?=[\u4e00-\u9fff]{2}))"
)


def subject_key(subject: str) -> str:
    """A normalised key for matching the same indicator across figures and reports.

    Strips the verbs that vary between reports for the same count (收到, 受理, 办理, 新收,
    共/共计, 累计, 全年, 合计, 总计), whitespace and punctuation, and the remnant of a verb
    cut in two at the start (收…, 到…, 理…; not 收费, 收缴, 收入, 收益).

    Args:
        subject: A figure's subject as extracted.

    Returns:
        The key; ``""`` when nothing is left.

    Examples:
        >>> subject_key("收到行政复议申请"), subject_key(" 共受理 行政复议申请 ")
        ('行政复议申请', '行政复议申请')
        >>> subject_key("收行政复议申请"), subject_key("收费项目")
        ('行政复议申请', '收费项目')
    """
    return _LEAD_VERB_RE.sub("", _NOISE_RE.sub("", _VERB_RE.sub("", subject or "")))


def _indicator_id(subject: str) -> str | None:
    """The vocabulary's indicator id for ``subject``, when the indicators module has one."""
    try:
        from . import indicators

        vocab = indicators.default_vocabulary()
        found = vocab.match(subject)
    except Exception:  # the module may not exist yet, or may not know the subject
        return None
    if found is None:
        return None
    return str(getattr(found, "id", found))


def _same_indicator(a: str, b: str) -> bool:
    """Whether two subjects name the same indicator (vocabulary first, then the key)."""
    if not a or not b:
        return False
    if a == b:
        return True
    ia, ib = _indicator_id(a), _indicator_id(b)
    if ia is not None and ib is not None:
        return ia == ib
    ka, kb = subject_key(a), subject_key(b)
    return bool(ka) and ka == kb


def _label(*reports: Report) -> tuple[str, ...]:
    return tuple(r.label for r in reports)


def _consecutive(earlier: Report, later: Report) -> bool:
    """Whether ``later`` is the report of the year after ``earlier``'s."""
    return earlier.year is not None and later.year is not None and later.year == earlier.year + 1


def _year_word(report: Report, offset: int = 0) -> str:
    return f"{report.year + offset}" if report.year is not None else "the prior year"


def _q(fig: Figure | None) -> str:
    if fig is None:
        return ""
    return f"“{fig.quote or fig.quantity.text or fig.quantity.value}”"


_QUOTE_MAX = 40


def _cq(claim: Any) -> str:
    """A claim's quote for a message, shortened to its last ``_QUOTE_MAX`` characters."""
    quote = " ".join(str(getattr(claim, "quote", "") or "").split())
    return quote if len(quote) <= _QUOTE_MAX else "…" + quote[-_QUOTE_MAX:]


def _result(
    check_id: str,
    status: Status,
    message: str,
    reason: str = "",
    *,
    figures: Iterable[Figure | None] = (),
    reports: Sequence[Report] = (),
    observed: Fraction | Decimal | None = None,
    expected: Interval | None = None,
    details: dict[str, Any] | None = None,
) -> CheckResult:
    return CheckResult(
        check=check_id,
        status=status,
        message=message,
        reason=reason,
        observed=observed,
        expected=expected,
        figures=tuple(f for f in figures if f is not None),
        reports=_label(*reports),
        details=details or {},
    )


def _undecidable(check_id: str, reason: str, message: str, **kw: Any) -> CheckResult:
    return _result(check_id, Status.UNDECIDABLE, message, reason=reason, **kw)


# ---------------------------------------------------------------------------------------
# growth


def _growth_factor(rate: Quantity, config: CheckConfig) -> Interval:
    """``1 + g`` as an interval, from a signed rate in percent."""
    return _bounds(rate, config) / 100 + 1


class _Implied(NamedTuple):
    prior: Interval | None
    status: Status | None  # set when no prior interval could be made
    reason: str
    message: str


def _implied_prior(claim: GrowthClaim, config: CheckConfig) -> _Implied:
    """The interval the prior-year value must lie in for ``claim`` to hold."""
    fig = claim.figure
    if fig is None:
        return _Implied(
            None,
            Status.UNDECIDABLE,
            "no_current_figure",
            f"growth claim “{_cq(claim)}” has no current figure to work from",
        )
    cur = _bounds(fig.quantity, config)
    if cur.lower is None or cur.lower <= 0 or cur.upper is None:
        return _Implied(
            None,
            Status.UNDECIDABLE,
            "nonpositive_current",
            f"current value {_q(fig)} is not a bounded positive number, so no prior "
            f"value can be implied from “{_cq(claim)}”",
        )
    if claim.form == "difference" and claim.difference is not None:
        diff = _bounds(claim.difference, config)
        if claim.direction == "down" and claim.difference.value > 0:
            diff = -diff
        return _Implied(cur - diff, None, "", "")
    rate = claim.rate
    if rate is None:
        return _Implied(
            None, Status.UNDECIDABLE, "no_rate", f"growth claim “{_cq(claim)}” states no rate"
        )
    if rate.unit != "%":
        return _Implied(
            None,
            Status.UNDECIDABLE,
            "unsupported_rate_unit",
            f"growth rate {rate.text or rate.value} is in {rate.unit!r}, not %",
        )
    factor = _growth_factor(rate, config)
    if factor.upper is not None and factor.upper <= 0:
        return _Implied(
            None,
            Status.FAIL,
            "impossible_decline",
            f"{_q(fig)} with “{_cq(claim)}”: a fall of 100% or more leaves nothing, yet "
            f"the current value is positive",
        )
    return _Implied(cur / positive_part(factor), None, "", "")


def _candidates_text(r: range) -> str:
    if len(r) == 0:
        return "no integer"
    if len(r) == 1:
        return str(r.start)
    if len(r) <= 5:
        return ", ".join(str(i) for i in r)
    return f"{r.start}–{r[-1]} ({len(r)} values)"


def _positive_integers(iv: Interval) -> range | None:
    """The positive integers in ``iv``; ``None`` when there are infinitely many."""
    return _integers_within(iv, 1) if iv.is_bounded else None


def _exact_growth(prior: Fraction, current: Fraction) -> Fraction:
    return (current - prior) / prior


def _each_claim(
    kind: type[_C], one: Callable[[Report, _C, CheckConfig], CheckResult]
) -> ReportCheck:
    """A single-report check giving ``one`` result for each claim of type ``kind``."""

    def per_report(report: Report, config: CheckConfig) -> list[CheckResult]:
        return [one(report, c, config) for c in report.claims if isinstance(c, kind)]

    return per_report


def _implied_prior_result(report: Report, claim: GrowthClaim, config: CheckConfig) -> CheckResult:
    """The ``growth.implied_prior`` result for one growth claim."""
    fig = claim.figure
    figs = (fig, claim.rate_figure, claim.basis)
    result = functools.partial(_result, "growth.implied_prior", figures=figs, reports=(report,))

    imp = _implied_prior(claim, config)
    if imp.prior is None:
        assert imp.status is not None
        return result(imp.status, imp.message, imp.reason)
    assert fig is not None
    prior = imp.prior
    what = f"{fig.subject or claim.subject or 'the figure'} {_q(fig)}, “{_cq(claim)}”"
    if claim.basis is not None:
        basis = _bounds(claim.basis.quantity, config)
        if basis.upper is not None and basis.upper <= 0:
            return result(
                Status.UNDECIDABLE,
                f"{what}: the printed prior {_q(claim.basis)} is not positive, so a growth "
                "rate from it is undefined",
                "nonpositive_prior",
            )
        ok = basis.overlaps(prior)
        observed = None
        extra = ""
        if (
            basis.lower is not None
            and basis.lower == basis.upper
            and fig.quantity.rounded is False
            and fig.quantity.qualifier is Qualifier.EXACT
        ):
            observed = _exact_growth(basis.lower, Fraction(fig.value))
            extra = f" (exact growth {_pct(observed)})"
        verb = "is consistent with" if ok else "contradicts"
        return result(
            Status.PASS if ok else Status.FAIL,
            f"{what}: the printed prior {_q(claim.basis)}{extra} {verb} the rate, which needs "
            f"a prior in {_show(prior)}",
            "" if ok else "growth_mismatch",
            observed=observed,
            expected=prior,
            details={"implied_prior": prior},
        )
    year = _year_word(report, -1)
    cands = _positive_integers(prior) if _is_exact_count(fig) else None
    if cands is None:
        return result(
            Status.PASS,
            f"{what} implies a value in {_show(prior)} in {year}",
            "implied_interval",
            expected=prior,
            details={"implied_prior": prior},
        )
    details = {"implied_prior": prior, "candidates": cands}
    if cands:
        return result(
            Status.PASS,
            f"{what} implies {_candidates_text(cands)} in {year} (prior in {_show(prior)})",
            "implied_prior",
            expected=prior,
            details=details,
        )
    msg = (
        f"{what}: no whole number in {year} can give this rate: the prior would have to lie "
        f"in {_show(prior)}, which holds no integer"
    )
    rivals = _rival_currents(report, claim, config)
    if rivals:
        # Another count of the same sentence gives the rate a whole-number prior: the rate
        # may be about that one (691条…(含上年结转31件),上涨17.52%).
        msg += f"; but {', '.join(_q(f) for f in rivals)} in the same sentence fits"
        return result(Status.WARN, msg, "ambiguous_figure", expected=prior, details=details)
    return result(Status.FAIL, msg, "no_integer_prior", expected=prior, details=details)


_growth_implied_prior = _each_claim(GrowthClaim, _implied_prior_result)


_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def _rival_currents(report: Report, claim: GrowthClaim, config: CheckConfig) -> list[Figure]:
    """Other exact counts before the rate in the same sentence that give integer priors."""
    anchor = claim.rate_figure.start if claim.rate_figure is not None else claim.span[1]
    rivals: list[Figure] = []
    for f in report.figures:
        if f is claim.figure or (claim.figure is not None and f.span == claim.figure.span):
            continue
        if not _is_exact_count(f) or f.end > anchor or anchor - f.end > 120:
            continue
        if _SENTENCE_END.search(report.text[f.end : anchor]):
            continue
        imp = _implied_prior(attrs.evolve(claim, figure=f, basis=None), config)
        if imp.prior is not None:
            cands = _positive_integers(imp.prior)
            if cands is None or len(cands) > 0:
                rivals.append(f)
    return rivals


def _basis_spans(report: Report) -> set[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for c in report.claims:
        if isinstance(c, (GrowthClaim, PPChangeClaim)) and c.basis is not None:
            spans.add(c.basis.span)
        if isinstance(c, (GrowthClaim, PPChangeClaim)) and c.rate_figure is not None:
            spans.add(c.rate_figure.span)
    return spans


def _matching_figures(fig: Figure, other: Report) -> list[Figure]:
    """Figures of ``other`` measuring the same indicator as ``fig`` (bases excluded)."""
    skip = _basis_spans(other)
    subject = fig.subject
    found = [
        f
        for f in other.figures
        if f.span not in skip
        and _units_compatible(f.unit, fig.unit)
        and _is_rate(f) == _is_rate(fig)
        and f.kind not in ("growth", "pp_change", "streak", "rank")
        and _same_indicator(f.subject, subject)
    ]
    exact = [f for f in found if f.subject == subject]
    return exact or found


def _growth_prior_report(earlier: Report, later: Report, config: CheckConfig) -> list[CheckResult]:
    if not _consecutive(earlier, later):
        return []
    return [
        _prior_report_result(earlier, later, claim, claim.figure, config)
        for claim in later.claims
        if isinstance(claim, GrowthClaim) and claim.figure is not None
    ]


def _prior_report_result(
    earlier: Report, later: Report, claim: GrowthClaim, fig: Figure, config: CheckConfig
) -> CheckResult:
    """The ``growth.prior_report`` result for one growth claim with a current figure."""
    result = functools.partial(_result, "growth.prior_report", reports=(earlier, later))
    priors = _matching_figures(fig, earlier)
    if not priors:
        return result(
            Status.UNDECIDABLE,
            f"{earlier.label} has no figure for {fig.subject or claim.subject!r} to test "
            f"“{_cq(claim)}” against",
            "no_prior_figure",
            figures=(fig,),
        )
    imp = _implied_prior(claim, config)
    if imp.prior is None:
        return result(Status.UNDECIDABLE, imp.message, imp.reason, figures=(fig, *priors))
    prior = imp.prior
    hits = [p for p in priors if _bounds(p.quantity, config).overlaps(prior)]
    head = (
        f"{later.label} {fig.subject} {_q(fig)} “{_cq(claim)}” needs a "
        f"{earlier.year} value in {_show(prior)}"
    )
    if hits:
        p = hits[0]
        return result(
            Status.PASS,
            f"{head}; {earlier.label} printed {_q(p)} ({p.subject})",
            figures=(fig, claim.rate_figure, p),
            expected=prior,
            observed=Decimal(p.value),
        )
    quotes = ", ".join(f"{_q(p)} ({p.subject})" for p in priors)
    figs = (fig, claim.rate_figure, *priors)
    if len({p.value for p in priors}) > 1:
        return result(
            Status.WARN,
            f"{head}, but none of the {earlier.label} figures for it fit: {quotes}",
            "ambiguous_prior",
            figures=figs,
            expected=prior,
        )
    obs = Fraction(priors[0].value)
    extra = ""
    if obs > 0 and fig.quantity.qualifier is Qualifier.EXACT and not fig.quantity.rounded:
        extra = f"; from it the growth is {_pct(_exact_growth(obs, Fraction(fig.value)))}"
    return result(
        Status.FAIL,
        f"{head}, but {earlier.label} printed {quotes}{extra}",
        "prior_mismatch",
        figures=figs,
        expected=prior,
        observed=Decimal(priors[0].value),
    )


def _direction_result(
    claim: GrowthClaim,
    prior_figs: Sequence[Figure],
    reports: Sequence[Report],
    config: CheckConfig,
    source: str,
) -> CheckResult | None:
    result = functools.partial(_result, "growth.direction", reports=reports)
    fig = claim.figure
    if fig is None or claim.direction == "flat":
        return None
    values = {p.value for p in prior_figs}
    if len(values) != 1:
        return result(
            Status.UNDECIDABLE,
            f"{source} gives {len(values)} different values for {fig.subject!r}; cannot tell "
            f"which one “{_cq(claim)}” is measured from",
            "ambiguous_prior",
            figures=(fig, *prior_figs),
        )
    p = prior_figs[0]
    cur, prior = _bounds(fig.quantity, config), _bounds(p.quantity, config)
    went_up, went_down = _entirely_above(cur, prior), _entirely_above(prior, cur)
    says_up = claim.direction == "up"
    wrong, right = (went_down, went_up) if says_up else (went_up, went_down)
    word = "增长/增加 (up)" if says_up else "下降/减少 (down)"
    msg = f"“{_cq(claim)}” says {word}: {fig.subject} {_q(fig)} against {source} {_q(p)}"
    if wrong:
        return result(Status.FAIL, msg + " goes the other way", "wrong_direction", figures=(fig, p))
    if right:
        return result(Status.PASS, msg, figures=(fig, p))
    return result(
        Status.UNDECIDABLE,
        msg + ": the two values are too close to tell the direction",
        "overlapping_values",
        figures=(fig, p),
    )


def _growth_direction(report: Report, config: CheckConfig) -> list[CheckResult]:
    out: list[CheckResult] = []
    for claim in report.claims:
        if isinstance(claim, GrowthClaim) and claim.basis is not None:
            r = _direction_result(claim, [claim.basis], (report,), config, "the printed prior")
            if r is not None:
                out.append(r)
    return out


def _growth_direction_pair(
    earlier: Report, later: Report, config: CheckConfig
) -> list[CheckResult]:
    out: list[CheckResult] = []
    if not _consecutive(earlier, later):
        return out
    for claim in later.claims:
        if not isinstance(claim, GrowthClaim) or claim.figure is None or claim.basis is not None:
            continue
        priors = _matching_figures(claim.figure, earlier)
        if priors:
            r = _direction_result(claim, priors, (earlier, later), config, earlier.label)
            if r is not None:
                out.append(r)
    return out


# ---------------------------------------------------------------------------------------
# shares


def _granularity_result(report: Report, claim: ShareClaim, config: CheckConfig) -> CheckResult:
    """The ``share.granularity`` result for one share claim."""
    rate = claim.rate
    total, part = claim.total, claim.part
    where = f"“{_cq(claim)}”" if claim.quote else f"{rate.text or rate.value}%"
    result = functools.partial(
        _result, "share.granularity", figures=(claim.rate_figure, total, part), reports=(report,)
    )

    if rate.unit != "%":
        return result(
            Status.UNDECIDABLE,
            f"{where}: the rate is in {rate.unit!r}, not %",
            "unsupported_rate_unit",
        )
    if total is not None and part is None and _is_accounts_for(claim):
        # "224438条,占总量的49.9%": the count before 占 is the part; its whole is the
        # total of the breakdown it is listed in, if any.
        whole = _whole_of(report, total)
        if whole is None:
            return result(
                Status.UNDECIDABLE,
                f"{where}: {_q(total)} is the part (占…), and its whole is not found",
                "whole_unknown",
            )
        total, part = whole, total
        result = functools.partial(result, figures=(claim.rate_figure, total, part))
    if total is None:
        return result(
            Status.UNDECIDABLE,
            f"{where}: no count is stated for this rate to be a share of",
            "no_total",
        )
    if not _is_exact_count(total):
        return result(
            Status.UNDECIDABLE,
            f"{where}: its total {_q(total)} is not an exact count, so any rate fits",
            "approximate_total",
        )
    n = int(total.value)
    if n <= 0:
        return result(
            Status.UNDECIDABLE, f"{where}: a share of {n} items is undefined", "nonpositive_total"
        )
    share = _bounds(rate, config) / 100
    written = rate.text or rate.value
    inferred = claim.confidence == "inferred"
    bad_status = config.inferred_share_status if inferred else Status.FAIL
    tie = " (the count was inferred from nearby text)" if inferred else ""
    if part is not None:
        ok = (_bounds(part.quantity, config) / n).overlaps(share)
        obs = Fraction(part.value) / n
        return result(
            Status.PASS if ok else bad_status,
            f"{where}: {_q(part)} of {_q(total)} is {_pct(obs)}, "
            f"{'which' if ok else 'which does not'} round to {written}"
            f" (needs a share in {_show(share * 100)}%){tie}",
            "" if ok else "part_mismatch",
            observed=obs,
            expected=share,
        )
    counts = _integers_within(share * n, 0, n)
    if counts:
        return result(
            Status.PASS,
            f"{where}: {written} of {_q(total)} is reached by k = {_candidates_text(counts)}{tie}",
            expected=share,
            details={"counts": counts},
        )
    msg = (
        f"{where}: no whole number k of {n} gives {written} "
        f"(k/{n} would have to lie in {_show(share * 100)}%){tie}"
    )
    reason = "no_integer_count"
    bases = _bases_for_part(n, share)
    if bad_status is Status.FAIL and bases:
        # The count may be the rate's numerator (纠正2629件,纠错率16.54%) rather than its
        # base; that reading fits, so the tie is in doubt.
        bad_status, reason = Status.WARN, "count_may_be_part"
        msg += (
            f"; but if {_q(total)} is the part rather than the whole, a base of "
            f"{_candidates_text(bases)} fits"
        )
    return result(bad_status, msg, reason, expected=share, details={"counts": counts})


_share_granularity = _each_claim(ShareClaim, _granularity_result)


def _is_accounts_for(claim: ShareClaim) -> bool:
    """Whether the rate is written as 占… (the count before it is a part, not the base)."""
    anchor = claim.rate_figure.start - claim.span[0] if claim.rate_figure is not None else None
    head = claim.quote[:anchor] if anchor is not None and anchor > 0 else claim.quote
    return "占" in head


def _whole_of(report: Report, fig: Figure) -> Figure | None:
    """The total of the breakdown listing ``fig`` as a part, if exactly one does."""
    wholes = {
        c.total.span: c.total
        for c in report.claims
        if isinstance(c, BreakdownClaim) and any(p.span == fig.span for p in c.parts)
    }
    return next(iter(wholes.values())) if len(wholes) == 1 else None


def _bases_for_part(part: int, share: Interval) -> range:
    """Integer bases ``N >= part`` with ``part / N`` inside ``share`` (a fraction)."""
    positive = positive_part(share)
    if part <= 0 or positive.is_empty:
        return range(0)
    bases = Interval.point(part) / positive
    return _integers_within(bases, part) if bases.is_bounded else range(0)


_MAY_EXCEED_100 = (
    "完成",
    "增",
    "降",
    "减",
    "同比",
    "比上年",
    "较上年",
    "执行",
    "超",
    "倍",
    "达成",
    "到位",
    "回收",
    "利用",
    "产出",
    "比率",
)


def _rate_figures(report: Report) -> list[Figure]:
    """Rate-kind figures in % plus the rate figures of share claims, without repeats."""
    seen: set[tuple[int, int]] = set()
    figs: list[Figure] = []
    for f in report.figures:
        if f.kind == "rate" and f.unit == "%" and f.span not in seen:
            seen.add(f.span)
            figs.append(f)
    for c in report.claims:
        if (
            isinstance(c, ShareClaim)
            and c.rate_figure is not None
            and c.rate.unit == "%"
            and c.rate_figure.span not in seen
        ):
            seen.add(c.rate_figure.span)
            figs.append(c.rate_figure)
    return figs


def _share_range(report: Report, config: CheckConfig) -> list[CheckResult]:
    return [_range_result(report, f, config) for f in _rate_figures(report)]


def _range_result(report: Report, f: Figure, config: CheckConfig) -> CheckResult:
    """The ``share.range`` result for one rate figure."""
    result = functools.partial(_result, "share.range", figures=(f,), reports=(report,))
    whole = Interval(lower=0, upper=100)
    label = f"{f.subject or 'rate'} {_q(f)}"
    if _bounds(f.quantity, config).overlaps(whole):
        return result(Status.PASS, f"{label} lies within [0%, 100%]", expected=whole)
    if any(w in f.subject for w in _MAY_EXCEED_100):
        return result(
            Status.UNDECIDABLE,
            f"{label} is outside [0%, 100%], but {f.subject!r} may be a ratio rather than a share",
            "may_exceed_100",
        )
    return result(
        Status.FAIL,
        f"{label} is a share and cannot lie outside [0%, 100%]",
        "share_out_of_range",
        observed=Decimal(f.value),
        expected=whole,
    )


_DONE_WORDS = ("办结", "结案", "答复", "处理", "化解", "完成", "审结", "执结", "回复", "办理")
_PENDING_RE = re.compile(r"未办结|尚未办结|正在办理|未结|在办|未完成|尚未完成|未处理|未答复|逾期")


def _is_100(q: Quantity) -> bool:
    return q.unit == "%" and q.value == 100 and q.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST)


def _all_100_result(report: Report, claim: ShareClaim, config: CheckConfig) -> CheckResult | None:
    """The ``share.all_100`` result for a 100% share claim with a part and a total, if any."""
    total, part = claim.total, claim.part
    if total is None or part is None:
        return None
    result = functools.partial(
        _result, "share.all_100", figures=(claim.rate_figure, total, part), reports=(report,)
    )
    said = f"“{_cq(claim)}”"
    if not (_is_exact_count(total) and _is_exact_count(part)):
        return result(
            Status.UNDECIDABLE,
            f"{said}: 100% with {_q(part)} of {_q(total)}, but the counts are not exact",
            "approximate_count",
        )
    n, k = int(total.value), int(part.value)
    if n <= 0:
        return None
    if k == n:
        return result(Status.PASS, f"{said}: {_q(part)} of {_q(total)} is indeed all")
    share = _bounds(claim.rate, config) / 100
    obs = Fraction(k, n)
    if share.contains(obs):
        return result(
            Status.WARN,
            f"{said}: 100% is written although only {_q(part)} of {_q(total)} ({_pct(obs)}) "
            "are counted; it rounds to 100% but is not all",
            "rounded_to_100",
            observed=obs,
            expected=share,
        )
    inferred = claim.confidence == "inferred"
    tie = " (the counts were tied to the rate by inference from nearby text)" if inferred else ""
    return result(
        config.inferred_share_status if inferred else Status.FAIL,
        f"{said}: 100% is written but {_q(part)} of {_q(total)} is {_pct(obs)}{tie}",
        "not_all",
        observed=obs,
        expected=share,
    )


def _share_all_100(report: Report, config: CheckConfig) -> list[CheckResult]:
    cid = "share.all_100"
    out: list[CheckResult] = []
    seen: set[tuple[int, int]] = set()
    for claim in report.claims:
        if not isinstance(claim, ShareClaim) or not _is_100(claim.rate):
            continue
        if claim.rate_figure is not None:
            seen.add(claim.rate_figure.span)
        r = _all_100_result(report, claim, config)
        if r is not None:
            out.append(r)
    for f in report.figures:
        if (
            f.span in seen
            or not _is_100(f.quantity)
            or not any(w in f.subject for w in _DONE_WORDS)
        ):
            continue
        pending = [
            g
            for g in report.figures
            if _PENDING_RE.search(g.subject)
            and g.value > 0
            and not _is_rate(g)
            and (
                g.section == f.section if (g.section or f.section) else abs(g.start - f.start) < 200
            )
        ]
        if pending:
            quotes = ", ".join(f"{_q(g)} ({g.subject})" for g in pending)
            out.append(
                _result(
                    cid,
                    Status.WARN,
                    f"{f.subject} {_q(f)} says all, but the same section counts {quotes} as not "
                    "done",
                    reason="pending_count",
                    figures=(f, *pending),
                    reports=(report,),
                )
            )
    return out


# ---------------------------------------------------------------------------------------
# breakdowns


def _breakdown_part_exceeds_whole(report: Report, config: CheckConfig) -> list[CheckResult]:
    return [
        _part_result(report, claim.total, part, config)
        for claim in report.claims
        if isinstance(claim, BreakdownClaim)
        for part in claim.parts
    ]


def _part_result(report: Report, total: Figure, part: Figure, config: CheckConfig) -> CheckResult:
    """The ``breakdown.part_exceeds_whole`` result for one part of a breakdown."""
    result = functools.partial(
        _result, "breakdown.part_exceeds_whole", figures=(total, part), reports=(report,)
    )
    if part.unit != total.unit:
        return result(
            Status.UNDECIDABLE,
            f"part {_q(part)} and whole {_q(total)} are in different units",
            "unit_mismatch",
        )
    t, p = _bounds(total.quantity, config), _bounds(part.quantity, config)
    head = f"{part.subject or 'part'} {_q(part)} of {total.subject or 'total'} {_q(total)}"
    if _entirely_above(p, t):
        return result(
            Status.FAIL,
            f"{head}: the part is larger than the whole",
            "part_exceeds_whole",
            expected=t,
        )
    if p.upper is not None and t.lower is not None and p.upper <= t.lower:
        return result(Status.PASS, f"{head}: the part fits in the whole", expected=t)
    return result(
        Status.UNDECIDABLE,
        f"{head}: the written values are too approximate to compare",
        "approximate_values",
    )


_CARRY_PART_RE = re.compile(r"结转|转接|转入下|下一?年度")


def _breakdown_sum(report: Report, config: CheckConfig) -> list[CheckResult]:
    cid = "breakdown.sum"
    out: list[CheckResult] = []
    for claim in report.claims:
        if not isinstance(claim, BreakdownClaim) or not claim.parts:
            continue
        total = claim.total
        figs = (total, *claim.parts)
        if any(p.unit != total.unit for p in claim.parts):
            out.append(
                _undecidable(
                    cid,
                    "unit_mismatch",
                    f"the parts of {_q(total)} are not all in {total.unit!r}, so they cannot "
                    "be added",
                    figures=figs,
                    reports=(report,),
                )
            )
            continue
        t = _bounds(total.quantity, config)
        s = sum((_bounds(p.quantity, config) for p in claim.parts), Interval.point(0))
        plus = " + ".join(p.quote or str(p.value) for p in claim.parts)
        exact_sum = sum((p.value for p in claim.parts), Decimal(0))
        head = f"{total.subject or 'total'} {_q(total)} with parts {plus} (= {exact_sum})"
        if claim.exhaustive:
            ok = s.overlaps(t)
            reason, status = "", Status.PASS
            note = ""
            carried = [p for p in claim.parts if _CARRY_PART_RE.search(p.subject)]
            if not ok and carried:
                # A carry-over to next year (结转下年度) is not an outcome of the cases
                # concluded this year: try the sum without it.
                rest = sum(
                    (_bounds(p.quantity, config) for p in claim.parts if p not in carried),
                    Interval.point(0),
                )
                if rest.overlaps(t):
                    ok = True
                    note = f" once the carry-over {', '.join(_q(p) for p in carried)} is left out"
            below = s.upper is not None and t.lower is not None and s.upper < t.lower
            if not ok:
                status, reason = Status.FAIL, "sum_mismatch"
                if below and "其中" in claim.quote and "分别" not in claim.quote:
                    # 其中 does not promise a complete list: a shortfall is only suspicious.
                    status, reason = Status.WARN, "sum_short"
                    note = " (a 其中 list need not be complete)"
                if claim.confidence == "inferred" and status is Status.FAIL:
                    status = config.inferred_sum_status
                    note += " (the list was only inferred to be complete)"
            msg = f"{head}: the parts {'add up' if ok else 'do not add up'} to the total{note}"
            out.append(
                _result(
                    cid,
                    status,
                    msg,
                    reason=reason,
                    figures=figs,
                    reports=(report,),
                    observed=exact_sum,
                    expected=t,
                )
            )
        else:
            over = _entirely_above(s, t)
            msg = (
                f"{head}: the listed parts {'exceed' if over else 'fit within'} the total"
                f"{'' if over else ' (the list need not be complete)'}"
            )
            out.append(
                _result(
                    cid,
                    Status.FAIL if over else Status.PASS,
                    msg,
                    reason="parts_exceed_total" if over else "",
                    figures=figs,
                    reports=(report,),
                    observed=exact_sum,
                    expected=t,
                )
            )
    return out


# ---------------------------------------------------------------------------------------
# duplicates


def _significant_digits(value: Decimal) -> int:
    """Significant digits as written; trailing zeros of an integer do not count.

    Examples:
        >>> [_significant_digits(Decimal(x)) for x in ("786", "5500", "63.10", "0.05")]
        [3, 2, 4, 1]
    """
    if value == 0:
        return 0
    if value == value.to_integral_value() and value.as_tuple().exponent >= 0:  # type: ignore[operator]
        digits = str(abs(int(value))).rstrip("0")
        return len(digits)
    digits = "".join(str(d) for d in value.as_tuple().digits).lstrip("0")
    return len(digits)


def _duplicate_candidate(f: Figure, config: CheckConfig) -> bool:
    q = f.quantity
    if q.qualifier is not Qualifier.EXACT or f.kind in ("growth", "pp_change", "streak", "rank"):
        return False
    if q.unit in ("个百分点", "倍", "番"):
        return False
    digits = _significant_digits(q.value)
    if q.unit == "%":
        return (
            q.value != 100
            and q.value != q.value.to_integral_value()
            and digits >= max(3, config.duplicate_min_digits)
        )
    return digits >= config.duplicate_min_digits


def _related_spans(report: Report) -> list[set[tuple[int, int]]]:
    """Groups of figure spans a claim ties together (a total and its parts ...)."""
    groups: list[set[tuple[int, int]]] = []
    for c in report.claims:
        spans: set[tuple[int, int]] = set()
        for name in ("figure", "basis", "total", "part", "rate_figure"):
            f = getattr(c, name, None)
            if isinstance(f, Figure):
                spans.add(f.span)
        for f in getattr(c, "parts", ()) or ():
            spans.add(f.span)
        if len(spans) > 1:
            groups.append(spans)
    return groups


_NEAR = 80


def _duplicate_value(report: Report, config: CheckConfig) -> list[CheckResult]:
    cid = "duplicate.value"
    out: list[CheckResult] = []
    related = _related_spans(report)
    by_value: dict[tuple[bool, Decimal], list[Figure]] = {}
    for f in report.figures:
        if _duplicate_candidate(f, config):
            by_value.setdefault((_is_rate(f), f.value.normalize()), []).append(f)
    for (_, value), figs in by_value.items():
        uniq = list({f.span: f for f in figs}.values())
        if len(uniq) < 2:
            continue
        if any(not subject_key(f.subject) for f in uniq):
            out.append(
                _undecidable(
                    cid,
                    "unknown_subject",
                    f"{value} appears {len(uniq)} times ({', '.join(_q(f) for f in uniq)}) but not "
                    "every occurrence has a subject to compare",
                    figures=uniq,
                    reports=(report,),
                )
            )
            continue

        def distinct(a: Figure, b: Figure) -> bool:
            ka, kb = subject_key(a.subject), subject_key(b.subject)
            if ka == kb or ka in kb or kb in ka or _same_indicator(a.subject, b.subject):
                return False
            if abs(a.start - b.start) < _NEAR:
                return False  # one clause: 受理786件,全部办结786件 and the like
            return not any(a.span in g and b.span in g for g in related)

        pairs = [(a, b) for i, a in enumerate(uniq) for b in uniq[i + 1 :] if distinct(a, b)]
        if not pairs:
            continue
        used: dict[tuple[int, int], Figure] = {}
        for a, b in pairs:
            used.setdefault(a.span, a)
            used.setdefault(b.span, b)
        shown = sorted(used.values(), key=lambda f: f.start)
        listing = " and ".join(f"{f.subject} {_q(f)}" for f in shown)
        out.append(
            _result(
                cid,
                Status.WARN,
                f"the same value {value} is given for {len(shown)} different indicators: "
                f"{listing}; "
                "check that one was not copied from the other",
                reason="duplicate_value",
                figures=shown,
                reports=(report,),
                observed=value,
            )
        )
    return out


# ---------------------------------------------------------------------------------------
# percentage points


def _pp_result(
    claim: PPChangeClaim,
    current: Figure,
    prior: Figure,
    reports: Sequence[Report],
    config: CheckConfig,
) -> CheckResult:
    cid = "pp_change.rates"
    diff = _bounds(current.quantity, config) - _bounds(prior.quantity, config)
    pp = _bounds(claim.rate, config)
    if claim.direction == "down" and claim.rate.value > 0:
        pp = -pp
    ok = diff.overlaps(pp)
    exact = Fraction(current.value) - Fraction(prior.value)
    msg = (
        f"“{_cq(claim)}”: {current.subject} {_q(prior)} → {_q(current)} is a change of "
        f"{_fmt(exact)} points as written (true change in {_show(diff)}), "
        f"{'consistent with' if ok else 'not'} {claim.rate.text or claim.rate.value}"
    )
    return _result(
        cid,
        Status.PASS if ok else Status.FAIL,
        msg,
        reason="" if ok else "pp_mismatch",
        figures=(prior, current, claim.rate_figure),
        reports=reports,
        observed=exact,
        expected=pp,
    )


def _pp_change_rates(report: Report, config: CheckConfig) -> list[CheckResult]:
    cid = "pp_change.rates"
    out: list[CheckResult] = []
    for claim in report.claims:
        if not isinstance(claim, PPChangeClaim):
            continue
        if claim.figure is not None and claim.basis is not None:
            out.append(_pp_result(claim, claim.figure, claim.basis, (report,), config))
        elif claim.figure is None:
            out.append(
                _undecidable(
                    cid,
                    "no_rates",
                    f"“{_cq(claim)}”: the rate it changes is not identified",
                    figures=(claim.rate_figure,),
                    reports=(report,),
                )
            )
        else:
            cur = _bounds(claim.figure.quantity, config)
            pp = _bounds(claim.rate, config)
            if claim.direction == "down" and claim.rate.value > 0:
                pp = -pp
            prior = cur - pp
            out.append(
                _result(
                    cid,
                    Status.PASS,
                    f"“{_cq(claim)}”: {claim.figure.subject} {_q(claim.figure)} implies "
                    f"{_show(prior)}% in {_year_word(report, -1)}",
                    reason="implied_rate",
                    figures=(claim.figure, claim.rate_figure),
                    reports=(report,),
                    expected=prior,
                    details={"implied_rate": prior},
                )
            )
    return out


def _pp_change_pair(earlier: Report, later: Report, config: CheckConfig) -> list[CheckResult]:
    out: list[CheckResult] = []
    if not _consecutive(earlier, later):
        return out
    for claim in later.claims:
        if not isinstance(claim, PPChangeClaim) or claim.figure is None or claim.basis:
            continue
        priors = _matching_figures(claim.figure, earlier)
        values = {p.value for p in priors}
        if len(values) == 1:
            out.append(_pp_result(claim, claim.figure, priors[0], (earlier, later), config))
        elif len(values) > 1:
            out.append(
                _undecidable(
                    "pp_change.rates",
                    "ambiguous_prior",
                    f"{earlier.label} gives {len(values)} values for {claim.figure.subject!r}",
                    figures=(claim.figure, *priors),
                    reports=(earlier, later),
                )
            )
    return out


# ---------------------------------------------------------------------------------------
# streaks


_STREAK_NOISE_RE = re.compile(
    r"连续|第?[0-9一二两三四五六七八九十]+年(度)?|获评为|获评|荣获|获得|被评为|评为|被授予|授予|获|"
    r"保持|蝉联|等次|称号|荣誉|成为|为|的|了"
)


def _streak_key(subject: str) -> str:
    return _NOISE_RE.sub("", _STREAK_NOISE_RE.sub("", subject or ""))


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def _similarity(a: str, b: str) -> Fraction:
    """Dice similarity of character bigrams, 1 when one key contains the other."""
    if not a or not b:
        return Fraction(0)
    if (a in b or b in a) and min(len(a), len(b)) >= 4:
        return Fraction(1)
    ba, bb = _bigrams(a), _bigrams(b)
    return Fraction(2 * len(ba & bb), len(ba) + len(bb))


_STREAK_MATCH = Fraction(3, 5)


def _streak_sequence(earlier: Report, later: Report, config: CheckConfig) -> list[CheckResult]:
    if not _consecutive(earlier, later):
        return []
    olds = [c for c in earlier.claims if isinstance(c, StreakClaim)]
    return [
        _streak_result(earlier, later, claim, olds)
        for claim in later.claims
        if isinstance(claim, StreakClaim)
    ]


def _streak_result(
    earlier: Report, later: Report, claim: StreakClaim, olds: Sequence[StreakClaim]
) -> CheckResult:
    """The ``streak.sequence`` result for one streak, against last year's streaks ``olds``."""
    result = functools.partial(_result, "streak.sequence", reports=(earlier, later))
    key = _streak_key(claim.subject)
    best = max(
        ((_similarity(key, _streak_key(o.subject)), i) for i, o in enumerate(olds)), default=None
    )
    n = claim.years
    now = f"{later.label} “{_cq(claim) or claim.subject}” (连续{n}年)"
    if best is not None and best[0] >= _STREAK_MATCH:
        old = olds[best[1]]
        m = old.years
        then = f"{earlier.label} “{_cq(old) or old.subject}” (连续{m}年)"
        figs = (claim.figure, old.figure)
        if m == n - 1:
            return result(Status.PASS, f"{now} follows {then}", figures=figs)
        if m < n - 1:
            return result(
                Status.FAIL,
                f"{now} jumps from {then}: a streak grows by one a year, so "
                f"{earlier.year} should have said 连续{n - 1}年",
                "streak_jump",
                figures=figs,
            )
        return result(
            Status.WARN,
            f"{now} does not advance from {then}: expected 连续{m + 1}年 in "
            f"{later.year}, unless the two count different awards or periods",
            "streak_not_advancing",
            figures=figs,
        )
    if n == 2 and key and _mentions(earlier.text, key):
        return result(
            Status.PASS,
            f"{now}: {earlier.label} mentions the first award ({key})",
            "first_award",
            figures=(claim.figure,),
        )
    missing = (
        "does not mention the first award"
        if n == 2
        else f"has no 连续{n - 1}年 claim for the same subject"
    )
    return result(
        Status.UNDECIDABLE,
        f"{now}: {earlier.label} {missing} to confirm it",
        "no_prior_streak",
        figures=(claim.figure,),
    )


def _mentions(text: str, key: str) -> bool:
    """Whether ``text`` mentions most of ``key`` (a run of at least 4 of its characters)."""
    if len(key) < 4:
        return key in text
    width = max(4, (len(key) * 2) // 3)
    return any(key[i : i + width] in text for i in range(len(key) - width + 1))


# ---------------------------------------------------------------------------------------
# restated figures


_CARRY_IN_RE = re.compile(r"上一?年(度)?结转|上年度结转")
_CARRY_OUT_RE = re.compile(r"结转(至|到)?下一?年(度)?(继续办理|办理)?")


def _compare_restated(
    said: Figure,
    others: Sequence[Figure],
    reports: Sequence[Report],
    config: CheckConfig,
    what: str,
) -> CheckResult:
    result = functools.partial(_result, "restated.figure", reports=reports)
    s = _bounds(said.quantity, config)
    hits = [o for o in others if _bounds(o.quantity, config).overlaps(s)]
    earlier, later = reports
    head = f"{what}: {later.label} gives {_q(said)}"
    if hits:
        return result(
            Status.PASS,
            f"{head}, as {earlier.label} did ({_q(hits[0])})",
            figures=(said, hits[0]),
        )
    quotes = ", ".join(f"{_q(o)} ({o.subject})" for o in others)
    if len({o.value for o in others}) > 1:
        return result(
            Status.WARN,
            f"{head}; {earlier.label} printed several values, none equal: {quotes}",
            "ambiguous_prior",
            figures=(said, *others),
        )
    return result(
        Status.FAIL,
        f"{head}, but {earlier.label} printed {quotes}",
        "restated",
        figures=(said, *others),
        observed=Decimal(said.value),
        expected=_bounds(others[0].quantity, config),
    )


def _restated_figure(earlier: Report, later: Report, config: CheckConfig) -> list[CheckResult]:
    out: list[CheckResult] = []
    if earlier.year is None or later.year is None:
        return out
    gap = later.year - earlier.year
    if gap == 1:
        for claim in later.claims:
            if (
                isinstance(claim, (GrowthClaim, PPChangeClaim))
                and claim.basis is not None
                and claim.figure
            ):
                priors = _matching_figures(claim.figure, earlier)
                if priors:
                    out.append(
                        _compare_restated(
                            claim.basis,
                            priors,
                            (earlier, later),
                            config,
                            f"{earlier.year} {claim.figure.subject} restated in “{_cq(claim)}”",
                        )
                    )
        for f in later.figures:
            if not _CARRY_IN_RE.search(f.subject) or _is_rate(f):
                continue
            rest = subject_key(_CARRY_IN_RE.sub("", f.subject))
            outs = [
                g
                for g in earlier.figures
                if _CARRY_OUT_RE.search(g.subject)
                and not _is_rate(g)
                and _units_compatible(g.unit, f.unit)
                and subject_key(_CARRY_OUT_RE.sub("", g.subject)) == rest
            ]
            if outs:
                out.append(
                    _compare_restated(
                        f,
                        outs,
                        (earlier, later),
                        config,
                        f"carried over from {earlier.year} ({f.subject})",
                    )
                )
    elif gap == 0:
        for f in later.figures:
            if len(subject_key(f.subject)) < 4 or f.quantity.qualifier is not Qualifier.EXACT:
                continue
            same = [
                g
                for g in earlier.figures
                if g.subject == f.subject
                and g.unit == f.unit
                and g.quantity.qualifier is Qualifier.EXACT
            ]
            if not same:
                continue
            r = _compare_restated(
                f, same, (earlier, later), config, f"{later.year} {f.subject} in two reports"
            )
            if r.status is Status.FAIL:
                # Two reports on the same year may count different scopes: warn only.
                r = attrs.evolve(
                    r,
                    status=Status.WARN,
                    severity=Severity.WARNING,
                    reason="different_value_same_year",
                )
            out.append(r)
    return out


# ---------------------------------------------------------------------------------------
# running


def _as_reports(report_or_reports: Report | Iterable[Report]) -> list[Report]:
    if isinstance(report_or_reports, Report):
        return [report_or_reports]
    if isinstance(report_or_reports, (str, bytes)) or not isinstance(report_or_reports, Iterable):
        raise TypeError(
            "check() takes a Report or an iterable of Reports, got "
            f"{type(report_or_reports).__name__}"
        )
    reports = list(report_or_reports)
    for i, r in enumerate(reports):
        if not isinstance(r, Report):
            raise TypeError(f"item {i} is a {type(r).__name__}, not a Report")
    return reports


def line_up(reports: Sequence[Report]) -> list[tuple[Report, Report]]:
    """The ordered pairs ``(earlier, later)`` that cross-report checks compare.

    Two reports line up when they have years, those years are equal or consecutive, and
    they share a jurisdiction. A report without a jurisdiction is paired only when no
    report in the run has one (then all are taken to be the same body).

    Args:
        reports: The reports of one run.

    Returns:
        Pairs with ``earlier.year <= later.year``; equal-year pairs appear once.

    Examples:
        >>> import lawgov_metrics as lm
        >>> a = lm.Report(text="", jurisdiction="花都区", year=2022)
        >>> b = lm.Report(text="", jurisdiction="花都区", year=2023)
        >>> c = lm.Report(text="", jurisdiction="番禺区", year=2023)
        >>> [(x.label, y.label) for x, y in line_up([b, a, c])]
        [('花都区 2022', '花都区 2023')]
    """
    all_unknown = all(r.jurisdiction is None for r in reports)
    pairs: list[tuple[Report, Report]] = []
    for i, a in enumerate(reports):
        for j, b in enumerate(reports):
            if i == j or a.year is None or b.year is None:
                continue
            if a.jurisdiction is None or b.jurisdiction is None:
                if not all_unknown:
                    continue
            elif a.jurisdiction != b.jurisdiction:
                continue
            if b.year == a.year + 1 or (b.year == a.year and i < j):
                pairs.append((a, b))
    return pairs


def _crashed(check_id: str, exc: Exception, reports: Sequence[Report]) -> CheckResult:
    return _undecidable(
        check_id,
        "internal_error",
        f"check {check_id} failed on {', '.join(_label(*reports))}: {type(exc).__name__}: {exc}",
        reports=reports,
    )


def _run(spec: CheckSpec, reports: Sequence[Report], config: CheckConfig) -> list[CheckResult]:
    out: list[CheckResult] = []
    if spec.per_report is not None:
        for r in reports:
            try:
                out.extend(spec.per_report(r, config))
            except Exception as exc:  # one broken check must not stop the batch
                out.append(_crashed(spec.id, exc, (r,)))
    if spec.per_pair is not None and len(reports) > 1:
        for a, b in line_up(reports):
            try:
                out.extend(spec.per_pair(a, b, config))
            except Exception as exc:  # one broken check must not stop the batch
                out.append(_crashed(spec.id, exc, (a, b)))
        if spec.scope == "pair":
            out.extend(_missing_year(spec.id, r) for r in reports if r.year is None)
    return out


def _missing_year(check_id: str, report: Report) -> CheckResult:
    return _undecidable(
        check_id,
        "missing_year",
        f"{report.label} has no year, so it cannot be lined up with the other reports",
        reports=(report,),
    )


def _config(config: CheckConfig | None) -> CheckConfig:
    return CheckConfig() if config is None else config


class _OnReports(Protocol):
    def __call__(
        self, report: Report | Iterable[Report], *, config: CheckConfig | None = None
    ) -> list[CheckResult]: ...


class _OnPairs(Protocol):
    def __call__(
        self, reports: Iterable[Report], *, config: CheckConfig | None = None
    ) -> list[CheckResult]: ...


@overload
def _public(check_id: str, doc: str) -> _OnReports: ...
@overload
def _public(check_id: str, doc: str, *, pair: Literal[True]) -> _OnPairs: ...
def _public(check_id: str, doc: str, *, pair: bool = False) -> _OnReports | _OnPairs:
    """The public function ``check_<id>`` running the check ``check_id`` alone.

    It takes a report or a list of reports (``pair=True``: a list, named ``reports``) and
    an optional :class:`CheckConfig`, and returns the results of that check only.
    """

    def on_reports(
        report: Report | Iterable[Report], *, config: CheckConfig | None = None
    ) -> list[CheckResult]:
        return _run(CHECKS[check_id], _as_reports(report), _config(config))

    def on_pairs(
        reports: Iterable[Report], *, config: CheckConfig | None = None
    ) -> list[CheckResult]:
        return on_reports(reports, config=config)

    function = on_pairs if pair else on_reports
    function.__name__ = function.__qualname__ = "check_" + check_id.replace(".", "_")
    function.__doc__ = doc
    return function


check_growth_implied_prior = _public(
    "growth.implied_prior",
    """``growth.implied_prior``: the prior-year value a growth claim implies.

    For current value ``c > 0`` and a reported growth whose unrounded interval is
    ``[glo, ghi)``, the prior lies in ``(c / (1 + ghi), c / (1 + glo)]``. For an exact count
    the candidates are the positive integers in it: none is a FAIL (``no_integer_prior``),
    some is a PASS with severity INFO whose message gives them. With a printed basis
    (较2022年558件) the basis must lie in the interval (FAIL ``growth_mismatch`` otherwise).
    A missing figure or rate, or a current value that is not positive, is UNDECIDABLE.

    Examples:
        >>> from decimal import Decimal
        >>> import lawgov_metrics as lm
        >>> fig = lm.Figure(quantity=lm.Quantity(value=Decimal(10), unit="件"), subject="申请")
        >>> rate = lm.Quantity(value=Decimal("33.3"), unit="%", resolution=Decimal("0.1"),
        ...                    rounded=True)
        >>> rep = lm.Report(text="", figures=[fig],
        ...                 claims=[lm.GrowthClaim(figure=fig, rate=rate, quote="增长33.3%")])
        >>> [r] = check_growth_implied_prior(rep)
        >>> r.status, r.reason
        (<Status.FAIL: 'fail'>, 'no_integer_prior')
    """,
)


check_growth_prior_report = _public(
    "growth.prior_report",
    """``growth.prior_report``: a growth claim against last year's report's own figure.

    For each growth claim in a report of year Y, the figures of the report of year Y-1 (same
    jurisdiction) for the same indicator are found (same subject, else the same vocabulary
    id, else the same :func:`subject_key`; units 件/宗/起 count alike; figures printed
    as bases of that report's own claims are left out). PASS when one lies in the implied
    interval, FAIL when the only value found does not, WARN when several different values
    are found and none fits, UNDECIDABLE when there is none.

    Examples:
        >>> check_growth_prior_report([])
        []
    """,
    pair=True,
)


check_growth_direction = _public(
    "growth.direction",
    """``growth.direction``: 同比增长 with a current value below last year's, or the reverse.

    Compares the current figure with the printed basis, or (across reports, for claims
    without a basis) with the previous year's figure for the same indicator. FAIL when the
    values go the other way, PASS when they agree, UNDECIDABLE when the written values
    overlap or several prior values are found.

    Examples:
        >>> check_growth_direction([])
        []
    """,
)


check_share_granularity = _public(
    "share.granularity",
    """``share.granularity``: GRIM for a rate tied to a count.

    A rate ``r`` of ``n`` items is possible only if some integer ``k`` in ``[0, n]`` has
    ``k / n`` inside the unrounded ``r``; with a printed numerator (结案170件,调解率17.4%)
    that numerator must do it. FAIL when not (``config.inferred_share_status``, WARN by
    default, when the count was only inferred from nearby text); UNDECIDABLE when there is
    no count or it is not exact.

    Examples:
        >>> check_share_granularity([])
        []
    """,
)


check_share_range = _public(
    "share.range",
    """``share.range``: a share below 0% or above 100%.

    Looks at rate-kind figures in % and the rates of share claims. A subject that may be a
    ratio rather than a share (完成率, 增长, 执行率 ...) is UNDECIDABLE, not FAIL, when out
    of range.

    Examples:
        >>> check_share_range([])
        []
    """,
)


check_share_all_100 = _public(
    "share.all_100",
    """``share.all_100``: 100% written next to counts that say not all.

    * A share claim of 100% with a printed part and total: PASS when they are equal;
      WARN (``rounded_to_100``) when the part is smaller but rounds to 100%; FAIL
      (``not_all``) when it does not even round to 100%.
    * A 100% completion rate (办结率, 结案率, 答复率 ...) in a section that also counts
      cases as 未办结 / 正在办理 / 逾期 (more than zero): WARN (``pending_count``).

    Examples:
        >>> check_share_all_100([])
        []
    """,
)


check_breakdown_part_exceeds_whole = _public(
    "breakdown.part_exceeds_whole",
    """``breakdown.part_exceeds_whole``: a part larger than its whole.

    Qualifiers are respected (``5500余`` is ``[5500, 5600)``); a part in another unit is
    UNDECIDABLE (件 is compared with 件 only).

    Examples:
        >>> check_breakdown_part_exceeds_whole([])
        []
    """,
)


check_breakdown_sum = _public(
    "breakdown.sum",
    """``breakdown.sum``: parts that should add up to their total but do not.

    An exhaustive breakdown (分别为, a complete list) FAILs when the sum of its parts cannot
    equal the total; a non-exhaustive one (其中) FAILs only when its parts exceed it. When
    the list's completeness was only inferred from its shape (``confidence="inferred"``)
    a sum that does not add up gets ``config.inferred_sum_status`` (WARN by default).

    Examples:
        >>> check_breakdown_sum([])
        []
    """,
)


check_duplicate_value = _public(
    "duplicate.value",
    """``duplicate.value``: the same value on two different indicators of one report.

    WARN only for exact values with at least ``config.duplicate_min_digits`` significant
    digits; never for 100%, for whole-number rates or rates with fewer than three digits;
    never for two figures with the same subject key, in the same clause (closer than 80
    characters), or tied together by a claim (a total and its part). UNDECIDABLE when one
    occurrence has no subject.

    Examples:
        >>> check_duplicate_value([])
        []
    """,
)


check_pp_change_rates = _public(
    "pp_change.rates",
    """``pp_change.rates``: a percentage-point change against the two rates.

    With both rates known (the printed basis, or last year's report) the true difference
    of the two rates must be able to round to the stated change (FAIL ``pp_mismatch``);
    with only the current rate the implied prior rate is given (PASS, INFO).

    Examples:
        >>> check_pp_change_rates([])
        []
    """,
)


check_streak_sequence = _public(
    "streak.sequence",
    """``streak.sequence``: 连续N年 in year Y needs 连续N-1年 in year Y-1.

    Streaks are matched by subject (award words such as 获评/荣获/等次 and years removed,
    then character-bigram similarity of at least 3/5). PASS when the streak advances by
    one, or when 连续两年 follows a report that mentions the first award; FAIL
    (``streak_jump``) when it grows by more than one; WARN (``streak_not_advancing``) when
    it does not grow; UNDECIDABLE when last year's report has no matching streak.

    Examples:
        >>> check_streak_sequence([])
        []
    """,
    pair=True,
)


check_restated_figure = _public(
    "restated.figure",
    """``restated.figure``: a later report restating an earlier year's figure differently.

    * A growth or percentage-point claim's printed basis (较2022年558件) against the
      previous year's report's own figure for the indicator.
    * A carry-in (上年结转) against the previous year's carry-out (结转下年度).
    * Two reports on the same year with the same subject and different values: WARN
      (``different_value_same_year``), since they may count different scopes.

    Examples:
        >>> check_restated_figure([])
        []
    """,
    pair=True,
)


CHECKS: Mapping[str, CheckSpec] = types.MappingProxyType(
    {
        s.id: s
        for s in (
            CheckSpec(
                id="growth.implied_prior",
                title="a growth rate no integer prior can produce; the implied prior",
                scope="report",
                function=check_growth_implied_prior,
                per_report=_growth_implied_prior,
            ),
            CheckSpec(
                id="growth.prior_report",
                title="a growth claim against the prior year's report",
                scope="pair",
                function=check_growth_prior_report,
                per_pair=_growth_prior_report,
            ),
            CheckSpec(
                id="growth.direction",
                title="a stated rise where the value fell, or the reverse",
                scope="both",
                function=check_growth_direction,
                per_report=_growth_direction,
                per_pair=_growth_direction_pair,
            ),
            CheckSpec(
                id="share.granularity",
                title="a rate no integer count can produce (GRIM)",
                scope="report",
                function=check_share_granularity,
                per_report=_share_granularity,
            ),
            CheckSpec(
                id="share.range",
                title="a share outside [0%, 100%]",
                scope="report",
                function=check_share_range,
                per_report=_share_range,
            ),
            CheckSpec(
                id="share.all_100",
                title="100% next to counts that say not all",
                scope="report",
                function=check_share_all_100,
                per_report=_share_all_100,
            ),
            CheckSpec(
                id="breakdown.part_exceeds_whole",
                title="a part larger than its whole",
                scope="report",
                function=check_breakdown_part_exceeds_whole,
                per_report=_breakdown_part_exceeds_whole,
            ),
            CheckSpec(
                id="breakdown.sum",
                title="parts that do not add up to their total",
                scope="report",
                function=check_breakdown_sum,
                per_report=_breakdown_sum,
            ),
            CheckSpec(
                id="duplicate.value",
                title="one value on two different indicators",
                scope="report",
                function=check_duplicate_value,
                per_report=_duplicate_value,
            ),
            CheckSpec(
                id="pp_change.rates",
                title="a percentage-point change against the two rates",
                scope="both",
                function=check_pp_change_rates,
                per_report=_pp_change_rates,
                per_pair=_pp_change_pair,
            ),
            CheckSpec(
                id="streak.sequence",
                title="连续N年 that does not follow last year's",
                scope="pair",
                function=check_streak_sequence,
                per_pair=_streak_sequence,
            ),
            CheckSpec(
                id="restated.figure",
                title="an earlier year's figure restated differently",
                scope="pair",
                function=check_restated_figure,
                per_pair=_restated_figure,
            ),
        )
    }
)


def _select(checks: Iterable[str] | None, exclude: Iterable[str]) -> list[CheckSpec]:
    def expand(ids: Iterable[str], what: str) -> set[str]:
        if isinstance(ids, str):
            ids = [ids]
        chosen: set[str] = set()
        for i in ids:
            hit = {k for k in CHECKS if k == i or (i.endswith(".") and k.startswith(i))}
            hit |= {k for k in CHECKS if k.startswith(i + ".")}
            if not hit:
                raise ValueError(
                    f"unknown check {i!r} in {what}; known checks: {', '.join(CHECKS)}"
                )
            chosen |= hit
        return chosen

    wanted = set(CHECKS) if checks is None else expand(checks, "checks")
    wanted -= expand(exclude, "exclude")
    return [s for k, s in CHECKS.items() if k in wanted]


def _apply_severity(r: CheckResult, config: CheckConfig) -> CheckResult:
    sev = config.severity
    if not sev:
        return r
    if r.status in (Status.FAIL, Status.WARN) and r.check in sev:
        return attrs.evolve(r, severity=sev[r.check])
    if r.status in sev:
        return attrs.evolve(r, severity=sev[r.status])
    return r


def _testable(reports: Sequence[Report], results: Sequence[CheckResult]) -> int:
    used: dict[str, set[tuple[tuple[int, int], str]]] = {}
    for r in results:
        if r.status is Status.UNDECIDABLE:
            continue
        for label in r.reports:
            used.setdefault(label, set()).update((f.span, f.quote) for f in r.figures)
    n = 0
    for rep in reports:
        keys = used.get(rep.label, set())
        n += sum(1 for f in rep.figures if (f.span, f.quote) in keys)
    return n


def check(
    report_or_reports: Report | Iterable[Report],
    *,
    scheme: Scheme = "half_up",
    checks: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    more_than: Literal["next_unit", "unbounded"] = "next_unit",
    duplicate_min_digits: int = 3,
    inferred_share_status: Status = Status.WARN,
    inferred_sum_status: Status = Status.WARN,
    severity: Mapping[str | Status, Severity] | None = None,
) -> CheckReport:
    """Run the catalogue on one report, or on several with cross-report checks.

    Args:
        report_or_reports: A :class:`~lawgov_metrics.Report` or an iterable of them. Reports
            of the same jurisdiction (or all without one) in consecutive years are compared
            with each other (see :func:`line_up`).
        scheme: Rounding scheme for every written figure (default ``half_up``, 四舍五入).
        checks: Ids to run (a prefix such as ``"growth"`` selects a family); default all.
        exclude: Ids (or prefixes) not to run.
        more_than: 余/多 convention, ``"next_unit"`` or ``"unbounded"``.
        duplicate_min_digits: Significant digits a value needs for ``duplicate.value``.
        inferred_share_status: Status of a failed GRIM test on a count inferred from
            neighbouring text (default WARN).
        inferred_sum_status: Status of a ``breakdown.sum`` mismatch on a list only inferred
            to be complete from its shape (``BreakdownClaim.confidence == "inferred"``;
            default WARN).
        severity: Severity overrides by check id (for its FAIL and WARN results) or by
            :class:`~lawgov_metrics.Status`.

    Returns:
        A :class:`~lawgov_metrics.CheckReport` with every result, ``n_figures`` (figures
        in the reports) and ``n_testable`` (figures some check could test).

    Raises:
        TypeError: ``report_or_reports`` is not a Report or an iterable of Reports.
        ValueError: An unknown check id, scheme, convention or threshold.

    Examples:
        >>> import lawgov_metrics as lm
        >>> rep = lm.Report(text="", jurisdiction="花都区", year=2023)
        >>> check(rep)
        <CheckReport 0 results: 0 fail, 0 warn, 0 pass, 0 undecidable; 0/0 figures testable>
        >>> check(rep, checks=["growth.bogus"])
        Traceback (most recent call last):
        ...
        ValueError: unknown check 'growth.bogus' in checks; known checks: ...
    """
    config = CheckConfig(
        scheme=scheme,
        more_than=more_than,
        duplicate_min_digits=duplicate_min_digits,
        inferred_share_status=inferred_share_status,
        inferred_sum_status=inferred_sum_status,
        severity=severity or {},
    )
    specs = _select(checks, exclude)
    reports = _as_reports(report_or_reports)
    results: list[CheckResult] = []
    for spec in specs:
        results.extend(_apply_severity(r, config) for r in _run(spec, reports, config))
    return CheckReport(
        tuple(results),
        n_figures=sum(len(r.figures) for r in reports),
        n_testable=_testable(reports, results),
        reports=_label(*reports),
    )


# ---------------------------------------------------------------------------------------
# HOOK for lawgov_metrics.batch.check_many (port it when checks.py becomes a package): the
# cross-report half of check(), run on pairs the caller lined up. It is check()'s own
# code path for pairs (per_pair, _crashed, _missing_year, _apply_severity), so check_many's
# results are check()'s results.


def _cross_report_half(
    pairs: Iterable[tuple[Report, Report]],
    yearless: Iterable[Report] = (),
    *,
    checks: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    **settings: Any,
) -> list[CheckResult]:
    """What :func:`check` on a run adds to its reports' single-report results.

    Args:
        pairs: ``(earlier, later)`` pairs as :func:`line_up` gives them for the run.
        yearless: The run's reports without a year, when the run has more than one report
            (each gets the ``missing_year`` UNDECIDABLE of every pair-scope check).
        checks: As for :func:`check`.
        exclude: As for :func:`check`.
        **settings: The other keyword arguments of :func:`check` (the :class:`CheckConfig`
            fields).

    Returns:
        The cross-report results, severities applied.
    """
    config = CheckConfig(**settings)
    pairs, yearless = list(pairs), list(yearless)
    out: list[CheckResult] = []
    for spec in _select(checks, exclude):
        if spec.per_pair is None:
            continue
        for a, b in pairs:
            try:
                out.extend(spec.per_pair(a, b, config))
            except Exception as exc:  # one broken check must not stop the batch
                out.append(_crashed(spec.id, exc, (a, b)))
        if spec.scope == "pair":
            out.extend(_missing_year(spec.id, r) for r in yearless)
    return [_apply_severity(r, config) for r in out]

"""Reports built by hand for the checks' tests, so each check is tested apart from reading.

:class:`Doc` writes a report text piece by piece, so every figure's span matches its quote;
the ``*_doc`` helpers build one claim of each kind directly as records, with the binding
and alternatives a test asks for. Expected outcomes come from the oracles of
``tests/oracles.py`` and the small ones here, never from the code under test.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st
from oracles import places_of, round_half_up

import lawgov_metrics as lm
from lawgov_metrics.records import (
    BalanceClaim,
    Binding,
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

STATED, POSITIONAL, ARITHMETIC = Binding.STATED, Binding.POSITIONAL, Binding.ARITHMETIC


def qty(value: str, unit: str = "件", qualifier: Qualifier = Qualifier.EXACT) -> Quantity:
    """A Quantity as reading would write it: decimals and % are rounded values."""
    d = Decimal(value)
    exp = d.as_tuple().exponent
    assert isinstance(exp, int)
    places = max(0, -exp)
    rounded = places > 0 or unit in ("%", "个百分点")
    return Quantity(
        value=d,
        unit=unit,
        qualifier=qualifier,
        text=f"{value}{unit}",
        resolution=Decimal(1).scaleb(-places),
        rounded=rounded,
    )


class Doc:
    """Builds a report text piece by piece, so every figure's span matches its quote."""

    def __init__(self) -> None:
        self.text = ""
        self.figures: list[Figure] = []

    def say(self, words: str) -> Doc:
        self.text += words
        return self

    def fig(
        self,
        value: str,
        unit: str = "件",
        subject: str = "",
        *,
        kind: str | None = None,
        qualifier: Qualifier = Qualifier.EXACT,
        keep: bool = True,
    ) -> Figure:
        q = qty(value, unit, qualifier)
        quote = q.text
        start = len(self.text)
        self.text += quote
        if kind is None:
            kind = "rate" if unit == "%" else "count"
        f = Figure(
            quantity=q, subject=subject, quote=quote, span=(start, start + len(quote)), kind=kind
        )
        if keep:
            self.figures.append(f)
        return f

    def report(
        self,
        *claims: Any,
        jurisdiction: str | None = "测试区",
        year: int | None = 2023,
        doc_type: str | None = None,
    ) -> Report:
        return Report(
            text=self.text,
            figures=self.figures,
            claims=claims,
            jurisdiction=jurisdiction,
            year=year,
            doc_type=doc_type,
        )


def only(results: Any, check_id: str) -> lm.CheckResult:
    """The one result of ``check_id`` among ``results``."""
    mine = [r for r in results if r.check == check_id]
    assert len(mine) == 1, mine
    return mine[0]


def dec(x: Fraction, places: int) -> str:
    """``x`` written with ``places`` decimals (it must be on that grid)."""
    return format(Decimal(x.numerator) / Decimal(x.denominator), f".{places}f")


def alternatives(
    doc: Doc, values: list[int], unit: str = "件", subject: str = "另一数"
) -> tuple[Figure, ...]:
    """Figures written into ``doc`` as the other candidates a reading considered."""
    figs = []
    for v in values:
        doc.say("，另有")
        figs.append(doc.fig(str(v), unit, subject))
    return tuple(figs)


# -- growth ---------------------------------------------------------------------------------


def growth_doc(
    current: int,
    rate: str,
    *,
    basis: int | None = None,
    subject: str = "收到行政复议申请",
    binding: Binding = STATED,
    others: list[int] | None = None,
    year: int = 2023,
) -> Report:
    """``{subject}{current}件[,较上年{basis}件],同比增长{rate}%`` with one GrowthClaim."""
    d = Doc().say(subject)
    fig = d.fig(str(current), "件", subject)
    b = None
    if basis is not None:
        d.say(",较上年")
        b = d.fig(str(basis), "件", "上年" + subject)
    d.say(",同比增长" if not rate.startswith("-") else ",同比下降")
    rate_fig = d.fig(rate.lstrip("-"), "%", subject + "增长", kind="growth")
    alts = alternatives(d, others or [])
    claim = GrowthClaim(
        figure=fig,
        rate=qty(rate, "%"),
        rate_figure=rate_fig,
        basis=b,
        direction="down" if rate.startswith("-") else "up",
        subject=subject,
        quote=d.text,
        span=(0, len(d.text)),
        binding=binding,
        alternatives=alts,
    )
    return d.report(claim, year=year)


def count_report(
    value: int, year: int, subject: str = "收到行政复议申请", unit: str = "件"
) -> Report:
    d = Doc().say(subject)
    d.fig(str(value), unit, subject)
    return d.report(year=year)


def oracle_integer_priors(current: int, rate: str) -> list[int]:
    """Every positive integer prior whose exact growth rounds (half up) to ``rate``."""
    target = Fraction(Decimal(rate))
    places = places_of(rate)
    top = current * 10 + 1  # rates here are above -90%, so the prior is below 10x current
    return [
        p for p in range(1, top) if round_half_up(Fraction(current - p, p) * 100, places) == target
    ]


#: Written growth rates in percent, above -90%, with 0 to 2 decimals ("68.67", "-12.5").
rates = st.builds(
    lambda whole, frac, places: (
        f"{whole}.{frac:02d}"[: len(str(whole)) + 1 + places] if places else str(whole)
    ),
    st.integers(-89, 300),
    st.integers(0, 99),
    st.sampled_from([0, 1, 2]),
)


# -- shares ---------------------------------------------------------------------------------


def share_doc(
    total: int | None,
    rate: str,
    *,
    part: int | None = None,
    binding: Binding = STATED,
    total_q: Qualifier = Qualifier.EXACT,
    others: list[int] | None = None,
) -> Report:
    """``调解矛盾纠纷{total}宗[,调解成功{part}宗],成功率达{rate}%`` with one ShareClaim."""
    d = Doc().say("调解矛盾纠纷")
    t = d.fig(str(total), "宗", "调解矛盾纠纷", qualifier=total_q) if total is not None else None
    p = None
    if part is not None:
        d.say(",调解成功")
        p = d.fig(str(part), "宗", "调解成功")
    d.say(",成功率达")
    rf = d.fig(rate, "%", "成功率")
    alts = alternatives(d, others or [], "宗")
    claim = ShareClaim(
        rate=rf.quantity,
        rate_figure=rf,
        total=t,
        part=p,
        binding=binding,
        alternatives=alts,
        quote=d.text,
    )
    return d.report(claim)


def oracle_grim(n: int, rate: str) -> bool:
    target, places = Fraction(Decimal(rate)), places_of(rate)
    return any(round_half_up(Fraction(100 * k, n), places) == target for k in range(n + 1))


# -- breakdowns and balances ----------------------------------------------------------------


def breakdown_doc(
    total: str,
    parts: list[str],
    *,
    exhaustive: bool,
    units: list[str] | None = None,
    total_q: Qualifier = Qualifier.EXACT,
    binding: Binding = STATED,
    others: list[int] | None = None,
    subjects: list[str] | None = None,
) -> Report:
    """``共收到申请{total}件,分别为|其中第i类{part}件…`` with one BreakdownClaim."""
    d = Doc().say("共收到申请")
    t = d.fig(total, "件", "收到申请", qualifier=total_q)
    d.say(",分别为" if exhaustive else ",其中")
    ps = []
    for i, p in enumerate(parts):
        d.say(f"第{i}类")
        name = subjects[i] if subjects else f"类别{i}"
        ps.append(d.fig(p, (units or ["件"] * len(parts))[i], name))
    alts = alternatives(d, others or [])
    claim = BreakdownClaim(
        total=t,
        parts=tuple(ps),
        exhaustive=exhaustive,
        binding=binding,
        alternatives=alts,
        quote=d.text,
    )
    return d.report(claim)


def balance_doc(
    received: int | None,
    carried_in: int | None,
    concluded: int | None,
    carried_out: int | None,
    *,
    handled: int | None = None,
    binding: Binding = STATED,
    others: list[int] | None = None,
    unit: str = "件",
) -> Report:
    """``收到申请…件,上年结转…件,办理…件,办结…件,结转下年度…件`` with one BalanceClaim."""
    d = Doc()
    terms: dict[str, Figure | None] = {}
    for name, words, value in (
        ("received", "本年收到申请", received),
        ("carried_in", "，上年结转", carried_in),
        ("handled", "，共办理", handled),
        ("concluded", "，已办结", concluded),
        ("carried_out", "，结转下年度继续办理", carried_out),
    ):
        if value is None:
            terms[name] = None
            continue
        d.say(words)
        terms[name] = d.fig(str(value), unit, words.strip("，"))
    alts = alternatives(d, others or [], unit)
    claim = BalanceClaim(
        received=terms["received"],
        carried_in=terms["carried_in"],
        handled=terms["handled"],
        concluded=terms["concluded"],
        carried_out=terms["carried_out"],
        binding=binding,
        alternatives=alts,
        quote=d.text,
        span=(0, len(d.text)),
    )
    return d.report(claim)


# -- percentage points ----------------------------------------------------------------------


def pp_doc(
    prior: str | None,
    current: str | None,
    pp: str,
    *,
    down: bool = False,
    binding: Binding = STATED,
    others: list[str] | None = None,
    year: int = 2023,
    subject: str = "败诉率",
) -> Report:
    """``败诉率{current}%[,上年为{prior}%],提高|下降{pp}个百分点`` with one PPChangeClaim."""
    d = Doc().say(subject)
    cur = d.fig(current, "%", subject) if current is not None else None
    b = None
    if prior is not None:
        d.say(",上年为")
        b = d.fig(prior, "%", "上年" + subject)
    d.say(",下降" if down else ",提高")
    rf = d.fig(pp, "个百分点", subject + "变化", kind="pp_change")
    alts = []
    for o in others or []:
        d.say("，另一比率")
        alts.append(d.fig(o, "%", "另一比率"))
    claim = PPChangeClaim(
        rate=qty(("-" + pp) if down else pp, "个百分点"),
        rate_figure=rf,
        figure=cur,
        basis=b,
        direction="down" if down else "up",
        binding=binding,
        alternatives=tuple(alts),
        quote=d.text,
    )
    return d.report(claim, year=year)


def rate_report(value: str, year: int, subject: str = "败诉率") -> Report:
    d = Doc().say(subject)
    d.fig(value, "%", subject)
    return d.report(year=year)


# -- streaks --------------------------------------------------------------------------------


def streak_report(
    years: int | None, year: int, subject: str = "法治广州建设考评优秀等次", mention: str = ""
) -> Report:
    d = Doc().say(mention)
    claims = []
    if years is not None:
        start = len(d.text)
        d.say(f"{subject}连续{years}年获评")
        claims.append(
            StreakClaim(
                years=years, subject=subject, quote=f"连续{years}年", span=(start, len(d.text))
            )
        )
    return d.report(*claims, year=year)

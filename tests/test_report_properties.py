"""Whole-report properties: generated 法治政府建设 reports through ``extract`` and ``check``.

Hypothesis builds report texts from templates in the style of the annual rule-of-law and
government-information reports: counts with growth rates computed from a generated prior
with exact Fractions and rounded half up, shares computed from generated counts, 其中 and
分别为 breakdowns, percentage-point changes between two written rates, streaks, ranks,
qualified big numbers and distracting sentences (dates, document numbers, 二十大, 一是/二是,
12345热线), with varied punctuation, full-width digits, section headings and sentence order.

Properties:

* a genuine report gives no FAIL, alone and with the previous year's report of the same
  jurisdiction;
* a single mutation that the exact oracle says is inconsistent is flagged by the right check
  (FAIL, or WARN where the catalogue says WARN) whenever extraction tied the figures the
  check needs; the tie rate and detection rate per mutation kind are collected in ``STATS``
  and printed by ``test_detection_summary`` (``pytest -s``).

Single texts broken at one relation (a growth no whole prior gives, a share no count gives,
a list that does not add up) are drawn by :func:`lawgov_metrics.strategies.report_texts`
and tested in ``test_strategies_texts.py``; this file keeps what that strategy does not
draw: pairs of consecutive reports, growth written 增长N倍 or 与上年持平 or on a current of
28300余件 or 约3.5万件, and a 100% share with fewer done.
"""

from __future__ import annotations

import os
import random
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracles import round_half_up

import lawgov_metrics as lm
from lawgov_metrics.results import Status

# ---------------------------------------------------------------------------------------
# exact oracle


def dec(x: Fraction, places: int) -> str:
    """The exact decimal ``x`` (already on the grid) written with ``places`` decimals."""
    q = Decimal(x.numerator) / Decimal(x.denominator)
    return format(q.quantize(Decimal(1).scaleb(-places)), "f")


def growth_written(prior: int, current: int, places: int) -> tuple[str, Fraction]:
    """The direction word and |rate| a report writes for ``prior`` → ``current``."""
    g = Fraction(current - prior, prior) * 100
    r = round_half_up(abs(g), places)
    if r == 0:
        return "flat", r
    return ("up" if g > 0 else "down"), r


def growth_fits(prior: int, current: int, direction: str, rate: Fraction, places: int) -> bool:
    """Whether a true prior ``prior`` gives the written rate (the oracle).

    持平 does not say to how many decimals the change rounds to zero: a whole percent.
    """
    if direction == "flat":
        return growth_written(prior, current, 0)[0] == "flat"
    return growth_written(prior, current, places) == (direction, rate)


def share_fits(k: int, n: int, rate: Fraction, places: int) -> bool:
    """Whether ``k`` of ``n`` rounds to ``rate`` (100% is always written without decimals)."""
    return round_half_up(Fraction(k * 100, n), 0 if rate == 100 else places) == rate


# ---------------------------------------------------------------------------------------
# facts and their sentences

SUBJECTS = [
    "行政复议申请",
    "行政诉讼案件",
    "政府信息公开申请",
    "行政许可事项",
    "信访事项",
    "行政处罚案件",
    "法律援助案件",
    "公共法律服务咨询",
    "规范性文件备案审查",
    "行政执法检查",
    "人民调解案件",
    "重大行政决策事项",
]
RATE_SUBJECTS = [
    ("行政机关负责人", "出庭应诉率"),
    ("行政复议决定", "履行率"),
    ("政务服务事项", "网上办理率"),
    ("行政执法案卷", "优良率"),
    ("重大行政决策", "合法性审查率"),
]
PARTS = [
    ("依申请公开", "主动公开", "不予公开"),
    ("驳回", "维持", "撤销"),
    ("当场办结", "限时办结", "转办"),
    ("警告", "罚款", "没收违法所得"),
]
AWARDS = [
    "全省法治政府建设考评优秀等次",
    "全市依法行政考核第一等次",
    "全国普法工作先进单位",
]
CN = "零一二三四五六七八九十"


def cn_small(n: int) -> str:
    if n <= 10:
        return CN[n]
    return "十" + (CN[n - 10] if n > 10 else "")


@dataclass
class Growth:
    subject: str
    prior: int
    current: int
    places: int
    times: bool = False  # written as 增长N倍 (current is an exact multiple)
    direction: str = ""
    rate: Fraction = Fraction(0)
    verb: str = "共收到"
    word: str = "同比"
    qual: str = ""  # "", "余" (N余件) or "万" (约N万件)
    basis: bool = False  # the prior is printed: 较上年的N件增长…

    def __post_init__(self) -> None:
        if not self.direction:
            self.direction, self.rate = growth_written(self.prior, self.current, self.places)

    def written_current(self) -> str:
        """The current value as written: exact, ``N余`` or ``约N万`` (the true value inside)."""
        t = self.current
        if self.qual == "余" and t >= 1000:
            unit = 10 ** (len(str(t)) - 2)
            return f"{t - t % unit}余"
        if self.qual == "万" and t >= 20000:
            return f"约{dec(round_half_up(Fraction(t, 10000), 1), 1)}万"
        return str(t)

    def render(self, year: int = 2023) -> str:
        cur = self.written_current()
        head = f"全年{self.verb}{self.subject}{cur}件，"
        if self.basis:
            head += f"较{year - 1}年的{self.prior}件" if year % 2 else f"较上年的{self.prior}件"
        else:
            head += self.word
        if self.times:
            return head + f"增长{(self.current - self.prior) // self.prior}倍"
        if self.direction == "flat":
            return f"全年{self.verb}{self.subject}{cur}件，与上年持平"
        word = "增长" if self.direction == "up" else "下降"
        return head + f"{word}{dec(self.rate, self.places)}%"


@dataclass
class Share:
    subject: str
    n: int
    k: int
    places: int
    with_part: bool
    rate: Fraction | None = None
    label: str = "办结"
    zhan: bool = False  # 其中A k件，占r%

    def __post_init__(self) -> None:
        if self.rate is None:
            self.rate = round_half_up(Fraction(self.k * 100, self.n), self.places)

    def render(self) -> str:
        assert self.rate is not None
        r = "100" if self.rate == 100 else dec(self.rate, self.places)
        if self.with_part and self.zhan:
            return f"共办理{self.subject}{self.n}件，其中{self.label}{self.k}件，占{r}%"
        if self.with_part:
            return f"办理{self.subject}{self.n}件，{self.label}{self.k}件，{self.label}率{r}%"
        return f"共办理{self.subject}{self.n}件，{self.label}率为{r}%"


@dataclass
class Breakdown:
    subject: str
    total: int
    names: tuple[str, ...]
    parts: list[int]
    exhaustive: bool

    def render(self) -> str:
        listed = "、".join(f"{a}{b}件" for a, b in zip(self.names, self.parts, strict=True))
        if self.exhaustive:
            return f"办理{self.subject}{self.total}件，分别为{listed}"
        return f"共办理{self.subject}{self.total}件，其中{listed}"


@dataclass
class PP:
    subject: str
    label: str
    prior: Fraction
    current: Fraction
    places: int
    pp: Fraction | None = None
    up: bool | None = None
    style: str = ""  # "from_to": 由上年的r1%提高到r2%; "paren": …个百分点(上年为r1%)

    def __post_init__(self) -> None:
        if self.pp is None:
            d = self.current - self.prior
            self.pp, self.up = abs(d), d >= 0

    def render(self) -> str:
        assert self.pp is not None
        word = "提高" if self.up else "下降"
        cur = dec(self.current, self.places)
        if self.style == "paren" and self.pp != 0:
            return (
                f"{self.subject}{self.label}为{cur}%，较上年{word}{dec(self.pp, self.places)}"
                f"个百分点（上年为{dec(self.prior, self.places)}%）"
            )
        if self.style == "from_to" and self.pp != 0:
            verb = "提高到" if self.up else "下降到"
            return (
                f"{self.subject}{self.label}由上年的{dec(self.prior, self.places)}%{verb}{cur}%，"
                f"{word}{dec(self.pp, self.places)}个百分点"
            )
        if self.pp == 0:
            return f"{self.subject}{self.label}为{cur}%，与上年持平"
        return (
            f"{self.subject}{self.label}为{cur}%，较上年{word}{dec(self.pp, self.places)}个百分点"
        )

    def render_prior(self) -> str:
        return f"{self.subject}{self.label}为{dec(self.prior, self.places)}%"


@dataclass
class Streak:
    award: str
    years: int

    def render(self) -> str:
        if self.years == 1:
            return f"获评{self.award}"
        word = "两" if self.years == 2 else cn_small(self.years)
        return f"连续{word}年获评{self.award}"


DISTRACTORS = [
    "2023年3月15日，区委全面依法治区委员会召开第五次会议",
    "印发《关于进一步加强行政规范性文件管理的通知》（区府办〔2023〕5号）",
    "深入学习贯彻党的二十大精神，一是健全工作机制，二是压实工作责任，三是强化督促检查",
    "畅通12345政务服务便民热线，实现7×24小时服务",
    "在全市法治政府建设考核中排名第{rank}名",
    "发布政务信息{big}余条，近万人次参加网上学法考试",
    "全区约{wan}万名群众参与普法活动，累计开展培训{sessions}场次",
    "严格落实《中华人民共和国政府信息公开条例》第五十条规定",
    "2022年12月31日前完成清理，保留规范性文件{docs}件",
]


@dataclass
class Doc:
    """One generated report: its facts, distractors, layout and style switches."""

    year: int
    growths: list[Growth]
    shares: list[Share]
    breakdowns: list[Breakdown]
    pps: list[PP]
    streaks: list[Streak]
    distractors: list[str]
    order: list[int]
    comma: str = "，"
    full_width: bool = False
    headings: bool = True
    extra: list[str] = field(default_factory=list)

    def sentences(self) -> list[str]:
        out = [g.render(self.year) for g in self.growths]
        out += [s.render() for s in self.shares]
        out += [b.render() for b in self.breakdowns]
        out += [p.render() for p in self.pps]
        out += [s.render() for s in self.streaks]
        out += self.distractors + self.extra
        return [out[i] for i in self.order if i < len(out)] + out[len(self.order) :]

    def text(self) -> str:
        body = [s.replace("，", self.comma) + "。" for s in self.sentences()]
        if self.full_width:
            table = str.maketrans("0123456789", "０１２３４５６７８９")
            body = [s.translate(table) if i % 2 else s for i, s in enumerate(body)]
        lines = [f"某某区人民政府关于{self.year}年度法治政府建设情况的报告", ""]
        heads = ["一、主要工作和成效", "（一）行政复议和应诉", "1.化解行政争议", "二、存在的不足"]
        for i, s in enumerate(body):
            if self.headings and i % 3 == 0 and i // 3 < len(heads):
                lines.append(heads[i // 3])
            lines.append(s)
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------
# strategies


@st.composite
def growths(draw: st.DrawFn, subject: str) -> Growth:
    prior = draw(st.integers(1, 5000))
    places = draw(st.sampled_from([0, 1, 2, 2]))
    if draw(st.integers(0, 9)) == 0:
        m = draw(st.integers(1, 4))
        return Growth(subject, prior, prior * (m + 1), places, times=True)
    kind = draw(st.sampled_from(["up", "down", "near"]))
    if kind == "up":
        current = prior + draw(st.integers(1, max(1, prior * 2)))
    elif kind == "down":
        current = max(1, prior - draw(st.integers(1, prior)))
    else:
        current = max(1, prior + draw(st.integers(-3, 3)))
    verb = draw(st.sampled_from(["共收到", "受理", "新收", "办理"]))
    word = draw(st.sampled_from(["同比", "较上年", "比上年"]))
    qual = draw(st.sampled_from(["", "", "", "余", "万"]))
    if qual:
        prior = prior * draw(st.integers(10, 200))
        current = max(1, prior + draw(st.integers(-prior // 2, prior)))
    basis = not qual and draw(st.integers(0, 3)) == 0
    return Growth(subject, prior, current, places, verb=verb, word=word, qual=qual, basis=basis)


@st.composite
def shares(draw: st.DrawFn, subject: str) -> Share:
    n = draw(st.integers(1, 3000))
    full = draw(st.integers(0, 3)) == 0
    k = n if full else draw(st.integers(0, n))
    places = draw(st.sampled_from([1, 2, 2]))
    label = draw(st.sampled_from(["办结", "结案", "化解", "调解成功"]))
    with_part = draw(st.booleans())
    zhan = with_part and draw(st.booleans())
    if zhan:
        label = draw(st.sampled_from(["依申请公开", "调解结案", "维持"]))
    return Share(subject, n, k, places, with_part=with_part, label=label, zhan=zhan)


@st.composite
def breakdowns(draw: st.DrawFn, subject: str) -> Breakdown:
    names = draw(st.sampled_from(PARTS))
    count = draw(st.integers(2, 3))
    parts = [draw(st.integers(0, 800)) for _ in range(count)]
    exhaustive = draw(st.booleans())
    if exhaustive and sum(parts) == 0:
        parts[0] = 1
    total = sum(parts) + (0 if exhaustive else draw(st.integers(0, 500)))
    return Breakdown(subject, max(total, 1), names[:count], parts, exhaustive)


@st.composite
def pps(draw: st.DrawFn, which: tuple[str, str]) -> PP:
    places = draw(st.sampled_from([1, 2]))
    scale = 10**places
    prior = Fraction(draw(st.integers(0, 100 * scale)), scale)
    current = Fraction(draw(st.integers(0, 100 * scale)), scale)
    return PP(
        which[0],
        which[1],
        prior,
        current,
        places,
        style=draw(st.sampled_from(["", "from_to", "paren"])),
    )


@st.composite
def docs(draw: st.DrawFn) -> Doc:
    subjects = draw(st.permutations(SUBJECTS))
    ng, ns, nb = draw(st.integers(1, 4)), draw(st.integers(0, 3)), draw(st.integers(0, 2))
    gs = [draw(growths(s)) for s in subjects[:ng]]
    ss = [draw(shares(s)) for s in subjects[ng : ng + ns]]
    bs = [draw(breakdowns(s)) for s in subjects[ng + ns : ng + ns + nb]]
    rates = draw(st.permutations(RATE_SUBJECTS))
    ps = [draw(pps(r)) for r in rates[: draw(st.integers(0, 2))]]
    awards = draw(st.permutations(AWARDS))
    sk = [Streak(a, draw(st.integers(2, 8))) for a in awards[: draw(st.integers(0, 2))]]
    picked = draw(st.lists(st.sampled_from(DISTRACTORS), max_size=4, unique=True))
    ds = [
        d.format(
            rank=draw(st.integers(1, 12)),
            big=draw(st.integers(10, 99)) * 100,
            wan=draw(st.integers(2, 40)),
            sessions=draw(st.integers(2, 90)),
            docs=draw(st.integers(5, 99)),
        )
        for d in picked
    ]
    total = len(gs) + len(ss) + len(bs) + len(ps) + len(sk) + len(ds)
    order = draw(st.permutations(range(total)))
    return Doc(
        year=draw(st.integers(2019, 2024)),
        growths=gs,
        shares=ss,
        breakdowns=bs,
        pps=ps,
        streaks=sk,
        distractors=ds,
        order=list(order),
        comma=draw(st.sampled_from(["，", "，", ","])),
        full_width=draw(st.integers(0, 4)) == 0,
        headings=draw(st.booleans()),
    )


def previous_year(doc: Doc, rnd: random.Random) -> Doc:
    """The same jurisdiction's report of the year before: the priors, the rates, the streaks."""
    gs = []
    for g in doc.growths:
        before = max(1, g.prior + rnd.randint(-g.prior // 2, g.prior))
        gs.append(Growth(g.subject, before, g.prior, g.places))
    prior_rates = [f"{p.render_prior()}" for p in doc.pps]
    sk = [Streak(s.award, s.years - 1) for s in doc.streaks]
    ss = []
    for s in doc.shares:
        n = rnd.randint(1, 3000)
        ss.append(replace(s, n=n, k=rnd.randint(0, n), rate=None))
    bs = []
    for b in doc.breakdowns:
        parts = [rnd.randint(0, 800) for _ in b.parts]
        parts[0] = max(parts[0], 1)
        bs.append(
            replace(
                b, parts=parts, total=max(1, sum(parts) + rnd.randint(0, 9) * (1 - b.exhaustive))
            )
        )
    return Doc(
        year=doc.year - 1,
        growths=gs,
        shares=ss,
        breakdowns=bs,
        pps=[],
        streaks=sk,
        distractors=list(doc.distractors[:1]),
        order=list(range(len(gs) + len(ss) + len(bs) + len(sk) + 1)),
        comma=doc.comma,
        full_width=False,
        headings=doc.headings,
        extra=prior_rates,
    )


# ---------------------------------------------------------------------------------------
# running


def extract(doc: Doc) -> lm.Report:
    return lm.extract(doc.text(), jurisdiction="某某区", year=doc.year)


def describe(results: lm.CheckReport) -> str:
    return "\n".join(f"{r.check} {r.reason}: {r.message}" for r in results.failures)


STATS: dict[str, list[int]] = {}  # kind -> [mutations, tied, detected]


def tally(kind: str, tied: bool, detected: bool) -> None:
    row = STATS.setdefault(kind, [0, 0, 0])
    row[0] += 1
    row[1] += tied
    row[2] += tied and detected


SETTINGS = settings(
    max_examples=int(os.environ.get("LM_PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(docs())
def test_genuine_report_gives_no_fail(doc: Doc) -> None:
    text = doc.text()
    results = lm.check(extract(doc))
    assert not results.failures, f"{text}\n{describe(results)}"


@SETTINGS
@given(docs(), st.randoms(use_true_random=False))
def test_genuine_pair_gives_no_fail(doc: Doc, rnd: random.Random) -> None:
    before = previous_year(doc, rnd)
    reports = [extract(before), extract(doc)]
    results = lm.check(reports)
    assert not results.failures, f"{before.text()}\n{doc.text()}\n{describe(results)}"


# ---------------------------------------------------------------------------------------
# mutations


def fired(results: lm.CheckReport, ids: set[str], statuses: set[Status]) -> bool:
    return any(r.check in ids and r.status in statuses for r in results)


def growth_tied(report: lm.Report, g: Growth) -> bool:
    """Whether a growth claim ties the current count to the rate (and, where the prior is
    printed, 较2022年的558件, ties that prior as its basis)."""
    for c in report.claims:
        if (
            isinstance(c, lm.GrowthClaim)
            and c.figure is not None
            and c.rate is not None
            and c.figure.value == g.current
            and abs(c.rate.value) == Decimal(dec(g.rate, g.places))
            and (
                not g.basis
                or g.direction == "flat"  # 与上年持平 does not print the prior
                or (c.basis is not None and c.basis.value == g.prior)
            )
        ):
            return True
    return False


def share_tied(report: lm.Report, s: Share) -> bool:
    assert s.rate is not None
    for c in report.claims:
        if (
            isinstance(c, lm.ShareClaim)
            and c.total is not None
            and c.total.value == s.n
            and c.rate.value == Decimal(dec(s.rate, s.places))
        ):
            return not s.with_part or (c.part is not None and c.part.value == s.k)
    return False


@SETTINGS
@given(docs(), st.randoms(use_true_random=False), st.data())
def test_prior_report_mutation_is_flagged(
    doc: Doc, rnd: random.Random, data: st.DataObject
) -> None:
    before = previous_year(doc, rnd)
    i = data.draw(st.integers(0, len(doc.growths) - 1))
    g = doc.growths[i]
    if g.times or g.qual:
        return
    wrong = data.draw(st.integers(1, 3 * g.prior + 10))
    if growth_fits(wrong, g.current, g.direction, g.rate, g.places):
        return
    before.growths[i] = replace(before.growths[i], current=wrong, direction="", rate=Fraction(0))
    later = extract(doc)
    tied = growth_tied(later, g) and any(f.value == wrong for f in extract(before).figures)
    results = lm.check([extract(before), later])
    ids = {"growth.prior_report", "growth.direction", "restated.figure"}
    detected = fired(results, ids, {Status.FAIL})
    tally("next-year growth vs prior report", tied, detected)
    assert detected or not tied, f"{before.text()}\n{doc.text()}"


@SETTINGS
@given(docs(), st.data())
def test_not_all_mutation_is_flagged(doc: Doc, data: st.DataObject) -> None:
    n = data.draw(st.integers(2, 400))
    k = data.draw(st.integers(0, n - 1))
    places = data.draw(st.sampled_from([0, 1, 2]))
    if share_fits(k, n, Fraction(100), places):
        return  # rounds to 100%: WARN by the catalogue, not a mutation the oracle rejects
    bad = Share("行政应诉案件", n, k, places, with_part=True, rate=Fraction(100), label="出庭")
    doc.shares.append(bad)
    report = extract(doc)
    tied = share_tied(report, bad)
    detected = fired(lm.check(report), {"share.all_100", "share.granularity"}, {Status.FAIL})
    tally("100% with fewer done", tied, detected)
    assert detected or not tied, doc.text()


@SETTINGS
@given(docs(), st.randoms(use_true_random=False), st.data())
def test_pp_and_streak_mutations_are_flagged(
    doc: Doc, rnd: random.Random, data: st.DataObject
) -> None:
    before = previous_year(doc, rnd)
    if doc.pps:
        i = data.draw(st.integers(0, len(doc.pps) - 1))
        p = doc.pps[i]
        assert p.pp is not None
        h = Fraction(1, 2 * 10**p.places)
        off = data.draw(st.integers(3, 200)) * Fraction(1, 10**p.places)
        new = p.pp + off
        # the true rates lie within h of the written ones, the true change within h of pp
        assert abs((p.current - p.prior) - (new if p.up else -new)) > 3 * h
        bad = replace(p, pp=new)
        doc.pps[i] = bad
        later = extract(doc)
        tied = any(
            isinstance(c, lm.PPChangeClaim)
            and c.figure is not None
            and c.figure.value == Decimal(dec(p.current, p.places))
            and abs(c.rate.value) == Decimal(dec(new, p.places))
            # a prior printed beside the change (由上年的r1%, 上年为r1%) is its basis
            and (
                not p.style
                or (c.basis is not None and c.basis.value == Decimal(dec(p.prior, p.places)))
            )
            for c in later.claims
        )
        results = lm.check([extract(before), later])
        tally(
            "pp change vs the two rates", tied, fired(results, {"pp_change.rates"}, {Status.FAIL})
        )
        assert fired(results, {"pp_change.rates"}, {Status.FAIL}) or not tied
        doc.pps[i] = p
    if doc.streaks:
        i = data.draw(st.integers(0, len(doc.streaks) - 1))
        s = doc.streaks[i]
        jump = data.draw(st.booleans())
        if jump and s.years >= 4:
            # the earlier report must itself state a streak (a bare 获评 may be a second year)
            before.streaks[i] = Streak(s.award, data.draw(st.integers(2, s.years - 2)))
            kind, status = "streak jumps", Status.FAIL
        else:
            before.streaks[i] = Streak(s.award, s.years + data.draw(st.integers(0, 2)))
            kind, status = "streak does not advance (WARN)", Status.WARN
        r1, r2 = extract(before), extract(doc)
        tied = any(isinstance(c, lm.StreakClaim) for c in r2.claims)
        detected = fired(lm.check([r1, r2]), {"streak.sequence"}, {status})
        tally(kind, tied, detected)
        assert detected or not tied, f"{before.text()}\n{doc.text()}"


def test_detection_summary() -> None:
    """Print the tie and detection rates (run after the properties; ``pytest -s``)."""
    for kind, (n, tied, hit) in sorted(STATS.items()):
        print(f"{kind:40s} mutations {n:4d}  tied {tied:4d}  detected {hit:4d}")
    for n, tied, hit in STATS.values():
        assert hit == tied <= n

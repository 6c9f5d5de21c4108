"""Score extraction against hand-labelled gold files (precision and recall per file)."""

from __future__ import annotations

import json
import pathlib
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pytest

import lawgov_metrics as lm
from lawgov_metrics.extract import read_report

DATA = pathlib.Path(__file__).parent / "data"
GOLD_FILES = sorted(DATA.glob("*.gold.json"))
BAR = 0.98
#: The terms of a balance claim, as the gold files name them.
BALANCE_TERMS = ("received", "carried_in", "handled", "concluded", "carried_out")


def _dec(x: object) -> Decimal | None:
    return None if x is None else Decimal(str(x)).normalize()


def _load(gold_path: pathlib.Path) -> tuple[dict[str, Any], lm.Report]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return gold, read_report(DATA / gold["file"])


def _figure_scores(gold: dict[str, Any], report: lm.Report) -> tuple[int, int, int]:
    pool = [
        (_dec(f.value), f.unit, f.quantity.qualifier.value, f.span[0], f.span[1])
        for f in report.figures
        if f.kind not in ("streak", "rank")
    ]
    tp = fn = 0
    for g in gold["figures"]:
        want = (_dec(g["value"]), g["unit"], g["qualifier"])
        hit = next(
            (p for p in pool if p[:3] == want and p[3] < g["end"] and g["start"] < p[4]), None
        )
        if hit is None:
            fn += 1
            print("  missed figure", g["quote"], g["start"])
        else:
            pool.remove(hit)
            tp += 1
    for p in pool:
        print("  extra figure", p)
    return tp, len(pool), fn


def _claim_key(c: Any) -> tuple[object, ...]:
    def v(fig: lm.Figure | None) -> Decimal | None:
        return None if fig is None else _dec(fig.value)

    if c.kind == "growth":
        diff = None if c.difference is None else _dec(abs(c.difference.value))
        rate = None if c.rate is None else _dec(c.rate.value)
        return ("growth", v(c.figure), rate, diff, v(c.basis))
    if c.kind == "share":
        return ("share", _dec(c.rate.value), v(c.total), v(c.part))
    if c.kind == "pp_change":
        return ("pp_change", _dec(c.rate.value), v(c.figure), v(c.basis))
    if c.kind == "breakdown":
        return ("breakdown", v(c.total), tuple(v(p) for p in c.parts))
    if c.kind == "balance":
        return ("balance", *(v(getattr(c, t)) for t in BALANCE_TERMS))
    if c.kind == "streak":
        return ("streak", c.years)
    return ("rank", c.rank, c.scope)


class _Any:
    """Equal to anything: a gold field left unlabelled (an older gold file's pp basis)."""

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "ANY"


def _gold_key(g: dict[str, Any]) -> tuple[object, ...]:
    k = g["kind"]
    if k == "growth":
        return ("growth", _dec(g["figure"]), _dec(g["rate"]), _dec(g.get("difference")),
                _dec(g.get("basis")))  # fmt: skip
    if k == "share":
        return ("share", _dec(g["rate"]), _dec(g["total"]), _dec(g["part"]))
    if k == "pp_change":
        # the prior rate is compared when the gold file labels it (由X%提高到Y%)
        basis = _dec(g["basis"]) if "basis" in g else _Any()
        return ("pp_change", _dec(g["rate"]), _dec(g["figure"]), basis)
    if k == "breakdown":
        return ("breakdown", _dec(g["total"]), tuple(_dec(p) for p in g["parts"]))
    if k == "balance":
        return ("balance", *(_dec(g.get(t)) for t in BALANCE_TERMS))
    if k == "streak":
        return ("streak", g["years"])
    return ("rank", g["rank"], g["scope"])


def _claim_scores(gold: dict[str, Any], claims: Iterable[Any]) -> tuple[int, int, int]:
    pool = [_claim_key(c) for c in claims]
    tp = fn = 0
    for g in gold["claims"]:
        key = _gold_key(g)
        hit = next((p for p in pool if key == p), None)
        if hit is not None:
            pool.remove(hit)
            tp += 1
        else:
            fn += 1
            print("  missed claim", key)
    for p in pool:
        print("  extra claim", p)
    return tp, len(pool), fn


def _pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def test_gold_files_exist() -> None:
    assert len(GOLD_FILES) >= 4


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_figures_precision_recall(gold_path: pathlib.Path) -> None:
    gold, report = _load(gold_path)
    assert report.text  # the gold offsets refer to this text
    for g in gold["figures"]:
        assert report.text[g["start"] : g["end"]] == g["quote"], g
    p, r = _pr(*_figure_scores(gold, report))
    print(f"{gold_path.stem}: figures precision {p:.3f} recall {r:.3f}")
    assert p >= BAR
    assert r >= BAR


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_claims_precision_recall(gold_path: pathlib.Path) -> None:
    gold, report = _load(gold_path)
    p, r = _pr(*_claim_scores(gold, report.claims))
    print(f"{gold_path.stem}: claims precision {p:.3f} recall {r:.3f}")
    assert p >= BAR
    assert r >= BAR


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_metadata(gold_path: pathlib.Path) -> None:
    gold, report = _load(gold_path)
    meta = gold["metadata"]
    assert report.title == meta["title"]
    assert report.jurisdiction == meta["jurisdiction"]
    assert report.year == meta["year"]
    assert str(report.published) == meta["published"]
    assert report.source == meta["source"]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_span_holds_its_quote(gold_path: pathlib.Path) -> None:
    _, report = _load(gold_path)
    for f in report.figures:
        assert report.text[f.span[0] : f.span[1]] == f.quote
    for c in report.claims:
        assert report.text[c.span[0] : c.span[1]] == c.quote


def test_frames_work_on_the_seed() -> None:
    _, report = _load(DATA / "huadu-2023.gold.json")
    df = report.to_frame()
    assert len(df) == len(report.figures)
    assert df.loc[df["quote"] == "27亿条", "value"].iloc[0] == Decimal("2700000000")
    cf = report.claims_frame()
    assert set(cf["kind"]) >= {"growth", "share", "streak", "rank"}


#: Subject agreement per gold file (see _subject_agrees); the files score 0.93 to 1.00.
SUBJECT_BAR = 0.9
#: A change word a gold subject of a growth or pp figure may end with (败诉率下降): the
#: extractor gives such figures the subject of the figure they change (败诉率).
_CHANGE_TAIL = re.compile(
    r"(?:同比|较上年)?(?:增长|增加|上升|提高|提升|上涨|下降|减少|降低|下滑|回落)(?:倍数)?$"
)


def _subject_agrees(gold: str, got: str) -> bool:
    """Lenient agreement: one contains the other, or they share the head noun (last two
    characters), after dropping a change word from the end of the gold subject."""
    if not gold or not got:
        return False
    for g in {gold, _CHANGE_TAIL.sub("", gold)} - {""}:
        if g in got or got in g or g[-2:] == got[-2:]:
            return True
    return False


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_subject_agreement(gold_path: pathlib.Path) -> None:
    gold, report = _load(gold_path)
    pool = list(report.figures)
    paired = agree = 0
    for g in gold["figures"]:
        fig = next((f for f in pool if f.span[0] < g["end"] and g["start"] < f.span[1]), None)
        if fig is None:
            continue
        pool.remove(fig)
        paired += 1
        if _subject_agrees(g["subject"], fig.subject):
            agree += 1
        else:
            print("  subject", g["quote"], repr(g["subject"]), "got", repr(fig.subject))
    score = agree / paired if paired else 1.0
    print(f"{gold_path.stem}: subject agreement {score:.3f} ({agree}/{paired})")
    assert paired
    assert score >= SUBJECT_BAR

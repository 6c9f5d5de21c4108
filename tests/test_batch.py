"""extract_many and check_many: streaming, bounded, never losing a file, equal to check().

The central property: on any small corpus (reports of a few jurisdictions and years, with
duplicates, reports without a jurisdiction or a year), the results check_many streams are,
as a multiset, the results of ``lm.check(all_reports)``, whatever the executor, chunk size
or order.
"""

from __future__ import annotations

import collections
import gc
import multiprocessing
import os
import random
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_report_properties import docs, previous_year

import lawgov_metrics as lm
from lawgov_metrics.batch import _pool, _store, _tasks
from lawgov_metrics.results import Status

DATA = Path(__file__).parent / "data"
SEEDS = sorted(
    [*DATA.glob("*.txt"), *DATA.glob("*.html"), *(DATA.parent / "data_checks").glob("*")]
)
POOL = [lm.read_report(p) for p in SEEDS]
# Short reports whose pairs exercise every cross-report check: growth against last year's
# figure, a percentage-point change, a streak, a carry-over, same-year restatements.
TEXTS = [
    "2022年,全区共收到行政复议申请466件,办结450件,结转下年度16件。行政机关负责人出庭应诉率"
    "为95.5%。连续两年获评全省法治政府建设考评优秀等次。",
    "2023年,全区共收到行政复议申请786件,同比增长68.67%,上年结转16件。行政机关负责人出庭应诉"
    "率为97.2%,较上年提高1.7个百分点。连续三年获评全省法治政府建设考评优秀等次。",
    "2023年,全区共收到行政复议申请790件,较2022年的460件增长71.7%,上年结转18件。行政机关负责"
    "人出庭应诉率为97.2%,较上年提高2.7个百分点。连续五年获评全省法治政府建设考评优秀等次。",
    "2024年,全区共收到行政复议申请700件,同比下降10.94%。行政机关负责人出庭应诉率为98%。",
]
SMALL = [lm.extract(t) for t in TEXTS] + [
    lm.read_report(p) for p in sorted((DATA.parent / "data_checks").glob("*.txt"))
]
PLACES = [None, "花都区", "番禺区"]
YEARS = [None, 2021, 2022, 2023, 2024]


def results_of(items: list[lm.Checked]) -> collections.Counter[lm.CheckResult]:
    return collections.Counter(r for item in items for r in item.results)


def write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return p


GROWTH_2022 = "2022年,全区共收到行政复议申请466件。"
GROWTH_2023 = "2023年,全区共收到行政复议申请786件,同比增长68.67%。"


# ---------------------------------------------------------------------------------------
# the multiset property


@st.composite
def corpora(draw: st.DrawFn) -> list[lm.Report]:
    """Short reports, relabelled with a few jurisdictions and years."""
    picks = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(SMALL) - 1), st.sampled_from(PLACES), st.sampled_from(YEARS)
            ),
            max_size=8,
        )
    )
    if draw(st.booleans()):  # often, nobody has a jurisdiction: then all are one body
        picks = [(i, None, y) for i, _, y in picks]
    return [attrs.evolve(SMALL[i], jurisdiction=j, year=y) for i, j, y in picks]


@given(corpora(), st.integers(1, 4), st.booleans())
def test_check_many_gives_the_results_of_check(
    reports: list[lm.Report], chunksize: int, ordered: bool
) -> None:
    items = list(lm.check_many(reports, jobs=1, chunksize=chunksize, ordered=ordered))
    assert results_of(items) == collections.Counter(lm.check(reports).results)
    singles = [i for i in items if i.kind == "report"]
    assert [i.indexes for i in singles] == [(k,) for k in range(len(reports))]
    assert sum(i.results.n_figures for i in items) == lm.check(reports).n_figures


@given(docs(), st.randoms(use_true_random=False), st.sampled_from(["花都区", None]))
def test_check_many_on_generated_consecutive_years(
    doc: Any, rnd: random.Random, place: str | None
) -> None:
    before = previous_year(doc, rnd)
    reports = [lm.extract(d.text(), jurisdiction=place, year=d.year) for d in (doc, before)]
    items = list(lm.check_many(reports, jobs=1, chunksize=1))
    expected = lm.check(reports)
    assert results_of(items) == collections.Counter(expected.results)
    assert any(i.kind == "cross" and len(i.results) for i in items)


def _cross(items: list[lm.Checked]) -> list[tuple[Any, ...]]:
    return sorted(
        (i.indexes, i.labels, i.paths, tuple(i.results)) for i in items if i.kind == "cross"
    )


def test_a_jurisdiction_checked_in_one_task_is_not_read_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 花都区 2021-2024 lies in the first task (of 6 reports); 番禺区 has a report in both.
    years = [2021, 2022, 2023, 2024]
    reports = [attrs.evolve(SMALL[i], jurisdiction="花都区", year=y) for i, y in enumerate(years)]
    reports[4:4] = [attrs.evolve(SMALL[k], jurisdiction="番禺区", year=2022 + k) for k in (0, 1)]
    reports.insert(6, attrs.evolve(SMALL[2], jurisdiction="番禺区", year=2023))
    loaded: list[str] = []
    real = _tasks.load

    def load(blob: bytes) -> lm.Report:
        report = real(blob)
        loaded.append(report.label)
        return report

    monkeypatch.setattr(_tasks, "load", load)
    together = list(lm.check_many(reports, jobs=1, chunksize=6))
    assert sorted(loaded) == ["番禺区 2022", "番禺区 2023", "番禺区 2023"]
    loaded.clear()
    monkeypatch.setattr(_store.Store, "add_ready", lambda *_: None)  # as if apart
    apart = list(lm.check_many(reports, jobs=1, chunksize=6))
    assert sorted(loaded) == sorted(r.label for r in reports)
    assert _cross(together) == _cross(apart)
    assert next(i.indexes for i in together if i.kind == "cross") == (0, 1, 2, 3)
    assert results_of(together) == collections.Counter(lm.check(reports).results)


def test_the_options_of_check_apply() -> None:
    reports = [attrs.evolve(r, jurisdiction="花都区") for r in POOL if "huadu" in str(r.path)]
    options: dict[str, Any] = {
        "scheme": "half_even",
        "exclude": ["duplicate"],
        "severity": {"growth.prior_report": lm.Severity.ERROR},
    }
    items = list(lm.check_many(reports, jobs=1, **options))
    expected = lm.check(reports, **options)
    assert results_of(items) == collections.Counter(expected.results)
    assert not any(r.check.startswith("duplicate") for i in items for r in i.results)
    # An iterator of ids is read once, up front, and reaches every task.
    items = list(lm.check_many(reports, jobs=1, checks=iter(["growth", "streak"])))
    expected = lm.check(reports, checks=["growth", "streak"])
    assert results_of(items) == collections.Counter(expected.results)
    assert {r.check for r in expected} >= {"growth.prior_report", "streak.sequence"}


def test_bad_options_fail_before_any_work() -> None:
    consumed = []

    def paths() -> Iterator[str]:
        consumed.append(1)
        yield "x.txt"

    with pytest.raises(ValueError, match=r"checks=.growth\.bogus. is not accepted"):
        lm.check_many(paths(), checks=["growth.bogus"])
    with pytest.raises(TypeError):
        lm.check_many(paths(), no_such_option=1)
    with pytest.raises(ValueError, match="jobs"):
        lm.extract_many(paths(), jobs=0)
    with pytest.raises(ValueError, match="chunksize"):
        lm.check_many(paths(), chunksize=0)
    with pytest.raises(ValueError, match="memory"):
        lm.check_many(paths(), memory=0)
    with pytest.raises(TypeError, match="progress"):
        lm.extract_many(paths(), progress="yes")  # type: ignore[arg-type]
    assert consumed == []


# ---------------------------------------------------------------------------------------
# reading files


def test_extract_many_reads_like_read_report_and_keeps_order(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"r{i}.txt", GROWTH_2022 if i % 2 else GROWTH_2023) for i in range(9)]
    got = list(lm.extract_many([*paths, *SEEDS], jobs=1, chunksize=2))
    assert got == [lm.read_report(p) for p in [*paths, *SEEDS]]


def test_overrides_are_passed_to_read_report(tmp_path: Path) -> None:
    p = write(tmp_path, "r.txt", GROWTH_2023)
    gb = tmp_path / "gb.txt"
    gb.write_bytes("办理案件12件。".encode("gb18030"))
    got = list(
        lm.extract_many(
            [(p, {"jurisdiction": "番禺区", "year": 2020}), (str(gb), {"encoding": "gb18030"})],
            jobs=1,
        )
    )
    assert isinstance(got[0], lm.Report)
    assert got[0].label == "番禺区 2020"
    assert isinstance(got[1], lm.Report)
    assert [f.quote for f in got[1].figures] == ["12件"]


def test_every_bad_input_is_a_failure_record_in_its_place(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", GROWTH_2023)
    undecodable = tmp_path / "bad.txt"
    undecodable.write_bytes(b"\xff\xfe\xfa")
    items: list[Any] = [
        tmp_path / "missing.txt",
        good,
        tmp_path,  # a directory
        42,
        (good, {"colour": "red"}),
        (undecodable, {"encoding": "ascii"}),
        (good, {"encoding": "no-such-codec"}),
        good,
    ]
    got = list(lm.extract_many(items, jobs=1, chunksize=3))
    assert len(got) == len(items)
    kinds = [type(g).__name__ if isinstance(g, lm.ReadFailure) else "ok" for g in got]
    assert kinds == ["ReadFailure", "ok", *["ReadFailure"] * 5, "ok"]
    failures = [g for g in got if isinstance(g, lm.ReadFailure)]
    assert [f.index for f in failures] == [0, 2, 3, 4, 5, 6]
    assert [f.error for f in failures] == [
        "FileNotFoundError",
        "IsADirectoryError",
        "TypeError",
        "TypeError",
        "ParseError",
        "ParseError",
    ]
    assert all(f.reason == "unreadable" for f in failures)
    assert "colour" in failures[3].message
    assert str(failures[0]).startswith(f"{tmp_path / 'missing.txt'}: FileNotFoundError: ")


def test_check_many_gives_one_undecidable_result_per_unreadable_input(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", GROWTH_2023)
    items = list(lm.check_many([good, tmp_path / "missing.txt", good], jobs=1))
    assert [i.kind for i in items] == ["report", "error", "report", "cross"]
    error = items[1]
    assert error.failure is not None
    assert error.failure.error == "FileNotFoundError"
    assert error.indexes == (1,)
    assert error.paths == (str(tmp_path / "missing.txt"),)
    [result] = error.results
    assert (result.check, result.status, result.reason) == (
        "batch.read",
        Status.UNDECIDABLE,
        "unreadable",
    )
    assert "missing.txt" in result.message
    # The two readable copies are still compared with each other (same body, same year).
    expected = lm.check([lm.read_report(good), lm.read_report(good)])
    assert results_of([i for i in items if i.kind != "error"]) == collections.Counter(
        expected.results
    )


def test_a_check_that_raises_is_one_undecidable_result(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any) -> list[lm.CheckResult]:
        raise RuntimeError("boom")

    from lawgov_metrics.checks import registry

    specs = registry._SPECS  # the registry's own table, which CHECKS is a view of
    monkeypatch.setitem(
        specs, "growth.implied_prior", attrs.evolve(specs["growth.implied_prior"], per_report=boom)
    )
    monkeypatch.setitem(
        specs, "streak.sequence", attrs.evolve(specs["streak.sequence"], per_pair=boom)
    )
    reports = [attrs.evolve(r, jurisdiction="花都区") for r in POOL if "huadu" in str(r.path)]
    items = list(lm.check_many(reports, jobs=1))
    crashed = [r for i in items for r in i.results if r.reason == "internal_error"]
    assert {r.check for r in crashed} == {"growth.implied_prior", "streak.sequence"}
    assert all(r.status is Status.UNDECIDABLE and "boom" in r.message for r in crashed)
    assert results_of(items) == collections.Counter(lm.check(reports).results)


def test_a_reader_bug_costs_one_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = _tasks.read_item

    def flaky(path: str, overrides: dict[str, Any], encoding: str | None) -> lm.Report:
        if Path(path).name == "bug.txt":
            raise KeyError("oops")
        return real(path, overrides, encoding)

    monkeypatch.setattr(_tasks, "read_item", flaky)
    good, bug = write(tmp_path, "good.txt", GROWTH_2023), write(tmp_path, "bug.txt", "x")
    got = list(lm.extract_many([bug, good], jobs=1))
    assert isinstance(got[0], lm.ReadFailure)
    assert (got[0].error, got[0].reason) == ("KeyError", "internal_error")
    assert isinstance(got[1], lm.Report)


# ---------------------------------------------------------------------------------------
# executors, laziness, bounded memory


class CountingExecutor(Executor):
    """A thread pool that records the most of its futures ever unfinished at a submit."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(2)
        self.futures: list[Future[Any]] = []
        self.most = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future = self.pool.submit(fn, *args, **kwargs)
        self.futures.append(future)
        self.most = max(self.most, sum(not f.done() for f in self.futures))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def test_input_is_read_lazily_with_a_bounded_window(tmp_path: Path) -> None:
    p = write(tmp_path, "r.txt", GROWTH_2023)
    pulled = 0

    def paths() -> Iterator[Path]:
        nonlocal pulled
        for _ in range(200):
            pulled += 1
            yield p

    ex = CountingExecutor()
    stream = lm.extract_many(paths(), executor=ex, chunksize=4, max_pending=3)
    first = next(stream)
    assert isinstance(first, lm.Report)
    assert pulled <= 4 * 4  # the window (3 tasks) and the next task at most
    rest = list(stream)
    assert len(rest) == 199
    assert pulled == 200
    assert ex.most <= 3
    ex.shutdown()


def test_unordered_results_are_the_same_reports(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"r{i}.txt", f"{2000 + i}年,办理案件{i + 10}件。") for i in range(20)]
    with ThreadPoolExecutor(3) as ex:
        got = list(lm.extract_many(paths, executor=ex, chunksize=3, ordered=False))
    assert sorted(r.path for r in got if isinstance(r, lm.Report)) == sorted(map(str, paths))


def test_unordered_check_many_gives_the_same_results() -> None:
    reports = [
        attrs.evolve(SMALL[i % len(SMALL)], jurisdiction=PLACES[i % 3], year=2020 + i % 5)
        for i in range(40)
    ]
    with ThreadPoolExecutor(3) as ex:
        items = list(lm.check_many(reports, executor=ex, chunksize=1, ordered=False))
    assert results_of(items) == collections.Counter(lm.check(reports).results)
    assert sorted(i.indexes for i in items if i.kind == "report") == [(k,) for k in range(40)]


def test_a_process_pool_gives_the_same_results() -> None:
    reports = [
        attrs.evolve(r, jurisdiction="花都区" if i % 2 else None, year=2022 + i % 3)
        for i, r in enumerate(POOL)
    ]
    expected = collections.Counter(lm.check(reports).results)
    with ProcessPoolExecutor(2) as ex:
        items = list(lm.check_many(reports, executor=ex, chunksize=3))
        assert results_of(items) == expected
        assert list(lm.extract_many(SEEDS, executor=ex, chunksize=3)) == POOL
    assert results_of(list(lm.check_many(SEEDS, jobs=2))) == collections.Counter(
        lm.check(POOL).results
    )


def test_the_run_holds_no_report_once_parked(tmp_path: Path) -> None:
    texts = [GROWTH_2022, GROWTH_2023]
    paths = [
        (write(tmp_path, f"r{i}.txt", texts[i % 2]), {"jurisdiction": f"县{i // 2}"})
        for i in range(60)
    ]
    gc.collect()
    before = sum(isinstance(o, lm.Report) for o in gc.get_objects())  # POOL's, at least
    live = []
    stream = lm.check_many(paths, jobs=1, chunksize=4, memory=1)
    for item in stream:
        if item.kind == "report" and item.indexes == (59,):
            gc.collect()
            live.append(sum(isinstance(o, lm.Report) for o in gc.get_objects()))
    assert live == [before]


def test_a_store_past_its_memory_moves_to_disk(tmp_path: Path) -> None:
    store = _store.Store(tmp_path, memory=100)
    report = attrs.evolve(POOL[0], jurisdiction="花都区", year=2023)
    for i in range(3):
        store.add(i, "花都区", 2023, _store.dump(report))
    assert store.on_disk
    pieces = list(store.pieces(size=2))
    assert [p.owned for p in pieces] == [(2023,)]
    assert [e[0] for e in pieces[0].entries] == [0, 1, 2]
    assert _store.load(store.read(pieces[0].entries[2])) == report
    store.close()
    assert os.listdir(tmp_path) == []


def test_pieces_cover_every_pair_once() -> None:
    """Pieces split a long run of years; their pairs are exactly line_up's."""
    store = _store.Store(None, memory=2**20)
    keys = [("甲", 2020), ("甲", 2021), ("甲", 2021), ("甲", 2022), ("甲", 2024), ("乙", 2021)]
    keys += [("甲", 2023), (None, 2021), ("乙", None), ("甲", 2020)]
    reports = [lm.Report(text="", jurisdiction=j, year=y) for j, y in keys]
    for i, r in enumerate(reports):
        store.add(i, r.jurisdiction, r.year, _store.dump(r))
    expected = {(id_a, id_b) for id_a, id_b in _pairs_by_index(reports)}
    for size in (1, 2, 3, 100):
        got = []
        for piece in store.pieces(size):
            if piece.owned is None:
                assert [e[0] for e in piece.entries] == [8]
                continue
            window = [reports[e[0]] for e in piece.entries]
            got += [
                (_index(reports, a), _index(reports, b))
                for a, b in lm.checks.line_up(window)
                if a.year in piece.owned
            ]
        assert sorted(got) == sorted(expected), size
    store.close()


def _index(reports: list[lm.Report], r: lm.Report) -> int:
    return next(i for i, x in enumerate(reports) if x is r)


def _pairs_by_index(reports: list[lm.Report]) -> list[tuple[int, int]]:
    return [(_index(reports, a), _index(reports, b)) for a, b in lm.checks.line_up(reports)]


def test_closing_the_stream_shuts_the_pool_down(tmp_path: Path) -> None:
    p = write(tmp_path, "r.txt", GROWTH_2023)
    stream = lm.check_many([p] * 50, jobs=2, chunksize=1)
    next(stream)
    assert multiprocessing.active_children()
    stream.close()
    assert not multiprocessing.active_children()


# ---------------------------------------------------------------------------------------
# worker crashes


def _fork_pool(jobs: int) -> Executor:
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))


@pytest.fixture
def crashing_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers (forked, so they see the patch) die on any file named crash*."""
    real = _tasks.read_item

    def reader(path: str, overrides: dict[str, Any], encoding: str | None) -> lm.Report:
        if Path(path).name.startswith("crash"):
            os._exit(3)
        return real(path, overrides, encoding)

    monkeypatch.setattr(_tasks, "read_item", reader)
    monkeypatch.setattr(_pool, "default_executor", _fork_pool)


needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs the fork start method"
)


@needs_fork
@pytest.mark.usefixtures("crashing_reader")
def test_a_worker_crash_costs_only_its_file(tmp_path: Path) -> None:
    goods = [write(tmp_path, f"r{i}.txt", f"{2010 + i}年,办理案件{i + 10}件。") for i in range(12)]
    crash = write(tmp_path, "crash.txt", GROWTH_2023)
    paths = [*goods[:5], crash, *goods[5:], crash]
    got = list(lm.extract_many(paths, jobs=2, chunksize=2))
    assert len(got) == len(paths)
    failures = [g for g in got if isinstance(g, lm.ReadFailure)]
    assert [(f.index, f.reason) for f in failures] == [(5, "worker_crash"), (13, "worker_crash")]
    assert failures[0].error == "BrokenProcessPool"
    assert [g.path for g in got if isinstance(g, lm.Report)] == [str(p) for p in goods]

    items = list(lm.check_many(paths, jobs=2, chunksize=3))
    assert [i.indexes[0] for i in items if i.kind == "error"] == [5, 13]
    assert sum(i.kind == "report" for i in items) == len(goods)


@needs_fork
@pytest.mark.usefixtures("crashing_reader")
def test_a_broken_executor_of_the_caller_is_replaced(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", GROWTH_2023)
    crash = write(tmp_path, "crash.txt", GROWTH_2023)
    ex = _fork_pool(2)
    with pytest.warns(RuntimeWarning, match="new process pool"):
        got = list(lm.extract_many([good, crash, good, good], executor=ex, chunksize=1))
    assert [isinstance(g, lm.Report) for g in got] == [True, False, True, True]
    ex.shutdown()


@needs_fork
def test_a_worker_crash_in_the_cross_report_stage_costs_one_piece(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = _tasks.load

    def load(blob: bytes) -> lm.Report:
        if "崩溃县".encode() in blob:
            os._exit(3)
        return real(blob)

    monkeypatch.setattr(_tasks, "load", load)
    monkeypatch.setattr(_pool, "default_executor", _fork_pool)
    a, b = SMALL[0], SMALL[1]
    reports = [
        attrs.evolve(r, jurisdiction=place)
        for place in ("花都区", "崩溃县", "番禺区")
        for r in (a, b)
    ]
    items = list(lm.check_many(reports, jobs=2, chunksize=1))
    cross = [i for i in items if i.kind == "cross"]
    assert [i.indexes for i in cross] == [(0, 1), (2, 3), (4, 5)]
    [crashed] = cross[1].results
    assert (crashed.check, crashed.status, crashed.reason) == (
        "batch.cross_report",
        Status.UNDECIDABLE,
        "worker_crash",
    )
    assert "2, 3" in crashed.message
    good = [r for i in (cross[0], cross[2]) for r in i.results]
    expected = [r for r in lm.check([a, b]).results if len(r.reports) == 2]
    assert len(good) == 2 * len(expected) > 0


# ---------------------------------------------------------------------------------------
# progress


def test_progress_callable_counts_the_inputs(tmp_path: Path) -> None:
    p = write(tmp_path, "r.txt", GROWTH_2023)
    counts: list[int] = []
    inputs = [p] * 7 + [tmp_path / "none.txt"]
    list(lm.check_many(inputs, jobs=1, chunksize=3, progress=counts.append))
    assert counts == [3, 3, 2]


def test_progress_line_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = write(tmp_path, "r.txt", GROWTH_2023)
    list(lm.extract_many([p] * 3, jobs=1, progress=True))
    err = capsys.readouterr().err
    assert err.startswith("\rreports read 3/3 (")
    assert err.endswith("/s)\n")
    list(lm.extract_many([p] * 3, jobs=1))  # stderr is not a terminal under pytest
    assert capsys.readouterr().err == ""
    list(lm.check_many([p, p, tmp_path / "none.txt"], jobs=1, progress=True))
    first, second, end = capsys.readouterr().err.split("\n")
    assert first.startswith("\rreports checked 3/3 (")
    assert second.startswith("\rcross-report checks (reports) 2/2 (")
    assert end == ""


# ---------------------------------------------------------------------------------------
# Dask


def test_dask_client_executor_gives_the_same_results() -> None:
    distributed = pytest.importorskip("distributed")
    reports = [
        attrs.evolve(r, jurisdiction="花都区", year=2020 + i % 4) for i, r in enumerate(POOL)
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        cluster = distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        )
        with cluster, distributed.Client(cluster) as client:
            ex = client.get_executor()
            items = list(lm.check_many(reports, executor=ex, chunksize=2))
            read = list(lm.extract_many(SEEDS, executor=ex, chunksize=3))
    assert results_of(items) == collections.Counter(lm.check(reports).results)
    assert read == POOL

"""A national corpus benchmark: extract_many and check_many on generated reports.

Generates a synthetic corpus of 法治政府建设年度报告 (about 10 KB each: fictional counties and
districts, five consecutive years each, figures that follow a series per place so that
growth rates, carry-overs, percentage-point changes and streaks line up across years, a few
unreadable files), then measures in one run:

* the serial baseline, ``lm.check([lm.read_report(p) for p in subset])`` on a subset of whole
  places, and checks that ``check_many`` gives the same results on it, serially and on the
  pool;
* ``extract_many`` and ``check_many`` on the whole corpus with ``--jobs`` workers;

and prints reports/s, MB/s, the ratio to the serial baseline, the peak memory of the whole
process tree (the sum of RSS, and of PSS where Linux gives it: shared pages counted once) and
how much of the run the main process spent itself.

Run: ``python bench/corpus.py`` (2,000 reports, about a minute on 2 cores). The national
corpus target: ``python bench/corpus.py --reports 100000 --jobs 2`` (about 1 GB of text,
written under ``--dir`` or a temporary directory). ``--profile`` prints where the serial time
goes. Absolute numbers move a lot on a shared machine: compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import cProfile
import io
import os
import pstats
import random
import resource
import shutil
import sys
import tempfile
import threading
import time
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import lawgov_metrics as lm

YEARS = 5
FIRST_YEAR = 2020
TYPOS = 0.01  # share of growth rates written with a wrong last digit

# ---------------------------------------------------------------------------------------
# places and their series

_A = "东南西北青白黄金石松桂兰枫柳桃梅竹荷云雨龙凤鹤鹿泉溪江河湖海山岭峰岩川林田禾丰乐安宁康平顺和"
_B = "阳阴山水城关口桥洲湾源坪岗塘浦沙川林原州台亭谷泽门"
_KIND = ("县", "区", "市")


def place_name(i: int) -> str:
    """A fictional county-level name, unique for i < 45,000."""
    a, rest = divmod(i, len(_B) * len(_KIND))
    b, k = divmod(rest, len(_KIND))
    first = _A[a % len(_A)] + (_A[a // len(_A)] if a >= len(_A) else "")
    return first + _B[b] + _KIND[k]


def _pct(x: Fraction, places: int = 2) -> str:
    q = Decimal(x.numerator) / Decimal(x.denominator)
    return str(q.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


class Series:
    """A place's figures by year: each indicator a random walk seeded by the place."""

    COUNTS = (
        ("收到行政复议申请", "件", 80, 900),
        ("新收行政应诉案件", "件", 30, 400),
        ("受理政府信息公开申请", "件", 40, 700),
        ("调解矛盾纠纷", "宗", 500, 6000),
        ("办理法律援助案件", "件", 200, 2500),
        ("办理行政处罚案件", "宗", 300, 5000),
        ("提供公共法律服务咨询", "人次", 2000, 40000),
        ("审查行政规范性文件", "件", 10, 90),
    )
    RATES = ("行政机关负责人出庭应诉率", "行政复议决定履行率", "政务服务事项网上办理率")

    def __init__(self, place: str) -> None:
        self.place = place
        rng = random.Random(place)
        self.start = {name: rng.randint(lo, hi) for name, _, lo, hi in self.COUNTS}
        self.steps = {
            name: [rng.uniform(-0.25, 0.45) for _ in range(YEARS + 1)] for name, *_ in self.COUNTS
        }
        self.rate_start = {r: rng.randint(800, 990) for r in self.RATES}  # in tenths of %
        self.award_since = FIRST_YEAR - rng.randint(0, 3)

    def count(self, name: str, year: int) -> int:
        value = self.start[name]
        for k in range(year - FIRST_YEAR + 1):
            value = max(3, round(value * (1 + self.steps[name][k])))
        return value

    def rate(self, name: str, year: int) -> Fraction:
        rng = random.Random(f"{self.place}{name}{year}")
        base = self.rate_start[name] + (year - FIRST_YEAR) * rng.randint(0, 12)
        return Fraction(min(base, 1000), 10)

    def carried(self, year: int) -> int:
        return self.count("收到行政复议申请", year) // 17


# ---------------------------------------------------------------------------------------
# the text

PROSE = (
    "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面贯彻落实党的二十大精神",
    "把法治政府建设摆在全局工作的突出位置，与经济社会发展同部署、同推进、同督促、同考核、同奖惩",
    "政府常务会议定期听取法治政府建设工作汇报，研究解决工作中的重点难点问题",
    "制定年度法治政府建设工作要点，明确责任单位和完成时限，实行清单化管理、项目化推进",
    "严格落实重大行政决策程序规定，公众参与、专家论证、风险评估、合法性审查、集体讨论决定等程序全面落实",
    "持续深化“放管服”改革，推进政务服务事项标准化、规范化、便利化，实现更多事项“一网通办”",
    "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度",
    "组织开展行政执法案卷评查，对发现的问题逐项督促整改，执法规范化水平进一步提升",
    "健全行政复议案件审理机制，落实繁简分流，提高办案质量和效率",
    "推动行政争议实质性化解，对可能引发群体性纠纷的案件提前介入、协调处理",
    "落实行政机关负责人出庭应诉制度，推动“告官见官”常态化",
    "深化府院联动，定期通报行政诉讼败诉案件情况，分析原因并提出改进建议",
    "认真办理人大代表建议和政协委员提案，自觉接受人大监督、民主监督和司法监督",
    "加强审计监督、统计监督，强化对行政权力运行的制约和监督",
    "坚持和发展新时代“枫桥经验”，完善社会矛盾纠纷多元预防调处化解综合机制",
    "健全人民调解、行政调解、司法调解联动工作体系，把矛盾纠纷化解在基层、化解在萌芽状态",
    "扎实推进“八五”普法规划实施，落实“谁执法谁普法”普法责任制",
    "开展民法典宣传月、宪法宣传周等主题活动，推动法治宣传进机关、进乡村、进社区、进学校、进企业、进单位",
    "加强法治乡村建设，培育农村“法治带头人”和“法律明白人”",
    "完善公共法律服务体系，建成覆盖城乡、便捷高效、均等普惠的公共法律服务网络",
    "深化政务公开，围绕重点领域主动公开政府信息，及时回应社会关切",
    "规范政府信息公开申请办理，严格依法答复，保障人民群众的知情权、参与权、表达权和监督权",
    "加强行政规范性文件合法性审核，落实备案审查制度，做到有件必备、有备必审、有错必纠",
    "开展涉及营商环境、生态环境保护等领域规范性文件专项清理，及时修改或者废止不合时宜的文件",
    "健全政府法律顾问制度，发挥法律顾问在重大决策、重大项目、重大合同中的参谋助手作用",
    "持续优化法治化营商环境，依法平等保护各类市场主体合法权益",
    "推行包容审慎监管，对轻微违法行为依法不予处罚或者从轻、减轻处罚",
    "加强数字法治政府建设，推进执法监督平台应用，实现执法信息互联互通",
    "组织领导干部旁听庭审、集体学法，推动领导干部带头尊法学法守法用法",
    "将法治建设纳入绩效考核指标体系，考核结果作为领导班子和领导干部综合考核评价的重要内容",
    "严格落实党政主要负责人履行推进法治建设第一责任人职责规定，年底前开展述法工作",
    "加强基层司法所规范化建设，充实基层法治工作力量",
    "畅通12345政务服务便民热线，实行工单闭环管理，群众诉求办理质效持续提升",
    "强化突发事件依法处置，完善应急预案体系，提高依法应对风险挑战的能力",
)

SHORTCOMINGS = (
    "法治政府建设推进不够平衡，部分镇街和部门对法治建设重视程度有待提高",
    "行政执法人员素质参差不齐，执法规范化水平仍需提升",
    "运用法治思维和法治方式解决问题的能力还有差距",
    "普法宣传的针对性和实效性有待进一步增强",
)

PLANS = (
    "持续深入学习贯彻习近平法治思想，推动法治政府建设取得新成效",
    "进一步健全依法决策机制，提高行政决策科学化、民主化、法治化水平",
    "深入推进严格规范公正文明执法，加强行政执法协调监督工作体系建设",
    "加大行政争议化解力度，充分发挥行政复议化解行政争议的主渠道作用",
    "深化法治宣传教育，营造全社会尊法学法守法用法的良好氛围",
)

HEADINGS = (
    "（一）深入学习贯彻习近平法治思想，加强党对法治政府建设的领导",
    "（二）依法全面履行政府职能，持续优化法治化营商环境",
    "（三）健全依法行政制度体系，提高行政决策质量",
    "（四）严格规范公正文明执法，提升行政执法质效",
    "（五）强化行政权力制约和监督，推进政务公开",
    "（六）依法有效化解社会矛盾纠纷，维护社会和谐稳定",
    "（七）加强法治宣传教育，提升全民法治素养",
)


def report_text(series: Series, year: int) -> str:
    """One report of ``series.place`` for ``year``, about 10 KB of UTF-8."""
    rng = random.Random(f"{series.place}/{year}")
    place = series.place
    lines = [
        f"{place}人民政府关于{year}年度法治政府建设情况的报告",
        "",
        f"发布日期：{year + 1}-0{rng.randint(1, 3)}-{rng.randint(10, 28)}    "
        f"文章来源：{place}司法局",
        "",
        f"　　{year}年，{place}在市委、市政府的坚强领导下，{PROSE[0]}，"
        f"{rng.choice(PROSE[1:4])}，法治政府建设各项工作取得新进展。现将有关情况报告如下：",
        f"　　一、{year}年法治政府建设主要举措和成效",
    ]
    facts = _facts(series, year, rng)
    rng.shuffle(facts)
    prose = list(PROSE[1:])
    for h, heading in enumerate(HEADINGS):
        lines.append("　　" + heading)
        for _ in range(2):
            picked = rng.sample(prose, 4)
            fact = facts.pop() if facts else ""
            sentence = "；".join(picked)
            lines.append(f"　　{sentence}。{fact}")
        if h == 0:
            number, meeting = rng.randint(2, 40), rng.randint(2, 9)
            lines.append(
                f"　　印发《{place}{year}年法治政府建设工作要点》（{place[:1]}府办〔{year}〕"
                f"{number}号），召开全面依法治{place[-1]}委员会第{meeting}次会议。"
            )
    while facts:
        lines.append("　　" + facts.pop())
    lines.append("　　二、存在的不足和原因")
    lines.append("　　" + "；".join(rng.sample(SHORTCOMINGS, 3)) + "。")
    lines.append("　　三、党政主要负责人履行推进法治建设第一责任人职责情况")
    lines.append("　　" + "；".join(rng.sample(prose, 4)) + "。")
    lines.append(f"　　四、{year + 1}年推进法治政府建设的主要安排")
    lines.append("　　" + "；".join(rng.sample(PLANS, 4)) + "。")
    lines.append(f"　　{place}人民政府")
    lines.append(f"　　{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日")
    return "\n".join(lines) + "\n"


def _growth(series: Series, name: str, unit: str, year: int, rng: random.Random) -> str:
    cur = series.count(name, year)
    if year == FIRST_YEAR:
        return f"全年{name}{cur}{unit}。"
    prior = series.count(name, year - 1)
    g = Fraction(cur - prior, prior) * 100
    if abs(g) < Fraction(1, 200):
        return f"全年{name}{cur}{unit}，与上年持平。"
    word = "增长" if g > 0 else "下降"
    lead = rng.choice(("同比", "较上年", "比上年"))
    written = _pct(abs(g))
    if rng.random() < TYPOS:  # a mistyped rate: the last digit off by one
        written = str(Decimal(written) + Decimal("0.01"))
    return f"全年{name}{cur}{unit}，{lead}{word}{written}%。"


def _facts(series: Series, year: int, rng: random.Random) -> list[str]:
    out = [_growth(series, name, unit, year, rng) for name, unit, _, _ in Series.COUNTS]
    applied = series.count("收到行政复议申请", year)
    carried_in = series.carried(year - 1) if year > FIRST_YEAR else 0
    carried_out = series.carried(year)
    decided = applied + carried_in - carried_out
    upheld = decided * 3 // 5
    corrected = decided // 7
    rejected = decided - upheld - corrected
    out.append(
        f"办结行政复议案件{decided}件，其中维持{upheld}件、纠正{corrected}件、驳回{rejected}件，"
        f"结转下年度{carried_out}件。"
    )
    if year > FIRST_YEAR:
        out.append(f"上年结转行政复议案件{carried_in}件，均已依法审结。")
    mediated = series.count("调解矛盾纠纷", year)
    ok = mediated - mediated // rng.randint(40, 90)
    out.append(f"调解成功{ok}宗，调解成功率{_pct(Fraction(ok * 100, mediated))}%。")
    for name in Series.RATES:
        now = series.rate(name, year)
        if year == FIRST_YEAR:
            out.append(f"{name}为{_pct(now, 1)}%。")
            continue
        diff = now - series.rate(name, year - 1)
        if diff == 0:
            out.append(f"{name}为{_pct(now, 1)}%，与上年持平。")
        else:
            word = "提高" if diff > 0 else "下降"
            out.append(f"{name}为{_pct(now, 1)}%，较上年{word}{_pct(abs(diff), 1)}个百分点。")
    n = year - series.award_since + 1
    words = "一二三四五六七八九十"
    if n >= 2:
        out.append(f"连续{words[n - 1]}年获评全市法治政府建设考评优秀等次。")
    else:
        out.append("获评全市法治政府建设考评优秀等次。")
    return out


def write_corpus(root: Path, n: int, bad: float, seed: int = 1) -> list[Path]:
    """Write ``n`` reports (whole places of YEARS years each, the last place cut short)."""
    rng = random.Random(seed)
    paths: list[Path] = []
    i = 0
    while len(paths) < n:
        series = Series(place_name(i))
        folder = root / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
            if len(paths) >= n:
                break
            p = folder / f"{i:05d}-{year}.txt"
            if rng.random() >= bad:  # else a listed report whose download never arrived
                p.write_text(report_text(series, year), encoding="utf-8")
            paths.append(p)
        i += 1
    return paths


# ---------------------------------------------------------------------------------------
# measuring


class TreeMemory:
    """Samples the memory of this process and all its descendants (Linux /proc).

    ``cpu`` is the sampling thread's own CPU time, which the caller takes off its figures.
    """

    def __init__(self, every: float = 0.5) -> None:
        self.every = every
        self.rss = 0
        self.pss = 0
        self.cpu = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.proc = Path("/proc/self").exists()

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _tree(self) -> list[int]:
        me = os.getpid()
        if Path(f"/proc/{me}/task/{me}/children").exists():  # the kernel keeps the lists
            todo, out = [me], []
            while todo:
                pid = todo.pop()
                out.append(pid)
                for task in Path(f"/proc/{pid}/task").glob("*/children"):
                    with contextlib.suppress(OSError):
                        todo.extend(int(c) for c in task.read_text().split())
            return out
        children: dict[int, list[int]] = collections.defaultdict(list)
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    stat = Path(f"/proc/{d}/stat").read_text()
                except OSError:
                    continue
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children[ppid].append(int(d))
        todo, out = [os.getpid()], []
        while todo:
            pid = todo.pop()
            out.append(pid)
            todo.extend(children.get(pid, []))
        return out

    def _sample(self) -> None:
        rss = pss = 0
        for pid in self._tree():
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            except OSError:
                continue
        self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)

    def _run(self) -> None:
        while self.proc and not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every)
        self.cpu = time.thread_time()

    def text(self) -> str:
        if not self.proc:
            own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            return f"peak RSS self {own / 1024:.0f} MB, largest child {kids / 1024:.0f} MB"
        return f"peak RSS (tree, summed) {self.rss / 2**20:.0f} MB, PSS {self.pss / 2**20:.0f} MB"


def _key(r: lm.CheckResult) -> tuple[object, ...]:
    return (r.check, r.status, r.reason, r.message, r.reports, tuple(f.span for f in r.figures))


class Clock:
    """Wall time and CPU time of this process and of its children that ended meanwhile.

    Pool workers are joined when a run ends, so their CPU is counted. CPU time does not
    count the waiting for a core that a loaded machine adds to the wall time.
    """

    def __enter__(self) -> Clock:
        self._wall = time.perf_counter()
        self._own = time.process_time()
        self._kids = self._children()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.own = time.process_time() - self._own
        self.cpu = self.own + self._children() - self._kids

    @staticmethod
    def _children() -> float:
        use = resource.getrusage(resource.RUSAGE_CHILDREN)
        return use.ru_utime + use.ru_stime


Results = collections.Counter[tuple[object, ...]]


def serial_baseline(paths: list[Path]) -> tuple[Clock, Results]:
    """``lm.check`` on the reports of ``paths`` read one after the other."""
    with Clock() as clock:
        reports = []
        for p in paths:
            with contextlib.suppress(OSError, ValueError):  # the missing files
                reports.append(lm.read_report(p))
        results = lm.check(reports)
    return clock, collections.Counter(_key(r) for r in results)


def many(paths: list[Path], **kw: object) -> tuple[Clock, Results]:
    """``lm.check_many`` on ``paths``, keeping the results."""
    got: Results = collections.Counter()
    with Clock() as clock:
        for item in lm.check_many(paths, **kw):  # type: ignore[arg-type]
            if item.kind != "error":
                got.update(_key(r) for r in item.results)
    return clock, got


def _rate(n: int, mb: float, clock: Clock) -> str:
    return (
        f"{clock.wall:.1f} s wall, {n / clock.wall:.1f} reports/s, {mb / clock.wall:.2f} MB/s; "
        f"CPU {1000 * clock.cpu / n:.1f} ms a report"
    )


STAGES = (
    ("reading files (decode, HTML)", "reading/__init__.py", "read_report"),
    ("extraction", "reading/__init__.py", "extract"),
    ("single-report checks", "runner.py", "check"),
    ("cross-report checks", "_tasks.py", "cross_piece"),
    ("parking reports (pickle)", "_store.py", "dump"),
    ("reading them back (unpickle)", "_store.py", "load"),
)


def where_the_time_goes(paths: list[Path], chunks: dict[str, int]) -> str:
    """A profile of ``check_many(paths, jobs=1)``, by stage (cumulative times)."""
    prof = cProfile.Profile()
    prof.enable()
    many(paths, jobs=1, progress=False, **chunks)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]  # documented, untyped
    total = max(ct for (_, _, _), (_, _, _, ct, _) in stats.items())
    cum: dict[str, float] = {}
    for label, file, func in STAGES:
        cum[label] = sum(
            v[3] for (f, _, name), v in stats.items() if f.endswith(file) and name == func
        )
    cum["reading files (decode, HTML)"] -= cum["extraction"]
    lines = [f"where the time goes (profile of check_many in-process, {total:.1f} s):"]
    for label, t in cum.items():
        lines.append(f"  {label:32s} {t:7.2f} s  {100 * t / total:5.1f} %")
    rest = total - sum(cum.values())
    lines.append(
        f"  {'the rest (batch, results, I/O)':32s} {rest:7.2f} s  {100 * rest / total:5.1f} %"
    )
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(12)
    return "\n".join(lines) + "\n" + out.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=2000, help="corpus size (default 2000)")
    ap.add_argument("--jobs", type=int, default=None, help="workers (default: the cores)")
    ap.add_argument(
        "--chunksize", type=int, default=None, help="reports a task (default: each function's)"
    )
    ap.add_argument("--subset", type=int, default=300, help="reports in the serial baseline")
    ap.add_argument("--bad", type=float, default=0.002, help="share of unreadable files")
    ap.add_argument("--dir", type=Path, default=None, help="where to write the corpus")
    ap.add_argument("--keep", action="store_true", help="keep the corpus afterwards")
    ap.add_argument("--skip-extract", action="store_true", help="skip the extract_many run")
    ap.add_argument("--profile", action="store_true", help="profile the serial baseline")
    ns = ap.parse_args(argv)
    chunks = {} if ns.chunksize is None else {"chunksize": ns.chunksize}

    root = ns.dir or Path(tempfile.mkdtemp(prefix="lawgov-corpus-"))
    try:
        t0 = time.perf_counter()
        paths = write_corpus(root, ns.reports, ns.bad)
        size = sum(p.stat().st_size for p in paths if p.exists())
        print(
            f"corpus: {len(paths)} reports, {size / 1e6:.1f} MB "
            f"({size / max(len(paths), 1) / 1e3:.1f} KB a report), written in "
            f"{time.perf_counter() - t0:.1f} s"
        )
        subset = paths[: min(ns.subset, len(paths))]
        sub_mb = sum(p.stat().st_size for p in subset if p.exists()) / 1e6
        lm.check(lm.extract(report_text(Series("预热县"), FIRST_YEAR + 1)))  # warm up

        # The serial baseline and check_many in this process, alternated and the best of two
        # taken, so that the ratio between them is not the machine's load changing meanwhile.
        runs: dict[str, list[Clock]] = {"base": [], "one": []}
        for _ in range(2):
            clock, expected = serial_baseline(subset)
            runs["base"].append(clock)
            clock, got1 = many(subset, jobs=1, progress=False, **chunks)
            runs["one"].append(clock)
        base = min(runs["base"], key=lambda c: c.cpu)
        one = min(runs["one"], key=lambda c: c.cpu)
        n_sub = len(subset)
        print(f"serial baseline (read_report, lm.check; {n_sub}): {_rate(n_sub, sub_mb, base)}")
        pool, gotj = many(subset, jobs=ns.jobs, progress=False, **chunks)
        same = got1 == expected and gotj == expected
        print(f"check_many in-process (jobs=1): {_rate(n_sub, sub_mb, one)}")
        print(f"check_many on the pool: {_rate(n_sub, sub_mb, pool)}")
        print(
            f"  CPU against the baseline: in-process {one.cpu / base.cpu:.2f}x, pool "
            f"{pool.cpu / base.cpu:.2f}x; speed (wall): {base.wall / pool.wall:.2f}x; "
            f"{sum(expected.values())} results, identical to the serial run: {same}"
        )
        if not same:
            print("MISMATCH: check_many differs from lm.check on the subset", file=sys.stderr)
            return 1
        if ns.profile:
            print(where_the_time_goes(subset, chunks))

        mb = size / 1e6
        if not ns.skip_extract:
            with TreeMemory() as mem, Clock() as clock:
                n_ok = sum(
                    isinstance(r, lm.Report) for r in lm.extract_many(paths, jobs=ns.jobs, **chunks)
                )
            clock.own, clock.cpu = clock.own - mem.cpu, clock.cpu - mem.cpu
            print(f"extract_many, {len(paths)} files ({n_ok} read): {_rate(len(paths), mb, clock)}")
            print(f"  main process CPU {clock.own:.1f} s; {mem.text()}")

        counts: collections.Counter[str] = collections.Counter()
        kinds: collections.Counter[str] = collections.Counter()
        first_cross = 0.0
        with TreeMemory() as mem, Clock() as clock:
            for item in lm.check_many(paths, jobs=ns.jobs, **chunks):
                kinds[item.kind] += 1
                if item.kind == "cross" and not first_cross:
                    first_cross = time.perf_counter()
                counts.update(r.status.value for r in item.results)
            end = time.perf_counter()
        clock.own, clock.cpu = clock.own - mem.cpu, clock.cpu - mem.cpu
        n = len(paths)
        print(f"check_many, {n} files: {_rate(n, mb, clock)}")
        print(
            f"  {base.wall / n_sub * n / clock.wall:.2f}x the speed of the serial baseline; "
            f"cross-report stage {end - (first_cross or end):.1f} s; main process CPU "
            f"{clock.own:.1f} s; {mem.text()}"
        )
        print(f"  items: {dict(kinds)}; results: {dict(counts)}")
        jobs = ns.jobs or lm.batch._pool.machine_jobs()
        print(
            f"  100,000 reports at this CPU cost on {jobs} idle cores: "
            f"{clock.cpu / n * 100_000 / jobs / 60:.1f} min; at this wall rate: "
            f"{clock.wall / n * 100_000 / 60:.1f} min (target: under 5 min on 2 cores)"
        )
    finally:
        if not ns.keep and ns.dir is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

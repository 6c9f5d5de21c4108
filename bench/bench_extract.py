"""Throughput of extract() on realistic text, per core, and how it scales with size.

Two texts: the seed report repeated, and a synthetic corpus of reports written from
templates in the reports' style (counts with growth rates, shares, 其中 and 分别为 lists,
balances of cases, pp changes, streaks, ranks, dates, document numbers, 一是/二是 items)
with random figures. For each it prints MB/s of CPU time (so other processes on the machine
do not count) at 1 MB, and the ratio of the 10 MB time to the 1 MB time, measured in the
same run (linear: 10; the target is at most 11).

Run: python bench/bench_extract.py [--quick]   (--quick: 1 MB only)
"""

from __future__ import annotations

import pathlib
import random
import sys
import time

from lawgov_metrics.extract import extract

SEED = pathlib.Path(__file__).parent.parent / "tests" / "data" / "huadu-2023.txt"
MB = 1_000_000

_NOUNS = ("行政复议申请", "政府信息公开申请", "行政诉讼案件", "信访事项", "法律援助案件",
          "人民调解案件", "行政处罚案件", "行政许可事项")  # fmt: skip
_PLACES = ("花溪区", "青山县", "临江市", "柳塘街道", "南安区", "云岭县")
#: Sentences without figures, as most of a report is (about 6,000 figures per MB then, the
#: density of the development corpus' excerpts is 8,300, the seed report's 3,700).
_PROSE = (
    "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，统筹推进法治政府建设各项工作。",
    "严格落实重大行政决策程序规定，健全公众参与、专家论证、风险评估、合法性审查和集体讨论决定制度。",
    "持续深化“放管服”改革，优化营商环境，推动政务服务事项网上办、掌上办、一次办。",
    "加强行政执法监督，全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。",
    "畅通群众诉求表达渠道，发挥行政复议化解行政争议主渠道作用，推动矛盾纠纷源头化解。",
    "组织开展领导干部学法活动，将法治教育纳入干部教育培训总体规划，提升依法行政能力。",
)


def _report(rng: random.Random) -> str:
    """One synthetic report of about 6 KB."""
    year = rng.randint(2018, 2024)
    place = rng.choice(_PLACES)
    out = [f"{place}人民政府关于{year}年度法治政府建设情况的报告", "一、主要工作成效"]
    for _ in range(rng.randint(6, 10)):
        out.append("".join(rng.sample(_PROSE, 3)))
        noun = rng.choice(_NOUNS)
        n = rng.randint(20, 5000)
        prior = rng.randint(10, 5000)
        g = round((n - prior) / prior * 100, 2)
        verb = "增长" if g >= 0 else "下降"
        k = rng.randint(0, n)
        a = rng.randint(0, n // 2)
        b = n - a
        carried_in, carried_out = rng.randint(0, 20), rng.randint(0, 20)
        out.append(
            rng.choice(
                [
                    f"{year}年，全年共收到{noun}{n}件，同比{verb}{abs(g)}%。",
                    f"全年办理{noun}{n}件，办结{k}件，办结率{round(k / n * 100, 1)}%。",
                    f"共受理{noun}{n}件，其中网上申请{a}件，当面申请{b}件。",
                    f"审结{noun}{n}件，结果分别为维持{a}件，撤销{b}件。",
                    f"本年新收{noun}{n}件，上年结转{carried_in}件，"
                    f"已办结{n + carried_in - carried_out}件，结转下年{carried_out}件。",
                    f"行政机关负责人出庭应诉率为{rng.randint(80, 99)}.{rng.randint(0, 9)}%，"
                    f"较上年提高{rng.randint(1, 9)}.{rng.randint(0, 9)}个百分点。",
                ]
            )
        )
    out.append("二、存在的不足")
    docno = f"{place[:2]}府办〔{year}〕{rng.randint(1, 40)}号"
    out.append(
        f"印发《关于进一步加强行政规范性文件管理的通知》（{docno}），"
        "一是健全工作机制，二是压实工作责任，三是强化督促检查。"
    )
    times, rank = rng.choice("两三四五"), rng.randint(1, 9)
    out.append(f"连续{times}年获评全省法治政府建设先进单位，名列全市第{rank}名。")
    out.append(f"{year + 1}年1月{rng.randint(1, 28)}日")
    return "\n".join(out) + "\n"


def synthetic(size: int, seed: int = 2024) -> str:
    """A synthetic corpus of about ``size`` UTF-8 bytes."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        r = _report(rng)
        parts.append(r)
        total += len(r.encode("utf-8"))
    return "".join(parts)


def seed_repeated(size: int) -> str:
    text = SEED.read_text(encoding="utf-8")
    return text * max(1, size // len(text.encode("utf-8")))


def _cpu(text: str) -> float:
    t0 = time.process_time()
    extract(text)
    return time.process_time() - t0


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    extract("收到申请12件,同比增长5%。")  # warm up: imports, regex compilation
    print(f"{'text':<26}{'MB/s at 1 MB':>14}{'10 MB / 1 MB':>15}  (CPU time, one core)")
    for name, make in (("seed report repeated", seed_repeated), ("synthetic corpus", synthetic)):
        one = make(MB)
        mb = len(one.encode("utf-8")) / MB
        t1 = min(_cpu(one) for _ in range(3))
        line = f"{name:<26}{mb / t1:>14.2f}"
        if not quick:
            ten = make(10 * MB)
            t10 = _cpu(ten) * mb / (len(ten.encode("utf-8")) / MB / 10)
            line += f"{t10 / t1:>15.1f}"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""A tour of lawgov_metrics, cell by cell, as you would run it in a notebook.

Each ``# %%`` marks a cell (Jupyter, VS Code and Spyder understand them). It follows the
seed's claim "收到行政复议申请786宗,同比增长68.67%" from one number to a three-year trend.

Run: python examples/notebook_tour.py   (writes nothing; the chart is drawn in memory)
"""

# %%
from __future__ import annotations

import io
from pathlib import Path

import lawgov_metrics as lm

SEED = Path(__file__).resolve().parent / "data" / "huadu-2023.txt"

# %% [markdown]
# ## 1. Numbers exactly as written

# %%
q = lm.parse_quantity("28300余条")
print(repr(q))
print("bounds:", q.bounds())  # 余 = up to one unit of the last non-zero digit
print(lm.parse_quantity("27亿条").value, lm.parse_quantity("两千三百零五件").value)
print(lm.parse_quantity("１２，３４５件").value)

# %% [markdown]
# ## 2. Rounding undone: what a written rate can stand for

# %%
print(lm.unround("68.67"))  # half up (四舍五入) by default
print(lm.unround("63.10"))  # trailing zeros count
print(lm.unround("12", scheme="half_even"), lm.unround("12", scheme="truncate"))

# %% [markdown]
# ## 3. Implied priors: the GRIM idea applied to growth

# %%
print("implied prior:", lm.implied_prior(786, "68.67"))
print("integer priors:", list(lm.integer_priors(786, "68.67")))
print(lm.verify_growth(prior=466, current=786, reported="68.67"))
print(lm.verify_growth(prior=467, current=786, reported="68.67"))
print(lm.check_share(total=1497, reported="98.73"))

# %% [markdown]
# ## 4. A whole report: figures and claims with their quotes

# %%
report = lm.read_report(SEED)
print(report)
cols = ["subject", "value", "unit", "qualifier", "quote"]
print(report.to_frame()[cols].head(8).to_string(index=False))
growth = report.claims_of("growth")[0]
print(growth.quote, "->", growth.rate)

# %% [markdown]
# ## 5. Consistency checks

# %%
results = lm.check(report)
print(results)
print(results.summary().to_string())

# %% [markdown]
# ## 6. A string instead of a file: `extract`

# %%
snippet = lm.extract(
    "2022年,全区收到行政复议申请466宗,调解矛盾纠纷1422宗,成功率达98.45%。",
    jurisdiction="花都区",
    year=2022,
)
print(snippet)
print([(f.subject, str(f.value), f.unit) for f in snippet.figures])
print(lm.check([snippet, report]).by_check("growth.prior_report")[0])

# %% [markdown]
# ## 7. Across years: a panel and a trend
#
# ``examples/data`` holds the 2023 report and two texts for 2021 and 2022 written for the
# examples.

# %%
paths = sorted(SEED.parent.glob("huadu-*.txt"))
reports = [lm.read_report(p) for p in paths]
print(lm.check(reports))
panel = lm.Panel.from_reports(reports)
frame = panel.frame
print(frame[frame["label"] == "行政复议申请"][["year", "value", "derived", "lower", "upper"]])
print(panel.growth()[["label", "prior_year", "year", "prior", "current", "growth"]].head(8))

# %%
ax = lm.plot_trend(panel, "行政复议申请")
print("title:", ax.get_title(), "| lines:", len(ax.get_lines()))
buf = io.BytesIO()
ax.figure.savefig(buf, format="png")
print(f"chart rendered: {len(buf.getvalue())} bytes of PNG")

"""Vectorised, exact versions of the growth and share checks for whole data frames.

Each mapper is the data-frame twin of a single-case function (``verify_growth_frame`` of
:func:`~lawgov_metrics.verify_growth`, ``check_share_frame`` of
:func:`~lawgov_metrics.check_share`) and agrees with it row for row: row ``i`` gets the
status and reason that the single-case function gives for the ``i``-th values of the
columns (``df[col].tolist()[i]``). No row is ever dropped.

How it is fast and still exact:

* Columns are read into int64 arrays (:mod:`numpy`); rates written as text are parsed to
  scaled integers (``"68.67"`` -> 6867 at 2 decimals) with pyarrow compute when pyarrow
  is installed (``pip install lawgov-metrics[fast]``; pandas 3 keeps text in Arrow
  anyway), else by parsing each distinct text once.
* The check is a comparison of integers, so nothing is rounded: a rate written as ``n``
  at ``d`` decimals (``"68.67"`` is 6867 at 2) fits the growth from ``p`` to ``c`` under
  ``half_up`` when ``200 * 10**d * (c - p)`` lies within ``(2n - 1) * p`` and
  ``(2n + 1) * p``, ends open or closed as the scheme says. It runs in chunks that stay in
  the CPU cache.
* Rows whose products could overflow int64 are detected and only they are decided by the
  exact single-case function (Python integers and Fractions), as are rows holding
  Decimals beyond six places, Quantities, odd text and other values the fast readers do
  not take. Missing and unreadable values are classified in bulk, with the single-case
  function's reason codes.
* Status and reason are categoricals built from masks; exact values (Fractions) are made
  only on request (``exact=True``, or ``exact="int64"`` for int64 numerator and
  denominator columns).

Floats: a float rate is read by its shortest repr (``68.67`` as ``"68.67"``, ``12.0`` as
``"12"``), as :func:`~lawgov_metrics.verify_growth` reads it; a float shows no more places
than were written, so a true claim is never failed for being a float. A float count is
taken when it is a whole number and is ``bad_input`` otherwise.

The mappers return a NEW frame with the input's index and columns plus their own result
columns (which overwrite input columns of the same name); the input is never modified.

Examples:
    >>> import pandas as pd
    >>> import lawgov_metrics as lm
    >>> df = pd.DataFrame({"prior": [466, 460, 0], "current": [786, 786, 5],
    ...                    "reported": ["68.67", "68.67", "10"]})
    >>> out = lm.verify_growth_frame(df)
    >>> out[["status", "reason"]].to_dict("list")
    {'status': ['pass', 'fail', 'undecidable'], 'reason': ['', 'growth_mismatch', \
'prior_not_positive']}
    >>> lm.verify_growth_frame(df, exact=True).loc[0, "growth"]
    Fraction(16000, 233)
"""

from __future__ import annotations

from collections.abc import Hashable
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeAlias

import numpy as np

from ..results import Status
from ..rounding import Scheme, check_scheme
from ._columns import BAD, MISSING, OK, SLOW, read_counts, read_rates
from ._frames import (
    Exact,
    RationalColumn,
    categorical,
    check_exact,
    check_frame,
    integer_column,
    new_frame,
    require_columns,
)
from ._kernels import SCALE, VERDICTS, growth_check, half_unit_ends, share_check

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_share_frame", "verify_growth_frame"]

Array: TypeAlias = np.ndarray[Any, Any]

_STATUSES = [s.value for s in Status]  # pass, fail, warn, undecidable: codes 0 to 3
_PASS, _FAIL, _UNDECIDABLE = (_STATUSES.index(s.value) for s in (Status.PASS, Status.FAIL,
                                                                  Status.UNDECIDABLE))  # fmt: skip


def _statuses(rows: Array, passed: Array) -> Array:
    """Status codes: PASS where ``passed``, FAIL elsewhere in ``rows``, else UNDECIDABLE."""
    status = np.logical_not(passed).view(np.int8)  # 0 (pass) or 1 (fail)
    if not rows.all():
        np.putmask(status, ~rows, np.int8(_UNDECIDABLE))
    return status


def _reasons() -> list[str]:
    from ..growth import REASONS

    return list(REASONS)


def _first_problem(codes: list[Array], reasons: list[str]) -> tuple[Array | None, Array, Array]:
    """(decided, slow, reason) from the read codes of the columns, in the order read.

    The single-case checks read their arguments one after the other and stop at the first
    missing or unreadable one; the first code that is not OK decides the row the same way.
    ``decided`` is None when every value was read (nothing is decided here).
    """
    n = len(codes[0])
    if not any(code.any() for code in codes):
        return None, np.zeros(n, dtype=bool), np.zeros(n, dtype=np.int8)
    decided = np.zeros(n, dtype=bool)
    slow = np.zeros(n, dtype=bool)
    reason = np.zeros(n, dtype=np.int8)
    for code in codes:
        if not code.any():  # every value read: nothing to decide here
            continue
        hit = ~decided & (code != OK)
        slow |= hit & (code == SLOW)
        reason[hit & (code == MISSING)] = reasons.index("missing_value")
        reason[hit & (code == BAD)] = reasons.index("bad_input")
        decided |= hit
    return decided, slow, reason


def verify_growth_frame(
    df: pd.DataFrame,
    *,
    prior: Hashable = "prior",
    current: Hashable = "current",
    reported: Hashable = "reported",
    scheme: Scheme = "half_up",
    exact: Exact = False,
) -> pd.DataFrame:
    """:func:`~lawgov_metrics.verify_growth` on every row of a frame, vectorised and exact.

    Args:
        df: One row per growth claim.
        prior: Column of last year's values.
        current: Column of this year's values.
        reported: Column of the written rates in percent; keep them as text (``"63.10"``)
            so trailing zeros count. A float there is read by its shortest repr.
        scheme: How the rates were rounded.
        exact: Which exact values to add: ``False`` (default) none; ``True`` the
            ``growth``, ``lower`` and ``upper`` columns of Fractions; ``"int64"`` the
            same as int64 numerator and denominator columns (``growth_num``,
            ``growth_den``, ``lower_num``, ...; nullable ``Int64``, in lowest terms, or
            object columns of ints when a value needs more than 64 bits).

    Returns:
        A new frame: every input column and the index, plus

        * ``status``: ``"pass"``, ``"fail"`` or ``"undecidable"`` (a categorical of the
          values of :class:`~lawgov_metrics.Status`);
        * ``growth_approx``: the growth in percent as a float, APPROXIMATE, for sorting
          and plots (NaN when undecidable);
        * ``reason``: ``""`` for a pass, else the reason code of the single-case check
          (a categorical);
        * with ``exact=True``: ``growth``, the exact growth in percent (Fraction, object
          dtype) or None, and ``lower``, ``upper``, the ends of the IMPLIED PRIOR interval
          (Fractions; None when unbounded or not computed), open or closed as the scheme
          makes them (see :func:`~lawgov_metrics.implied_prior`);
        * with ``exact="int64"``: ``growth_num``, ``growth_den``, ``lower_num``,
          ``lower_den``, ``upper_num``, ``upper_den`` instead (NA where the Fraction
          column would hold None).

    Raises:
        ArgumentTypeError: (a ``TypeError``) If ``df`` is not a pandas DataFrame.
        ArgumentValueError: (a ``ValueError``) For an unknown scheme or ``exact`` value.
        SchemaError: If a named column is missing.

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"prior": [466], "current": [786], "reported": ["68.67"]})
        >>> row = verify_growth_frame(df, exact=True).iloc[0]
        >>> row["status"], round(float(row["growth_approx"]), 4), str(row["lower"])
        ('pass', 68.6695, '1048000/2249')
        >>> out = verify_growth_frame(df, exact="int64")
        >>> out.loc[0, ["growth_num", "growth_den", "lower_num", "lower_den"]].tolist()
        [16000, 233, 1048000, 2249]
    """
    check_frame(df)
    check_scheme(scheme)
    mode = check_exact(exact)
    require_columns(df, {"prior": prior, "current": current, "reported": reported})
    n = len(df)
    reasons = _reasons()
    p, p_code = read_counts(df[prior])
    c, c_code = read_counts(df[current])
    num, places, r_code = read_rates(df[reported])
    decided, slow, reason = _first_problem([p_code, c_code, r_code], reasons)
    rows = p > 0
    if decided is not None:
        rows &= ~decided
        np.putmask(reason, ~decided & ~rows, reasons.index("prior_not_positive"))
    elif not rows.all():
        np.putmask(reason, ~rows, reasons.index("prior_not_positive"))
    inside, safe, approx = growth_check(p, c, num, places, rows, scheme)
    if safe is not None:
        slow |= rows & ~safe
        rows &= safe
    failed = np.logical_not(inside, out=inside)  # in place: no second array
    mismatch = np.int8(reasons.index("growth_mismatch"))
    if decided is None and safe is None and rows.all():
        np.multiply(failed.view(np.int8), mismatch, out=reason)  # 0 ("") or growth_mismatch
        status = failed.view(np.int8)  # 0 (pass) or 1 (fail) on every row
    else:
        np.putmask(reason, rows & failed, mismatch)
        status = failed.view(np.int8)
        np.putmask(status, ~rows, np.int8(_UNDECIDABLE))

    growth = RationalColumn(n, mode)
    lower, upper = RationalColumn(n, mode), RationalColumn(n, mode)
    if mode:
        growth.set_many(rows, 100 * (c - p), p)
        _prior_ends(lower, upper, p, c, num, places, rows, scheme)
    _growth_slow_rows(
        df, slow, (prior, current, reported), scheme, status, reason, approx, reasons,
        (growth, lower, upper) if mode else None,
    )  # fmt: skip

    columns: dict[str, Any] = {"status": categorical(status, _STATUSES)}
    if mode:
        columns.update(growth.columns("growth"))
    columns["growth_approx"] = approx
    if mode:
        columns.update(lower.columns("lower"))
        columns.update(upper.columns("upper"))
    columns["reason"] = categorical(reason, reasons)
    return new_frame(df, columns)


def _prior_ends(
    lower: RationalColumn,
    upper: RationalColumn,
    p: Array,
    c: Array,
    num: Array,
    places: Array,
    rows: Array,
    scheme: str,
) -> None:
    """The implied prior ``(c*s / (s + hi), c*s / (s + lo))`` of the fast rows.

    Where the current value is positive and every growth factor in the rate's interval is
    positive, the ends are integer quotients; a current value of 0 gives ``(0, ∞)`` when
    the rate's interval holds -100% and nothing otherwise; a positive current value with a
    rate reaching -100% gives ``[c*s/(s + hi), ∞)`` (nothing when the whole interval is at
    or below -100%). Negative current values get the interval from
    :func:`~lawgov_metrics.implied_prior`'s arithmetic, one by one.
    """
    from decimal import Decimal

    from .._decimal import scaled
    from ..growth import _prior_interval, rate_interval
    from ..rounding import Interval

    lo_off, hi_off, lc, hc = half_unit_ends(num, scheme)
    s = SCALE[np.clip(places, 0, len(SCALE) - 1)]
    lo, hi = 2 * num + lo_off, 2 * num + hi_off
    simple = rows & (c > 0) & (s + lo > 0)
    lower.set_many(simple, c * s, s + hi)
    upper.set_many(simple, c * s, s + lo)
    # a current value of 0: every prior when the rate's interval holds -100%, else none
    zero = rows & (c == 0)
    low, high = s + lo, s + hi  # the growth factor's ends, in half units
    if zero.any():
        lcb, hcb = np.broadcast_to(lc, num.shape), np.broadcast_to(hc, num.shape)
        holds = ((low < 0) | ((low == 0) & lcb)) & ((high > 0) | ((high == 0) & hcb))
        ones = np.ones(len(num), dtype=np.int64)
        lower.set_many(zero & holds, 0 * ones, ones)  # (0, ∞): the upper end stays None
    # a positive current value and a rate reaching -100%: the factor's positive part is
    # (0, (s + hi) / s], so the prior is at least c*s/(s + hi) and unbounded above
    reach = rows & (c > 0) & (low <= 0)
    lower.set_many(reach & (high > 0), c * s, high)
    for i in np.flatnonzero(rows & ~simple & ~zero & ~reach).tolist():
        rate: Decimal = scaled(int(num[i]), -int(places[i]))
        iv = _prior_interval(Interval.point(int(c[i])), rate_interval(rate, scheme))  # type: ignore[arg-type]
        if not iv.is_empty:
            lower.set_one(i, iv.lower)
            upper.set_one(i, iv.upper)


def _growth_slow_rows(
    df: pd.DataFrame,
    slow: Array,
    names: tuple[Hashable, Hashable, Hashable],
    scheme: Scheme,
    status: Array,
    reason: Array,
    approx: Array,
    reasons: list[str],
    exact: tuple[RationalColumn, RationalColumn, RationalColumn] | None,
) -> None:
    """Decide the rows the fast path cannot take with the exact single-case function."""
    from ..growth import verify_growth

    idx = np.flatnonzero(slow)
    if not len(idx):
        return
    prior, current, reported = names
    values = zip(
        df[prior].iloc[idx].tolist(), df[current].iloc[idx].tolist(),
        df[reported].iloc[idx].tolist(), strict=True,
    )  # fmt: skip
    for i, (p, c, r) in zip(idx.tolist(), values, strict=True):
        res = verify_growth(prior=p, current=c, reported=r, scheme=scheme)
        status[i] = _STATUSES.index(res.status.value)
        if res.reason not in reasons:
            reasons.append(res.reason)
        reason[i] = reasons.index(res.reason)
        g = res.observed if isinstance(res.observed, Fraction) else None
        approx[i] = np.nan if g is None else float(g)
        if exact is not None:
            exact[0].set_one(i, g)
            iv = res.details.get("implied_prior")
            if iv is not None and not iv.is_empty:
                exact[1].set_one(i, iv.lower)
                exact[2].set_one(i, iv.upper)


def check_share_frame(
    df: pd.DataFrame,
    *,
    total: Hashable = "total",
    reported: Hashable = "reported",
    count: Hashable | None = None,
    scheme: Scheme = "half_up",
    exact: Exact = False,
) -> pd.DataFrame:
    """:func:`~lawgov_metrics.check_share` on every row of a frame, vectorised and exact.

    Args:
        df: One row per share claim.
        total: Column of the totals (whole counts).
        reported: Column of the written shares in percent (as text, ideally; a float is
            read by its shortest repr).
        count: Optional column of printed counts (numerators); missing values there mean
            "no count printed" for that row.
        scheme: How the shares were rounded.
        exact: ``False`` (default), ``True`` for the ``share`` column of Fractions and
            ``k_min``, ``k_max``, ``n_counts`` as object columns of ints and None (as
            before ``exact`` existed), or ``"int64"`` for ``share_num`` and ``share_den``.

    Returns:
        A new frame with the input's columns and index plus ``status`` and ``reason``
        (categoricals), ``k_min`` and ``k_max`` (the smallest and largest consistent
        whole counts, NA when there is none), ``n_counts`` (how many), as nullable
        ``Int64`` (object columns of ints when a value needs more than 64 bits), and, when
        ``count`` is given, ``share_approx``: ``count / total`` in percent as a float,
        APPROXIMATE (NaN where no count is printed). With ``exact=True`` also ``share``,
        the exact ``count / total`` in percent (Fraction) or None.

    Raises:
        ArgumentTypeError: (a ``TypeError``) If ``df`` is not a pandas DataFrame.
        ArgumentValueError: (a ``ValueError``) For an unknown scheme or ``exact`` value.
        SchemaError: If a named column is missing.

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"total": [1497, 7, 10], "reported": ["98.73", "50.0", "100.5"]})
        >>> out = check_share_frame(df)
        >>> out[["status", "reason"]].to_dict("list")
        {'status': ['pass', 'fail', 'fail'], 'reason': ['', 'no_integer_count', 'share.range']}
        >>> out["k_min"].tolist()
        [1478, <NA>, <NA>]
    """
    check_frame(df)
    check_scheme(scheme)
    mode = check_exact(exact)
    require_columns(df, {"total": total, "reported": reported, "count": count})
    n = len(df)
    reasons = _reasons()
    t, t_code = read_counts(df[total])
    num, places, r_code = read_rates(df[reported])
    if count is not None:
        k, k_code = read_counts(df[count])
        has_k = k_code != MISSING  # a missing count means "none printed", not a problem
        k_code = np.where(has_k, k_code, np.int8(OK))
    else:
        k, k_code = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int8)
        has_k = np.zeros(n, dtype=bool)
    # check_share reads the total (and stops at one of 0 or less), then the rate, the count
    first, slow, reason = _first_problem([t_code], reasons)
    rows = t > 0
    decided = None
    if first is not None or not rows.all():
        decided = np.zeros(n, dtype=bool) if first is None else first
        np.putmask(reason, ~decided & ~rows, np.int8(reasons.index("total_not_positive")))
        decided = decided | ~rows
    later, later_slow, later_reason = _first_problem([r_code, k_code], reasons)
    if later is not None:
        fresh = later if decided is None else ~decided & later
        slow |= fresh & later_slow
        np.copyto(reason, later_reason, where=fresh)
        decided = later if decided is None else decided | later
    if decided is not None:
        rows = ~decided
    res = share_check(t, num, places, k, has_k, rows, scheme)
    if "safe" in res:
        slow |= rows & ~res["safe"]
        rows = rows & res["safe"]

    verdict, n_counts_raw = res["verdict"], res["n_counts"]
    status = (verdict != 0).view(np.int8)  # 0 (pass) or 1 (fail)
    table = np.array([reasons.index("" if v == "pass" else v) for v in VERDICTS], dtype=np.int8)
    if decided is None and "safe" not in res:
        reason = table[verdict]
        counted = verdict != 1  # the share is within 0-100%: its counts are known
    else:
        np.copyto(reason, table[verdict], where=rows)
        np.putmask(status, ~rows, np.int8(_UNDECIDABLE))
        counted = rows & (verdict != 1)
    some = counted & (n_counts_raw > 0)
    k_min = integer_column(n, res["k_min"], some)
    k_max = integer_column(n, res["k_max"], some)
    n_counts = integer_column(n, n_counts_raw, counted)
    share = RationalColumn(n, mode)
    with_k = rows & has_k
    share.set_many(with_k, 100 * k, t)
    approx = res["approx"]
    if not with_k.all():
        np.putmask(approx, ~with_k, np.nan)

    idx = np.flatnonzero(slow)
    if len(idx):
        from ..growth import check_share, range_size

        raw_k = df[count].iloc[idx].tolist() if count is not None else [None] * len(idx)
        values = zip(df[total].iloc[idx].tolist(), df[reported].iloc[idx].tolist(), raw_k,
                     strict=True)  # fmt: skip
        for i, (ti, ri, ki) in zip(idx.tolist(), values, strict=True):
            r = check_share(ti, ri, ki, scheme=scheme)
            status[i] = _STATUSES.index(r.status.value)
            if r.reason not in reasons:
                reasons.append(r.reason)
            reason[i] = reasons.index(r.reason)
            observed = r.observed if isinstance(r.observed, Fraction) else None
            share.set_one(i, observed)
            approx[i] = np.nan if observed is None else float(observed)
            counts = r.details.get("counts")
            if counts is not None:
                size = range_size(counts)
                n_counts.set_one(i, size)
                if size:
                    k_min.set_one(i, counts.start)
                    k_max.set_one(i, counts.stop - 1)

    columns: dict[str, Any] = {
        "status": categorical(status, _STATUSES),
        "reason": categorical(reason, reasons),
        "k_min": k_min.values(objects=mode is True),
        "k_max": k_max.values(objects=mode is True),
        "n_counts": n_counts.values(objects=mode is True),
    }
    columns.update(share.columns("share"))
    if count is not None:
        columns["share_approx"] = approx
    return new_frame(df, columns)

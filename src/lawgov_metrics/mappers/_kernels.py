"""Exact interval checks on int64 arrays: the arithmetic of the vectorised frame checks.

A rate written with ``d`` decimals as the scaled integer ``n`` (``"68.67"`` is ``n = 6867``,
``d = 2``) stands for an interval of percent values; in units of half its last digit that
interval is ``[2n + lo_off, 2n + hi_off]``, its ends open or closed by the scheme (see
:func:`lawgov_metrics.unround`). With ``s = 200 * 10**d`` (100% in those units):

* a growth from ``p > 0`` to ``c`` lies in it iff ``D = s*c - (s + 2n)*p`` satisfies
  ``lo_off*p <= D <= hi_off*p`` (ends as the scheme says);
* a count ``k`` of a total ``t`` gives a share in it iff ``lo*t <= s*k <= hi*t``.

Every comparison is between integers, so nothing is rounded. The arrays are processed in
chunks that stay in the CPU cache. Before a chunk is computed, the largest magnitudes in it
bound every intermediate product exactly (in Python integers); when that bound reaches
``2**62``, a per-row bound marks the rows that could overflow int64, and those rows are
returned as not ``safe``: the caller decides them with exact Python integers instead.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import numpy as np

from ._columns import MAX_PLACES

__all__ = ["CHUNK", "LIMIT", "SCALE", "growth_check", "half_unit_ends", "share_check"]

Array: TypeAlias = np.ndarray[Any, Any]

#: Rows per chunk: a few int64 temporaries of this length fit in a core's L2 cache.
CHUNK = 1 << 16
#: Every intermediate stays below this in magnitude (int64 holds up to 2**63 - 1).
LIMIT = 2**62
#: ``s = 200 * 10**d``: 100% in half units of a rate written with ``d`` decimals.
SCALE = np.array([200 * 10**d for d in range(MAX_PLACES + 1)], dtype=np.int64)


def half_unit_ends(n: Array, scheme: str) -> tuple[Any, Any, Any, Any]:
    """``(lo_off, hi_off, lo_closed, hi_closed)`` of the written values ``n`` under ``scheme``.

    The interval a written value stands for is ``[2n + lo_off, 2n + hi_off]`` in half units
    of its last digit. Offsets and flags are scalars where the scheme makes them constant.
    Mirrors :func:`lawgov_metrics.rounding.unround_value`.

    Examples:
        >>> lo, hi, lc, hc = half_unit_ends(np.array([5, -5, 0]), "half_up")
        >>> lo, hi, lc.tolist(), hc.tolist()
        (-1, 1, [True, False, False], [False, True, False])
    """
    if scheme == "up_or_down":
        return -1, 1, True, True
    if scheme == "half_even":
        even = n % 2 == 0
        return -1, 1, even, even
    if scheme == "half_up":  # ties away from zero; 0 is open on both sides
        return -1, 1, n > 0, n < 0
    if scheme == "half_down":  # ties toward zero; 0 is closed on both sides
        return -1, 1, n <= 0, n >= 0
    if scheme == "floor":
        return 0, 2, True, False
    if scheme == "ceiling":
        return -2, 0, False, True
    # truncate: toward zero, so [x, x + 1) above 0, (x - 1, x] below, (-1, 1) at 0
    pos, neg = n > 0, n < 0
    return np.where(pos, 0, -2), np.where(neg, 0, 2), pos, neg


def _at(x: Any, part: slice) -> Any:
    return x[part] if isinstance(x, np.ndarray) else x


def _peak(a: Array) -> int:
    """``max |a|`` as a Python int (0 for an empty array), without a temporary array."""
    return max(int(a.max()), -int(a.min())) if len(a) else 0


def _per_row_safe(terms: list[tuple[Any, Array]], limit: float = 2.0**61) -> Array:
    """Rows whose sum of ``|a| * |b|`` stays below 2**61, estimated in float64.

    The float estimate is within a relative 1e-15 of the exact sum, far inside the factor
    of two between 2**61 and :data:`LIMIT`.
    """
    total = np.zeros(len(terms[0][1]), dtype=np.float64)
    for a, b in terms:
        total += np.abs(np.asarray(a, dtype=np.float64)) * np.abs(np.asarray(b, dtype=np.float64))
    return total < limit


def _scale(places: Array, rows: Array, all_rows: bool) -> tuple[Any, int]:
    """(one scalar ``s`` for every row, or None; the largest ``s``) of the rows' places."""
    if all_rows:
        lo, hi = int(places.min()), int(places.max())
    else:
        lo = int(np.where(rows, places, MAX_PLACES).min())
        hi = int(np.where(rows, places, 0).max())
    return (SCALE[lo] if lo == hi else None), int(SCALE[hi])


def growth_check(
    p: Array, c: Array, n: Array, places: Array, rows: Array, scheme: str
) -> tuple[Array, Array | None, Array]:
    """``(inside, safe, approx)`` for the growth ``p -> c`` and the rates ``n / 10**places``.

    ``inside``: the growth rounds to the rate under ``scheme``. Only ``rows`` (a bool mask;
    ``p > 0`` there, ``places`` in 0..MAX_PLACES) count; ``inside`` is False elsewhere.
    ``safe`` is False for the rows whose products could overflow int64 (they are not
    computed), or None when no row could. ``approx`` is the growth in percent as a float
    (NaN outside ``rows``): ``100 * (c - p)`` exactly, divided by ``p`` in float64
    (correctly rounded below 2**53).

    Rows outside ``rows`` are computed too (their results are masked): int64 arithmetic
    wraps rather than fails, so only the rows in ``rows`` need the overflow bound, and
    ``max(p)`` over a chunk bounds ``|p|`` there since ``p > 0`` in ``rows``.

    Examples:
        >>> p, c = np.array([466, 460]), np.array([786, 786])
        >>> n, d = np.array([6867, 6867]), np.array([2, 2])
        >>> inside, safe, approx = growth_check(p, c, n, d, np.array([True, True]), "half_up")
        >>> inside.tolist(), safe, approx.round(2).tolist()
        ([True, False], None, [68.67, 70.87])
    """
    size = len(p)
    inside = np.empty(size, dtype=bool)
    safe: Array | None = None  # made at the first row that could overflow
    approx = np.empty(size)
    if not size:
        return inside, safe, approx
    all_rows = bool(rows.all())
    common, s_max = _scale(places, rows, all_rows)
    half = scheme in ("half_up", "half_down", "half_even", "up_or_down")
    width = min(CHUNK, size)
    g, d, t, a = (np.empty(width, dtype=np.int64) for _ in range(4))
    tie = np.empty(width, dtype=bool)
    for start in range(0, size, CHUNK):
        part = slice(start, start + CHUNK)
        pp, cc, nn = p[part], c[part], n[part]
        m = len(pp)
        if m < width:
            g, d, t, a, tie = g[:m], d[:m], t[:m], a[:m], tie[:m]
        s: Any = common if common is not None else SCALE[places[part]]
        p_max, c_max, n_max = max(int(pp.max()), 0), _peak(cc), _peak(nn)
        ok = None
        if s_max * (c_max + p_max) + (2 * n_max + 2) * p_max >= LIMIT:
            s_row = np.broadcast_to(s, m)
            ok = _per_row_safe([(s_row, np.abs(cc) + np.abs(pp)), (2 * np.abs(nn) + 2, pp)])
            if not (ok | ~rows[part]).all():
                if safe is None:
                    safe = np.ones(size, dtype=bool)
                safe[part] = ok | ~rows[part]
            pp, cc, nn = np.where(ok, pp, 1), np.where(ok, cc, 0), np.where(ok, nn, 0)
        np.subtract(cc, pp, out=g)  # c - p
        np.multiply(g, s, out=d)  # s (c - p)
        np.multiply(nn, 2, out=t)
        np.multiply(t, pp, out=t)  # 2 n p
        np.subtract(d, t, out=d)  # d = (growth - written value) * p, in half units
        got = inside[part]
        if half:  # the interval is [2n - 1, 2n + 1]: inside when |d| < p, a tie at |d| == p
            np.abs(d, out=a)
            np.less(a, pp, out=got)
            np.equal(a, pp, out=tie)
            if tie.any():
                ti = np.flatnonzero(tie)
                _, _, lc, hc = half_unit_ends(nn[ti], scheme)
                got[ti] = np.where(d[ti] > 0, hc, lc)
        else:
            lo_off, hi_off, lc, hc = half_unit_ends(nn, scheme)
            lo = d - lo_off * pp  # the growth above the interval's lower end (times p)
            hi = hi_off * pp - d  # and below its upper end
            got[:] = ((lo > 0) | ((lo == 0) & lc)) & ((hi > 0) | ((hi == 0) & hc))
        if ok is not None:
            got &= ok
        np.multiply(g, 100, out=t)
        with np.errstate(divide="ignore", invalid="ignore"):
            np.true_divide(t, pp, out=approx[part])
    if not all_rows or safe is not None:
        if safe is not None:
            rows = rows & safe
        inside &= rows
        np.putmask(approx, ~rows, np.nan)
    return inside, safe, approx


def _scalar(x: Any) -> Any:
    return x.item() if isinstance(x, np.ndarray) else x


def _flags(nn: Array, scheme: str) -> tuple[Any, Any, Any, Any]:
    """:func:`half_unit_ends` of a chunk, as scalars when every written value is positive
    (the usual case for shares) and the scheme then makes them constant."""
    if scheme in ("half_up", "half_down", "truncate") and len(nn) and int(nn.min()) > 0:
        ends = half_unit_ends(np.ones(1, dtype=np.int64), scheme)
        lo_off, hi_off, lc, hc = (_scalar(e) for e in ends)
        return lo_off, hi_off, lc, hc
    return half_unit_ends(nn, scheme)


def _inexact_or_open(closed: Any, q: Array, s: Any, a: Array) -> Any:
    """Rows where ``q * s != a`` (an inexact quotient) or the end is open."""
    if closed is False:
        return True
    return q * s != a if closed is True else (q * s != a) | ~closed


def _exact_and_open(closed: Any, q: Array, s: Any, b: Array) -> Any:
    """Rows where ``q * s == b`` (an exact quotient) and the end is open."""
    if closed is True:
        return False
    return q * s == b if closed is False else (q * s == b) & ~closed


#: The verdicts of :func:`share_check`, in the order of their codes.
VERDICTS = ("pass", "share.range", "count_out_of_range", "count_mismatch", "no_integer_count")


def share_check(
    t: Array, n: Array, places: Array, k: Array, has_k: Array, rows: Array, scheme: str
) -> dict[str, Array]:
    """The share check of ``n / 10**places`` percent of the totals ``t`` (``t > 0`` in ``rows``).

    Returns a dict of arrays: ``verdict`` (int8: the index in :data:`VERDICTS` of what
    :func:`~lawgov_metrics.check_share` concludes: a pass, a share wholly outside 0-100%,
    a printed count below 0 or above the total, a printed count that does not give the
    share, or no whole count that gives it), ``k_min``, ``k_max`` and ``n_counts`` (the
    whole counts ``k`` in ``[0, t]`` that give the share), and ``approx`` (``100 * k / t``
    as a float where ``has_k``). ``safe``, present only when some row's products could
    overflow int64, is False for those rows. Values outside ``rows`` are meaningless.

    With ``s`` as 100% in half units and the share interval ``[lo, hi]``, the counts are
    ``lo*t/s <= k <= hi*t/s``: ``k_min`` is ``ceil(lo*t/s)`` (one more when that end is open
    and the quotient exact), ``k_max`` likewise, both clipped to ``[0, t]``. A printed count
    in ``[0, t]`` fits exactly when it lies in ``[k_min, k_max]``.

    Examples:
        >>> out = share_check(np.array([1497, 7]), np.array([9873, 500]), np.array([2, 1]),
        ...                   np.array([0, 0]), np.array([False, False]),
        ...                   np.array([True, True]), "half_up")
        >>> out["k_min"].tolist(), out["n_counts"].tolist(), out["verdict"].tolist()
        ([1478, 4], [1, 0], [0, 4])
    """
    size = len(t)
    res = {"verdict": np.empty(size, dtype=np.int8)}
    for name in ("k_min", "k_max", "n_counts"):
        res[name] = np.empty(size, dtype=np.int64)
    res["approx"] = np.full(size, np.nan)
    if not size:
        return res
    all_rows = bool(rows.all())
    common, s_max = _scale(places, rows, all_rows)
    any_k, every_k = bool(has_k.any()), bool(has_k.all())
    width = min(CHUNK, size)
    # work arrays reused by every chunk: fresh temporaries of this size cost page faults
    i1, i2, i3, i4 = (np.empty(width, dtype=np.int64) for _ in range(4))
    b1, b2 = np.empty(width, dtype=bool), np.empty(width, dtype=bool)
    v8: Array = np.empty(width, dtype=np.int8)
    safe: Array | None = None  # made at the first row that could overflow
    for start in range(0, size, CHUNK):
        part = slice(start, start + CHUNK)
        tt, nn = t[part], n[part]
        m = len(tt)
        if m < width:
            i1, i2, i3, i4, b1, b2, v8 = (x[:m] for x in (i1, i2, i3, i4, b1, b2, v8))
        s: Any = common if common is not None else SCALE[places[part]]
        t_max, n_max = max(int(tt.max()), 0), _peak(nn)
        k_max = _peak(k[part]) if any_k else 0
        if (2 * n_max + 2) * t_max + s_max * (t_max + 2) >= LIMIT or 100 * k_max >= LIMIT:
            ok = _per_row_safe([(2 * np.abs(nn) + 2, tt), (np.broadcast_to(s, m), tt + 2)])
            if any_k:  # 100 * k for the share's approximation and exact value
                ok &= np.abs(k[part].astype(np.float64)) < 2.0**61 / 100
            if not (ok | ~rows[part]).all():
                if safe is None:
                    safe = res["safe"] = np.ones(size, dtype=bool)
                safe[part] = ok | ~rows[part]
            tt, nn = np.where(ok, tt, 1), np.where(ok, nn, 0)
        lo_off, hi_off, lc, hc = _flags(nn, scheme)
        np.multiply(nn, 2, out=i1)
        lo = np.add(i1, lo_off, out=i2)
        hi = np.add(i1, hi_off, out=i3)
        kmin, kmax = res["k_min"][part], res["k_max"][part]
        a = np.multiply(lo, tt, out=i1)
        q = np.floor_divide(a, s, out=i4)
        if lc is False:  # an open lower end: always the next count
            np.add(q, 1, out=kmin)
        else:  # ceil: one more where the quotient was inexact (or the end is open)
            np.add(q, _inexact_or_open(lc, q, s, a), out=kmin)
        np.maximum(kmin, 0, out=kmin)
        b = np.multiply(hi, tt, out=i1)
        q = np.floor_divide(b, s, out=i4)
        if hc is not True:  # an open upper end: one less where the quotient was exact
            np.subtract(q, _exact_and_open(hc, q, s, b), out=q)
        np.minimum(q, tt, out=kmax)
        counts = res["n_counts"][part]
        np.subtract(kmax, kmin, out=counts)
        counts += 1
        np.maximum(counts, 0, out=counts)
        verdict = res["verdict"][part]
        # without a count: a pass when some count fits, else no_integer_count
        np.less_equal(counts, 0, out=b1)
        np.multiply(b1.view(np.int8), np.int8(4), out=verdict)
        if any_k:
            kk = k[part]
            np.multiply(kk, 100, out=i1)
            with np.errstate(divide="ignore", invalid="ignore"):
                np.true_divide(i1, tt, out=res["approx"][part])
            # with a count: count_out_of_range (2), a pass (0) or count_mismatch (3)
            np.greater_equal(kk, kmin, out=b1)
            np.less_equal(kk, kmax, out=b2)
            np.logical_and(b1, b2, out=b1)
            np.logical_not(b1, out=b1)
            np.multiply(b1.view(np.int8), np.int8(3), out=v8)
            np.less(kk, 0, out=b1)
            np.greater(kk, tt, out=b2)
            np.logical_or(b1, b2, out=b1)
            np.putmask(v8, b1, np.int8(2))
            if every_k:
                verdict[:] = v8
            else:
                np.copyto(verdict, v8, where=has_k[part])
        # wholly outside [0, 100%] (share.range, 1) comes first: only rates at or beyond
        # the ends need the exact test
        np.greater_equal(lo, s, out=b1)
        np.less_equal(hi, 0, out=b2)
        np.logical_or(b1, b2, out=b1)
        if b1.any():
            lcb, hcb = np.broadcast_to(lc, (m,)), np.broadcast_to(hc, (m,))
            outside = b1 & ((lo > s) | ((lo == s) & ~lcb) | (hi < 0) | ((hi == 0) & ~hcb))
            np.putmask(verdict, outside, np.int8(1))
    return res

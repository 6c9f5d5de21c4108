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
CHUNK = 1 << 14
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
) -> tuple[Array, Array, Array]:
    """``(inside, safe, approx)`` for the growth ``p -> c`` and the rates ``n / 10**places``.

    ``inside``: the growth rounds to the rate under ``scheme``. Only ``rows`` (a bool mask;
    ``p > 0`` there, ``places`` in 0..MAX_PLACES) are computed; ``inside`` is False
    elsewhere. ``safe`` is False for the rows whose products could overflow int64 (they are
    not computed). ``approx`` is the growth in percent as a float (NaN outside ``rows``):
    ``100 * (c - p)`` exactly, divided by ``p`` in float64 (correctly rounded below 2**53).

    Examples:
        >>> p, c = np.array([466, 460]), np.array([786, 786])
        >>> n, d = np.array([6867, 6867]), np.array([2, 2])
        >>> inside, safe, approx = growth_check(p, c, n, d, np.array([True, True]), "half_up")
        >>> inside.tolist(), safe.tolist(), approx.round(2).tolist()
        ([True, False], [True, True], [68.67, 70.87])
    """
    size = len(p)
    inside = np.zeros(size, dtype=bool)
    safe = np.ones(size, dtype=bool)
    approx = np.full(size, np.nan)
    if not rows.any():
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
        p_max, c_max, n_max = _peak(pp), _peak(cc), _peak(nn)
        ok = None
        if s_max * (c_max + p_max) + (2 * n_max + 2) * p_max >= LIMIT:
            s_row = np.broadcast_to(s, m)
            ok = _per_row_safe([(s_row, np.abs(cc) + np.abs(pp)), (2 * np.abs(nn) + 2, pp)])
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
    if not all_rows or not safe.all():
        rows = rows & safe
        inside &= rows
        np.putmask(approx, ~rows, np.nan)
    return inside, safe, approx


def share_check(
    t: Array, n: Array, places: Array, k: Array, has_k: Array, rows: Array, scheme: str
) -> dict[str, Array]:
    """The share check of ``n / 10**places`` percent of the totals ``t`` (``t > 0`` in ``rows``).

    Returns a dict of arrays: ``out_of_range`` (the share lies wholly outside 0-100%),
    ``k_min``, ``k_max`` and ``n_counts`` (the whole counts ``k`` in ``[0, t]`` that give
    it), and, for the rows with a printed count (``has_k``), ``count_out_of_range``
    (``k < 0`` or ``k > t``) and ``count_fits``. ``safe`` is False for the rows whose
    products could overflow int64.

    Examples:
        >>> out = share_check(np.array([1497]), np.array([9873]), np.array([2]),
        ...                   np.array([0]), np.array([False]), np.array([True]), "half_up")
        >>> out["k_min"].tolist(), out["n_counts"].tolist(), out["out_of_range"].tolist()
        ([1478], [1], [False])
    """
    size = len(t)
    res = {
        name: np.zeros(size, dtype=bool)
        for name in ("out_of_range", "count_out_of_range", "count_fits")
    }
    for name in ("k_min", "k_max", "n_counts"):
        res[name] = np.zeros(size, dtype=np.int64)
    safe = res["safe"] = np.ones(size, dtype=bool)
    lo_off, hi_off, lo_c, hi_c = half_unit_ends(n, scheme)
    for start in range(0, size, CHUNK):
        part = slice(start, start + CHUNK)
        use = rows[part]
        if not use.any():
            continue
        tt, nn = np.where(use, t[part], 1), np.where(use, n[part], 0)
        kk = np.where(use & has_k[part], k[part], 0)
        s = SCALE[np.clip(places[part], 0, MAX_PLACES)]
        s_max, t_max, n_max, k_max = (_peak(a) for a in (s, tt, nn, kk))
        if (2 * n_max + 4) * t_max + s_max * (t_max + k_max + 2) >= LIMIT:
            ok = _per_row_safe([(2 * np.abs(nn) + 4, tt), (s, tt + np.abs(kk) + 2)])
            safe[part] = ok | ~use
            tt, nn, kk = np.where(ok, tt, 1), np.where(ok, nn, 0), np.where(ok, kk, 0)
            use = use & ok
        lo = 2 * nn + _at(lo_off, part)
        hi = 2 * nn + _at(hi_off, part)
        lc = np.broadcast_to(_at(lo_c, part), lo.shape)
        hc = np.broadcast_to(_at(hi_c, part), hi.shape)
        res["out_of_range"][part] = use & (
            (lo > s) | ((lo == s) & ~lc) | (hi < 0) | ((hi == 0) & ~hc)
        )
        a, b = lo * tt, hi * tt
        kmin = -((-a) // s)
        kmin = np.maximum(kmin + ((kmin * s == a) & ~lc), 0)
        kmax = b // s
        kmax = np.minimum(kmax - ((kmax * s == b) & ~hc), tt)
        res["k_min"][part] = np.where(use, kmin, 0)
        res["k_max"][part] = np.where(use, kmax, 0)
        res["n_counts"][part] = np.where(use, np.maximum(kmax - kmin + 1, 0), 0)
        m = s * kk
        fits = ((m > a) | ((m == a) & lc)) & ((m < b) | ((m == b) & hc))
        res["count_fits"][part] = use & fits
        res["count_out_of_range"][part] = use & ((kk < 0) | (kk > tt))
    return res

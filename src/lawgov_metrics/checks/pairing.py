"""Which reports cross-report checks compare, found by a hash on (jurisdiction, year).

Reports are grouped by their key ``(jurisdiction, year, doc_type)`` in one pass, so lining
up is linear in the number of reports:

* several reports with the same key claim to be one report: they form a *group*, the
  first of them (in the order given) stands for it, and each other member is compared
  with that first one only (``n`` copies give ``n - 1`` pairs, not ``n²``);
* a rule-of-law report and a disclosure report of one place and year (different
  ``doc_type``) are not duplicates; the first report of each kind is compared with the
  first of the place and year;
* each report is compared with the first report of each kind of the year before.

A report without a year is never lined up. A report without a jurisdiction is lined up
only when no report of the run has one (then all are taken to be the same body).

Examples:
    >>> import lawgov_metrics as lm
    >>> from lawgov_metrics.checks import line_up
    >>> a = lm.Report(text="", jurisdiction="花都区", year=2022)
    >>> b = lm.Report(text="", jurisdiction="花都区", year=2023)
    >>> c = lm.Report(text="", jurisdiction="花都区", year=2023, title="copy")
    >>> [(x.label, y.label) for x, y in line_up([a, b, c])]
    [('花都区 2022', '花都区 2023'), ('花都区 2022', '花都区 2023'), ('花都区 2023', '花都区 2023')]
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..records import Report

__all__ = ["Lineup", "line_up", "lineup", "report_key"]

#: (jurisdiction, year, doc_type).
Key = tuple[str | None, int, str | None]


def report_key(report: Report, *, all_unknown: bool = False) -> Key | None:
    """The key a report is lined up by, or ``None`` when it cannot be lined up.

    Args:
        report: The report.
        all_unknown: Whether no report of the run has a jurisdiction (then a report
            without one still lines up).

    Examples:
        >>> import lawgov_metrics as lm
        >>> report_key(lm.Report(text="", jurisdiction="花都区", year=2023, doc_type="disclosure"))
        ('花都区', 2023, 'disclosure')
        >>> report_key(lm.Report(text="", year=2023)) is None
        True
    """
    if report.year is None or (report.jurisdiction is None and not all_unknown):
        return None
    return (report.jurisdiction, report.year, report.doc_type)


@attrs.frozen
class Lineup:
    """How the reports of one run line up.

    Attributes:
        pairs: ``(earlier, later)`` pairs for the pair checks, ``earlier.year <=
            later.year``.
        groups: Reports sharing one key, two or more each, in the order given.
        unplaced: Reports that cannot be lined up (no year; no jurisdiction while others
            have one).
    """

    pairs: tuple[tuple[Report, Report], ...]
    groups: tuple[tuple[Report, ...], ...]
    unplaced: tuple[Report, ...]


def lineup(reports: Sequence[Report]) -> Lineup:
    """Line up the reports of one run in one pass over them (see the module docstring).

    Args:
        reports: The reports of the run.

    Returns:
        The pairs, the groups of duplicates and the reports that cannot be lined up.

    Examples:
        >>> import lawgov_metrics as lm
        >>> copies = [lm.Report(text="", jurisdiction="广州市", year=2022) for _ in range(200)]
        >>> up = lineup(copies)
        >>> len(up.pairs), [len(g) for g in up.groups]
        (199, [200])
    """
    all_unknown = all(r.jurisdiction is None for r in reports)
    members: dict[Key, list[Report]] = {}
    #: (jurisdiction, year) → the first report of each kind, in the order met
    firsts: dict[tuple[str | None, int], list[Report]] = {}
    unplaced: list[Report] = []
    #: each placed report, the first of its group (None when it is that first), its place-year
    placed: list[tuple[Report, Report | None, tuple[str | None, int]]] = []
    for r in reports:
        key = report_key(r, all_unknown=all_unknown)
        if key is None:
            unplaced.append(r)
            continue
        place_year = (key[0], key[1])
        group = members.get(key)
        if group is None:
            members[key] = [r]
            firsts.setdefault(place_year, []).append(r)
            placed.append((r, None, place_year))
        else:
            group.append(r)
            placed.append((r, group[0], place_year))
    pairs: list[tuple[Report, Report]] = []
    for r, first, (jurisdiction, year) in placed:
        for earlier in firsts.get((jurisdiction, year - 1), ()):
            pairs.append((earlier, r))
        if first is not None:
            pairs.append((first, r))  # a duplicate: compared with its group's first
        else:
            head = firsts[(jurisdiction, year)][0]
            if head is not r:  # another kind of report of the place and year
                pairs.append((head, r))
    groups = tuple(tuple(g) for g in members.values() if len(g) > 1)
    return Lineup(pairs=tuple(pairs), groups=groups, unplaced=tuple(unplaced))


def line_up(reports: Sequence[Report]) -> list[tuple[Report, Report]]:
    """The ordered pairs ``(earlier, later)`` that cross-report checks compare.

    Two reports line up when they have years, those years are equal or consecutive, and
    they share a jurisdiction (see the module docstring for duplicates and kinds of
    report). Linear in the number of reports.

    Args:
        reports: The reports of one run.

    Returns:
        Pairs with ``earlier.year <= later.year``, in the order of the later report.

    Examples:
        >>> import lawgov_metrics as lm
        >>> a = lm.Report(text="", jurisdiction="花都区", year=2022)
        >>> b = lm.Report(text="", jurisdiction="花都区", year=2023)
        >>> c = lm.Report(text="", jurisdiction="番禺区", year=2023)
        >>> [(x.label, y.label) for x, y in line_up([b, a, c])]
        [('花都区 2022', '花都区 2023')]
    """
    return list(lineup(reports).pairs)

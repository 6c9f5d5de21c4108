"""Canonical indicators: one stable id for the many ways reports name the same figure.

Reports say 收到行政复议申请, 受理行政复议案件 or 新收行政复议申请 for the same thing. A
:class:`Vocabulary` maps such subjects onto canonical :class:`Indicator` records (a stable
ascii id, a Chinese label, a unit kind and synonyms) so that figures line up across years
and places. The default vocabulary ships as ``data/indicators.json`` in the package; users
extend or override it from their own file or dict.

Matching (:meth:`Vocabulary.match`) is deliberately conservative, so that two different
figures are never merged by accident:

1. the subject is normalised: NFKC (full-width to half-width), common traditional
   characters to simplified, quotes, brackets and spaces removed;
2. leading verbs and scope words (收到, 受理, 新收, 办理, 共, 累计, 全区 ...) and trailing
   count words (数, 总数, 数量 ...) are stripped, repeatedly;
3. the result is looked up among the equally normalised labels and synonyms (exact), then
   tried against each indicator's anchored regular expressions;
4. a candidate whose unit kind disagrees with the written unit (a ``%`` figure is a rate, a
   ``元`` figure money) is rejected.

A subject that matches nothing gives ``None``: callers (e.g. :class:`~lawgov_metrics.Panel`)
keep such figures under their own label, they are never dropped.

Examples:
    >>> import lawgov_metrics as lm
    >>> voc = lm.default_vocabulary()
    >>> voc.match("新收行政复议申请").id
    'admin_reconsideration_applications'
    >>> voc.match("受理行政复议案件", unit="件").label
    '行政复议申请'
    >>> voc.match("行政复议案件", unit="%") is None
    True
    >>> voc.match("某个没有收录的指标") is None
    True
    >>> custom = voc.extend({"indicators": [
    ...     {"id": "village_lawyers", "label": "村居法律顾问", "unit_kind": "count",
    ...      "synonyms": ["村(居)法律顾问"]}]})
    >>> custom.match("村(居)法律顾问").id
    'village_lawyers'
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from os import PathLike
from pathlib import Path
from typing import Any, Literal

import attrs

from .errors import SchemaError, UnknownIndicatorError

__all__ = [
    "SCHEMA_VERSION",
    "Indicator",
    "UnitKind",
    "Vocabulary",
    "default_vocabulary",
    "normalize_subject",
    "unit_kind_of",
]

#: Version of the vocabulary file format (``"schema_version"`` in the JSON).
SCHEMA_VERSION = 1

UnitKind = Literal["count", "rate", "money", "duration"]
_UNIT_KINDS = ("count", "rate", "money", "duration")

# Common traditional characters of these reports' vocabulary, mapped to simplified.
_TRAD = str.maketrans(
    "復議請訴訟審規範備資訊開調紛糾錯師顧問諮詢處罰執評試參數會務學長應負責關機協熱線單證員導"
    "動報決項組織權區縣級類聽護條據傳衛費稅統計結轉辦實發佈與為對於經濟環專業總舉辯",
    "复议请诉讼审规范备资讯开调纷纠错师顾问咨询处罚执评试参数会务学长应负责关机协热线单证员导"
    "动报决项组织权区县级类听护条据传卫费税统计结转办实发布与为对于经济环专业总举辩",
)
_STRIP = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()\[\]【】{}·、,,。:;]")


def normalize_subject(subject: str) -> str:
    """Normalise the script of a subject (no verb stripping).

    NFKC (full-width letters, digits and brackets to half-width), common traditional
    characters to simplified, quotes, brackets, spaces and list punctuation removed.

    Args:
        subject: A subject as written.

    Returns:
        The normalised text.

    Examples:
        >>> normalize_subject("受理行政復議案件")
        '受理行政复议案件'
        >>> normalize_subject("１２３４５ 热线“工单”")
        '12345热线工单'
    """
    text = unicodedata.normalize("NFKC", subject).translate(_TRAD)
    return _STRIP.sub("", text)


def unit_kind_of(unit: str | None) -> UnitKind | None:
    """The unit kind a written unit implies, or ``None`` when nothing is written.

    Args:
        unit: A measure word (``件``, ``%``, ``万元``, ``个工作日``).

    Returns:
        ``"rate"`` for ``%``/``‰``/``个百分点``, ``"money"`` for anything in 元,
        ``"duration"`` for days, hours and minutes, ``"count"`` otherwise.

    Examples:
        >>> [unit_kind_of(u) for u in ("%", "万元", "个工作日", "件", "")]
        ['rate', 'money', 'duration', 'count', None]
    """
    if not unit:
        return None
    u = unicodedata.normalize("NFKC", unit)
    if u in {"%", "‰"} or u.endswith("百分点"):
        return "rate"
    if "元" in u:
        return "money"
    if u in {"天", "日", "小时", "分钟", "工作日", "个工作日", "个月", "周"}:
        return "duration"
    return "count"


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _check_unit_kind(_inst: object, _attr: object, value: str) -> None:
    if value not in _UNIT_KINDS:
        raise ValueError(f"unit_kind must be one of {_UNIT_KINDS}, got {value!r}")


def _check_id(_inst: object, _attr: object, value: str) -> None:
    if not re.fullmatch(r"[a-z0-9][a-z0-9_]*", value):
        raise ValueError(f"indicator id must be a lower-case ascii slug, got {value!r}")


def _check_patterns(_inst: object, _attr: object, value: tuple[str, ...]) -> None:
    for p in value:
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"bad indicator pattern {p!r}: {exc}") from exc


@attrs.frozen(kw_only=True)
class Indicator:
    """A canonical indicator.

    Attributes:
        id: Stable ascii slug (``"admin_reconsideration_applications"``).
        label: Canonical Chinese label (``"行政复议申请"``).
        unit_kind: ``"count"``, ``"rate"``, ``"money"`` or ``"duration"``.
        synonyms: Other names for it, as written in reports (verbs may be included:
            they are stripped the same way as in subjects).
        patterns: Regular expressions tried (with ``re.search``) against a normalised,
            verb-stripped subject when no synonym matches exactly; anchor them.

    Examples:
        >>> Indicator(id="x1", label="测试", unit_kind="count").synonyms
        ()
    """

    id: str = attrs.field(validator=_check_id)
    label: str
    unit_kind: str = attrs.field(default="count", validator=_check_unit_kind)
    synonyms: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    patterns: tuple[str, ...] = attrs.field(
        default=(), converter=_tuple_of_str, validator=_check_patterns
    )

    def to_dict(self) -> dict[str, Any]:
        """The indicator as a JSON-ready dict (the data-file format)."""
        return {
            "id": self.id,
            "label": self.label,
            "unit_kind": self.unit_kind,
            "synonyms": list(self.synonyms),
            "patterns": list(self.patterns),
        }


def _indicator_tuple(value: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(value)


_DEFAULT_PREFIXES = ("收到", "受理", "新收", "办理", "共", "累计")
_MEMO_SIZE = 100_000


@attrs.frozen(kw_only=True)
class Vocabulary:
    """A set of indicators with the rules to match report subjects onto them.

    Build one with :func:`default_vocabulary`, :meth:`from_file` or :meth:`from_dict`;
    :meth:`extend` returns a new vocabulary with more (or overriding) indicators.

    Attributes:
        indicators: The indicators, in file order; later ones take precedence in matching.
        prefixes: Leading verbs and scope words stripped before matching.
        suffixes: Trailing count words stripped before matching.
    """

    indicators: tuple[Indicator, ...] = attrs.field(converter=_indicator_tuple)
    prefixes: tuple[str, ...] = attrs.field(default=_DEFAULT_PREFIXES, converter=_tuple_of_str)
    suffixes: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    _by_id: dict[str, Indicator] = attrs.field(init=False, repr=False, eq=False)
    _index: dict[str, list[Indicator]] = attrs.field(init=False, repr=False, eq=False)
    _compiled: tuple[tuple[Indicator, re.Pattern[str]], ...] = attrs.field(
        init=False, repr=False, eq=False
    )
    _affixes: tuple[tuple[str, ...], tuple[str, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    # match() results by (subject, unit kind): a panel of millions of rows names only a few
    # hundred distinct subjects, so each is normalised and looked up once.
    _memo: dict[tuple[str, str | None], Indicator | None] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        affixes = (
            tuple(sorted(self.prefixes, key=len, reverse=True)),
            tuple(sorted(self.suffixes, key=len, reverse=True)),
        )
        object.__setattr__(self, "_affixes", affixes)
        by_id: dict[str, Indicator] = {}
        for ind in self.indicators:
            if ind.id in by_id:
                raise ValueError(f"duplicate indicator id {ind.id!r}")
            by_id[ind.id] = ind
        # Later indicators take precedence (an extension overrides the base vocabulary).
        index: dict[str, list[Indicator]] = {}
        for ind in reversed(self.indicators):
            for name in (ind.label, *ind.synonyms):
                for key in {normalize_subject(name), self.core(name)}:
                    if key:
                        index.setdefault(key, [])
                        if ind not in index[key]:
                            index[key].append(ind)
        compiled = tuple(
            (ind, re.compile(p)) for ind in reversed(self.indicators) for p in ind.patterns
        )
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_compiled", compiled)
        object.__setattr__(self, "_memo", {})

    # construction ---------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Vocabulary:
        """Build a vocabulary from the data-file structure.

        Args:
            data: ``{"schema_version": 1, "indicators": [{"id", "label", "unit_kind",
                "synonyms", "patterns"}, ...], "prefixes": [...], "suffixes": [...]}``;
                ``schema_version``, ``prefixes`` and ``suffixes`` are optional.

        Returns:
            The vocabulary.

        Raises:
            SchemaError: Wrong schema version, or an indicator entry that is not valid
                (missing id or label, bad unit kind, bad regular expression).

        Examples:
            >>> v = Vocabulary.from_dict({"indicators": [
            ...     {"id": "a", "label": "甲", "synonyms": ["甲类"]}]})
            >>> v.match("收到甲类").id
            'a'
        """
        if not isinstance(data, Mapping):
            raise SchemaError(f"a vocabulary must be a mapping, got {type(data).__name__}")
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise SchemaError(
                f"vocabulary schema_version {version!r} is not supported "
                f"(this library reads version {SCHEMA_VERSION})"
            )
        entries = data.get("indicators", [])
        if not isinstance(entries, list | tuple):
            raise SchemaError("vocabulary 'indicators' must be a list")
        inds: list[Indicator] = []
        for i, entry in enumerate(entries):
            if not isinstance(entry, Mapping):
                raise SchemaError(f"indicator #{i} must be a mapping, got {entry!r}")
            try:
                inds.append(
                    Indicator(
                        id=entry["id"],
                        label=entry["label"],
                        unit_kind=entry.get("unit_kind", "count"),
                        synonyms=entry.get("synonyms", ()),
                        patterns=entry.get("patterns", ()),
                    )
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise SchemaError(
                    f"indicator #{i} ({entry.get('id')!r}) is invalid: {exc}"
                ) from exc
        kwargs: dict[str, Any] = {}
        if "prefixes" in data:
            kwargs["prefixes"] = data["prefixes"]
        if "suffixes" in data:
            kwargs["suffixes"] = data["suffixes"]
        try:
            return cls(indicators=inds, **kwargs)
        except ValueError as exc:
            raise SchemaError(str(exc)) from exc

    @classmethod
    def from_file(cls, path: str | PathLike[str]) -> Vocabulary:
        """Read a vocabulary from a JSON file in the data-file format (UTF-8).

        Raises:
            SchemaError: The file is not valid JSON or not a valid vocabulary.
            OSError: The file cannot be read.
        """
        text = Path(path).read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(f"{path}: not valid JSON: {exc}") from exc
        return cls.from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        """The vocabulary in the data-file format (``from_dict(v.to_dict()) == v``)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "prefixes": list(self.prefixes),
            "suffixes": list(self.suffixes),
            "indicators": [i.to_dict() for i in self.indicators],
        }

    def extend(self, other: Vocabulary | Mapping[str, Any] | Iterable[Indicator]) -> Vocabulary:
        """A new vocabulary with ``other``'s indicators added.

        An indicator of ``other`` with an id already present replaces the old one; both
        replaced and new indicators move to the end, and since later indicators take
        precedence in matching, ``other`` wins when a synonym is claimed by both.
        Prefixes and suffixes are merged.

        Args:
            other: A vocabulary, a dict in the data-file format, or indicators.

        Returns:
            The extended vocabulary; ``self`` is unchanged.

        Examples:
            >>> v = default_vocabulary().extend({"indicators": [
            ...     {"id": "legal_advisers", "label": "法律顾问", "synonyms": ["法律顾问团队"]}]})
            >>> v.match("法律顾问团队").id
            'legal_advisers'
        """
        if isinstance(other, Vocabulary):
            add = other
        elif isinstance(other, Mapping):
            add = Vocabulary.from_dict(other)
        else:
            add = Vocabulary(indicators=_indicator_tuple(other), prefixes=(), suffixes=())
        new_ids = {i.id: i for i in add.indicators}
        inds = [new_ids.get(i.id, i) for i in self.indicators]
        seen = {i.id for i in self.indicators}
        inds += [i for i in add.indicators if i.id not in seen]
        # Replaced indicators must win ties too: move them after the untouched ones.
        replaced = [i for i in inds if i.id in new_ids and i.id in seen]
        inds = [i for i in inds if not (i.id in new_ids and i.id in seen)] + replaced
        prefixes = tuple(dict.fromkeys((*self.prefixes, *add.prefixes)))
        suffixes = tuple(dict.fromkeys((*self.suffixes, *add.suffixes)))
        return Vocabulary(indicators=inds, prefixes=prefixes, suffixes=suffixes)

    # look-up ----------------------------------------------------------------------------

    def core(self, subject: str) -> str:
        """A subject with its script normalised and leading verbs and counters stripped.

        Examples:
            >>> default_vocabulary().core("共收到行政复议申请数")
            '行政复议申请'
        """
        text = normalize_subject(subject)
        prefixes, suffixes = self._affixes
        changed = True
        while changed:
            changed = False
            for p in prefixes:
                if p and text.startswith(p) and len(text) > len(p):
                    text = text[len(p) :]
                    changed = True
                    break
        changed = True
        while changed:
            changed = False
            for s in suffixes:
                if s and text.endswith(s) and len(text) > len(s):
                    text = text[: -len(s)]
                    changed = True
                    break
        return text

    def match(self, subject: str | None, unit: str | None = None) -> Indicator | None:
        """The indicator a subject names, or ``None``.

        Args:
            subject: The subject as written (``"新收行政复议申请"``); ``None`` or empty
                gives ``None``.
            unit: The figure's unit, used to reject a candidate of the wrong unit kind.

        Returns:
            The matching indicator, or ``None`` when nothing matches.

        Results are remembered per (subject, unit kind), so matching the same subject
        again (a figure of every report, a row of a long frame) costs a dict look-up.

        Examples:
            >>> v = default_vocabulary()
            >>> v.match("办理法援案件", "宗").id
            'legal_aid_cases'
            >>> v.match("出庭应诉率", "%").id
            'head_court_appearance_rate'
        """
        if not subject or not isinstance(subject, str):
            return None
        kind = unit_kind_of(unit)
        key = (subject, kind)
        if key in self._memo:
            return self._memo[key]
        found = self._match(subject, kind)
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = found
        return found

    def _match(self, subject: str, kind: str | None) -> Indicator | None:
        def fits(ind: Indicator) -> bool:
            return kind is None or ind.unit_kind == kind

        for key in (normalize_subject(subject), self.core(subject)):
            for ind in self._index.get(key, ()):
                if fits(ind):
                    return ind
        core = self.core(subject)
        for ind, pattern in self._compiled:
            if fits(ind) and pattern.search(core):
                return ind
        return None

    def get(self, key: str) -> Indicator:
        """The indicator with this id (or, failing that, this label or synonym).

        Raises:
            UnknownIndicatorError: Nothing in the vocabulary has that id, label or synonym.

        Examples:
            >>> default_vocabulary().get("行政复议申请").id
            'admin_reconsideration_applications'
            >>> default_vocabulary().get("no_such_id")
            Traceback (most recent call last):
            ...
            lawgov_metrics.errors.UnknownIndicatorError: "unknown indicator 'no_such_id'"
        """
        ind = self._by_id.get(key)
        if ind is not None:
            return ind
        for ind in self.indicators:
            if ind.label == key:
                return ind
        found = self._index.get(normalize_subject(key)) if isinstance(key, str) else None
        if found:
            return found[0]
        raise UnknownIndicatorError(f"unknown indicator {key!r}")

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        try:
            self.get(key)
        except UnknownIndicatorError:
            return False
        return True

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    def to_frame(self) -> Any:
        """A table of the indicators: id, label, unit_kind, synonyms (joined by ``、``)."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "id": i.id,
                    "label": i.label,
                    "unit_kind": i.unit_kind,
                    "synonyms": "、".join(i.synonyms),
                }
                for i in self.indicators
            ],
            columns=["id", "label", "unit_kind", "synonyms"],
        )

    def __repr__(self) -> str:
        return f"<Vocabulary: {len(self.indicators)} indicators>"


@functools.cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package (``data/indicators.json``), cached.

    Examples:
        >>> default_vocabulary() is default_vocabulary()
        True
        >>> len(default_vocabulary()) >= 30
        True
    """
    ref = importlib.resources.files("lawgov_metrics").joinpath("data", "indicators.json")
    return Vocabulary.from_dict(json.loads(ref.read_text(encoding="utf-8")))

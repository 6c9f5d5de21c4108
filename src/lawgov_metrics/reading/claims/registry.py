"""The registry of claim readers, and the context every reader gets.

A reader is a function from a :class:`Context` to the claims of one kind, registered with
:func:`claim_reader` under one of :data:`KINDS`;
:data:`lawgov_metrics.reading.claims.READERS` lists them in reading order (the docs and the
tests walk it). Readers only build records from what the earlier steps read: the figures
and the ties of :mod:`lawgov_metrics.reading.clauses`. None changes the context.

Examples:
    >>> from lawgov_metrics.reading import claims
    >>> list(claims.READERS) == list(KINDS)
    True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Final, TypeVar

import attrs

from ...records import Binding, Claim, Figure, Qualifier, Quantity
from ..clauses import Changes, Choice, Relations, Sum
from ..document import Document
from ..figures import Candidate
from ..subjects import Subject

__all__ = ["KINDS", "REGISTRY", "ClaimReader", "Context", "claim_reader"]

#: The claim kinds, in the order their readers run.
KINDS: Final = ("growth", "pp_change", "share", "breakdown", "balance", "streak", "rank")

ReaderFunc = Callable[["Context"], Iterable[Claim]]
F = TypeVar("F", bound=ReaderFunc)


@attrs.frozen(kw_only=True, eq=False)
class Context:
    """What the claim readers read from: the document, its figures and their ties.

    Attributes:
        doc: The document.
        cands: The figures as candidates (text order).
        figures: Per candidate, its :class:`~lawgov_metrics.Figure` records (one per
            subject; several for a listed rate).
        subjects: Per candidate, its final subject.
        changes: The growth and pp ties.
        relations: The list, balance and share ties.
    """

    doc: Document
    cands: Sequence[Candidate]
    figures: Sequence[tuple[Figure, ...]]
    subjects: Sequence[Subject]
    changes: Changes
    relations: Relations

    def figure(self, ref: int | Sum | None) -> Figure | None:
        """The figure of a candidate (its last, for a listed rate), or of a :class:`Sum`."""
        if ref is None:
            return None
        if isinstance(ref, int):
            return self.figures[ref][-1]
        return self.sum_figure(ref)

    def sum_figure(self, ref: Sum) -> Figure:
        """A total the text gives as a sum of printed figures (kind ``"sum"``).

        Its quote runs from the first printed term to the last, its value is their exact
        sum, its text ``62件+4件``.
        """
        parts = [self.cands[i] for i in ref.parts]
        figs = [self.figures[i][-1] for i in ref.parts]
        start, end = parts[0].start, parts[-1].end
        value = sum((p.quantity.value for p in parts), Decimal(0))
        q = Quantity(
            value=value,
            unit=parts[0].quantity.unit,
            qualifier=Qualifier.EXACT,
            text="+".join(f.quote for f in figs),
            resolution=Decimal(1),
            rounded=False,
        )
        return Figure(
            quantity=q,
            subject="+".join(f.subject for f in figs if f.subject),
            quote=self.doc.text[start:end],
            span=(start, end),
            section=self.doc.section_at(start),
            kind="sum",
            context=self.doc.context(start, end),
        )

    def alternatives(self, choice: Choice) -> tuple[Figure, ...]:
        """The figures of a choice's alternatives."""
        out: list[Figure] = []
        for ref in choice.alternatives:
            fig = self.figure(ref)
            if fig is not None:
                out.append(fig)
        return tuple(out)

    def quote(self, span: tuple[int, int]) -> str:
        """The original text of ``span``."""
        return self.doc.text[span[0] : span[1]]

    def binding(self, choice: Choice) -> Binding:
        """A choice's binding (POSITIONAL when nothing was chosen)."""
        return choice.binding if choice.ref is not None else Binding.POSITIONAL


@attrs.frozen
class ClaimReader:
    """A registered reader of one kind of claim.

    Attributes:
        kind: The claim kind it returns (``"growth"``, ``"share"`` …).
        read: The reader.
        summary: One line on what it reads (its docstring's first line).
    """

    kind: str
    read: ReaderFunc
    summary: str


#: Every registered reader, by kind (see :data:`lawgov_metrics.reading.claims.READERS`).
REGISTRY: Final[dict[str, ClaimReader]] = {}


def claim_reader(kind: str) -> Callable[[F], F]:
    """Register the decorated function as the reader of ``kind`` claims."""

    def register(func: F) -> F:
        if kind not in KINDS:
            raise ValueError(f"unknown claim kind {kind!r}; kinds: {', '.join(KINDS)}")
        if kind in REGISTRY:
            raise ValueError(f"a reader of {kind!r} claims is registered already")
        doc = (func.__doc__ or "").strip().splitlines()
        REGISTRY[kind] = ClaimReader(kind=kind, read=func, summary=doc[0] if doc else "")
        return func

    return register

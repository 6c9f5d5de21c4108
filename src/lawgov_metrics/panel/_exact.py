"""Exact number columns for pandas: decimals as written and fractions, in int64 parts.

A :class:`DecimalArray` stores each :class:`~decimal.Decimal` as a coefficient (int64) and
an exponent (int8): ``Decimal("12.50")`` is ``(1250, -2)``, so the written precision is kept.
A :class:`FractionArray` stores each :class:`~fractions.Fraction` as a reduced numerator and
a positive denominator (both int64). Both are pandas extension arrays: a column behaves like
an object column of Decimals or Fractions (``tolist()``, ``iloc``, ``==``, sorting, display
as ``466`` or ``160/233``, ``None`` for a missing value) while costing 10 and 17 bytes a row
instead of a Python object each. A value whose parts do not fit int64 (a 30-digit figure) is
kept as a Python object in a side array, so nothing is ever rounded or wrapped around.

The int64 parts are what vectorised code works on (:meth:`FractionArray.parts`); exact
Python objects are made only when an element is asked for.

Examples:
    >>> import pandas as pd
    >>> from decimal import Decimal
    >>> from fractions import Fraction
    >>> s = pd.Series(FractionArray._from_sequence([Fraction(160, 233), None, 3]))
    >>> s.tolist()
    [Fraction(160, 233), None, Fraction(3, 1)]
    >>> print(s.to_string())
    0    160/233
    1       None
    2          3
    >>> d = DecimalArray._from_sequence(["12.50", "786", None])
    >>> d.tolist()
    [Decimal('12.50'), Decimal('786'), None]
    >>> d.to_float().tolist()
    [12.5, 786.0, nan]
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, ClassVar

import numpy as np
from pandas.api.extensions import register_extension_dtype

from ..errors import SchemaError
from ._exact_base import _I64_MAX, _I64_MIN, _POW10, _POW10_F, _ExactArray, _ExactDtype

__all__ = ["DecimalArray", "DecimalDtype", "FractionArray", "FractionDtype"]


@register_extension_dtype
class DecimalDtype(_ExactDtype):
    """The dtype of :class:`DecimalArray` (string alias ``"exact_decimal"``)."""

    name = "exact_decimal"
    type = Decimal
    kind = "O"


@register_extension_dtype
class FractionDtype(_ExactDtype):
    """The dtype of :class:`FractionArray` (string alias ``"fraction"``)."""

    name = "fraction"
    type = Fraction
    kind = "O"


# -- decimals ---------------------------------------------------------------------------------


def decimal_parts(d: Decimal) -> tuple[int, int]:
    """The (coefficient, exponent) of a finite Decimal: ``d == coef * 10**exp``, as written.

    Context-free: ``Decimal("12.50")`` gives ``(1250, -2)`` under any decimal context.

    Examples:
        >>> decimal_parts(Decimal("12.50")), decimal_parts(Decimal("-1.2E+3"))
        ((1250, -2), (-12, 2))
    """
    sign, digits, exp = d.as_tuple()
    if not isinstance(exp, int):
        raise ValueError(f"{d!r} is not a finite number")
    coef = int("".join(map(str, digits))) if digits else 0
    return (-coef if sign else coef), exp


def _decimal_from_parts(coef: int, exp: int) -> Decimal:
    return Decimal(f"{coef}E{exp}")  # string construction is exact under any context


class DecimalArray(_ExactArray):
    """A column of exact decimals as written (int64 coefficient, int8 exponent).

    Elements are :class:`~decimal.Decimal` (``None`` when missing); ``Decimal("63.10")``
    keeps its trailing zero. See the module docstring.
    """

    _dtype: ClassVar[_ExactDtype] = DecimalDtype()
    _fp: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @classmethod
    def _empty_parts(cls, n: int) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int8)

    @classmethod
    def _coerce(cls, x: object) -> Decimal:
        if isinstance(x, Decimal):
            if not x.is_finite():
                raise SchemaError(f"{x!r} is not a finite number")
            return x
        if isinstance(x, bool):
            raise SchemaError(f"expected a number, got the bool {x!r}")
        if isinstance(x, numbers.Integral):
            return Decimal(int(x))
        if isinstance(x, float | np.floating):
            if not np.isfinite(x):
                raise SchemaError(f"{x!r} is not a finite number")
            return Decimal(repr(float(x)))
        if isinstance(x, Fraction):
            if x.denominator == 1:
                return Decimal(x.numerator)
            d = x.denominator
            twos = fives = 0
            while d % 2 == 0:
                d, twos = d // 2, twos + 1
            while d % 5 == 0:
                d, fives = d // 5, fives + 1
            if d != 1:
                raise SchemaError(f"{x} has no exact decimal form")
            k = max(twos, fives)
            return _decimal_from_parts(x.numerator * 10**k // x.denominator, -k)
        if isinstance(x, str):
            try:
                written = Decimal(x.strip())
            except InvalidOperation:
                raise SchemaError(f"{x!r} is not a decimal number") from None
            return cls._coerce(written)
        raise SchemaError(f"expected a number, got {type(x).__name__} {x!r}")

    @classmethod
    def _unbox(cls, x: object) -> tuple[int, int] | Any:
        assert isinstance(x, Decimal)
        coef, exp = decimal_parts(x)
        if _I64_MIN < coef <= _I64_MAX and -128 <= exp <= 127 and not (coef == 0 and x.is_signed()):
            return coef, exp
        return x

    def _box_parts(self, a: int, b: int) -> Decimal:
        return _decimal_from_parts(a, b)

    def _box(self, i: int) -> Decimal | None:
        if self._big is not None and self._big[i] is not None:
            return self._big[i]  # type: ignore[no-any-return]
        if self._mask[i]:
            return None
        return _decimal_from_parts(int(self._a[i]), int(self._b[i]))

    @classmethod
    def from_int64(cls, values: np.ndarray, mask: np.ndarray | None = None) -> DecimalArray:
        """Whole numbers from an integer array (exponent 0), without a Python loop."""
        coef = np.asarray(values, dtype=np.int64)
        m = np.zeros(len(coef), dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
        return cls(coef, np.zeros(len(coef), dtype=np.int8), m)

    @property
    def coefficients(self) -> np.ndarray:
        """The int64 coefficients (0 where missing or kept as an object)."""
        return self._a

    @property
    def exponents(self) -> np.ndarray:
        """The int8 exponents."""
        return self._b

    def fraction_parts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The values as reduced ``(numerator, denominator)`` int64 arrays, vectorised.

        Returns:
            ``(num, den, ok)``: ``ok`` is False where the value is missing or its reduced
            fraction does not fit int64 (use :meth:`fraction_at` there).
        """
        cached = getattr(self, "_fp", None)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        if not self._b.any():  # whole numbers: the coefficients are the numerators
            ok = ~self._mask
            if self._big is not None:
                ok &= np.array([x is None for x in self._big], dtype=bool)
            ones = np.broadcast_to(np.ones(1, dtype=np.int64), (len(self),))  # read-only
            self._fp = (self._a, ones, ok)
            return self._fp
        coef = self._a
        exp = self._b.astype(np.int64)
        ok = ~self._mask.copy()
        if self._big is not None:
            ok &= np.array([x is None for x in self._big], dtype=bool)
        neg = exp < 0
        ok &= (exp >= -18) & (exp <= 18)
        k = np.clip(np.abs(exp), 0, 18)
        p = _POW10[k]
        pos = ~neg & (exp > 0)
        if pos.any():
            lim = np.where(pos, _I64_MAX // p, _I64_MAX)
            ok &= ~pos | (np.abs(coef) <= lim)
        num = np.where(pos & ok, coef * np.where(pos & ok, p, 1), coef)
        den = np.where(neg, p, 1).astype(np.int64)
        g = np.gcd(num, den)
        g[g == 0] = 1
        num = num // g
        den = den // g
        num[~ok] = 0
        den[~ok] = 1
        self._fp = (num, den, ok)
        return self._fp

    def _cache_clear(self) -> None:
        self._fp = None

    def fraction_at(self, i: int) -> Fraction | None:
        """The exact value at position ``i`` as a Fraction (``None`` when missing)."""
        v = self._box(i)
        return None if v is None else Fraction(v)

    def to_float(self) -> np.ndarray:
        coef = self._a.astype(np.float64)
        exp = self._b.astype(np.int64)
        exact = (np.abs(self._a) < 2**53) & (np.abs(exp) <= 22)
        scale = _POW10_F[np.clip(np.abs(exp), 0, 22)]
        # IEEE division and multiplication of exact operands round correctly, as float(Decimal)
        out: np.ndarray = np.asarray(np.where(exp < 0, coef / scale, coef * scale), np.float64)
        slow = np.flatnonzero(~exact & ~self._mask)
        for i in slow.tolist():
            out[i] = float(_decimal_from_parts(int(self._a[i]), int(self._b[i])))
        out[self._mask] = np.nan
        if self._big is not None:
            for i, x in enumerate(self._big.tolist()):
                if x is not None:
                    out[i] = float(x)
        return out


# -- fractions --------------------------------------------------------------------------------


class FractionArray(_ExactArray):
    """A column of exact fractions (reduced int64 numerator, positive int64 denominator).

    Elements are :class:`~fractions.Fraction` (``None`` when missing). :meth:`parts` gives the
    int64 numerators and denominators; see the module docstring.
    """

    _dtype: ClassVar[_ExactDtype] = FractionDtype()

    def __init__(
        self,
        a: np.ndarray,
        b: np.ndarray,
        mask: np.ndarray,
        big: np.ndarray | None = None,
        *,
        reduced: bool = True,
    ) -> None:
        super().__init__(a, b, mask, big)
        # Parts may be stored unreduced (growth skips the gcd); parts() reduces on demand.
        self._reduced = reduced

    def _like(
        self, a: np.ndarray, b: np.ndarray, mask: np.ndarray, big: np.ndarray | None
    ) -> FractionArray:
        return FractionArray(a, b, mask, big, reduced=self._reduced)

    @classmethod
    def _after_concat(cls, out: FractionArray, arrays: Sequence[FractionArray]) -> FractionArray:
        out._reduced = all(x._reduced for x in arrays)
        return out

    def _reduce_parts(self) -> None:
        if not self._reduced:
            g = np.gcd(self._a, self._b)
            g[g == 0] = 1
            self._a, self._b = self._a // g, self._b // g
            self._reduced = True

    @classmethod
    def _empty_parts(cls, n: int) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(n, dtype=np.int64), np.ones(n, dtype=np.int64)

    @classmethod
    def _coerce(cls, x: object) -> Fraction:
        if isinstance(x, Fraction):
            return x
        if isinstance(x, bool):
            raise SchemaError(f"expected a number, got the bool {x!r}")
        if isinstance(x, numbers.Integral):
            return Fraction(int(x))
        if isinstance(x, str) and "/" in x:
            try:
                return Fraction(x.strip())
            except (ValueError, ZeroDivisionError):
                raise SchemaError(f"{x!r} is not a fraction") from None
        return Fraction(DecimalArray._coerce(x))

    @classmethod
    def _unbox(cls, x: object) -> tuple[int, int] | Any:
        assert isinstance(x, Fraction)
        if _I64_MIN < x.numerator <= _I64_MAX and x.denominator <= _I64_MAX:
            return x.numerator, x.denominator
        return x

    def _box_parts(self, a: int, b: int) -> Fraction:
        return Fraction(a, b)

    def _box(self, i: int) -> Fraction | None:
        if self._big is not None and self._big[i] is not None:
            return self._big[i]  # type: ignore[no-any-return]
        if self._mask[i]:
            return None
        return Fraction(int(self._a[i]), int(self._b[i]))

    @classmethod
    def from_parts(
        cls,
        num: np.ndarray,
        den: np.ndarray,
        mask: np.ndarray | None = None,
        *,
        reduced: bool = False,
    ) -> FractionArray:
        """Fractions ``num / den`` from int64 arrays (``den > 0``), reduced unless they are.

        Raises:
            ValueError: A denominator is not positive where the value is not missing.
        """
        n = np.asarray(num, dtype=np.int64)
        d = np.asarray(den, dtype=np.int64)
        m = np.zeros(len(n), dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
        if (d[~m] <= 0).any():
            raise ValueError("fraction denominators must be positive")
        if not reduced:
            g = np.gcd(n, d)
            g[g == 0] = 1
            n, d = n // g, d // g
        n = np.where(m, 0, n)
        d = np.where(m, 1, d)
        return cls(n, d, m)

    def parts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(numerators, denominators, ok)`` as int64 arrays, reduced, denominators > 0.

        ``ok`` is False where the value is missing or too large for int64; the exact value
        is then available from :meth:`fraction_at` (or the element itself).
        """
        self._reduce_parts()
        ok = ~self._mask
        if self._big is not None:
            ok = ok & np.array([x is None for x in self._big], dtype=bool)
        return self._a, self._b, ok

    @property
    def numerator(self) -> np.ndarray:
        """The numerators: int64, or Python ints (object) when one does not fit int64."""
        if self._big is None:
            self._reduce_parts()
            return self._a.copy()
        return np.array([0 if x is None else x.numerator for x in self._objects()], dtype=object)

    @property
    def denominator(self) -> np.ndarray:
        """The denominators: int64, or Python ints (object) when one does not fit int64."""
        if self._big is None:
            self._reduce_parts()
            return self._b.copy()
        return np.array([1 if x is None else x.denominator for x in self._objects()], dtype=object)

    def fraction_at(self, i: int) -> Fraction | None:
        """The exact value at position ``i`` (``None`` when missing)."""
        return self._box(i)

    def to_float(self) -> np.ndarray:
        if self._big is None and self._mask.all():
            return np.full(len(self), np.nan)
        num, den = self._a, self._b
        out = num.astype(np.float64)
        # Exact operands below 2**53 make the IEEE quotient the correctly rounded float(Fraction).
        slow = np.flatnonzero(((out >= 2**53) | (out <= -(2**53)) | (den >= 2**53)) & ~self._mask)
        with np.errstate(divide="ignore", invalid="ignore"):  # missing parts mean nothing
            np.divide(out, den, out=out)
        for i in slow.tolist():
            out[i] = float(Fraction(int(num[i]), int(den[i])))
        out[self._mask] = np.nan
        if self._big is not None:
            for i, x in enumerate(self._big.tolist()):
                if x is not None:
                    out[i] = float(x)
        return np.asarray(out, dtype=np.float64)


DecimalDtype._array = DecimalArray
FractionDtype._array = FractionArray

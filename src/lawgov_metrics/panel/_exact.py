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
import operator
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, ClassVar, TypeVar

import numpy as np
import pandas as pd
from pandas.api.extensions import (
    ExtensionArray,
    ExtensionDtype,
    register_extension_dtype,
    take,
)
from pandas.api.indexers import check_array_indexer

from ..errors import SchemaError

__all__ = ["DecimalArray", "DecimalDtype", "FractionArray", "FractionDtype"]

_I64_MAX = 2**63 - 1
_I64_MIN = -(2**63)
# |a| * |b| below this bound (checked in float64, whose relative error is 2**-53) means the
# exact product fits int64.
_SAFE = float(2**62)
# 10**k for the exponents an int64 coefficient can meet exactly.
_POW10 = np.array([10**k for k in range(19)], dtype=np.int64)
_POW10_F = np.array([10.0**k for k in range(23)], dtype=np.float64)

_A = TypeVar("_A", bound="_ExactArray")


def _is_na(x: object) -> bool:
    if x is None or x is pd.NA or x is pd.NaT:
        return True
    return isinstance(x, float) and x != x


class _ExactDtype(ExtensionDtype):
    """Shared parts of the two dtypes: ``None`` marks a missing value."""

    na_value = None
    _array: ClassVar[type[_ExactArray]]

    @classmethod
    def construct_array_type(cls) -> type[_ExactArray]:
        return cls._array

    def __repr__(self) -> str:
        return self.name


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


class _ExactArray(ExtensionArray):
    """Two int64-ish part arrays, a missing mask, and Python objects for the overflow."""

    _dtype: ClassVar[_ExactDtype]

    def __init__(
        self,
        a: np.ndarray,
        b: np.ndarray,
        mask: np.ndarray,
        big: np.ndarray | None = None,
    ) -> None:
        if not (len(a) == len(b) == len(mask)) or (big is not None and len(big) != len(a)):
            raise ValueError("the parts of an exact array must have one length")
        self._a = a
        self._b = b
        self._mask = mask
        if big is not None and not any(x is not None for x in big):
            big = None
        self._big = big

    def _like(
        self: _A, a: np.ndarray, b: np.ndarray, mask: np.ndarray, big: np.ndarray | None
    ) -> _A:
        """A new array of this kind (and flags) from parts."""
        return type(self)(a, b, mask, big)

    def _cache_clear(self) -> None:
        """Forget what was derived from the parts (they are about to change)."""

    # -- boxing -------------------------------------------------------------------------

    def _box(self, i: int) -> Any:
        raise NotImplementedError  # pragma: no cover - each subclass boxes its own

    @classmethod
    def _unbox(cls, x: object) -> tuple[int, int] | Any:
        """The (a, b) parts of a scalar, or the scalar itself when it does not fit."""
        raise NotImplementedError  # pragma: no cover - each subclass unboxes its own

    @classmethod
    def _coerce(cls, x: object) -> Any:
        raise NotImplementedError  # pragma: no cover

    @classmethod
    def _empty_parts(cls, n: int) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError  # pragma: no cover

    @classmethod
    def _pack(cls: type[_A], values: Sequence[Any]) -> _A:
        """An array from exact scalars (already coerced) and ``None``."""
        n = len(values)
        a, b = cls._empty_parts(n)
        mask = np.zeros(n, dtype=bool)
        big: np.ndarray | None = None
        for i, x in enumerate(values):
            if x is None:
                mask[i] = True
                continue
            parts = cls._unbox(x)
            if isinstance(parts, tuple):
                a[i], b[i] = parts
            else:
                if big is None:
                    big = np.full(n, None, dtype=object)
                big[i] = parts
        return cls(a, b, mask, big)

    # -- the ExtensionArray interface -----------------------------------------------------

    @property
    def dtype(self) -> _ExactDtype:
        return self._dtype

    @classmethod
    def _from_sequence(cls: type[_A], scalars: Any, *, dtype: Any = None, copy: bool = False) -> _A:
        if isinstance(scalars, cls):
            return scalars.copy() if copy else scalars
        return cls._pack([None if _is_na(x) else cls._coerce(x) for x in scalars])

    @classmethod
    def _from_sequence_of_strings(
        cls: type[_A], strings: Any, *, dtype: Any = None, copy: bool = False
    ) -> _A:
        return cls._from_sequence(strings, dtype=dtype, copy=copy)

    @classmethod
    def _from_factorized(cls: type[_A], values: np.ndarray, original: _A) -> _A:
        return cls._from_sequence(values)

    def __len__(self) -> int:
        return len(self._a)

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, numbers.Integral):
            i = int(item)
            if i < 0:
                i += len(self)
            if not 0 <= i < len(self):
                raise IndexError(f"index {item} is out of bounds for length {len(self)}")
            return self._box(i)
        item = check_array_indexer(self, item)
        big = None if self._big is None else self._big[item]
        return self._like(self._a[item], self._b[item], self._mask[item], big)

    def __setitem__(self, key: Any, value: Any) -> None:
        # Parts may be shared with other arrays (see masked()): copy before writing.
        self._a, self._b, self._mask = self._a.copy(), self._b.copy(), self._mask.copy()
        if self._big is not None:
            self._big = self._big.copy()
        self._cache_clear()
        key = check_array_indexer(self, key)
        idx = np.arange(len(self))[key]
        if np.ndim(idx) == 0:
            idx = np.array([idx])
        if pd.api.types.is_list_like(value) and not isinstance(value, str):
            vals = list(value)
            if len(vals) != len(idx):
                raise ValueError(f"cannot set {len(vals)} values into {len(idx)} positions")
        else:
            vals = [value] * len(idx)
        for i, x in zip(idx.tolist(), vals, strict=True):
            v = None if _is_na(x) else self._coerce(x)
            if self._big is not None:
                self._big[i] = None
            if v is None:
                self._mask[i] = True
                continue
            self._mask[i] = False
            parts = self._unbox(v)
            if isinstance(parts, tuple):
                self._a[i], self._b[i] = parts
            else:
                if self._big is None:
                    self._big = np.full(len(self), None, dtype=object)
                self._big[i] = parts

    def __iter__(self) -> Iterator[Any]:
        return iter(self._objects().tolist())

    @property
    def nbytes(self) -> int:
        extra = 0 if self._big is None else self._big.nbytes
        return int(self._a.nbytes + self._b.nbytes + self._mask.nbytes + extra)

    def isna(self) -> np.ndarray:
        return self._mask.copy()

    def copy(self: _A) -> _A:
        big = None if self._big is None else self._big.copy()
        return self._like(self._a.copy(), self._b.copy(), self._mask.copy(), big)

    def take(self: _A, indices: Any, *, allow_fill: bool = False, fill_value: Any = None) -> _A:
        idx = np.asarray(indices, dtype=np.intp)
        if allow_fill and not _is_na(fill_value):
            filled = self._objects()
            out = take(filled, idx, allow_fill=True, fill_value=self._coerce(fill_value))
            return self._pack(list(out))
        a = take(self._a, idx, allow_fill=allow_fill, fill_value=0)
        b = take(self._b, idx, allow_fill=allow_fill, fill_value=1)
        mask = take(self._mask, idx, allow_fill=allow_fill, fill_value=True)
        big = None
        if self._big is not None:
            if allow_fill:
                big = self._big[np.where(idx < 0, 0, idx)] if len(self) else None
                if big is not None:
                    big[idx < 0] = None
            else:
                big = self._big[idx]
        return self._like(
            a.astype(self._a.dtype, copy=False), b.astype(self._b.dtype, copy=False),
            np.asarray(mask, dtype=bool), big,
        )  # fmt: skip

    @classmethod
    def _concat_same_type(cls: type[_A], to_concat: Sequence[_A]) -> _A:
        arrays = list(to_concat)
        if not arrays:
            return cls._pack([])
        big = None
        if any(x._big is not None for x in arrays):
            big = np.concatenate(
                [x._big if x._big is not None else np.full(len(x), None, object) for x in arrays]
            )
        out = cls(
            np.concatenate([x._a for x in arrays]),
            np.concatenate([x._b for x in arrays]),
            np.concatenate([x._mask for x in arrays]),
            big,
        )
        if isinstance(out, FractionArray):
            out._reduced = all(getattr(x, "_reduced", True) for x in arrays)
        return out

    def masked(self: _A, where: np.ndarray) -> _A:
        """The values with those at the True positions of ``where`` made missing.

        The parts are shared with ``self`` (a missing position's parts mean nothing, and
        ``__setitem__`` copies before it writes), so this costs one bool array.
        """
        where = np.asarray(where, dtype=bool)
        big = None
        if self._big is not None:
            big = self._big.copy()
            big[where] = None
        return self._like(self._a, self._b, self._mask | where, big)

    def _objects(self) -> np.ndarray:
        """An object array of exact scalars, ``None`` where missing."""
        out = np.empty(len(self), dtype=object)
        out[:] = [None if m else self._box_parts(a, b) for a, b, m in self._zip()]
        if self._big is not None:
            sel = np.flatnonzero(np.array([x is not None for x in self._big], dtype=bool))
            out[sel] = self._big[sel]
        return out

    def _zip(self) -> Iterator[tuple[int, int, bool]]:
        return zip(self._a.tolist(), self._b.tolist(), self._mask.tolist(), strict=True)

    def _box_parts(self, a: int, b: int) -> Any:
        raise NotImplementedError  # pragma: no cover

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> np.ndarray:
        if dtype is not None and np.dtype(dtype).kind == "f":
            return self.to_float().astype(dtype, copy=False)
        return self._objects()

    def to_numpy(
        self, dtype: Any = None, copy: bool = False, na_value: object = pd.api.extensions.no_default
    ) -> np.ndarray:
        if dtype is not None and np.dtype(dtype).kind == "f":
            out = self.to_float().astype(dtype, copy=False)
            if na_value is not pd.api.extensions.no_default:
                out[self._mask] = na_value
            return out
        obj = self._objects()
        if na_value is not pd.api.extensions.no_default:
            obj[self._mask] = na_value
        return obj if dtype is None else obj.astype(dtype)

    def astype(self, dtype: Any, copy: bool = True) -> Any:
        dt = pd.api.types.pandas_dtype(dtype)
        if isinstance(dt, type(self._dtype)):
            return self.copy() if copy else self
        if isinstance(dt, ExtensionDtype):
            cls: Any = dt.construct_array_type()  # pandas-stubs type it as the bare base
            return cls._from_sequence(self._objects(), dtype=dt)
        if dt.kind == "f":
            return self.to_float().astype(dt, copy=False)
        if dt.kind in "iub":
            if self._mask.any():
                raise ValueError("cannot convert missing values to an integer dtype")
            return np.array([int(x) for x in self._objects()], dtype=dt)
        if dt.kind == "U":
            return np.array([str(x) for x in self._objects()], dtype=dt)
        return self._objects().astype(dt)

    def to_float(self) -> np.ndarray:
        """The values as float64 (approximate, NaN where missing), for plots."""
        raise NotImplementedError  # pragma: no cover

    def _values_for_factorize(self) -> tuple[np.ndarray, Any]:
        return self._objects(), None

    def _values_for_argsort(self) -> np.ndarray:
        objs = self._objects()
        if self._mask.any():
            smallest = min((x for x in objs if x is not None), default=0)
            objs[self._mask] = smallest
        return objs

    def _formatter(self, boxed: bool = False) -> Callable[[Any], str | None]:
        return lambda x: "None" if x is None else str(x)

    def _reduce(self, name: str, *, skipna: bool = True, keepdims: bool = False, **kw: Any) -> Any:
        vals = [x for x in self._objects() if x is not None]
        if not skipna and self._mask.any():
            return None
        fractions = [Fraction(x) for x in vals]
        if name == "sum":
            result: Any = sum(fractions, Fraction(0))
        elif name in ("min", "max"):
            if not vals:
                return None
            pick = min if name == "min" else max
            result = vals[fractions.index(pick(fractions))]
        elif name == "any":
            result = any(fractions)
        elif name == "all":
            result = all(fractions)
        else:
            raise TypeError(f"{self.dtype} does not support the reduction {name!r}")
        return type(self)._from_sequence([result]) if keepdims else result

    # -- comparisons and arithmetic, exact --------------------------------------------------

    def _other_objects(self, other: Any) -> list[Any]:
        if isinstance(other, pd.Series | pd.Index):
            other = other.array
        if isinstance(other, _ExactArray):
            return list(other._objects())
        if pd.api.types.is_list_like(other) and not isinstance(other, str):
            vals = list(other)
            if len(vals) != len(self):
                raise ValueError(f"lengths differ: {len(self)} and {len(vals)}")
            return vals
        return [other] * len(self)

    def _cmp(self, other: Any, op: Callable[[Any, Any], bool]) -> np.ndarray:
        if isinstance(other, pd.Series | pd.Index | pd.DataFrame):
            return NotImplemented  # type: ignore[no-any-return]  # let pandas align first
        out = np.zeros(len(self), dtype=bool)
        for i, (a, b) in enumerate(zip(self._objects(), self._other_objects(other), strict=True)):
            if a is None or _is_na(b):
                out[i] = op is operator.ne
                continue
            try:
                out[i] = bool(op(Fraction(a), _as_fraction_or_self(b)))
            except TypeError:
                if op in (operator.eq, operator.ne):
                    out[i] = op is operator.ne
                else:
                    raise
        return out

    def __eq__(self, other: object) -> Any:
        return self._cmp(other, operator.eq)

    def __ne__(self, other: object) -> Any:
        return self._cmp(other, operator.ne)

    def __lt__(self, other: object) -> Any:
        return self._cmp(other, operator.lt)

    def __le__(self, other: object) -> Any:
        return self._cmp(other, operator.le)

    def __gt__(self, other: object) -> Any:
        return self._cmp(other, operator.gt)

    def __ge__(self, other: object) -> Any:
        return self._cmp(other, operator.ge)

    def _arith(self, other: Any, op: Callable[[Any, Any], Any], *, reflected: bool) -> Any:
        if isinstance(other, pd.Series | pd.Index | pd.DataFrame):
            return NotImplemented
        out: list[Any] = []
        for a, b in zip(self._objects(), self._other_objects(other), strict=True):
            if a is None or _is_na(b):
                out.append(None)
                continue
            x, y = Fraction(a), _as_fraction_or_self(b)
            out.append(op(y, x) if reflected else op(x, y))
        if all(v is None or isinstance(v, numbers.Rational) for v in out):
            return FractionArray._from_sequence(out)
        return np.array([np.nan if v is None else v for v in out], dtype=object)

    def __add__(self, other: Any) -> Any:
        return self._arith(other, operator.add, reflected=False)

    def __radd__(self, other: Any) -> Any:
        return self._arith(other, operator.add, reflected=True)

    def __sub__(self, other: Any) -> Any:
        return self._arith(other, operator.sub, reflected=False)

    def __rsub__(self, other: Any) -> Any:
        return self._arith(other, operator.sub, reflected=True)

    def __mul__(self, other: Any) -> Any:
        return self._arith(other, operator.mul, reflected=False)

    def __rmul__(self, other: Any) -> Any:
        return self._arith(other, operator.mul, reflected=True)

    def __truediv__(self, other: Any) -> Any:
        return self._arith(other, operator.truediv, reflected=False)

    def __rtruediv__(self, other: Any) -> Any:
        return self._arith(other, operator.truediv, reflected=True)

    def __neg__(self) -> Any:
        return self._arith(0, operator.sub, reflected=True)

    __hash__ = None  # type: ignore[assignment]  # mutable, like every pandas array


def _as_fraction_or_self(x: Any) -> Any:
    if isinstance(x, Decimal):
        return Fraction(x) if x.is_finite() else x
    if isinstance(x, numbers.Rational):
        return Fraction(x)
    return x


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
            self._fp = (self._a, np.ones(len(self), dtype=np.int64), ok)
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
        num, den = self._a, self._b
        with np.errstate(divide="ignore", invalid="ignore"):  # missing parts mean nothing
            out = num.astype(np.float64) / den.astype(np.float64)
        # Exact operands below 2**53 make the IEEE quotient the correctly rounded float(Fraction).
        slow = np.flatnonzero(((np.abs(num) >= 2**53) | (den >= 2**53)) & ~self._mask)
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

"""The machinery shared by the exact columns: two part arrays, a mask, Python overflow.

:class:`_ExactArray` implements the pandas ExtensionArray interface once; the concrete
arrays in :mod:`._exact` say how a scalar becomes parts and back.
"""

from __future__ import annotations

import numbers
import operator
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, TypeVar

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray, ExtensionDtype, take
from pandas.api.indexers import check_array_indexer

__all__: list[str] = []

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

    @classmethod
    def _after_concat(cls: type[_A], out: _A, arrays: Sequence[_A]) -> _A:
        """Carry flags of the concatenated arrays over to ``out``."""
        return out

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
        return cls._after_concat(out, arrays)

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
        if self._big is None:
            out[:] = [None if m else self._box_parts(a, b) for a, b, m in self._zip()]
            return out
        # a value too large for the int64 parts lives in ``_big``; its parts mean nothing
        big = self._big
        out[:] = [
            big[i] if big[i] is not None else (None if m else self._box_parts(a, b))
            for i, (a, b, m) in enumerate(self._zip())
        ]
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
            from ._exact import FractionArray

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

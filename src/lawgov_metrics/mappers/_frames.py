"""Argument checks and output columns shared by the vectorised frame checks.

Exact values are gathered as int64 numerators and denominators (vector rows) plus a few
Python Fractions (rows decided one by one), and turned into columns only at the end: object
columns of Fractions, nullable ``Int64`` pairs, or object columns of ints when a value
needs more than 64 bits. Nothing is lost on the way, and no Python object is made for a
column nobody asked for.
"""

from __future__ import annotations

from collections.abc import Hashable
from fractions import Fraction
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import numpy as np

from ..errors import ArgumentTypeError, ArgumentValueError, SchemaError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Exact",
    "IntColumn",
    "RationalColumn",
    "categorical",
    "check_exact",
    "check_frame",
    "integer_column",
    "new_frame",
    "require_columns",
]

Array: TypeAlias = np.ndarray[Any, Any]
#: The ``exact=`` argument of the frame checks.
Exact: TypeAlias = bool | Literal["int64"]

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def check_frame(df: object) -> ModuleType:
    """Return pandas after checking that ``df`` is a DataFrame (else ArgumentTypeError)."""
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise ArgumentTypeError(
            "df",
            df,
            "a pandas DataFrame with one row per claim",
            f"got {type(df).__name__}; wrap rows with pd.DataFrame(rows, columns=[...])",
        )
    return pd


def check_exact(exact: object) -> Exact:
    """``exact`` as given when it is False, True or ``"int64"``, else ArgumentValueError."""
    if isinstance(exact, bool | np.bool_):
        return bool(exact)
    if exact == "int64":
        return "int64"
    raise ArgumentValueError(
        "exact",
        exact,
        'False (approximate floats only), True (Fraction columns) or "int64" (int64 '
        "numerator and denominator columns)",
    )


def require_columns(df: pd.DataFrame, columns: dict[str, Hashable | None]) -> None:
    """Raise SchemaError naming every named column the frame lacks."""
    missing = []
    for role, col in columns.items():
        if col is None:
            continue
        try:
            hash(col)
        except TypeError:
            raise ArgumentTypeError(role, col, "a column name (a hashable label)") from None
        if col not in df.columns:
            missing.append(f"{role}={col!r}")
    if missing:
        raise SchemaError(
            f"frame lacks the column(s) {', '.join(missing)}; it has {list(df.columns)}"
        )


def categorical(codes: Array, categories: list[str]) -> Any:
    """A categorical of ``categories[code]`` for each code."""
    import pandas as pd

    return pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories), validate=False)


def _copy_on_write() -> bool:
    import pandas as pd

    if int(pd.__version__.split(".")[0]) >= 3:
        return True
    return bool(pd.get_option("mode.copy_on_write") is True)


def new_frame(df: pd.DataFrame, columns: dict[str, Any]) -> pd.DataFrame:
    """A new frame: ``df``'s columns and index plus ``columns`` (replacing same names).

    With copy-on-write (pandas 3) the input's data is shared until either frame is changed;
    otherwise the input is copied, so a later change to the result never reaches it.
    """
    import pandas as pd

    clash = any(name in df.columns for name in columns)
    if not clash and not isinstance(df.columns, pd.MultiIndex):
        new = pd.DataFrame(columns, index=df.index, copy=False)
        return pd.concat([df if _copy_on_write() else df.copy(), new], axis=1)
    out = df.copy(deep=not _copy_on_write())
    for name, values in columns.items():
        out[name] = values
    return out


def _fits(x: int) -> bool:
    return _INT64_MIN <= x <= _INT64_MAX


class IntColumn:
    """Whole numbers per row, from an int64 array plus single rows set one by one."""

    def __init__(self, values: Array, valid: Array) -> None:
        self._values = values
        self._valid = valid
        self._extra: dict[int, int | None] = {}

    def set_one(self, i: int, value: int | None) -> None:
        """Row ``i`` holds ``value`` (None: no value), whatever the arrays said."""
        self._extra[i] = value

    def values(self, *, objects: bool = False) -> Any:
        """A nullable ``Int64`` array, or an object array of ints and None (``objects``,
        or when some value needs more than 64 bits)."""
        import pandas as pd

        big = any(v is not None and not _fits(v) for v in self._extra.values())
        if objects or big:
            out = np.empty(len(self._values), dtype=object)
            idx = np.flatnonzero(self._valid)
            out[idx] = self._values[idx].tolist()
            for i, v in self._extra.items():
                out[i] = v
            return out
        every = bool(self._valid.all())
        data = self._values if every and not self._extra else np.where(self._valid, self._values, 0)
        data = data.astype(np.int64, copy=False)
        mask = np.zeros(len(data), dtype=bool) if every else ~self._valid
        for i, v in self._extra.items():
            mask[i] = v is None
            data[i] = 0 if v is None else v
        return pd.arrays.IntegerArray(data, mask)


def integer_column(n: int, values: Array, valid: Array) -> IntColumn:
    """An :class:`IntColumn` of ``values`` where ``valid`` (length ``n``), else no value."""
    assert len(values) == n
    return IntColumn(values, valid.copy())


class RationalColumn:
    """Exact rationals per row, gathered only when ``mode`` asks for them.

    ``mode`` is False (nothing is kept), True (a column of Fractions) or ``"int64"``
    (numerator and denominator columns, in lowest terms).
    """

    def __init__(self, n: int, mode: Exact) -> None:
        self._mode = mode
        self._n = n
        if mode:
            self._num = np.zeros(n, dtype=np.int64)
            self._den = np.zeros(n, dtype=np.int64)  # 0: no value
        self._extra: dict[int, Fraction | None] = {}

    def set_many(self, rows: Array, num: Array, den: Array) -> None:
        """Rows ``rows`` hold ``num / den`` (``den > 0`` there; both fit int64)."""
        if not self._mode:
            return
        idx = np.flatnonzero(rows)
        a, b = num[idx], den[idx]
        g = np.gcd(a, b)
        g[g == 0] = 1
        self._num[idx] = a // g
        self._den[idx] = b // g

    def set_one(self, i: int, value: Fraction | None) -> None:
        """Row ``i`` holds ``value`` (None: no value), whatever ``set_many`` said."""
        if self._mode:
            self._extra[i] = value

    def columns(self, name: str) -> dict[str, Any]:
        """``{name: Fractions}`` (mode True) or ``{name_num: ..., name_den: ...}``."""
        if not self._mode:
            return {}
        if self._mode is True:
            out = np.empty(self._n, dtype=object)
            idx = np.flatnonzero(self._den)
            out[idx] = [
                Fraction(a, b)
                for a, b in zip(self._num[idx].tolist(), self._den[idx].tolist(), strict=True)
            ]
            for i, v in self._extra.items():
                out[i] = v
            return {name: out}
        valid = self._den != 0
        nums, dens = IntColumn(self._num, valid), IntColumn(self._den, valid.copy())
        for i, v in self._extra.items():
            nums.set_one(i, None if v is None else v.numerator)
            dens.set_one(i, None if v is None else v.denominator)
        big = any(
            v is not None and not (_fits(v.numerator) and _fits(v.denominator))
            for v in self._extra.values()
        )
        return {f"{name}_num": nums.values(objects=big), f"{name}_den": dens.values(objects=big)}

"""Reading and writing reports and panels: JSON, CSV and Parquet, each with a schema version.

========================= ============================== =================================
function                  format                         round trip
========================= ============================== =================================
``report_to_json``        JSON (cattrs)                  ``report_from_json``
``panel_to_json``         JSON                           ``panel_from_json``
``write_csv``             CSV (UTF-8 with BOM)           ``read_csv``
``write_parquet``         Parquet (extra ``parquet``)    ``read_parquet``
========================= ============================== =================================

Exactness: Decimals and Fractions are written as strings (``"68.67"``, ``"931/2"``),
dates in ISO form, so every value reads back equal, trailing zeros included
(``"63.10"`` stays ``63.10``).

Schema versions: JSON documents carry ``"schema_version"`` (and ``"kind"``), CSV files a
``schema_version`` column, Parquet files a ``lawgov_metrics.schema_version`` key in their
metadata. Reading a different version raises :class:`~lawgov_metrics.SchemaError`.

CSV and formula injection: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-``,
``@`` (or a tab or carriage return) as a formula. :func:`write_csv` prefixes such cells of
**text** columns with a single quote ``'`` (and also text cells that already start with
``'``, so that :func:`read_csv` can undo the prefix without ambiguity). Numeric columns
(value, lower, upper, year) are not escaped, so ``-12.5`` is written as ``-12.5`` and reads
back as a number; they are checked to hold only a plain number (``-12.5``, ``-931/2``) so
they cannot carry a formula either.

Examples:
    >>> import pandas as pd
    >>> import lawgov_metrics as lm
    >>> from lawgov_metrics import io
    >>> panel = lm.Panel.from_frame(pd.DataFrame({"jurisdiction": ["花都区"],
    ...     "indicator": ["行政复议申请"], "year": [2023], "value": ["786"],
    ...     "quote": ["=HYPERLINK(\\"x\\")"]}))
    >>> back = io.panel_from_json(io.panel_to_json(panel))
    >>> back.frame.equals(panel.frame)
    True
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = pathlib.Path(d) / "panel.csv"
    ...     _ = io.write_csv(panel, path)
    ...     "'=HYPERLINK" in path.read_text(encoding="utf-8-sig")
    ...     io.read_csv(path).frame.equals(panel.frame)
    True
    True
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import re
from decimal import Decimal
from fractions import Fraction
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import SchemaError
from .records import (
    BalanceClaim,
    BreakdownClaim,
    Claim,
    GrowthClaim,
    PPChangeClaim,
    RankClaim,
    Report,
    ShareClaim,
    StreakClaim,
)

if TYPE_CHECKING:
    import cattrs

    from .panel import Panel

__all__ = [
    "SCHEMA_VERSION",
    "panel_from_json",
    "panel_to_json",
    "read_csv",
    "read_parquet",
    "report_from_json",
    "report_to_json",
    "write_csv",
    "write_parquet",
]

#: Version of every format this module writes; reading another version is an error.
SCHEMA_VERSION = 1

_CLAIM_TYPES: tuple[type[Any], ...] = (
    GrowthClaim, ShareClaim, PPChangeClaim, BreakdownClaim, BalanceClaim, StreakClaim,
    RankClaim,
)  # fmt: skip
_CLAIM_BY_KIND = {c.kind: c for c in _CLAIM_TYPES}

_NUMERIC_COLUMNS = ("value", "lower", "upper")
_BOOL_COLUMNS = ("lower_closed", "upper_closed", "matched", "derived")
_NUMBER_RE = re.compile(r"-?\d+(\.\d+)?(E[+-]?\d+)?|-?\d+/\d+")
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "'")


# -- reports: JSON via cattrs ----------------------------------------------------------------


def _converter() -> cattrs.Converter:
    import attrs
    import cattrs

    from . import records, tables
    from .records import _claims, _quantity, _report

    # The annotations are strings naming what the defining modules import; Report.disclosure
    # is typed with tables' records.
    names = {**vars(tables), **vars(_quantity), **vars(_claims), **vars(_report), **vars(records)}
    for cls in (records.Quantity, records.Figure, records.Report, *_CLAIM_TYPES):
        attrs.resolve_types(cls, globalns=names)
    for cls in (tables.DisclosureCell, tables.DisclosureTable, tables.DisclosureTables):
        attrs.resolve_types(cls, globalns=vars(tables))
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, lambda v, _t: Decimal(str(v)))
    conv.register_unstructure_hook(Fraction, str)
    conv.register_structure_hook(Fraction, lambda v, _t: Fraction(str(v)))
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(_dt.date, lambda v, _t: _dt.date.fromisoformat(v))

    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

    unstructurers = {cls: make_dict_unstructure_fn(cls, conv) for cls in _CLAIM_TYPES}
    structurers = {cls.kind: make_dict_structure_fn(cls, conv) for cls in _CLAIM_TYPES}

    def unstructure_claim(claim: Claim) -> dict[str, Any]:
        body: dict[str, Any] = unstructurers[type(claim)](claim)
        return {"kind": claim.kind, **body}

    def structure_claim(value: Any, _t: Any) -> Claim:
        if not isinstance(value, dict) or value.get("kind") not in structurers:
            raise SchemaError(f"a claim needs a 'kind' in {sorted(structurers)}: {value!r}")
        body = {k: v for k, v in value.items() if k != "kind"}
        result: Claim = structurers[value["kind"]](body, _CLAIM_BY_KIND[value["kind"]])
        return result

    conv.register_unstructure_hook_func(lambda t: t == Claim, unstructure_claim)
    conv.register_structure_hook_func(lambda t: t == Claim, structure_claim)
    for cls in _CLAIM_TYPES:
        conv.register_unstructure_hook(cls, unstructure_claim)
    return conv


_CONVERTER: cattrs.Converter | None = None


def _conv() -> cattrs.Converter:
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = _converter()
    return _CONVERTER


def report_to_dict(report: Report) -> dict[str, Any]:
    """A report as a JSON-ready dict with ``schema_version`` and ``kind="report"``."""
    body: dict[str, Any] = _conv().unstructure(report)
    return {"schema_version": SCHEMA_VERSION, "kind": "report", "report": body}


def _check_header(data: Any, kind: str) -> None:
    if not isinstance(data, dict):
        raise SchemaError(f"expected a JSON object for a {kind}, got {type(data).__name__}")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise SchemaError(
            f"{kind} schema_version is {version!r}; this library reads version {SCHEMA_VERSION}"
        )
    if data.get("kind") != kind:
        raise SchemaError(f"expected kind {kind!r}, got {data.get('kind')!r}")


def report_from_dict(data: Any) -> Report:
    """The inverse of :func:`report_to_dict` (schema version checked)."""
    import cattrs

    _check_header(data, "report")
    body = data.get("report")
    if not isinstance(body, dict):
        raise SchemaError("a report document needs a 'report' object")
    try:
        report: Report = _conv().structure(body, Report)
    except SchemaError:
        raise
    except cattrs.BaseValidationError as exc:
        details = "; ".join(cattrs.transform_error(exc))
        raise SchemaError(f"invalid report document: {details}") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise SchemaError(f"invalid report document: {exc}") from exc
    return report


def _load_json(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(f"not valid JSON: {exc}") from exc


def report_to_json(report: Report, *, indent: int | None = 1) -> str:
    """A report as JSON text (UTF-8, Chinese kept as is).

    Examples:
        >>> import lawgov_metrics as lm
        >>> r = lm.Report(text="共办理法援案件2583宗", jurisdiction="花都区", year=2023)
        >>> report_from_json(report_to_json(r)) == r
        True
    """
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=indent)


def report_from_json(text: str | bytes) -> Report:
    """Read a report written by :func:`report_to_json`.

    Raises:
        SchemaError: Not JSON, the wrong schema version or kind, or invalid content.
    """
    return report_from_dict(_load_json(text))


# -- panels: JSON ------------------------------------------------------------------------------


def _cell_out(col: str, x: Any) -> Any:
    from .panel import _is_missing

    if _is_missing(x):
        return None
    if col in _NUMERIC_COLUMNS:
        return str(x)
    if col == "year":
        return int(x)
    if col in _BOOL_COLUMNS:
        return bool(x)
    return str(x)


def panel_to_dict(panel: Panel) -> dict[str, Any]:
    """A panel as a JSON-ready dict: ``{"schema_version", "kind": "panel", "columns",
    "rows"}`` with exact numbers as strings."""
    from .panel import FRAME_COLUMNS

    rows = [
        [_cell_out(c, rec[c]) for c in FRAME_COLUMNS]
        for rec in panel.frame.to_dict(orient="records")
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "panel",
        "columns": list(FRAME_COLUMNS),
        "rows": rows,
    }


def panel_from_dict(data: Any) -> Panel:
    """The inverse of :func:`panel_to_dict` (schema version checked)."""
    import pandas as pd

    from .panel import Panel

    _check_header(data, "panel")
    cols, rows = data.get("columns"), data.get("rows")
    if not isinstance(cols, list) or not isinstance(rows, list):
        raise SchemaError("a panel document needs 'columns' and 'rows' lists")
    if any(not isinstance(r, list) or len(r) != len(cols) for r in rows):
        raise SchemaError(f"every panel row must be a list of {len(cols)} cells")
    return Panel.from_frame(pd.DataFrame(rows, columns=cols, dtype=object))


def panel_to_json(panel: Panel, *, indent: int | None = None) -> str:
    """A panel as JSON text (see :func:`panel_to_dict`)."""
    return json.dumps(panel_to_dict(panel), ensure_ascii=False, indent=indent)


def panel_from_json(text: str | bytes) -> Panel:
    """Read a panel written by :func:`panel_to_json`.

    Raises:
        SchemaError: Not JSON, the wrong schema version or kind, or invalid content.
    """
    return panel_from_dict(_load_json(text))


# -- panels: CSV -------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return "'" + text if text.startswith(_DANGEROUS) else text


def _unescape(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def write_csv(panel: Panel, path: str | PathLike[str]) -> Path:
    """Write a panel to CSV (UTF-8 with a BOM so spreadsheet programs read Chinese).

    Columns: ``schema_version`` then :data:`~lawgov_metrics.panel.FRAME_COLUMNS`. Exact
    numbers are strings (``"931/2"`` for a fraction), missing cells are empty, booleans
    ``true``/``false``. Text cells that a spreadsheet would run as a formula are prefixed
    with ``'`` (see the module docstring).

    Returns:
        The path written.
    """
    from .panel import FRAME_COLUMNS, _is_missing

    out = Path(path)
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["schema_version", *FRAME_COLUMNS])
        for i, rec in enumerate(panel.frame.to_dict(orient="records")):
            cells = [str(SCHEMA_VERSION)]
            for col in FRAME_COLUMNS:
                x = rec[col]
                if _is_missing(x):
                    cells.append("")
                elif col in _NUMERIC_COLUMNS:
                    s = str(x)
                    if not _NUMBER_RE.fullmatch(s):
                        raise SchemaError(f"row {i}, column {col!r}: {s!r} is not a plain number")
                    cells.append(s)
                elif col == "year":
                    cells.append(str(int(x)))
                elif col in _BOOL_COLUMNS:
                    cells.append("true" if x else "false")
                else:
                    cells.append(_escape(str(x)))
            writer.writerow(cells)
    return out


def read_csv(path: str | PathLike[str]) -> Panel:
    """Read a panel written by :func:`write_csv`.

    Raises:
        SchemaError: No ``schema_version`` column, another version, or invalid cells.
    """
    import pandas as pd

    from .panel import Panel

    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as fh:
            all_rows = list(csv.reader(fh))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise SchemaError(f"{path}: not a UTF-8 CSV file: {exc}") from exc
    if not all_rows:
        raise SchemaError(f"{path}: empty CSV file")
    header, rows = all_rows[0], all_rows[1:]
    if not header or header[0] != "schema_version":
        raise SchemaError(f"{path}: no schema_version column; not a lawgov_metrics CSV")
    cols = header[1:]
    data: list[list[Any]] = []
    for n, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise SchemaError(f"{path}, line {n}: {len(row)} cells, expected {len(header)}")
        if row[0] != str(SCHEMA_VERSION):
            raise SchemaError(
                f"{path}, line {n}: schema_version {row[0]!r}; this library reads {SCHEMA_VERSION}"
            )
        cells: list[Any] = []
        for col, cell in zip(cols, row[1:], strict=True):
            if col in _NUMERIC_COLUMNS or col == "year" or col in _BOOL_COLUMNS:
                cells.append(cell if cell != "" else None)
            elif col == "qualifier":
                cells.append(_unescape(cell) if cell != "" else None)
            else:
                cells.append(_unescape(cell))
        data.append(cells)
    try:
        return Panel.from_frame(pd.DataFrame(data, columns=cols, dtype=object))
    except SchemaError:
        raise
    except (ValueError, TypeError, KeyError, ArithmeticError) as exc:
        raise SchemaError(f"{path}: invalid panel content: {exc}") from exc


# -- panels: Parquet -----------------------------------------------------------------------------

_PARQUET_KEY = b"lawgov_metrics.schema_version"


def _pyarrow() -> Any:
    try:
        import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no type stubs
        import pyarrow.parquet as pq  # type: ignore[import-untyped]  # same
    except ImportError as exc:
        raise ImportError(
            "Parquet support needs pyarrow: pip install 'lawgov-metrics[parquet]'"
        ) from exc
    return pa, pq


def write_parquet(panel: Panel, path: str | PathLike[str]) -> Path:
    """Write a panel to Parquet; exact numbers as strings, the schema version in metadata.

    Raises:
        ImportError: pyarrow is missing (install the extra ``lawgov-metrics[parquet]``).
    """
    from .panel import FRAME_COLUMNS

    pa, pq = _pyarrow()
    recs = panel.frame.to_dict(orient="records")
    arrays = {}
    for col in FRAME_COLUMNS:
        cells = [_cell_out(col, r[col]) for r in recs]
        if col == "year":
            arrays[col] = pa.array(cells, type=pa.int64())
        elif col in _BOOL_COLUMNS:
            arrays[col] = pa.array(cells, type=pa.bool_())
        else:
            arrays[col] = pa.array(cells, type=pa.string())
    table = pa.table(arrays)
    table = table.replace_schema_metadata({_PARQUET_KEY: str(SCHEMA_VERSION).encode()})
    out = Path(path)
    pq.write_table(table, out)
    return out


def read_parquet(path: str | PathLike[str]) -> Panel:
    """Read a panel written by :func:`write_parquet`.

    Raises:
        ImportError: pyarrow is missing (install the extra ``lawgov-metrics[parquet]``).
        SchemaError: Not a Parquet file, or no or another schema version in its metadata.
    """
    import pandas as pd

    from .panel import Panel

    pa, pq = _pyarrow()
    try:
        table = pq.read_table(Path(path))
    except pa.ArrowException as exc:  # ArrowInvalid and friends: not a Parquet file
        raise SchemaError(f"{path}: not a readable Parquet file: {exc}") from exc
    meta = table.schema.metadata or {}
    version = meta.get(_PARQUET_KEY)
    if version is None:
        raise SchemaError(f"{path}: no {_PARQUET_KEY.decode()} in the Parquet metadata")
    if version.decode() != str(SCHEMA_VERSION):
        raise SchemaError(
            f"{path}: schema_version {version.decode()!r}; this library reads {SCHEMA_VERSION}"
        )
    cols = table.column_names
    data = {c: table.column(c).to_pylist() for c in cols}
    return Panel.from_frame(pd.DataFrame(data, columns=cols, dtype=object))

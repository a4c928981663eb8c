"""The native data bundle of SPEC section 2: a folder of UTF-8 CSV files.

Reading turns each file into checked rows whose cells are parsed to Python values;
every problem is a :class:`~abmdesk.errors.DataError` naming the file, the physical
line (the header is line 1, a quoted value may span lines) and the column. Writing
puts every file in place at once, each through a temporary file and a rename, so a
failure never leaves a half-written bundle. No database and no Qt here.
"""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from abmdesk import domain
from abmdesk.errors import AbmError, DataError
from abmdesk.interop import values as v

ACCOUNTS = "accounts.csv"
STAKEHOLDERS = "stakeholders.csv"
INTERACTIONS = "interactions.csv"
DEALS = "deals.csv"
STAGE_CHANGES = "stage_changes.csv"
CONTRACTS = "contracts.csv"
COSTS = "costs.csv"
INTERACTION_TYPES = "interaction_types.csv"

#: A value as long as a book is still a value; Python's csv stops at 128 KiB by default.
FIELD_SIZE_LIMIT = 64 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    """One column of a bundle file and how its cells are read and written.

    ``kind`` is one of text, note (kept as typed, spaces and line breaks included),
    int, money, signed_money, bool, date, datetime, number (> 0) and choice.
    """

    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    what: str = ""


@dataclass(frozen=True)
class FileSpec:
    name: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


def _choice(name: str, choices: tuple[str, ...], what: str, required: bool = False) -> Column:
    return Column(name, "choice", required=required, choices=choices, what=what)


#: The eight files, in the order of SPEC section 2.
SPECS: dict[str, FileSpec] = {
    spec.name: spec
    for spec in (
        FileSpec(
            ACCOUNTS,
            (
                Column("name", required=True),
                Column("domain"),
                Column("sector"),
                Column("employees", "int", minimum=0),
                Column("country"),
                Column("tier"),
                Column("is_target", "bool"),
                Column("target_since", "date"),
                Column("committee_size", "int", minimum=1),
                Column("retention_years", "number"),
                Column("owner"),
            ),
        ),
        FileSpec(
            STAKEHOLDERS,
            (
                Column("account", required=True),
                Column("full_name", required=True),
                Column("title"),
                Column("email"),
                Column("phone"),
                _choice("role", domain.ROLES, "role"),
                _choice("attitude", domain.ATTITUDES, "attitude"),
                Column("reports_to"),
                Column("placeholder", "bool"),
            ),
        ),
        FileSpec(
            INTERACTIONS,
            (
                Column("account", required=True),
                Column("type", required=True),
                Column("occurred_at", "datetime", required=True),
                Column("stakeholder"),
                Column("duration_minutes", "int", minimum=0),
                Column("logged_by"),
                Column("notes", "note"),
            ),
        ),
        FileSpec(
            DEALS,
            (
                Column("account", required=True),
                Column("name", required=True),
                Column("created_at", "datetime", required=True),
                Column("amount", "money"),
                _choice("status", domain.DEAL_STATUSES, "deal status"),
                Column("closed_at", "datetime"),
                Column("owner"),
            ),
        ),
        FileSpec(
            STAGE_CHANGES,
            (
                Column("account", required=True),
                Column("deal", required=True),
                _choice("stage", domain.STAGES, "stage", required=True),
                Column("entered_at", "datetime", required=True),
            ),
        ),
        FileSpec(
            CONTRACTS,
            (
                Column("account", required=True),
                _choice("kind", domain.CONTRACT_KINDS, "contract kind", required=True),
                Column("annual_value", "money", required=True),
                Column("start_date", "date", required=True),
                Column("end_date", "date"),
            ),
        ),
        FileSpec(
            COSTS,
            (
                Column("date", "date", required=True),
                Column("amount", "signed_money", required=True),
                _choice("program", domain.COST_PROGRAMS, "program"),
                _choice("category", domain.COST_CATEGORIES, "cost category"),
                Column("account"),
                Column("description", "note"),
            ),
        ),
        FileSpec(
            INTERACTION_TYPES,
            (
                Column("type", required=True),
                Column("points", "int", required=True),
                Column("label"),
            ),
        ),
    )
}
FILE_NAMES: tuple[str, ...] = tuple(SPECS)


def _parser(column: Column) -> Callable[[str], Any] | None:
    """The function that turns a stripped, non-empty cell into a value (None: keep text)."""
    kind = column.kind
    if kind in ("text", "note"):
        return None
    if kind == "int":
        minimum = column.minimum
        return lambda text: v.parse_int(text, minimum=minimum)
    if kind == "money":
        return v.parse_money
    if kind == "signed_money":
        return lambda text: v.parse_money(text, allow_negative=True)
    if kind == "bool":
        return v.parse_bool
    if kind == "date":
        return v.parse_date
    if kind == "datetime":
        return v.parse_datetime
    if kind == "number":
        return v.parse_positive_number
    if kind == "choice":
        choices, what = column.choices, column.what
        return lambda text: v.parse_choice(text, choices, what)
    raise AssertionError(f"unknown column kind {kind}")


def _formatter(column: Column) -> Callable[[Any], str] | None:
    """The function that writes a stored value as cell text (None: written as it is)."""
    kind = column.kind
    if kind in ("money", "signed_money"):
        return v.format_money
    if kind == "bool":
        return lambda value: "" if value is None else v.format_bool(value)
    if kind == "date":
        return v.format_date
    if kind == "datetime":
        return v.format_datetime
    if kind == "number":
        return v.format_number
    return None


class Record:
    """One data row of a bundle file, and where each of its cells starts."""

    __slots__ = ("file", "line", "cells", "index")

    def __init__(
        self, file: str, line: int, cells: list[str] | None, index: Mapping[str, int]
    ) -> None:
        self.file = file
        self.line = line
        self.cells = cells  # kept only when a quoted value spans lines
        self.index = index

    def line_of(self, column: str) -> int:
        """The physical line where ``column``'s cell starts (quoted values may span lines)."""
        if self.cells is None:
            return self.line
        i = self.index.get(column, len(self.cells))
        return self.line + sum(cell.count("\n") for cell in self.cells[:i])

    def error(self, column: str | None, message: str) -> DataError:
        """The error for ``column``'s cell, as one line of text."""
        line = self.line if column is None else self.line_of(column)
        message = message.replace("\r", "\\r").replace("\n", "\\n")
        return DataError(message, file=self.file, line=line, column=column)


class Row:
    """A checked data row: ``values`` holds every column the file has, parsed (None = empty)."""

    __slots__ = ("src", "values")

    def __init__(self, src: Record, values: dict[str, Any]) -> None:
        self.src = src
        self.values = values

    def __getitem__(self, column: str) -> Any:
        return self.values.get(column)

    def has(self, column: str) -> bool:
        """True when the file has this column (then an empty cell means 'no value')."""
        return column in self.values

    def error(self, column: str | None, message: str) -> DataError:
        return self.src.error(column, message)


def find_files(folder: Path) -> dict[str, Path]:
    """The bundle files present in ``folder``, by their SPEC name (case ignored)."""
    found: dict[str, Path] = {}
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise AbmError(f"{folder}: cannot read the folder ({exc.strerror})") from None
    for path in entries:
        name = path.name.lower()
        if name in SPECS and path.is_file() and name not in found:
            found[name] = path
    return found


def _not_utf8(path: Path, name: str) -> DataError:
    """Locate the first line of ``path`` that is not valid UTF-8."""
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                return DataError(
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                    "save it as 'CSV UTF-8'",
                    file=name,
                    line=number,
                )
    return DataError("the file is not UTF-8 text; save it as 'CSV UTF-8'", file=name)


def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    if "unexpected end of data" in text:
        return "a quoted value is never closed (a '\"' is missing)"
    if "expected after" in text:
        return 'text follows a closing quote; write a quote inside a quoted value as ""'
    if "field larger than field limit" in text:
        return "a value is too long"
    return f"not a valid CSV row ({text})"


class CsvFile:
    """One bundle file open for reading: its header, then its rows, checked."""

    def __init__(self, path: Path, spec: FileSpec) -> None:
        self.path = path
        self.spec = spec
        self.name = spec.name
        self.index: dict[str, int] = {}
        self._width = 0
        self._line = 0
        csv.field_size_limit(max(csv.field_size_limit(), FIELD_SIZE_LIMIT))
        self._fh = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed in close()
        try:
            self._reader = csv.reader(self._fh, strict=True)
            header = self._next()
            if header is not None:
                self._read_header(header)
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> CsvFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._fh.close()

    @property
    def columns(self) -> tuple[str, ...]:
        """The known columns this file has, in SPEC order."""
        return tuple(c for c in self.spec.column_names if c in self.index)

    def _next(self) -> list[str] | None:
        try:
            cells = next(self._reader)
        except StopIteration:
            return None
        except UnicodeDecodeError:
            raise _not_utf8(self.path, self.name) from None
        except csv.Error as exc:
            raise DataError(_csv_problem(exc), file=self.name, line=self._line + 1) from None
        return cells

    def _read_header(self, header: list[str]) -> None:
        self._line = self._reader.line_num
        self._width = len(header)
        known = set(self.spec.column_names)
        for i, raw in enumerate(header):
            name = raw.strip().lower()
            if name not in known:
                continue  # unknown columns are ignored
            if name in self.index:
                raise DataError("this column appears twice", file=self.name, line=1, column=name)
            self.index[name] = i
        for name in self.spec.required:
            if name not in self.index:
                hint = f"expected columns: {', '.join(self.spec.column_names)}"
                if len(header) == 1 and ";" in header[0]:
                    hint = "the file is separated by ';', the bundle uses ','"
                raise DataError(
                    f"required column missing from the header ({hint})",
                    file=self.name,
                    line=1,
                    column=name,
                )

    def records(self) -> Iterator[tuple[Record, list[str]]]:
        """Every data row (blank rows skipped) with its cells as written."""
        if not self.index:
            return
        width = self._width
        reader = self._reader
        name, index = self.name, self.index
        while True:
            cells = self._next()
            if cells is None:
                return
            start, self._line = self._line + 1, reader.line_num
            joined = "".join(cells)
            if not joined.strip():
                continue
            record = Record(name, start, cells if "\n" in joined else None, index)
            if len(cells) > width and "".join(cells[width:]).strip():
                raise record.error(
                    None,
                    f"this row has {len(cells)} values but the header has {width} columns "
                    "(a value that holds a comma must be in quotes)",
                )
            yield record, cells

    def rows(self) -> Iterator[Row]:
        """Every data row with its cells parsed and required values checked."""
        plan = [
            (c.name, self.index[c.name], c.required, c.kind == "note", _parser(c))
            for c in self.spec.columns
            if c.name in self.index
        ]
        for record, cells in self.records():
            count = len(cells)
            parsed: dict[str, Any] = {}
            for name, i, required, keep, parse in plan:
                text = cells[i] if i < count else ""
                stripped = text.strip()
                if not stripped:
                    if required:
                        raise record.error(name, "a value is required")
                    parsed[name] = None
                elif parse is None:
                    parsed[name] = text if keep else stripped
                else:
                    try:
                        parsed[name] = parse(stripped)
                    except ValueError as exc:
                        raise record.error(name, str(exc)) from None
            yield Row(record, parsed)


def read_rows(path: Path, name: str) -> tuple[tuple[str, ...], list[Row]]:
    """All the checked rows of one bundle file, with the known columns it has."""
    with CsvFile(path, SPECS[name]) as f:
        return f.columns, list(f.rows())


def check_unique(rows: Iterable[Row], key: Callable[[Row], Any], column: str, what: str) -> None:
    """Refuse two rows with the same ``key`` (the second is named, and the first's line)."""
    seen: dict[Any, int] = {}
    for row in rows:
        k = key(row)
        first = seen.setdefault(k, row.src.line)
        if first != row.src.line:
            raise row.error(column, f"{what} already appears on line {first}")


def write_bundle(folder: Path, tables: Mapping[str, Iterable[Sequence[Any]]]) -> dict[str, int]:
    """Write the given files into ``folder`` (created if needed); rows per file.

    Each table yields stored values in its file's column order: None is written as an
    empty cell, money as ``1234.50``, booleans as ``true``/``false``, date-times with
    seconds. Every file goes to a temporary file first; only when all are complete are
    they renamed into place, so a failure leaves the folder as it was.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AbmError(f"{folder}: cannot create the folder ({exc.strerror})") from None
    tag = uuid.uuid4().hex[:8]
    written: list[tuple[Path, Path]] = []
    counts: dict[str, int] = {}
    try:
        for name, rows in tables.items():
            temp = folder / f".{name}.{tag}.tmp"
            written.append((temp, folder / name))
            counts[name] = _write_csv(temp, SPECS[name], rows)
        _put_in_place(written, tag)
    except OSError as exc:
        problem = exc.strerror or str(exc)
        where = f" ({Path(exc.filename).name})" if exc.filename else ""
        raise AbmError(f"{folder}: cannot write the bundle: {problem}{where}") from None
    finally:
        for temp, _ in written:
            temp.unlink(missing_ok=True)
    return counts


def _put_in_place(written: list[tuple[Path, Path]], tag: str) -> None:
    """Rename the complete temporary files over the old ones, all or none.

    The old files are first moved aside (this is what fails when another program holds
    one open); if any cannot be, those already moved come back and nothing changes.
    """
    aside: list[tuple[Path, Path]] = []
    try:
        for _, final in written:
            if final.exists():
                old = final.with_name(f".{final.name}.{tag}.old")
                os.replace(final, old)
                aside.append((old, final))
    except OSError:
        for old, final in reversed(aside):
            os.replace(old, final)
        raise
    for temp, final in written:
        os.replace(temp, final)
    for old, _ in aside:
        old.unlink(missing_ok=True)


def _write_csv(path: Path, spec: FileSpec, rows: Iterable[Sequence[Any]]) -> int:
    formats = [(i, f) for i, c in enumerate(spec.columns) if (f := _formatter(c)) is not None]
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(spec.column_names)
        for row in rows:
            if formats:
                row = list(row)
                for i, fmt in formats:
                    row[i] = fmt(row[i])
            writer.writerow(row)
            count += 1
        fh.flush()
        os.fsync(fh.fileno())
    return count

"""Rows of CSV and XLSX exports, whichever tool wrote them (issue 5).

A table is read in four steps: decode (see :mod:`decoding`), sniff the separator,
find the header row (the one that best matches the format's known headers, below
any preamble such as LinkedIn's ``Notes:``), then give each row with the physical
line it starts on. Headers are compared in a normal form (case, accents and
punctuation ignored) against each format's aliases, English and French; a header
that appears twice is read as one column whose value is the first non-empty cell.
``null``, ``None`` and ``[not provided]`` are empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from abmdesk.errors import DataError
from abmdesk.interop import decoding

#: Cell values that mean "no value" (compared in lower case).
EMPTY_WORDS = frozenset(
    {
        "",
        "null",
        "none",
        "[not provided]",
        "(not provided)",
        "nan",
        "#n/a",
        "n/a",
        "-",
        "--",
        "(none)",
        "(vide)",
        "(blank)",
    }
)

_LONGEST_EMPTY = max(map(len, EMPTY_WORDS))

#: Rows searched for the header.
HEADER_SEARCH = 40

#: A value as long as a book is still a value.
csv.field_size_limit(64 * 1024 * 1024)

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(text: object) -> str:
    """A header in normal form: ``Nom de l'entreprise`` → ``nom de l entreprise``."""
    text = str(text or "").replace("\ufeff", "").strip().strip('"').casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NOT_ALNUM.sub(" ", text).strip()


def clean(value: str | None) -> str | None:
    """A cell's text, stripped; None for empty and for the empty words."""
    if value is None:
        return None
    value = value.strip()  # no-break spaces are whitespace too
    if len(value) <= _LONGEST_EMPTY and value.lower() in EMPTY_WORDS:
        return None
    return value


def is_xlsx(head: bytes) -> bool:
    """A ZIP archive, as Excel workbooks are (openpyxl tells the rest)."""
    return head.startswith(b"PK\x03\x04")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise DataError(
            f"not a readable Excel workbook (damaged or cut short: {exc})", file=path.name
        ) from None
    try:
        sheet = next((ws for ws in book.worksheets if ws.max_row and ws.max_row > 0), None)
        if sheet is None:
            return
        try:
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, [_cell_text(v) for v in row]
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
            raise DataError(
                f"not a readable Excel workbook (damaged or cut short: {exc})", file=path.name
            ) from None
    finally:
        book.close()


def sample_xlsx_rows(path: Path, limit: int = HEADER_SEARCH + 5) -> list[list[str]]:
    rows = []
    for _, row in _xlsx_rows(path):
        rows.append(row)
        if len(rows) >= limit:
            break
    return rows


def _csv_rows(text: str, separator: str, name: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter=separator, strict=True)
    line = 0
    try:
        for row in reader:
            yield line + 1, row
            line = reader.line_num
    except csv.Error as exc:
        where = line + 1
        if "end of data" in str(exc) or "EOF" in str(exc):
            raise DataError(
                "a quoted value is never closed: the file seems cut short", file=name, line=where
            ) from None
        raise DataError(f"badly quoted CSV ({exc})", file=name, line=where) from None


def sample_rows(text: str, limit: int = HEADER_SEARCH + 5) -> list[list[str]]:
    """The first rows of a CSV text (for sniffing), or [] when it is not a table."""
    separator = decoding.sniff_separator(text)
    rows = []
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= limit:
                break
    except csv.Error:
        pass
    return rows


def find_header(rows: Sequence[Sequence[str]], score: Callable[[list[str]], float]) -> int | None:
    """The index of the row that scores best as a header (None when none scores)."""
    best, best_score = None, 0.0
    for i, row in enumerate(rows[:HEADER_SEARCH]):
        found = score([header_key(c) for c in row])
        if found > best_score:
            best, best_score = i, found
    return best


def alias_score(aliases: Mapping[str, Sequence[str]], keys: Sequence[str]) -> int:
    """How many fields of ``aliases`` a header row has."""
    present = set(keys)
    return sum(1 for names in aliases.values() if any(header_key(n) in present for n in names))


@dataclass
class Table:
    """An open table: its header and a way to iterate its data rows."""

    name: str
    encoding: str
    separator: str | None
    headers: list[str]
    header_line: int
    _rows: Iterator[tuple[int, list[str]]]
    _text_ends_with_newline: bool = True

    @property
    def keys(self) -> list[str]:
        return [header_key(h) for h in self.headers]

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """``(line, cells)`` of every data row, cells padded to the header's width.

        A last row that is shorter than the header in a file that does not end with a
        line break is a file cut short: refused.
        """
        width = len(self.headers)
        previous: tuple[int, list[str]] | None = None
        for line, row in self._rows:
            if previous is not None:
                yield previous
            previous = (line, row)
        if previous is None:
            return
        line, row = previous
        if not self._text_ends_with_newline and 1 < len(row) < width:
            raise DataError(
                f"the last row has {len(row)} of the {width} columns: the file seems cut short",
                file=self.name,
                line=line,
            )
        yield previous

    def padded(self, row: list[str]) -> list[str]:
        width = len(self.headers)
        return row + [""] * (width - len(row)) if len(row) < width else row

    def columns(self, aliases: Mapping[str, Sequence[str]]) -> Columns:
        return Columns(self, aliases)


def open_table(
    path: Path,
    score: Callable[[list[str]], float],
    *,
    encoding: str | None = None,
    what: str = "export",
) -> Table:
    """Open the CSV or XLSX file at ``path`` and find its header row with ``score``."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=path.name) from None
    if is_xlsx(head):
        rows_iter = _xlsx_rows(path)
        encoding, separator = "xlsx", None
        newline = True
    else:
        text, encoding = decoding.read_text(path, encoding)
        separator = decoding.sniff_separator(text)
        rows_iter = _csv_rows(text, separator, path.name)
        newline = text.endswith(("\n", "\r"))
    head_rows: list[tuple[int, list[str]]] = []
    for item in rows_iter:
        head_rows.append(item)
        if len(head_rows) >= HEADER_SEARCH:
            break
    index = find_header([r for _, r in head_rows], score)
    if index is None:
        raise DataError(f"no header row of a {what} found in the first lines", file=path.name)
    line, headers = head_rows[index]
    headers = [h.replace("\ufeff", "").strip() for h in headers]

    def chained() -> Iterator[tuple[int, list[str]]]:
        yield from head_rows[index + 1 :]
        yield from rows_iter

    table = Table(path.name, encoding, separator, headers, line, chained(), newline)
    return table


class Columns:
    """The columns of a table that hold each field (aliases, duplicates merged)."""

    def __init__(self, table: Table, aliases: Mapping[str, Sequence[str]]) -> None:
        self.table = table
        keys = table.keys
        self.index: dict[str, list[int]] = {}
        for field, names in aliases.items():
            wanted = [header_key(n) for n in names]
            found: list[int] = []
            for key in wanted:  # alias order is preference order
                found.extend(i for i, k in enumerate(keys) if k == key and i not in found)
            if found:
                self.index[field] = found
        self._compile()

    def _compile(self) -> None:
        self._single = [(f, ix[0]) for f, ix in self.index.items() if len(ix) == 1]
        self._several = [(f, ix) for f, ix in self.index.items() if len(ix) > 1]

    def override(self, mapping: Mapping[str, str | None]) -> None:
        """Fields read from the columns the user chose: ``{field: header or None}``.

        ``None`` leaves the field unread; an unknown header is refused in one line.
        """
        for field, header in mapping.items():
            if header is None or header == "":
                self.index.pop(field, None)
                continue
            at = [i for i, h in enumerate(self.table.headers) if h == header]
            if not at:
                key = header_key(header)
                at = [i for i, k in enumerate(self.table.keys) if k == key]
            if not at:
                raise DataError(
                    f"no column '{header}' for {field} (the columns are: "
                    f"{', '.join(h for h in self.table.headers if h)[:200]})",
                    file=self.table.name,
                    line=self.table.header_line,
                )
            self.index[field] = at[:1]
        self._compile()

    def header_of(self, field: str) -> str | None:
        """The header the field is read from (the first one when several)."""
        indexes = self.index.get(field)
        return self.table.headers[indexes[0]] if indexes else None

    def extract(self, row: Sequence[str]) -> dict[str, str | None]:
        """The value of every field the table has (the fast way to read a whole row)."""
        out: dict[str, str | None] = {}
        width = len(row)
        empty, longest = EMPTY_WORDS, _LONGEST_EMPTY
        for field, i in self._single:
            value = row[i].strip() if i < width else ""
            if not value or (len(value) <= longest and value.lower() in empty):
                value = None
            out[field] = value
        for field, indexes in self._several:
            value = None
            for i in indexes:
                if i < width:
                    value = clean(row[i])
                    if value is not None:
                        break
            out[field] = value
        return out

    def has(self, field: str) -> bool:
        return field in self.index

    def get(self, row: Sequence[str], field: str) -> str | None:
        indexes = self.index.get(field)
        if indexes is None:
            return None
        if len(indexes) == 1:
            i = indexes[0]
            return clean(row[i]) if i < len(row) else None
        for i in indexes:
            value = clean(row[i]) if i < len(row) else None
            if value is not None:
                return value
        return None

    def where(self, row: Sequence[str], field: str) -> str:
        """The header of the column ``field`` was read from in ``row`` (for errors)."""
        indexes = self.index.get(field, ())
        for i in indexes:
            if i < len(row) and clean(row[i]) is not None:
                return self.table.headers[i]
        return self.table.headers[indexes[0]] if indexes else field

"""Writers for exports to other tools: CSV for spreadsheets, XLSX, vCard 3.0.

No database and no Qt here: the export service hands over column names and rows of
plain Python values. Every file goes to a temporary file beside the target first and
is renamed over it only once complete (the bundle's helper), so a failed or cancelled
export leaves any old file as it was.

Spreadsheet safety: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would be run as a formula by Excel or LibreOffice (CSV injection); it
is written with a leading ``'``, in CSV and in XLSX alike (an XLSX saved again as CSV
stays safe). Numbers, dates and booleans are written by us, never neutralised.

CSV: UTF-8 with a BOM (Excel needs it to read accents), CRLF line ends, RFC 4180
quoting. With ``;`` (what French Excel expects) decimals use a comma, ``1234,50``;
with ``,`` they use a point. Date-times are ``YYYY-MM-DD HH:MM:SS``, which Excel reads
as date-times (the ``T`` of ISO 8601 makes it see text).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from abmdesk.errors import AbmError
from abmdesk.interop.native import _put_in_place

#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Rows of one worksheet at most (Excel's limit, header included).
XLSX_MAX_ROWS = 1_048_576

#: ``progress(rows written)``; raising from it cancels the export.
Progress = Callable[[int], None]


@dataclass(frozen=True)
class Money:
    """An amount in cents, written as a decimal number."""

    cents: int


def neutralise(text: str) -> str:
    """``'=1+1`` for ``=1+1``: a cell a spreadsheet will show, never run."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _no_progress(_rows: int) -> None:
    return None


def _csv_cell(value: Any, decimal: str) -> str:
    if type(value) is str:  # the common case first
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Money):
        sign = "-" if value.cents < 0 else ""
        units, cents = divmod(abs(value.cents), 100)
        return f"{sign}{units}{decimal}{cents:02d}"
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", decimal)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(str(value))


def _temp_beside(path: Path) -> tuple[Path, str]:
    tag = uuid.uuid4().hex[:8]
    return path.with_name(f".{path.name}.{tag}.tmp"), tag


def _write_atomically(path: Path, write: Callable[[Path], int]) -> int:
    """Run ``write(temp)``, then rename the temporary file over ``path``."""
    path = Path(path)
    if path.is_dir():
        raise AbmError(f"{path}: is a folder, not a file")
    if not path.parent.is_dir():
        raise AbmError(f"{path.parent}: no such folder")
    temp, tag = _temp_beside(path)
    try:
        rows = write(temp)
        _put_in_place([(temp, path)], tag)
    except OSError as exc:
        problem = exc.strerror or str(exc)
        raise AbmError(f"{path}: cannot write the file: {problem}") from None
    finally:
        temp.unlink(missing_ok=True)
    return rows


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    sep: str = ";",
    progress: Progress | None = None,
) -> int:
    """Write a CSV for spreadsheets; returns the number of data rows."""
    if sep not in (";", ","):
        raise AbmError(f"separator '{sep}': ';' or ',' expected")
    decimal = "," if sep == ";" else "."
    report = progress or _no_progress

    def write(temp: Path) -> int:
        count = 0
        with open(temp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=sep, lineterminator="\r\n")
            writer.writerow([neutralise(h) for h in header])
            for row in rows:
                writer.writerow([_csv_cell(v, decimal) for v in row])
                count += 1
                if count % 5000 == 0:
                    report(count)
            fh.flush()
            os.fsync(fh.fileno())
        report(count)
        return count

    return _write_atomically(path, write)


def write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str = "Export",
    progress: Progress | None = None,
) -> int:
    """Write one worksheet (streamed: openpyxl's write-only mode); data rows written.

    Amounts are numbers with two decimals, dates and date-times real dates, booleans
    real booleans; the header row is bold and frozen, columns are sized to their text.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    report = progress or _no_progress

    def write(temp: Path) -> int:
        book = Workbook(write_only=True)
        ws = book.create_sheet(title=sheet[:31])
        ws.freeze_panes = "A2"
        widths = [max(8, min(60, len(h) + 2)) for h in header]
        sample: list[list[Any]] = []
        count = 0
        bold = Font(bold=True)

        def cell(value: Any) -> Any:
            if isinstance(value, Money):
                c = WriteOnlyCell(ws, value=value.cents / 100)
                c.number_format = "#,##0.00"
                return c
            if isinstance(value, dt.datetime):
                c = WriteOnlyCell(ws, value=value.replace(microsecond=0))
                c.number_format = "yyyy-mm-dd hh:mm"
                return c
            if isinstance(value, dt.date):
                c = WriteOnlyCell(ws, value=value)
                c.number_format = "yyyy-mm-dd"
                return c
            if isinstance(value, str):
                c = WriteOnlyCell(ws, value=_xlsx_text(value))
                c.data_type = "s"  # never a formula, whatever it starts with
                return c
            return value

        # Column widths must be set before the first row of a write-only sheet: look at
        # the first rows, then write them and stream the rest.
        iterator = iter(rows)
        for row in iterator:
            sample.append(list(row))
            if len(sample) >= 200:
                break
        for values in sample:
            for i, value in enumerate(values[: len(widths)]):
                if isinstance(value, str):
                    longest = max((len(part) for part in value.splitlines()), default=0)
                    widths[i] = max(widths[i], min(60, longest + 2))
                elif isinstance(value, dt.datetime):
                    widths[i] = max(widths[i], 18)
                elif isinstance(value, dt.date | Money):
                    widths[i] = max(widths[i], 12)
        from openpyxl.utils import get_column_letter

        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        head_cells = []
        for h in header:
            c = WriteOnlyCell(ws, value=_xlsx_text(h))
            c.data_type = "s"
            c.font = bold
            head_cells.append(c)
        ws.append(head_cells)

        def all_rows() -> Iterable[Sequence[Any]]:
            yield from sample
            yield from iterator

        try:
            for row in all_rows():
                if count + 2 > XLSX_MAX_ROWS:
                    raise AbmError(
                        f"more than {XLSX_MAX_ROWS - 1} rows: too many for one Excel sheet, "
                        "export as CSV instead"
                    )
                ws.append([cell(v) for v in row])
                count += 1
                if count % 5000 == 0:
                    report(count)
        except BaseException:
            _abandon(ws)
            raise
        book.save(temp)
        report(count)
        return count

    return _write_atomically(path, write)


def _abandon(ws: Any) -> None:
    """Finish a write-only sheet abandoned half-way and delete its temporary XML."""
    with contextlib.suppress(Exception):  # cleaning up after the real error
        ws.close()  # ends openpyxl's row generator cleanly
    writer = getattr(ws, "_writer", None)
    out = getattr(writer, "out", None)
    if isinstance(out, str):
        Path(out).unlink(missing_ok=True)


def _xlsx_text(text: str) -> str:
    """Neutralised, without the control characters XML cannot hold."""
    text = neutralise(text)
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in text):
        text = "".join(ch for ch in text if ord(ch) >= 32 or ch in "\t\n\r")
    return text


# --------------------------------------------------------------------------- vCard


@dataclass(frozen=True)
class Card:
    """One person for a vCard 3.0 file."""

    full_name: str
    uid: str | None = None
    organization: str | None = None
    title: str | None = None
    email: str | None = None
    phone: str | None = None
    role: str | None = None
    note: str | None = None


def _vcard_escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued by a space, never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts, current, size, limit = [], [], 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # the leading space counts
        current.append(ch)
        size += n
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


def split_name(full_name: str) -> tuple[str, str]:
    """``(family, given)``: the last word is the family name ("Jean-Marc Dupont")."""
    words = full_name.split()
    if len(words) < 2:
        return full_name.strip(), ""
    return words[-1], " ".join(words[:-1])


def vcard_text(card: Card) -> str:
    family, given = split_name(card.full_name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_escape(card.full_name)}",
        f"N:{_vcard_escape(family)};{_vcard_escape(given)};;;",
    ]
    if card.uid:
        lines.append(f"UID:{_vcard_escape(card.uid)}")
    if card.organization:
        lines.append(f"ORG:{_vcard_escape(card.organization)}")
    if card.title:
        lines.append(f"TITLE:{_vcard_escape(card.title)}")
    if card.role:
        lines.append(f"ROLE:{_vcard_escape(card.role)}")
    if card.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_vcard_escape(card.email)}")
    if card.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_vcard_escape(card.phone)}")
    if card.note:
        lines.append(f"NOTE:{_vcard_escape(card.note)}")
    lines.append("END:VCARD")
    return "".join(_fold(line) for line in lines)


def write_vcard(path: Path, cards: Iterable[Card], *, progress: Progress | None = None) -> int:
    """Write a vCard 3.0 file (UTF-8, no BOM, CRLF, folded lines); cards written."""
    report = progress or _no_progress

    def write(temp: Path) -> int:
        count = 0
        with open(temp, "w", encoding="utf-8", newline="") as fh:
            for card in cards:
                fh.write(vcard_text(card))
                count += 1
                if count % 5000 == 0:
                    report(count)
            fh.flush()
            os.fsync(fh.fileno())
        report(count)
        return count

    return _write_atomically(path, write)
